package graph

import (
	"context"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// Stats summarises a store.
type Stats struct {
	// Articles is the number of article nodes.
	Articles int `json:"articles"`
	// Actors counts distinct actor nodes by kind. A node two articles
	// typed differently (a country in one, a place in the other) counts
	// under both kinds.
	Actors map[schema.Kind]int `json:"actors"`
	// Events counts asserted events by CAMEO root ("04"); Negated counts
	// the events the text denies or only imagines.
	Events  map[string]int `json:"events"`
	Negated int            `json:"negated"`
	// Quads is the number of quads in the store.
	Quads int64 `json:"quads"`
}

// Stats counts the store's articles, actors, events and quads.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st, err := s.stats(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("stats of %s: %w", s.path, err)
	}
	return st, nil
}

func (s *Store) stats(ctx context.Context) (Stats, error) {
	s.commit.RLock()
	defer s.commit.RUnlock()
	st := Stats{Actors: make(map[schema.Kind]int), Events: make(map[string]int)}
	articles, err := s.subjects(ctx, schema.PredType, schema.ClassArticle)
	if err != nil {
		return st, err
	}
	st.Articles = len(articles)
	for _, k := range schema.Kinds {
		actors, err := s.subjects(ctx, schema.PredType, schema.KindClass(k))
		if err != nil {
			return st, err
		}
		st.Actors[k] = len(actors)
	}
	negated, err := s.subjects(ctx, schema.PredNegated, quad.Bool(true))
	if err != nil {
		return st, err
	}
	st.Negated = len(negated)
	if err := s.countByRoot(ctx, st.Events); err != nil {
		return st, err
	}
	st.Quads, err = s.quadCount(ctx)
	return st, err
}

// countByRoot counts asserted events by the root code they point to with
// dg:root. Codes point to their roots too; only asserted events count.
func (s *Store) countByRoot(ctx context.Context, counts map[string]int) error {
	asserted, err := s.subjects(ctx, schema.PredNegated, quad.Bool(false))
	if err != nil || len(asserted) == 0 {
		return err
	}
	codes, err := s.subjects(ctx, schema.PredType, schema.ClassCAMEO)
	if err != nil {
		return err
	}
	for _, c := range codes {
		name, err := s.qs.NameOf(c)
		if err != nil {
			return err
		}
		iri, ok := name.(quad.IRI)
		if !ok {
			continue
		}
		events, err := s.subjects(ctx, schema.PredRoot, iri)
		if err != nil {
			return err
		}
		n := countIn(events, asserted)
		if n > 0 {
			counts[strings.TrimPrefix(schema.IDOfIRI(iri), "cameo/")] = n
		}
	}
	return nil
}

func countIn(set, in map[any]cgraph.Ref) int {
	n := 0
	for k := range set {
		if _, ok := in[k]; ok {
			n++
		}
	}
	return n
}
