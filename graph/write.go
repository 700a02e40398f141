package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// Status says what Write did with an article.
type Status string

// Write statuses.
const (
	// StatusNew: the store did not hold the article; all its quads were added.
	StatusNew Status = "new"
	// StatusUnchanged: the store holds the article with the same SHA-256
	// (or exactly the same quads); nothing was written.
	StatusUnchanged Status = "unchanged"
	// StatusReplaced: the store held another version of the article; its
	// quads were replaced by the new ones.
	StatusReplaced Status = "replaced"
)

// WriteReport is the outcome of one Write.
type WriteReport struct {
	Status  Status `json:"status"`
	Added   int    `json:"added"`   // quads added
	Removed int    `json:"removed"` // quads removed
}

// Write stores one article's extraction result. An article already stored
// with the same SHA-256 is left alone. Otherwise the quads the article
// contributed before (those labelled with its IRI) are replaced by its
// new quads (Quads(r), its events joined to stored ones as below): only
// the difference is written, and it is written in one transaction, so a
// reader sees the old article or the new one, never a mixture. Quads
// other articles contributed to shared nodes are kept.
//
// An event the store already holds from another article (same CAMEO root
// and participants, overlapping dates, the same place if both give one)
// is written onto that event node, as another report of it, so a
// happening many articles report is one event.
func (s *Store) Write(ctx context.Context, r schema.Result) (WriteReport, error) {
	w := s.NewWriter()
	w.MaxBatch = 1
	defer w.Close()
	rep, err := w.Write(ctx, r)
	if err != nil {
		return rep, err
	}
	return rep, w.Flush()
}

// diffQuads returns the quads of next not in prev and those of prev not in
// next, keeping their order.
func diffQuads(prev, next []quad.Quad) (add, del []quad.Quad) {
	in := func(qs []quad.Quad) map[quad.Quad]struct{} {
		m := make(map[quad.Quad]struct{}, len(qs))
		for _, q := range qs {
			m[q] = struct{}{}
		}
		return m
	}
	inPrev, inNext := in(prev), in(next)
	for _, q := range next {
		if _, ok := inPrev[q]; !ok {
			add = append(add, q)
		}
	}
	for _, q := range prev {
		if _, ok := inNext[q]; !ok {
			del = append(del, q)
		}
	}
	return add, del
}

// HasArticle reports whether the store holds the article doc.ID with the
// digest doc.SHA256 (with any digest if doc.SHA256 is empty), so callers
// can skip extracting a text that is already stored.
func (s *Store) HasArticle(ctx context.Context, doc schema.Document) (bool, error) {
	ok, err := s.hasArticle(ctx, doc)
	if err != nil {
		return false, fmt.Errorf("look up article %q in %s: %w", doc.ID, s.path, err)
	}
	return ok, nil
}

func (s *Store) hasArticle(ctx context.Context, doc schema.Document) (bool, error) {
	s.commit.RLock()
	defer s.commit.RUnlock()
	r, err := s.newReader(ctx)
	if err != nil {
		return false, err
	}
	ok, err := r.hasArticle(doc)
	return ok, errors.Join(err, r.close())
}

func (r *reader) hasArticle(doc schema.Document) (bool, error) {
	lref, err := r.id(schema.ArticleIRI(doc.ID))
	if err != nil || lref == 0 {
		return false, err
	}
	if doc.SHA256 != "" {
		return r.hasSHA(lref, doc.SHA256)
	}
	found := false
	err = r.outAll(lref, nil, func(l link) error {
		if l.l == lref {
			found = true
			return errStop
		}
		return nil
	})
	return found, err
}

// hasSHA reports whether the article node lref carries the quad
// <article> <dg:sha256> "sha" labelled with itself.
func (r *reader) hasSHA(lref node, sha string) (bool, error) {
	if sha == "" {
		return false, nil
	}
	ids, err := r.idsOf(schema.PredSHA256, quad.String(sha))
	if err != nil || ids[0] == 0 || ids[1] == 0 {
		return false, err
	}
	found := false
	err = r.out(lref, ids[0], func(l link) error {
		if l.o == ids[1] && l.l == lref {
			found = true
			return errStop
		}
		return nil
	})
	return found, err
}

// articleQuads returns every stored quad labelled with the article lref.
//
// Neither Cayley's kv stores nor its SQL tables have a label index, so
// instead of scanning the whole store this walks the article's own quads:
// it starts from the article node and the nodes pointing at it (its
// events, by dg:reportedIn), reads each node's quads as subject through
// the subject index, keeps those labelled with the article and follows
// their IRI objects (actors, roles, countries, CAMEO codes, relation
// targets), a level of nodes at a time. Every subject Quads writes is
// reachable this way.
func (r *reader) articleQuads(lref node) ([]quad.Quad, error) {
	seen := map[node]bool{lref: true}
	level := []node{lref}
	err := r.labelledIn(lref, lref, func(l link) error {
		if !seen[l.s] {
			seen[l.s] = true
			level = append(level, l.s)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var links []link
	for len(level) > 0 {
		var objects []node
		err := r.labelledOut(level, lref, func(l link) error {
			links = append(links, l)
			if !seen[l.o] {
				objects = append(objects, l.o)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		vals, err := r.values(objects)
		if err != nil {
			return nil, err
		}
		level = level[:0:0]
		for i, o := range objects {
			switch vals[i].(type) {
			case quad.IRI, quad.BNode:
				if !seen[o] {
					seen[o] = true
					level = append(level, o)
				}
			}
		}
	}
	var ns []node
	for _, l := range links {
		ns = append(ns, l.s, l.p, l.o)
	}
	vals, err := r.values(ns)
	if err != nil {
		return nil, err
	}
	label, err := r.value(lref)
	if err != nil {
		return nil, err
	}
	out := make([]quad.Quad, len(links))
	for i := range links {
		out[i] = quad.Quad{Subject: vals[3*i], Predicate: vals[3*i+1], Object: vals[3*i+2], Label: label}
	}
	return out, nil
}
