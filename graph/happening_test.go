package graph

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// The Riyadh talks of 18 February 2025 as three articles report them:
// riyadh (the day, at Riyadh), istanbul (the day, at Riyadh, the other way
// round) and ankara (the month, in Saudi Arabia).
const riyadhTalks = quad.IRI("dg:event/f88db042c9d1f734")

// eventNodes returns the distinct subjects typed schema:Event.
func eventNodes(t *testing.T, s *Store) []quad.IRI {
	t.Helper()
	var out []quad.IRI
	for _, v := range queryAll(t, s, `g.V().Has("<rdf:type>", "<schema:Event>").Unique().All()`, 0) {
		out = append(out, quad.IRI(stripBrackets(v.(map[string]any)["id"].(string))))
	}
	slices.Sort(out)
	return out
}

func stripBrackets(s string) string { return s[1 : len(s)-1] }

// reportsOf returns the report nodes of an event, sorted.
func reportsOf(t *testing.T, s *Store, event quad.IRI) []string {
	t.Helper()
	var out []string
	for _, v := range queryAll(t, s, `g.V("<`+string(event)+`>").Out("<dg:report>").All()`, 0) {
		out = append(out, v.(map[string]any)["id"].(string))
	}
	slices.Sort(out)
	return out
}

func writeAll(t *testing.T, s *Store, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := s.Write(context.Background(), loadFixture(t, name)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestMergeAcrossArticles(t *testing.T) {
	s, _ := openTemp(t)
	writeAll(t, s, "riyadh", "istanbul", "ankara")
	want := []string{"<dg:report/ankara-4>", "<dg:report/istanbul-3>", "<dg:report/riyadh-1>"}
	if got := reportsOf(t, s, riyadhTalks); !slices.Equal(got, want) {
		t.Errorf("reports of the Riyadh talks: %v, want %v", got, want)
	}
	rels, err := s.Relations(context.Background(), RelationQuery{Actor: "person/sergey-lavrov"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rels {
		if r.Counterpart.ID == "person/marco-rubio" && (r.Events != 1 || r.Articles != 3 || r.Direction != "out" || r.First != "2025-02-18") {
			t.Errorf("Lavrov–Rubio: %+v, want 1 event from 3 articles on 2025-02-18, Lavrov the source", r)
		}
	}
}

// Reports that agree on the day and place give the node the same IRI in
// any order; a looser report (the month) joins it in any order too.
func TestMergeOrderIndependent(t *testing.T) {
	for _, order := range [][]string{{"riyadh", "istanbul"}, {"istanbul", "riyadh"}} {
		s, _ := openTemp(t)
		writeAll(t, s, order...)
		if got := reportsOf(t, s, riyadhTalks); len(got) != 2 {
			t.Errorf("order %v: reports of %s: %v, want 2", order, riyadhTalks, got)
		}
	}
	var first []quad.IRI
	for _, order := range [][]string{{"riyadh", "istanbul", "ankara"}, {"ankara", "istanbul", "riyadh"}} {
		s, _ := openTemp(t)
		writeAll(t, s, order...)
		evs := eventNodes(t, s)
		n := 0
		for _, e := range evs {
			if len(reportsOf(t, s, e)) == 3 {
				n++
			}
		}
		if n != 1 {
			t.Errorf("order %v: %d events with three reports, want 1", order, n)
		}
		if first == nil {
			first = evs
		} else if len(evs) != len(first) {
			t.Errorf("order %v: %d events, other order %d", order, len(evs), len(first))
		}
	}
}

// Replacing or re-reading one article keeps the other articles' reports
// of an event they share.
func TestMergeReplaceKeepsOtherReports(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	writeAll(t, s, "riyadh", "istanbul")
	rep, err := s.Write(ctx, loadFixture(t, "riyadh-revised")) // the day becomes 17–18 February
	if err != nil || rep.Status != StatusReplaced {
		t.Fatalf("replace: %+v, %v", rep, err)
	}
	want := []string{"<dg:report/istanbul-3>", "<dg:report/riyadh-1>"}
	if got := reportsOf(t, s, riyadhTalks); !slices.Equal(got, want) {
		t.Errorf("after replacing riyadh: reports %v, want %v (the revision still matches)", got, want)
	}
	dates := queryAll(t, s, `g.V("<dg:event/f88db042c9d1f734>").Out("<dg:date>").All()`, 0)
	sortByJSON(dates)
	if len(dates) != 2 {
		t.Errorf("dates of the talks: %v, want each article's", dates)
	}

	// An istanbul without the Riyadh talks: riyadh's report stays.
	ist := loadFixture(t, "istanbul")
	ist.Document.SHA256 = "changed"
	ist.Events = slices.DeleteFunc(ist.Events, func(e schema.Event) bool { return e.ID == "event/istanbul-3" })
	if _, err := s.Write(ctx, ist); err != nil {
		t.Fatal(err)
	}
	if got := reportsOf(t, s, riyadhTalks); !slices.Equal(got, []string{"<dg:report/riyadh-1>"}) {
		t.Errorf("after dropping istanbul's report: %v, want riyadh's alone", got)
	}
	evs, err := s.Events(ctx, EventQuery{Between: "person/sergey-lavrov", And: "person/marco-rubio", Reports: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || len(evs[0].Articles) != 1 || evs[0].Date != "2025-02-17/2025-02-18" || evs[0].Reports[0].ID != "report/riyadh-1" {
		t.Errorf("events between Lavrov and Rubio: %+v", evs)
	}

	// Writing the same articles again changes nothing.
	before := allQuads(t, s)
	for _, r := range []schema.Result{loadFixture(t, "riyadh-revised"), ist} {
		if rep, err := s.Write(ctx, r); err != nil || rep.Status != StatusUnchanged {
			t.Errorf("rewrite %s: %+v, %v", r.Document.ID, rep, err)
		}
	}
	sameSet(t, "after rewriting", asSet(allQuads(t, s)), asSet(before))
}

// One article that reports a happening twice gives it one node; undated,
// denied and hypothetical events keep their own.
func TestMergeWithinArticle(t *testing.T) {
	ev := func(id, date string, negated bool, place string) schema.Event {
		m := schema.ModalityAsserted
		if negated {
			m = schema.ModalityNegated
		}
		return schema.Event{ID: id, CAMEO: "040", Root: "04", Source: []string{"country/RUS"}, Target: []string{"country/USA"},
			Date: date, Negated: negated, Modality: m, Place: place, Evidence: id}
	}
	r := schema.Result{
		Document: schema.Document{ID: "doc"},
		Actors: []schema.Actor{
			{ID: "country/RUS", Name: "Russia", Kind: schema.KindCountry, Country: "RUS"},
			{ID: "country/USA", Name: "United States", Kind: schema.KindCountry, Country: "USA"},
			{ID: "place/geneva", Name: "Geneva", Kind: schema.KindPlace, Country: "CHE"},
			{ID: "place/riyadh", Name: "Riyadh", Kind: schema.KindPlace, Country: "SAU"},
			{ID: "country/SAU", Name: "Saudi Arabia", Kind: schema.KindCountry, Country: "SAU"},
		},
		Events: []schema.Event{
			ev("event/a", "2025-02-18", false, "place/riyadh"),
			ev("event/b", "2025-02", false, "country/SAU"), // the same, loosely
			ev("event/c", "2025-02-18", false, "place/geneva"),
			ev("event/d", "", false, ""),
			ev("event/e", "", false, ""),
			ev("event/f", "2025-02-18", true, ""),
			ev("event/g", "2025-03-01", false, ""),
		},
	}
	got, err := assignEvents(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	same := func(a, b string) bool { return got["event/"+a] == got["event/"+b] }
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"a", "b", true}, {"a", "c", false}, {"b", "c", false}, {"d", "e", false},
		{"a", "f", false}, {"a", "g", false}, {"b", "g", false},
	} {
		if same(tt.a, tt.b) != tt.want {
			t.Errorf("events %s and %s share a node: %v, want %v (%v)", tt.a, tt.b, !tt.want, tt.want, got)
		}
	}
	if got["event/d"] != schema.EventIRI("event/d") || got["event/f"] != schema.EventIRI("event/f") {
		t.Errorf("unmerged events keep the extractor's IDs: %v", got)
	}
}

func TestSamePlace(t *testing.T) {
	riyadh := place{iri: "dg:place/riyadh", country: "SAU"}
	jeddah := place{iri: "dg:place/jeddah", country: "SAU"}
	sau := place{iri: "dg:country/SAU", country: "SAU"}
	geneva := place{iri: "dg:place/geneva", country: "CHE"}
	for _, tt := range []struct {
		a, b place
		want bool
	}{
		{riyadh, riyadh, true}, {riyadh, sau, true}, {sau, riyadh, true},
		{riyadh, jeddah, false}, {riyadh, geneva, false}, {sau, geneva, false},
	} {
		if got := samePlace(tt.a, tt.b); got != tt.want {
			t.Errorf("samePlace(%s, %s) = %v, want %v", tt.a.iri, tt.b.iri, got, tt.want)
		}
	}
}

// Quads gives the same IRIs as a write into an empty store.
func TestQuadsMatchWrite(t *testing.T) {
	for _, name := range queryFixtures {
		s, _ := openTemp(t)
		writeAll(t, s, name)
		sameSet(t, name, asSet(allQuads(t, s)), func() map[quad.Quad]bool {
			m := asSet(Quads(loadFixture(t, name)))
			m[quad.Quad{Subject: storeNode, Predicate: predSchemaVersion, Object: quad.Int(SchemaVersion)}] = true
			return m
		}())
	}
}

func TestMonths(t *testing.T) {
	for _, tt := range []struct {
		start, end string
		want       []string
	}{
		{"2025-02-18", "2025-02-18", []string{"2025-02"}},
		{"2025-02-27", "2025-03-02", []string{"2025-02", "2025-03"}},
		{"2024-12-01", "2025-01-31", []string{"2024-12", "2025-01"}},
		{"2014-01-01", "2014-12-31", []string{"2014-01", "2014-02", "2014-03", "2014-04", "2014-05", "2014-06",
			"2014-07", "2014-08", "2014-09", "2014-10", "2014-11", "2014-12"}},
		{"", "2025-02-18", nil},
	} {
		if got := months(tt.start, tt.end); !slices.Equal(got, tt.want) {
			t.Errorf("months(%q, %q) = %v, want %v", tt.start, tt.end, got, tt.want)
		}
	}
	if got := months("2006-01-01", "2025-11-24"); len(got) != maxMergeMonths+1 {
		t.Errorf("months over 20 years: %d, want the cap %d", len(got), maxMergeMonths+1)
	}
}

// Merging reads the stored events of the months an event's date spans,
// and only those; a date vaguer than maxMergeMonths is never merged.
func TestAssignEventsReadsItsMonths(t *testing.T) {
	ev := func(id, date string) schema.Event {
		return schema.Event{ID: id, CAMEO: "040", Root: "04", Source: []string{"country/RUS"}, Target: []string{"country/USA"}, Date: date}
	}
	for _, tt := range []struct {
		date string
		want []string
	}{
		{"2025-02-18", []string{"04 country/RUS country/USA 2025-02"}},
		{"2025-02-27/2025-03-02", []string{"04 country/RUS country/USA 2025-02", "04 country/RUS country/USA 2025-03"}},
		{"2014", nil}, // twelve months: read, listed below
		{"2006/2025", nil},
	} {
		var asked []string
		stored := func(mk string) ([]*happening, error) {
			asked = append(asked, mk)
			return nil, nil
		}
		r := schema.Result{Document: schema.Document{ID: "a"}, Events: []schema.Event{ev("a-1", tt.date), ev("a-2", tt.date)}}
		got, err := assignEvents(r, stored)
		if err != nil {
			t.Fatal(err)
		}
		switch tt.date {
		case "2014":
			if len(asked) != 12 {
				t.Errorf("%s: read %d month keys, want 12", tt.date, len(asked))
			}
		default:
			if !slices.Equal(asked, tt.want) {
				t.Errorf("%s: read %v, want %v", tt.date, asked, tt.want)
			}
		}
		merged := got["a-1"] == got["a-2"]
		if wantMerged := tt.date != "2006/2025"; merged != wantMerged {
			t.Errorf("%s: two reports in one article merged = %v, want %v", tt.date, merged, wantMerged)
		}
	}
}

// A stored happening found through two months is one candidate.
func TestAssignEventsJoinsAcrossMonths(t *testing.T) {
	stored := func(mk string) ([]*happening, error) {
		return []*happening{{iri: "dg:event/stored", start: "2025-02-27", end: "2025-03-02"}}, nil
	}
	r := schema.Result{Document: schema.Document{ID: "b"}, Events: []schema.Event{
		{ID: "b-1", CAMEO: "040", Root: "04", Source: []string{"country/RUS"}, Target: []string{"country/USA"}, Date: "2025-02-20/2025-03-10"},
		{ID: "b-2", CAMEO: "040", Root: "04", Source: []string{"country/RUS"}, Target: []string{"country/USA"}, Date: "2025-03-01"},
	}}
	got, err := assignEvents(r, stored)
	if err != nil {
		t.Fatal(err)
	}
	if got["b-1"] != "dg:event/stored" || got["b-2"] != "dg:event/stored" {
		t.Errorf("events assigned %v, want both on dg:event/stored", got)
	}
}

// The happenings a report may join read the same whichever way they are
// read: a key at a time, or (on PostgreSQL) all keys in one query; both
// leave out the article's own reports.
func TestStoredHappeningsAgree(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	writeAll(t, s, "riyadh", "istanbul", "ankara", "crimea")
	found := 0
	for _, name := range []string{"riyadh", "riyadh-revised", "istanbul", "ankara", "crimea"} {
		res := loadFixture(t, name)
		label := schema.ArticleIRI(res.Document.ID)
		r, err := s.newReader(ctx)
		if err != nil {
			t.Fatal(err)
		}
		byKey, err := r.storedHappenings(label, res)
		if err != nil {
			t.Fatal(err)
		}
		one := r.happeningsOf(label)
		for _, mk := range monthKeys(res) {
			want, err := one(mk)
			if err != nil {
				t.Fatal(err)
			}
			got, err := byKey(mk)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := happeningsString(got), happeningsString(want); g != w {
				t.Errorf("%s, %q: read at once %s, a key at a time %s", name, mk, g, w)
			}
			found += len(want)
		}
		r.close()
	}
	if found == 0 {
		t.Error("no stored happening found: the fixtures no longer share events")
	}
}

// happeningsString prints happenings sorted by IRI, their places sorted.
func happeningsString(hs []*happening) string {
	var out []string
	for _, h := range hs {
		var places []string
		for _, p := range h.places {
			places = append(places, string(p.iri)+"@"+p.country)
		}
		slices.Sort(places)
		out = append(out, fmt.Sprintf("%s %s..%s %v", h.iri, h.start, h.end, places))
	}
	slices.Sort(out)
	return fmt.Sprint(out)
}
