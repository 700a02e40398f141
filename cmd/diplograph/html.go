package main

import (
	"errors"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/schema"
)

// HTML files are web pages saved from a news site. Rather than refuse them,
// diplograph reads the article out of the page, the way a reader would:
// golang.org/x/net/html (the Go team's HTML5 parser, which accepts any
// malformed page as browsers do) builds the tree; the text comes from the
// <article> element (else <main>, else <body>), without scripts, styles,
// navigation, asides, footers and forms, one paragraph per line under the
// page's title; the title, canonical URL and publication date come from
// the page's metadata.

// htmlStartRE recognises a web page saved with another extension.
var htmlStartRE = regexp.MustCompile(`(?is)^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]`)

func looksLikeHTML(text string) bool {
	if len(text) > 4096 {
		text = text[:4096]
	}
	return htmlStartRE.MatchString(text)
}

// Elements whose content is not the article's text.
var skipElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Math: true, atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Figure: true, atom.Head: true,
}

// Elements that end a paragraph.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Pre: true,
	atom.Table: true, atom.Tr: true, atom.Br: true, atom.Hr: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Address: true, atom.Figcaption: true, atom.Body: true,
}

// articleFromHTML reads the article out of a web page.
func articleFromHTML(page string) (extract.Article, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return extract.Article{}, err
	}
	meta := readMeta(doc)
	root := contentRoot(doc)
	var paras []string
	var cur strings.Builder
	flush := func() {
		if p := strings.Join(strings.Fields(cur.String()), " "); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipElements[n.DataAtom] || (n.DataAtom == atom.Header && root.DataAtom != atom.Article) || hidden(n) {
				return
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		} else if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
			cur.WriteByte(' ')
		}
	}
	walk(root)
	flush()
	if len(paras) == 0 {
		return extract.Article{}, errors.New("HTML page without article text")
	}
	if meta.title != "" && paras[0] != meta.title {
		paras = append([]string{meta.title}, paras...)
	}
	return extract.Article{Title: meta.title, URL: meta.url, Published: meta.published, Text: strings.Join(paras, "\n") + "\n"}, nil
}

// hidden reports elements the page does not show.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
			return true
		}
	}
	return false
}

type pageMeta struct{ title, url, published string }

// readMeta reads the title, canonical URL and publication date of a page.
func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var title, h1, ogTitle, canonical, ogURL, published, timeTag string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if title == "" {
					title = nodeText(n)
				}
			case atom.H1:
				if h1 == "" {
					h1 = nodeText(n)
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = attr(n, "href")
				}
			case atom.Time:
				if timeTag == "" {
					timeTag = attr(n, "datetime")
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					ogTitle = val
				case "og:url":
					ogURL = val
				case "article:published_time", "datepublished", "date", "pubdate", "dc.date", "dc.date.issued", "publish-date":
					if published == "" {
						published = val
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	m.title = firstNonEmpty(ogTitle, title, h1)
	m.url = firstNonEmpty(canonical, ogURL)
	for _, d := range []string{published, timeTag} {
		if len(d) >= 10 {
			if _, err := schema.ParseDay(d[:10]); err == nil {
				m.published = d[:10]
				break
			}
		}
	}
	return m
}

// contentRoot is where the article's text is: the <article> with the most
// text, else <main>, else <body>, else the whole document.
func contentRoot(doc *html.Node) *html.Node {
	var best, main, body *html.Node
	bestLen := 0
	// walk returns the length of the text under n, in one pass however
	// deeply articles nest.
	var walk func(n *html.Node) int
	walk = func(n *html.Node) int {
		if n.Type == html.TextNode {
			return len(strings.TrimSpace(n.Data))
		}
		l := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			l += walk(c)
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style:
				return 0
			case atom.Article:
				if l > bestLen {
					best, bestLen = n, l
				}
			case atom.Main:
				main = n
			case atom.Body:
				body = n
			}
		}
		return l
	}
	walk(doc)
	for _, n := range []*html.Node{best, main, body} {
		if n != nil {
			return n
		}
	}
	return doc
}

// nodeText is the text of a node, spaces collapsed, without scripts and
// styles.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
