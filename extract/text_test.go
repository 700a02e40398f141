package extract

import (
	"strings"
	"testing"
	"time"
)

// ParseZero is the zero time, for tests that have no publication date.
func ParseZero() time.Time { return time.Time{} }

func TestNormalizeKeepsOffsets(t *testing.T) {
	orig := "Trump\u2019s call \u201cworked\u201d\u00a0\u2014 yes"
	n := normalize(orig)
	if n.text != `Trump's call "worked" — yes` {
		t.Fatalf("folded text %q", n.text)
	}
	for _, word := range []string{"Trump's", `"worked"`, "yes", "—"} {
		i := strings.Index(n.text, word)
		s, e := n.origSpan(i, i+len(word))
		back := orig[s:e]
		if len([]rune(back)) != len([]rune(word)) {
			t.Errorf("%q maps back to %q", word, back)
		}
	}
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name, text         string
		headline, dateline string
		agency             string
		blocks             int
	}{
		{"ap", "Headline here\nISTANBUL (AP) — Body one.\nBody two.\n___\nAssociated Press writer X in Y contributed to this report.\nBy MEHMET GUZEL\nAssociated Press",
			"Headline here", "ISTANBUL", "AP", 3},
		{"wire with country", "Biden and Xi meet\nNUSA DUA, Indonesia (Wire) — President Joe Biden met.\nBy Daniel Cho",
			"Biden and Xi meet", "NUSA DUA, Indonesia", "Wire", 2},
		{"no dateline", "Just one paragraph of text that ends here.", "", "", "", 1},
		{"dash dateline", "Title\nMOSCOW — Russia said.", "Title", "MOSCOW", "", 2},
		{"not a dateline", "Title\nUN officials said - something.", "Title", "", "", 2},
	}
	for _, tt := range tests {
		l := segment(tt.text)
		if l.headline != tt.headline || l.dateline != tt.dateline || l.agency != tt.agency || len(l.blocks) != tt.blocks {
			t.Errorf("%s: got headline %q dateline %q agency %q blocks %d", tt.name, l.headline, l.dateline, l.agency, len(l.blocks))
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Sergey Lavrov":            "sergey-lavrov",
		"Recep Tayyip Erdoğan":     "recep-tayyip-erdogan",
		"Jean-Yves Le Drian":       "jean-yves-le-drian",
		"Kurdistan Workers' Party": "kurdistan-workers-party",
		"St. Petersburg":           "st-petersburg",
	}
	for in, want := range tests {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}
