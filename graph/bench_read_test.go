package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schema"
)

// The read benchmarks run on a generated store of more than a million
// quads, built once per `go test -bench` run in a temporary directory:
//
//	go test ./graph -run '^$' -bench BenchmarkRead -benchtime 200x
//
// Plain `go test` does not build it: benchmarks only run with -bench.

// synthCorpus describes the generated store.
const (
	synthArticles      = 350
	synthEventsPerArt  = 60
	synthPersons       = 3000
	synthOrganizations = 300
	synthPlaces        = 600
	synthCountries     = 180
	synthMinQuads      = 1_000_000
)

// synthWorld is the actors the generated articles draw on.
type synthWorld struct {
	countries, persons, orgs, places []schema.Actor
	rng                              *rand.Rand
	codes                            map[string][]string // root -> codes
	roots                            []string
	past                             []schema.Event // events earlier articles reported
	byID                             map[string]schema.Actor
}

func newSynthWorld() *synthWorld {
	w := &synthWorld{rng: rand.New(rand.NewPCG(1, 2)), codes: map[string][]string{}}
	for i := 0; i < synthCountries; i++ {
		code := fmt.Sprintf("C%02d", i)
		w.countries = append(w.countries, schema.Actor{
			ID: "country/" + code, Name: fmt.Sprintf("Country %d", i), Kind: schema.KindCountry, Country: code,
		})
	}
	for i := 0; i < synthPersons; i++ {
		c := w.countries[w.zipf(len(w.countries))]
		w.persons = append(w.persons, schema.Actor{
			ID: fmt.Sprintf("person/person-%d", i), Name: fmt.Sprintf("Given%d Surname%d", i%97, i),
			Kind: schema.KindPerson, Country: c.Country, Aliases: []string{fmt.Sprintf("Surname%d", i)},
			Roles: []schema.Role{{Title: []string{"President", "Foreign Minister", "Ambassador", "Spokesman"}[i%4], Of: c.ID}},
		})
	}
	for i := 0; i < synthOrganizations; i++ {
		w.orgs = append(w.orgs, schema.Actor{
			ID: fmt.Sprintf("organization/org-%d", i), Name: fmt.Sprintf("Organisation %d", i),
			Kind: schema.KindOrganization, Country: "IGO",
		})
	}
	for i := 0; i < synthPlaces; i++ {
		c := w.countries[i%len(w.countries)]
		w.places = append(w.places, schema.Actor{
			ID: fmt.Sprintf("place/%s/city-%d", c.Country, i), Name: fmt.Sprintf("City %d", i),
			Kind: schema.KindPlace, Country: c.Country,
		})
	}
	for _, c := range schema.CAMEOCodes() {
		if len(c.Code) == 3 {
			w.codes[c.Root] = append(w.codes[c.Root], c.Code)
		}
	}
	for r := range w.codes {
		w.roots = append(w.roots, r)
	}
	sort.Strings(w.roots)
	w.byID = map[string]schema.Actor{}
	for _, pool := range [][]schema.Actor{w.countries, w.persons, w.orgs, w.places} {
		for _, a := range pool {
			w.byID[a.ID] = a
		}
	}
	return w
}

// zipf picks an index in [0, n) with a long tail: a few actors are in
// many events (Russia, the United States), most in a few.
func (w *synthWorld) zipf(n int) int {
	for {
		x := int(float64(n) * w.rng.ExpFloat64() / 6)
		if x < n {
			return x
		}
	}
}

func (w *synthWorld) participant() schema.Actor {
	switch p := w.rng.IntN(10); {
	case p < 5:
		return w.countries[w.zipf(len(w.countries))]
	case p < 9:
		return w.persons[w.zipf(len(w.persons))]
	default:
		return w.orgs[w.zipf(len(w.orgs))]
	}
}

// article generates the n-th article: events between drawn actors, a
// fifth of them other reports of events earlier articles gave.
func (w *synthWorld) article(n int) schema.Result {
	pub := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n*3)
	r := schema.Result{Document: schema.Document{
		ID: fmt.Sprintf("synthetic/%d", n), Title: fmt.Sprintf("Article %d", n),
		Published: pub.Format("2006-01-02"), SHA256: fmt.Sprintf("%064x", n+1), Sentences: synthEventsPerArt,
	}}
	actors := map[string]schema.Actor{}
	use := func(a schema.Actor) string {
		if a.ID != "" {
			a.Roles = append([]schema.Role(nil), a.Roles...)
			for i := range a.Roles {
				a.Roles[i].Date = r.Document.Published
			}
			actors[a.ID] = a
		}
		return a.ID
	}
	for i := 0; i < synthEventsPerArt; i++ {
		var ev schema.Event
		if len(w.past) > 0 && w.rng.IntN(5) == 0 {
			ev = w.past[len(w.past)-1-w.rng.IntN(min(len(w.past), 300))]
			for _, id := range append(append([]string{}, ev.Source...), ev.Target...) {
				use(w.actorByID(id))
			}
			if ev.Place != "" {
				use(w.actorByID(ev.Place))
			}
		} else {
			root := w.roots[w.rng.IntN(len(w.roots))]
			if w.rng.IntN(2) == 0 { // talk more than fight
				root = w.roots[w.rng.IntN(5)]
			}
			code := w.codes[root][w.rng.IntN(len(w.codes[root]))]
			c, _ := schema.LookupCAMEO(code)
			ev = schema.Event{CAMEO: code, Root: root, Label: c.Label, Goldstein: c.Goldstein, QuadClass: c.QuadClass}
			src, tgt := w.participant(), w.participant()
			for tgt.ID == src.ID {
				tgt = w.participant()
			}
			ev.Source, ev.Target = []string{use(src)}, []string{use(tgt)}
			switch d := w.rng.IntN(20); {
			case d < 14:
				ev.Date = pub.AddDate(0, 0, -w.rng.IntN(4)).Format("2006-01-02")
			case d < 17:
				ev.Date = pub.Format("2006-01")
			}
			if w.rng.IntN(2) == 0 {
				ev.Place = use(w.places[w.zipf(len(w.places))])
			}
			switch m := w.rng.IntN(20); {
			case m == 0:
				ev.Negated, ev.Modality = true, schema.ModalityNegated
			case m == 1:
				ev.Negated, ev.Modality = true, schema.ModalityHypothetical
			default:
				ev.Modality = schema.ModalityAsserted
			}
			w.past = append(w.past, ev)
		}
		ev.ID = fmt.Sprintf("event/s%d-%d", n, i)
		ev.Sentence = i
		ev.Evidence = fmt.Sprintf("Sentence %d of article %d, in which something happened between two parties.", i, n)
		ev.Trigger, ev.Rule = "met", ev.CAMEO+".synthetic"
		r.Events = append(r.Events, ev)
	}
	for _, a := range actors {
		r.Actors = append(r.Actors, a)
	}
	sort.Slice(r.Actors, func(i, j int) bool { return r.Actors[i].ID < r.Actors[j].ID })
	return r
}

func (w *synthWorld) actorByID(id string) schema.Actor { return w.byID[id] }

// buildSynthStore writes the generated articles into a new store, or
// opens the one in $DIPLOGRAPH_BENCH_STORE if that names a store already
// built (set it to a path to keep the store between runs).
func buildSynthStore(b *testing.B) *Store {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	dir, keep := os.LookupEnv("DIPLOGRAPH_BENCH_STORE")
	if !keep {
		dir = filepath.Join(b.TempDir(), "synthetic")
	}
	if keep {
		if _, err := os.Stat(filepath.Join(dir, boltFile)); err == nil {
			s, err := Open(ctx, dir, Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { s.Close() })
			return s
		}
	}
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	w := newSynthWorld()
	for n := 0; n < synthArticles; n++ {
		if _, err := s.Write(ctx, w.article(n)); err != nil {
			b.Fatal(err)
		}
	}
	n, err := s.quadCount(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if n < synthMinQuads {
		b.Fatalf("generated store has %d quads, want at least %d", n, synthMinQuads)
	}
	b.Logf("generated store: %d articles, %d quads, built in %s", synthArticles, n, time.Since(start).Round(time.Second))
	return s
}

// BenchmarkRead measures the queries behind the read commands on a store
// of more than a million quads: relations of one actor, events between two
// actors, the name lookup, for a typical actor and for the busiest.
func BenchmarkRead(b *testing.B) {
	s := buildSynthStore(b)
	ctx := context.Background()

	// The busiest country and pair, and a typical (median) person and pair.
	acts, err := s.Actors(ctx, ActorFilter{})
	if err != nil {
		b.Fatal(err)
	}
	var countries, persons []ActorSummary
	for _, a := range acts {
		switch a.Kind {
		case schema.KindCountry:
			countries = append(countries, a)
		case schema.KindPerson:
			if a.Events > 0 {
				persons = append(persons, a)
			}
		}
	}
	hub, typical := countries[0], persons[len(persons)/2]
	b.Logf("busiest actor %s: %d events; typical actor %s: %d events", hub.ID, hub.Events, typical.ID, typical.Events)
	pair := func(a ActorSummary) (string, int) {
		rels, err := s.Relations(ctx, RelationQuery{Actor: a.ID})
		if err != nil || len(rels) == 0 {
			b.Fatalf("relations of %s: %v, %d", a.ID, err, len(rels))
		}
		n := 0
		for _, r := range rels {
			if r.Counterpart.ID == rels[0].Counterpart.ID {
				n += r.Events
			}
		}
		return rels[0].Counterpart.ID, n
	}
	hubPeer, hubPairEvents := pair(hub)
	typPeer, typPairEvents := pair(typical)
	b.Logf("busiest pair %s–%s: %d events; typical pair %s–%s: %d events", hub.ID, hubPeer, hubPairEvents, typical.ID, typPeer, typPairEvents)

	run := func(name string, fn func() error) {
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := fn(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	run("relations/typical", func() error {
		_, err := s.Relations(ctx, RelationQuery{Actor: typical.ID})
		return err
	})
	run("relations/busiest", func() error {
		_, err := s.Relations(ctx, RelationQuery{Actor: hub.ID})
		return err
	})
	run("between/typical", func() error {
		_, err := s.Events(ctx, EventQuery{Between: typical.ID, And: typPeer, Reports: true})
		return err
	})
	run("between/busiest", func() error {
		_, err := s.Events(ctx, EventQuery{Between: hub.ID, And: hubPeer, Reports: true})
		return err
	})
	run("lookup/surname", func() error {
		_, err := s.LookupActor(ctx, typical.Aliases[0])
		return err
	})
	run("lookup/name-and-relations", func() error {
		a, err := s.LookupActor(ctx, typical.Name)
		if err == nil {
			_, err = s.Relations(ctx, RelationQuery{Actor: a.ID})
		}
		return err
	})
}
