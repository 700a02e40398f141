package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

const undatedArticle = "Kenya and Uganda sign trade pact\nNAIROBI (Wire) — Kenya and Uganda signed a trade agreement in Nairobi.\n"

// TestIngestWarnsUndated: an article without a publication date is
// ingested with one warning saying how many and how to give one.
func TestIngestWarnsUndated(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	code, out, errOut := runCmd(t, undatedArticle, "ingest", "--db", db, "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Count(out+errOut, "warning: 1 article(s) have no publication date") != 1 || !strings.Contains(out+errOut, "--published") {
		t.Errorf("no single warning about the undated article:\n%s%s", out, errOut)
	}
	code, out, errOut = runCmd(t, undatedArticle, "ingest", "--db", filepath.Join(t.TempDir(), "db2"), "--published", "2024-03-01", "-")
	if code != exitOK || strings.Contains(out+errOut, "no publication date") {
		t.Errorf("a dated ingest warned: exit %d\n%s%s", code, out, errOut)
	}
}

// TestStoryDates: with a publication date every asserted event has a
// date and says where it came from; without one, undated events say none.
func TestStoryDates(t *testing.T) {
	for _, c := range []struct {
		published, date, source string
	}{{"2024-03-01", "2024-03-01", "story"}, {"", "", "none"}} {
		args := []string{"extract", "--format", "json", "-"}
		if c.published != "" {
			args = append(args[:3], "--published", c.published, "-")
		}
		code, out, errOut := runCmd(t, undatedArticle, args...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var res struct {
			Events []struct {
				CAMEO      string  `json:"cameo"`
				Date       *string `json:"date"`
				DateSource string  `json:"dateSource"`
				Negated    bool    `json:"negated"`
			} `json:"events"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Events) == 0 {
			t.Fatalf("published %q: no events", c.published)
		}
		for _, e := range res.Events {
			got := ""
			if e.Date != nil {
				got = *e.Date
			}
			if got != c.date || e.DateSource != c.source {
				t.Errorf("published %q: event %s dated %q (%s), want %q (%s)", c.published, e.CAMEO, got, e.DateSource, c.date, c.source)
			}
		}
	}
}
