package extract

import (
	"regexp"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

var (
	frontMatterRE = regexp.MustCompile(`(?s)\A---\r?\n(.*?)\r?\n---\r?\n`)
	metaLineRE    = regexp.MustCompile(`(?im)^(title|published|date|url)\s*:\s*(.+?)\s*$`)
)

// ParseArticle reads an article file's optional metadata: a front-matter
// block ("---" lines around "title:", "published:", "url:") or up to four
// such lines at the very top ("Published: 2025-02-27"). It returns the
// Article with the metadata set and Text the rest of the file.
func ParseArticle(text string) Article {
	var header, body string
	if m := frontMatterRE.FindStringSubmatchIndex(text); m != nil {
		header, body = text[m[2]:m[3]], text[m[1]:]
	} else {
		lines := strings.SplitAfter(text, "\n")
		n := 0
		for n < len(lines) && n < 4 && metaLineRE.MatchString(strings.TrimSpace(lines[n])) {
			n++
		}
		header, body = strings.Join(lines[:n], ""), strings.Join(lines[n:], "")
	}
	a := Article{Text: body}
	for _, m := range metaLineRE.FindAllStringSubmatch(header, -1) {
		v := strings.Trim(m[2], `"'`)
		switch strings.ToLower(m[1]) {
		case "title":
			a.Title = v
		case "published", "date":
			if _, err := schema.ParseDay(v); err == nil {
				a.Published = v
			}
		case "url":
			a.URL = v
		}
	}
	return a
}
