package main

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schema"
)

// The fuzz targets below cover every parser of outside input in the
// command: files (text in any encoding, HTML), JSON Lines records, dates
// and sizes given on the command line or in records. Inputs that once
// failed are kept in testdata/fuzz and run by go test.

// FuzzArticleFile: any file's bytes are read as an article or refused
// with a reason; an article's text is non-empty UTF-8 without NUL.
func FuzzArticleFile(f *testing.F) {
	for _, s := range []string{
		"", " \n", sampleArticle, sampleHTML, "\x89PNG\x00", "%PDF-1.4", "caf\xe9",
		utf16File(sampleArticle, binary.LittleEndian), utf16File("Lavrov", binary.BigEndian), "\xff\xfe\x00",
		"\xef\xbb\xbf---\ntitle: x\n---\nbody", "<!doctype html><article><p>x</p></article>",
		"<html><body><article><article>a</article>bb</article>", "\xff\xfe\x00\xd8\x00\xdc",
	} {
		f.Add("a.txt", []byte(s))
	}
	f.Add("page.html", []byte("<p>Lavrov <b>met</b> Rubio"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		art, err := articleFromFile(name, data)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error")
			}
			return
		}
		if strings.TrimSpace(art.Text) == "" || !utf8.ValidString(art.Text) || strings.ContainsRune(art.Text, 0) {
			t.Errorf("article text %q", art.Text)
		}
		if art.Published != "" {
			if _, err := schema.ParseDay(art.Published); err != nil {
				t.Errorf("published %q", art.Published)
			}
		}
	})
}

// FuzzHTML: any page gives an article or "no article text", never a panic.
func FuzzHTML(f *testing.F) {
	for _, s := range []string{
		sampleHTML, "", "<", "<html><head><title>t</title></head><body></body></html>",
		"<table><tr><td>a<td>b</table>", "<svg><p>x</svg>", `<meta property="article:published_time" content="2025-02-30">`,
		"<article hidden>x</article><main>y</main>", strings.Repeat("<div>", 2000) + "deep",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		art, err := articleFromHTML(page)
		if err != nil {
			return
		}
		if strings.TrimSpace(art.Text) == "" {
			t.Errorf("empty text without an error")
		}
		if utf8.ValidString(page) && !utf8.ValidString(art.Text) {
			t.Errorf("text %q is not UTF-8", art.Text)
		}
	})
}

// FuzzJSONLines: any stream of JSON Lines gives records or errors that
// name their line, and every record is a valid article.
func FuzzJSONLines(f *testing.F) {
	for _, s := range []string{
		"", "\n\n", `{"id":"a","text":"x"}`, "{\"text\":\"a\"}\r\n{bad\n{\"text\":\"b\",\"published\":\"2024-02-29\"}",
		`{"text":1}`, `{"text":"a","published":"2023-02-29"}`, `[]`, `null`, `{"text":"\u0000"}`,
		"\xef\xbb\xbf{\"text\":\"bom\"}", utf16File(`{"text":"utf16"}`+"\n", binary.LittleEndian),
		`{"text":"` + strings.Repeat("a", 300) + `"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		err := eachJSONLine("f.jsonl", bytes.NewReader(data), readOptions{maxSize: 256}, func(it inputItem) error {
			if it.src.line < 1 || it.src.line > lines+1 {
				t.Errorf("line %d of %d", it.src.line, lines)
			}
			if it.err != nil {
				if !strings.HasPrefix(it.err.Error(), it.src.String()+": ") {
					t.Errorf("error %q does not name %s", it.err, it.src)
				}
				return nil
			}
			if strings.TrimSpace(it.article.Text) == "" {
				t.Errorf("record %s without text", it.src)
			}
			if it.article.Published != "" {
				if _, err := schema.ParseDay(it.article.Published); err != nil {
					t.Errorf("record %s: published %q", it.src, it.article.Published)
				}
			}
			return nil
		})
		if err != nil {
			t.Errorf("reading from memory failed: %v", err)
		}
	})
}

// FuzzDate: --published and "published" accept exactly the real days
// written YYYY-MM-DD.
func FuzzDate(f *testing.F) {
	for _, s := range []string{"2025-02-27", "2024-02-29", "2023-02-29", "27/02/2025", "yesterday", "", "2025-2-7", "+2025-02-27", "2025-02-27T00:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := schema.ParseDay(s)
		if err != nil {
			return
		}
		if got := d.Format("2006-01-02"); got != s {
			t.Errorf("ParseDay(%q) accepted it as %s", s, got)
		}
	})
}

// FuzzSize: --max-size reads sizes back as formatSize prints them.
func FuzzSize(f *testing.F) {
	for _, s := range []string{"1MB", "512K", "0", "-1", "1GiB", "99999999999999GB", " 7 kb "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseSize(s)
		if err != nil {
			return
		}
		if n <= 0 {
			t.Fatalf("parseSize(%q) = %d", s, n)
		}
		if back, err := parseSize(formatSize(n)); err != nil || back != n {
			t.Errorf("parseSize(%q) = %d prints as %q, reads back as %d, %v", s, n, formatSize(n), back, err)
		}
	})
}
