package graph

import (
	"context"
	"fmt"
	"strings"

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
	st, err := s.stats(ctx) // errors name the store
	if err != nil {
		return Stats{}, err
	}
	return st, nil
}

func (s *Store) stats(ctx context.Context) (Stats, error) {
	st := Stats{Actors: make(map[schema.Kind]int), Events: make(map[string]int)}
	err := s.read(ctx, "stats", func(r *reader, v *vocab) error {
		articles, err := r.subjectsOf(v.typ, v.article)
		if err != nil {
			return err
		}
		st.Articles = len(articles)
		for _, k := range schema.Kinds {
			var class node
			for c, kind := range v.actorClass {
				if kind == k {
					class = c
				}
			}
			actors, err := r.subjectsOf(v.typ, class)
			if err != nil {
				return err
			}
			st.Actors[k] = len(actors)
		}
		ids, err := r.idsOf(quad.Bool(true), quad.Bool(false))
		if err != nil {
			return err
		}
		negated, err := r.subjectsOf(v.negated, ids[0])
		if err != nil {
			return err
		}
		st.Negated = len(negated)
		asserted, err := r.subjectsOf(v.negated, ids[1])
		if err != nil {
			return err
		}
		return r.countByRoot(v, asserted, st.Events)
	})
	if err != nil {
		return st, err
	}
	if st.Quads, err = s.quadCount(ctx); err != nil {
		return st, fmt.Errorf("count quads in %s: %w", s.path, err)
	}
	return st, nil
}

// countByRoot counts asserted events by the root code they point to with
// dg:root. Codes point to their roots too; only asserted events count.
func (r *reader) countByRoot(v *vocab, asserted []node, counts map[string]int) error {
	if len(asserted) == 0 {
		return nil
	}
	isAsserted := make(map[node]bool, len(asserted))
	for _, n := range asserted {
		isAsserted[n] = true
	}
	codes, err := r.subjectsOf(v.typ, v.cameoClass)
	if err != nil {
		return err
	}
	names, err := r.values(codes)
	if err != nil {
		return err
	}
	for i, c := range codes {
		iri, ok := names[i].(quad.IRI)
		if !ok {
			continue
		}
		events, err := r.subjectsOf(v.root, c)
		if err != nil {
			return err
		}
		n := 0
		for _, e := range events {
			if isAsserted[e] {
				n++
			}
		}
		if n > 0 {
			counts[strings.TrimPrefix(schema.IDOfIRI(iri), "cameo/")] = n
		}
	}
	return nil
}
