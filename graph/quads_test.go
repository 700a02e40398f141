package graph

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/diplograph/diplograph/schema"
)

// TestQuadsGolden compares Quads of each fixture with testdata/graph/NAME.nq.
// Refresh with: go test ./graph -update
func TestQuadsGolden(t *testing.T) {
	for _, name := range append(fixtures, "riyadh-revised") {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			w := nquads.NewWriter(&buf)
			if _, err := quad.Copy(w, quad.NewReader(Quads(loadFixture(t, name)))); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join(fixtureDir, name+".nq")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./graph -update)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("Quads differ from %s (run go test ./graph -update and review the diff):\n%s",
					golden, lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	count := func(s string) map[string]int {
		m := make(map[string]int)
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	w, g := count(want), count(got)
	var out strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if g[l] < w[l] {
			out.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if w[l] < g[l] {
			out.WriteString("+ " + l + "\n")
		}
	}
	return out.String()
}

// TestQuadsInvariants checks what Write relies on: every quad is labelled
// with the article, the slice is sorted without duplicates, and every
// subject is reachable from the article node or its events by following
// the article's own quads (Write finds an article's old quads that way).
func TestQuadsInvariants(t *testing.T) {
	for _, name := range append(fixtures, "riyadh-revised") {
		t.Run(name, func(t *testing.T) {
			r := loadFixture(t, name)
			qs := Quads(r)
			label := schema.ArticleIRI(r.Document.ID)
			sorted := append([]quad.Quad(nil), qs...)
			sortQuads(sorted)
			for i, q := range qs {
				if q.Label != label {
					t.Errorf("quad %v: label %v, want %v", q, q.Label, label)
				}
				if q != sorted[i] {
					t.Fatalf("quads not sorted at %d: %v", i, q)
				}
				if i > 0 && q == qs[i-1] {
					t.Errorf("duplicate quad %v", q)
				}
			}
			reached := map[quad.Value]bool{label: true}
			for _, q := range qs {
				if q.Object == label {
					reached[q.Subject] = true
				}
			}
			for grew := true; grew; {
				grew = false
				for _, q := range qs {
					if reached[q.Subject] && !reached[q.Object] {
						if _, ok := q.Object.(quad.IRI); ok {
							reached[q.Object], grew = true, true
						}
					}
				}
			}
			for _, q := range qs {
				if !reached[q.Subject] {
					t.Errorf("subject of %v is not reachable from the article", q)
				}
			}
			if again := Quads(r); len(again) != len(qs) {
				t.Errorf("Quads is not deterministic: %d then %d quads", len(qs), len(again))
			}
		})
	}
}

func TestQuadsModel(t *testing.T) {
	r := schema.Result{
		Document: schema.Document{ID: "doc-1"},
		Actors: []schema.Actor{
			{ID: "country/RUS", Name: "Russia", Kind: schema.KindCountry, Country: "RUS"},
			{ID: "person/sergey-lavrov", Name: "Sergey Lavrov", Kind: schema.KindPerson, Country: "RUS",
				Aliases: []string{"Lavrov", "Lavrov"}},
			{ID: "organization/united-nations", Name: "United Nations", Kind: schema.KindOrganization, Country: "IGO"},
			{ID: "place/kyiv", Name: "Kyiv", Kind: schema.KindPlace, Country: "UKR"},
			{Name: "No ID"},
		},
		Events: []schema.Event{
			{ID: "event/1", CAMEO: "046", Root: "04", Label: "Engage in negotiation",
				Source: []string{"country/RUS", "person/sergey-lavrov"}, Target: []string{"organization/united-nations", "country/RUS"}},
			{ID: "event/2", CAMEO: "190", Root: "19", Label: "Use conventional military force",
				Source: []string{"country/RUS", ""}, Target: []string{"place/kyiv"}, Negated: true},
			{ID: "event/3", CAMEO: "9999", Label: "Unknown", Source: []string{"country/RUS"}, Target: []string{"place/kyiv"}},
		},
	}
	article := schema.ArticleIRI("doc-1")
	iri := func(s string) quad.IRI { return quad.IRI(s) }
	q := func(s, p quad.IRI, o quad.Value) quad.Quad {
		return quad.Quad{Subject: s, Predicate: p, Object: o, Label: article}
	}
	got := asSet(Quads(r))
	tests := []struct {
		name string
		quad quad.Quad
		want bool
	}{
		{"article named by its ID without a title", q(article, schema.PredName, quad.String("doc-1")), true},
		{"no headline without a title", q(article, schema.PredHeadline, quad.String("")), false},
		{"country has its code", q(iri("dg:country/RUS"), schema.PredCode, quad.String("RUS")), true},
		{"country does not belong to itself", q(iri("dg:country/RUS"), schema.PredCountry, iri("dg:country/RUS")), false},
		{"person belongs to its country", q(iri("dg:person/sergey-lavrov"), schema.PredCountry, iri("dg:country/RUS")), true},
		{"IGO code kept as literal", q(iri("dg:organization/united-nations"), schema.PredCountryCode, quad.String("IGO")), true},
		{"IGO is no country node", q(iri("dg:organization/united-nations"), schema.PredCountry, iri("dg:country/IGO")), false},
		{"unmentioned country typed", q(iri("dg:country/UKR"), schema.PredType, schema.ClassCountry), true},
		{"unmentioned country has its code", q(iri("dg:country/UKR"), schema.PredCode, quad.String("UKR")), true},
		{"relation from every source", q(iri("dg:person/sergey-lavrov"), iri("dg:consultedWith"), iri("dg:country/RUS")), true},
		{"relation to every target", q(iri("dg:country/RUS"), iri("dg:consultedWith"), iri("dg:organization/united-nations")), true},
		{"no relation to itself", q(iri("dg:country/RUS"), iri("dg:consultedWith"), iri("dg:country/RUS")), false},
		{"no relation from a negated event", q(iri("dg:country/RUS"), iri("dg:fought"), iri("dg:place/kyiv")), false},
		{"negated event kept", q(iri("dg:event/2"), schema.PredNegated, quad.Bool(true)), true},
		{"empty modality derived", q(iri("dg:event/2"), schema.PredModality, quad.String("negated")), true},
		{"no date, no dg:date", q(iri("dg:event/1"), schema.PredDate, quad.String("")), false},
		{"code points to its root", q(iri("dg:cameo/046"), schema.PredRoot, iri("dg:cameo/04")), true},
		{"root has its table label", q(iri("dg:cameo/04"), schema.PredName, quad.String("Consult")), true},
		{"root has no root", q(iri("dg:cameo/04"), schema.PredRoot, iri("dg:cameo/04")), false},
		{"code has quad class", q(iri("dg:cameo/046"), schema.PredQuadClass, quad.Int(1)), true},
		{"unknown code takes the event's label", q(iri("dg:cameo/9999"), schema.PredName, quad.String("Unknown")), true},
		{"unknown root inferred from the code", q(iri("dg:event/3"), schema.PredRoot, iri("dg:cameo/99")), true},
		{"event name from participants", q(iri("dg:event/1"), schema.PredName,
			quad.String("Russia, Sergey Lavrov – United Nations, Russia: Engage in negotiation")), true},
		{"negated event name says so", q(iri("dg:event/2"), schema.PredName,
			quad.String("Russia – Kyiv: Use conventional military force (negated)")), true},
	}
	for _, tt := range tests {
		if got[tt.quad] != tt.want {
			t.Errorf("%s: has %v = %v, want %v", tt.name, tt.quad, got[tt.quad], tt.want)
		}
	}
	aliases := 0
	for q := range got {
		if q.Predicate == schema.PredAlias {
			aliases++
		}
		if q.Subject == iri("dg:") || q.Object == iri("dg:") {
			t.Errorf("quad about an empty actor ID: %v", q)
		}
		if q.Subject == iri("dg:country/RUS") && q.Object == iri("dg:place/kyiv") {
			t.Errorf("relation from a negated event or an unknown root: %v", q)
		}
	}
	if aliases != 1 {
		t.Errorf("duplicate aliases: got %d alias quads, want 1", aliases)
	}
}

func TestDateRange(t *testing.T) {
	tests := []struct {
		date, start, end string
		ok               bool
	}{
		{"2014", "2014-01-01", "2014-12-31", true},
		{"2025-02", "2025-02-01", "2025-02-28", true},
		{"2024-02", "2024-02-01", "2024-02-29", true},
		{"2025-02-27", "2025-02-27", "2025-02-27", true},
		{"2025-02-16/2025-02-23", "2025-02-16", "2025-02-23", true},
		{"2014/2015-03", "2014-01-01", "2015-03-31", true},
		{"2025-03/2025-02", "", "", false}, // ends before it starts
		{"2025-13", "", "", false},
		{"2025-02-30", "", "", false},
		{"yesterday", "", "", false},
		{"", "", "", false},
		{"2025-02-27/", "", "", false},
	}
	for _, tt := range tests {
		start, end, ok := dateRange(tt.date)
		if start != tt.start || end != tt.end || ok != tt.ok {
			t.Errorf("dateRange(%q) = %q, %q, %v; want %q, %q, %v", tt.date, start, end, ok, tt.start, tt.end, tt.ok)
		}
	}
}

// TestQuadsPLOVER: an event carries the extractor's PLOVER class, or the
// table's when it has none; an appeal (02x), which PLOVER does not code,
// carries none.
func TestQuadsPLOVER(t *testing.T) {
	r := schema.Result{
		Document: schema.Document{ID: "doc"},
		Events: []schema.Event{
			{ID: "event/a", CAMEO: "042", Root: "04", PLOVER: &schema.PLOVER{Type: "CONSULT", Mode: "multilateral"}},
			{ID: "event/b", CAMEO: "1663", Root: "16"},
			{ID: "event/c", CAMEO: "020", Root: "02"},
		},
	}
	got := map[string]string{}
	for _, q := range Quads(r) {
		if p := q.Predicate.(quad.IRI); strings.HasPrefix(string(p), "dg:plover") {
			got[string(q.Subject.(quad.IRI))+" "+string(p)] = string(q.Object.(quad.String))
		}
	}
	want := map[string]string{
		"dg:event/a dg:ploverType":    "CONSULT",
		"dg:event/a dg:ploverMode":    "multilateral",
		"dg:event/b dg:ploverType":    "SANCTION",
		"dg:event/b dg:ploverMode":    "expel",
		"dg:event/b dg:ploverContext": "human_security",
	}
	if len(got) != len(want) {
		t.Errorf("PLOVER quads = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}
