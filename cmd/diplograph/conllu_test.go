package main

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph/extract/syntax"
)

// TestExtractCoNLLU: every sentence of every bundled article, the JSON
// Lines file's included, comes out as a CoNLL-U block that reads back,
// with words that spell its text in order.
func TestExtractCoNLLU(t *testing.T) {
	code, out, errOut := runCmd(t, "", "extract", "--format", "conllu", "../../testdata/articles")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	sents, err := syntax.ReadCoNLLU(strings.NewReader(out), "output")
	if err != nil {
		t.Fatal(err)
	}
	docs := strings.Count(out, "# newdoc id = ")
	if docs < 8 || !strings.Contains(out, "# newdoc id = blinken-manila\n") {
		t.Errorf("%d articles in the output, want every file and JSON Lines record", docs)
	}
	headlines := strings.Count(out, "# part = headline")
	if headlines != docs {
		t.Errorf("%d headlines for %d articles", headlines, docs)
	}
	for _, s := range sents {
		var b strings.Builder
		for _, w := range s.Words {
			b.WriteString(w.Form)
			if w.SpaceAfter {
				b.WriteString(" ")
			}
		}
		if strings.Join(strings.Fields(b.String()), "") != strings.Join(strings.Fields(s.Text), "") {
			t.Errorf("%s: words %q do not spell the text %q", s.ID, b.String(), s.Text)
		}
		roots := 0
		for _, w := range s.Words {
			if w.Head == 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("%s: %d roots", s.ID, roots)
		}
	}
}

func TestExtractCoNLLUBadInput(t *testing.T) {
	code, out, errOut := runCmd(t, "", "extract", "--format", "conllu", "../../testdata/articles/albanese-xi-beijing.txt", "missing.txt")
	if code != exitFailure || !strings.Contains(errOut, "missing.txt") || !strings.Contains(out, "# newdoc id = albanese-xi-beijing.txt") {
		t.Errorf("exit %d, stderr %q: want the good article printed, the missing one named, exit 1", code, errOut)
	}
}

func TestExtractProfile(t *testing.T) {
	code, _, errOut := runCmd(t, "", "extract", "--profile", "--published", "2024-05-23", "../../testdata/articles/ruto-state-visit-washington.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, st := range []string{"segment", "tokenize", "mentions", "resolve", "events", "statements", "total"} {
		if !strings.Contains(errOut, st+" ") {
			t.Errorf("profile lacks %s:\n%s", st, errOut)
		}
	}
}
