package graph

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// openQueryFixtures opens a store holding the fixtures of docs/queries.md.
func openQueryFixtures(t *testing.T) *Store {
	t.Helper()
	s, _ := openTemp(t)
	writeAll(t, s, queryFixtures...)
	return s
}

func TestLookupActor(t *testing.T) {
	s := openQueryFixtures(t)
	ctx := context.Background()
	for _, tt := range []struct{ name, want string }{
		{"Sergey Lavrov", "person/sergey-lavrov"},
		{"sergey lavrov", "person/sergey-lavrov"},
		{"LAVROV", "person/sergey-lavrov"},
		{"Lavrov's", "person/sergey-lavrov"},
		{"Sergei Lavrov", "person/sergey-lavrov"}, // transliterated
		{"S. Lavrov", "person/sergey-lavrov"},
		{"person/sergey-lavrov", "person/sergey-lavrov"},
		{"<dg:person/sergey-lavrov>", "person/sergey-lavrov"},
		{"dg:country/RUS", "country/RUS"},
		{"Erdogan", "person/recep-tayyip-erdogan"},
		{"recep tayyip erdoğan", "person/recep-tayyip-erdogan"},
		{"Turkiye", "country/TUR"},
		{"u.s.", "country/USA"},
		{"RUS", "country/RUS"},
		{"  Putin ", "person/vladimir-putin"},
	} {
		a, err := s.LookupActor(ctx, tt.name)
		if err != nil || a.ID != tt.want {
			t.Errorf("LookupActor(%q) = %+v, %v; want %s", tt.name, a, err, tt.want)
		}
	}
	for _, name := range []string{"Nobody", "event/istanbul-5", "", "cameo/04"} {
		var nf *NotFoundError
		if _, err := s.LookupActor(ctx, name); !errors.As(err, &nf) {
			t.Errorf("LookupActor(%q): %v, want a NotFoundError", name, err)
		}
	}
	var nf *NotFoundError
	if _, err := s.LookupActor(ctx, "Dmitry Lavrov"); !errors.As(err, &nf) || len(nf.Suggestions) != 1 || nf.Suggestions[0].ID != "person/sergey-lavrov" {
		t.Errorf("Dmitry Lavrov: %v, want no match suggesting Sergey Lavrov", err)
	}
}

func TestLookupActorAmbiguous(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	_, err := s.Write(ctx, schema.Result{
		Document: schema.Document{ID: "smiths"},
		Actors: []schema.Actor{
			{ID: "person/john-smith", Name: "John Smith", Kind: schema.KindPerson},
			{ID: "person/jane-smith", Name: "Jane Smith", Kind: schema.KindPerson},
			{ID: "organization/smith", Name: "Smith", Kind: schema.KindOrganization},
			{ID: "person/anna-jones", Name: "Anna Jones", Kind: schema.KindPerson, Aliases: []string{"AJ"}},
			{ID: "person/adam-jones", Name: "Adam Jones", Kind: schema.KindPerson, Aliases: []string{"AJ"}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		want  string // the ID found, or "" for ambiguous
		cands int
	}{
		{"Smith", "organization/smith", 0}, // its name beats two surnames
		{"john smith", "person/john-smith", 0},
		{"J. Smith", "", 2},
		{"aj", "", 2},
		{"Jones", "", 2},
	} {
		a, err := s.LookupActor(ctx, tt.name)
		var amb *AmbiguousError
		switch {
		case tt.want != "" && (err != nil || a.ID != tt.want):
			t.Errorf("LookupActor(%q) = %+v, %v; want %s", tt.name, a, err, tt.want)
		case tt.want == "" && (!errors.As(err, &amb) || len(amb.Candidates) != tt.cands):
			t.Errorf("LookupActor(%q) = %+v, %v; want %d candidates", tt.name, a, err, tt.cands)
		case tt.want == "" && !strings.Contains(err.Error(), amb.Candidates[0].ID):
			t.Errorf("LookupActor(%q): the error does not list the candidates: %v", tt.name, err)
		}
	}
}

func TestRelations(t *testing.T) {
	s := openQueryFixtures(t)
	ctx := context.Background()
	rels, err := s.Relations(ctx, RelationQuery{Actor: "country/RUS"})
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ counterpart, code, dir string }
	var got []row
	for _, r := range rels {
		got = append(got, row{r.Counterpart.ID, r.Code, r.Direction})
		if r.Actor.ID != "country/RUS" || r.Via != nil || r.Label == "" || r.Root != r.Code[:2] {
			t.Errorf("row %+v", r)
		}
	}
	// Counterparts with most events first, then by name; under each, codes
	// in order. The consultation the riyadh article denies is left out.
	want := []row{
		{"country/UKR", "111", "in"}, {"country/UKR", "190", "out"}, {"country/UKR", "192", "out"},
		{"country/TUR", "040", "in"}, {"country/TUR", "043", "in"},
		{"country/SAU", "043", "in"},
		{"country/USA", "046", "out"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("relations of Russia:\n got %v\nwant %v", got, want)
	}

	for _, tt := range []struct {
		q    RelationQuery
		want int
	}{
		{RelationQuery{Actor: "country/RUS", Type: schema.EventType{Code: "04"}}, 4},
		{RelationQuery{Actor: "country/RUS", Type: schema.EventType{Code: "043"}}, 2},
		{RelationQuery{Actor: "country/RUS", Since: "2025-03-01"}, 2},
		{RelationQuery{Actor: "country/RUS", Until: "2014-12-31"}, 1},
		{RelationQuery{Actor: "country/RUS", Since: "2025-02-19", Until: "2025-02-28"}, 2},
	} {
		rels, err := s.Relations(ctx, tt.q)
		if err != nil || len(rels) != tt.want {
			t.Errorf("%+v: %d rows, %v; want %d", tt.q, len(rels), err, tt.want)
		}
	}

	deep, err := s.Relations(ctx, RelationQuery{Actor: "person/vladimir-putin", Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range deep {
		if r.Via != nil && r.Via.ID == "person/recep-tayyip-erdogan" && r.Counterpart.ID == "country/UKR" {
			found = true
		}
		if r.Counterpart.ID == "person/vladimir-putin" {
			t.Errorf("Putin is his own counterpart: %+v", r)
		}
	}
	if !found {
		t.Errorf("depth 2 from Putin does not reach Ukraine through Erdoğan: %+v", deep)
	}
	var nf *NotFoundError
	if _, err := s.Relations(ctx, RelationQuery{Actor: "person/nobody"}); !errors.As(err, &nf) {
		t.Errorf("unknown actor: %v", err)
	}
}

func TestEvents(t *testing.T) {
	s := openQueryFixtures(t)
	ctx := context.Background()
	ids := func(q EventQuery) []string {
		t.Helper()
		evs, err := s.Events(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range evs {
			out = append(out, e.Date+" "+e.Code)
		}
		return out
	}
	for _, tt := range []struct {
		name string
		q    EventQuery
		want []string
		ties bool // events on the same day come in ID order: compare sorted
	}{
		{name: "between, newest first", q: EventQuery{Between: "country/RUS", And: "country/UKR"},
			want: []string{"2025-03-06 190", "2025-02-18 111", "2014-02-27/2014-03-18 192"}},
		{name: "between, either way round", q: EventQuery{Between: "country/UKR", And: "country/RUS", OldestFirst: true},
			want: []string{"2014-02-27/2014-03-18 192", "2025-02-18 111", "2025-03-06 190"}},
		{name: "all modalities", q: EventQuery{Between: "country/RUS", And: "country/UKR", All: true, Since: "2025-02-18", Until: "2025-02-18"},
			want: []string{"2025-02-18 040", "2025-02-18 111"}, ties: true},
		{name: "undated last", q: EventQuery{Actor: "person/sergey-lavrov"},
			want: []string{"2025-02-18 046", "2014-03-16 041", " 042"}},
		{name: "code", q: EventQuery{Type: schema.EventType{Code: "043"}}, want: []string{"2025-03-05 043", "2025-02-27 043", "2025-02-18 043"}},
		{name: "root", q: EventQuery{Type: schema.EventType{Code: "19"}}, want: []string{"2025-03-06 190", "2014-02-27/2014-03-18 192"}},
		// PLOVER calls 190 ASSAULT and 192 (occupy territory) COERCE.
		{name: "plover", q: EventQuery{Type: schema.EventType{PLOVER: "ASSAULT"}}, want: []string{"2025-03-06 190"}},
		{name: "plover across roots", q: EventQuery{Type: schema.EventType{PLOVER: "COERCE"}}, want: []string{"2014-02-27/2014-03-18 192"}},
		{name: "place", q: EventQuery{Place: "place/ankara"}, want: []string{"2025-03-06 040", "2025-03-05 040", "2025-03-05 043"}, ties: true},
		{name: "limit", q: EventQuery{Actor: "country/RUS", Limit: 2}, want: []string{"2025-03-06 040", "2025-03-06 190"}, ties: true},
		{name: "since", q: EventQuery{Actor: "person/sergey-lavrov", Since: "2020-01-01"}, want: []string{"2025-02-18 046"}},
	} {
		got := ids(tt.q)
		if tt.ties {
			slices.Sort(got)
			slices.Sort(tt.want)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}

	evs, err := s.Events(ctx, EventQuery{Between: "person/marco-rubio", And: "person/sergey-lavrov", Reports: true})
	if err != nil || len(evs) != 1 {
		t.Fatalf("%v, %v", evs, err)
	}
	e := evs[0]
	if e.ID != "event/f88db042c9d1f734" || len(e.Articles) != 3 || len(e.Reports) != 3 || e.Place == nil || e.Place.ID != "place/riyadh" ||
		e.Evidence != e.Reports[0].Evidence || e.Reports[0].Article.Published != "2025-02-18" || e.Reports[0].Rule != "talks.held" ||
		len(e.Source) != 1 || e.Source[0].ID != "person/sergey-lavrov" || e.Start != "2025-02-18" || e.End != "2025-02-18" {
		b, _ := json.MarshalIndent(e, "", "  ")
		t.Errorf("the Riyadh talks:\n%s", b)
	}
}

func TestActors(t *testing.T) {
	s := openQueryFixtures(t)
	ctx := context.Background()
	people, err := s.Actors(ctx, ActorFilter{Kind: schema.KindPerson})
	if err != nil {
		t.Fatal(err)
	}
	if len(people) != 6 {
		t.Errorf("%d people, want 6", len(people))
	}
	for _, a := range people {
		if a.Kind != schema.KindPerson {
			t.Errorf("not a person: %+v", a)
		}
		if a.ID == "person/vladimir-putin" && (a.Articles != 4 || a.Events != 5 || len(a.Roles) != 1 || a.Roles[0].String() != "President of Russia") {
			t.Errorf("Putin: %+v, want 5 events (not the hypothetical visit) in 4 articles", a)
		}
	}
	russians, err := s.Actors(ctx, ActorFilter{Country: "RUS"})
	if err != nil || len(russians) != 4 { // Russia, Putin, Lavrov, Moscow
		t.Errorf("RUS: %v, %v", russians, err)
	}
	found, err := s.Actors(ctx, ActorFilter{Search: "TURKIYE"})
	if err != nil || len(found) != 1 || found[0].ID != "country/TUR" {
		t.Errorf("search Türkiye: %v, %v", found, err)
	}
}

func TestDescribe(t *testing.T) {
	s := openQueryFixtures(t)
	ctx := context.Background()
	for _, tt := range []struct{ ref, typ, id string }{
		{"Lavrov", "actor", "person/sergey-lavrov"},
		{"country/RUS", "actor", "country/RUS"},
		{"event/f88db042c9d1f734", "event", "event/f88db042c9d1f734"},
		{"<dg:report/istanbul-3>", "event", "event/f88db042c9d1f734"},
		{"event/istanbul-5", "event", "event/istanbul-5"},
		{"article/2dc017b04f80dfad", "article", "article/2dc017b04f80dfad"},
		{"cameo/04", "node", "cameo/04"},
	} {
		d, err := s.Describe(ctx, tt.ref, 5)
		if err != nil {
			t.Errorf("%s: %v", tt.ref, err)
			continue
		}
		var id string
		switch {
		case d.Actor != nil:
			id = d.Actor.ID
		case d.Event != nil:
			id = d.Event.ID
		case d.Article != nil:
			id = d.Article.ID
		case d.Node != nil:
			id = d.Node.ID
		}
		if d.Type != tt.typ || id != tt.id {
			t.Errorf("%s: %s %s, want %s %s", tt.ref, d.Type, id, tt.typ, tt.id)
		}
	}
	d, err := s.Describe(ctx, "Putin", 2)
	if err != nil || len(d.Actor.EventList) != 2 || len(d.Actor.ArticleList) != 4 || len(d.Actor.Relations) == 0 {
		t.Errorf("Putin: %+v, %v", d.Actor, err)
	}
	d, err = s.Describe(ctx, "article/84ec4814d397f3ae", 0)
	if err != nil || len(d.Article.Events) != 7 || d.Article.Dateline == nil || d.Article.Dateline.ID != "place/ankara" {
		t.Errorf("the Ankara article: %+v, %v", d.Article, err)
	}
	for _, e := range d.Article.Events {
		if len(e.Reports) != 1 || e.Reports[0].Article.ID != "article/84ec4814d397f3ae" {
			t.Errorf("the article's event %s lists other articles' reports: %+v", e.ID, e.Reports)
		}
	}
	if _, err := s.Describe(ctx, "nobody at all", 0); err == nil {
		t.Error("Describe of an unknown name succeeded")
	}
}

// The direct bolt reads and Cayley's iterators must agree, also after an
// article was replaced (its quads are then only marked deleted).
func TestReadPathsAgree(t *testing.T) {
	s := openQueryFixtures(t)
	ctx := context.Background()
	if _, err := s.Write(ctx, loadFixture(t, "riyadh-revised")); err != nil {
		t.Fatal(err)
	}
	read := func() string {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		for _, id := range []string{"country/RUS", "person/sergey-lavrov", "person/donald-trump", "place/riyadh"} {
			rels, err := s.Relations(ctx, RelationQuery{Actor: id, Depth: 2})
			if err != nil {
				t.Fatal(err)
			}
			evs, err := s.Events(ctx, EventQuery{Actor: id, All: true, Reports: true})
			if err != nil {
				t.Fatal(err)
			}
			d, err := s.Describe(ctx, id, 0)
			if err != nil {
				t.Fatal(err)
			}
			enc.Encode([]any{rels, evs, d})
		}
		acts, err := s.Actors(ctx, ActorFilter{})
		if err != nil {
			t.Fatal(err)
		}
		enc.Encode(acts)
		return b.String()
	}
	direct := read()
	parallelMin = 1
	if split := read(); split != direct {
		t.Errorf("reads split among workers differ:\nserial %s\nsplit  %s", direct, split)
	}
	parallelMin = 64
	readThroughCayley = true
	defer func() { readThroughCayley = false }()
	if viaCayley := read(); viaCayley != direct {
		t.Errorf("reads differ:\ndirect %s\ncayley %s", direct, viaCayley)
	}
	// The revision dropped Trump from the article, and Donald Trump's
	// statements with it, but istanbul still names him.
	a, err := s.LookupActor(ctx, "Trump")
	if err != nil || a.ID != "person/donald-trump" {
		t.Errorf("Trump: %+v, %v", a, err)
	}
	if strings.Contains(direct, `"Lavrov and Rubio hold talks in Riyadh"`) {
		t.Errorf("the replaced article's old title is still read")
	}
}
