package graph

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
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
	rep, err := s.write(ctx, r)
	if err != nil {
		return rep, fmt.Errorf("write article %q to %s: %w", r.Document.ID, s.path, err)
	}
	return rep, nil
}

func (s *Store) write(ctx context.Context, r schema.Result) (WriteReport, error) {
	if s.readOnly {
		return WriteReport{}, errors.New("store is open read-only")
	}
	if r.Document.ID == "" {
		return WriteReport{}, errors.New("document has no ID")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken != nil {
		return WriteReport{}, fmt.Errorf("an earlier write failed, reopen the store: %w", s.broken)
	}
	if err := ctx.Err(); err != nil {
		return WriteReport{}, err
	}
	label := schema.ArticleIRI(r.Document.ID)
	lref, err := s.ref(label)
	if err != nil {
		return WriteReport{}, err
	}
	rep := WriteReport{Status: StatusNew}
	var old []quad.Quad
	if lref != nil {
		same, err := s.hasSHA(ctx, lref, r.Document.SHA256)
		if err != nil {
			return WriteReport{}, err
		}
		if same {
			return WriteReport{Status: StatusUnchanged}, nil
		}
		if old, err = s.articleQuads(ctx, lref); err != nil {
			return WriteReport{}, fmt.Errorf("read stored version: %w", err)
		}
		if len(old) > 0 {
			rep.Status = StatusReplaced
		}
	}
	// The reader's transaction must end before apply writes.
	rd, err := s.newReader(ctx)
	if err != nil {
		return WriteReport{}, err
	}
	events, err := assignEvents(r, rd.storedHappenings(label))
	if cerr := rd.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return WriteReport{}, fmt.Errorf("match events with stored ones: %w", err)
	}
	add, del := diffQuads(old, quadsWith(r, events))
	if len(add) == 0 && len(del) == 0 {
		return WriteReport{Status: StatusUnchanged}, nil
	}
	if err := ctx.Err(); err != nil {
		return WriteReport{}, err
	}
	if err := s.apply(ctx, add, del); err != nil {
		return WriteReport{}, err
	}
	rep.Added, rep.Removed = len(add), len(del)
	return rep, nil
}

// apply adds and deletes quads in one bolt transaction (see batchKV for
// why these are two ApplyDeltas calls).
func (s *Store) apply(ctx context.Context, add, del []quad.Quad) error {
	deltas := func(qs []quad.Quad, a cgraph.Procedure) []cgraph.Delta {
		out := make([]cgraph.Delta, len(qs))
		for i, q := range qs {
			out[i] = cgraph.Delta{Quad: q, Action: a}
		}
		return out
	}
	s.commit.Lock()
	defer s.commit.Unlock()
	err := s.kv.batch(ctx, func() error {
		if len(add) > 0 {
			if err := s.qs.ApplyDeltas(deltas(add, cgraph.Add), cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
				return fmt.Errorf("add %d quads: %w", len(add), err)
			}
		}
		if len(del) > 0 {
			if err := s.qs.ApplyDeltas(deltas(del, cgraph.Delete), cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
				return fmt.Errorf("delete %d quads: %w", len(del), err)
			}
		}
		return nil
	})
	if err != nil {
		s.broken = err
	}
	return err
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
	label := schema.ArticleIRI(doc.ID)
	lref, err := s.ref(label)
	if err != nil || lref == nil {
		return false, err
	}
	if doc.SHA256 != "" {
		return s.hasSHA(ctx, lref, doc.SHA256)
	}
	found := false
	err = s.scan(ctx, quad.Subject, lref, func(q cgraph.Ref) error {
		l, err := s.dirRef(q, quad.Label)
		found = found || sameRef(l, lref)
		return err
	})
	return found, err
}

// hasSHA reports whether the article node lref carries the quad
// <article> <dg:sha256> "sha" labelled with itself.
func (s *Store) hasSHA(ctx context.Context, lref cgraph.Ref, sha string) (bool, error) {
	if sha == "" {
		return false, nil
	}
	pref, err := s.ref(schema.PredSHA256)
	if err != nil || pref == nil {
		return false, err
	}
	oref, err := s.ref(quad.String(sha))
	if err != nil || oref == nil {
		return false, err
	}
	found := false
	err = s.scan(ctx, quad.Subject, lref, func(q cgraph.Ref) error {
		for _, want := range []struct {
			dir quad.Direction
			ref cgraph.Ref
		}{{quad.Predicate, pref}, {quad.Object, oref}, {quad.Label, lref}} {
			r, err := s.dirRef(q, want.dir)
			if err != nil || !sameRef(r, want.ref) {
				return err
			}
		}
		found = true
		return nil
	})
	return found, err
}

// articleQuads returns every stored quad labelled with the article lref.
//
// Cayley's kv stores have no label index, so instead of scanning the whole
// store this walks the article's own quads: it starts from the article
// node and the nodes pointing at it (its events, by dg:reportedIn), reads
// each node's quads as subject through the subject index, keeps those
// labelled with the article and follows their IRI objects (actors, roles,
// countries, CAMEO codes, relation targets). Every subject Quads writes is
// reachable this way.
func (s *Store) articleQuads(ctx context.Context, lref cgraph.Ref) ([]quad.Quad, error) {
	seen := map[any]bool{lref.Key(): true}
	queue := []cgraph.Ref{lref}
	push := func(n cgraph.Ref) {
		if n != nil && !seen[n.Key()] {
			seen[n.Key()] = true
			queue = append(queue, n)
		}
	}
	labelled := func(q cgraph.Ref) (bool, error) {
		l, err := s.dirRef(q, quad.Label)
		return sameRef(l, lref), err
	}
	err := s.scan(ctx, quad.Object, lref, func(q cgraph.Ref) error {
		ok, err := labelled(q)
		if err != nil || !ok {
			return err
		}
		sub, err := s.dirRef(q, quad.Subject)
		push(sub)
		return err
	})
	if err != nil {
		return nil, err
	}
	var out []quad.Quad
	for len(queue) > 0 {
		node := queue[0]
		queue = queue[1:]
		err := s.scan(ctx, quad.Subject, node, func(q cgraph.Ref) error {
			ok, err := labelled(q)
			if err != nil || !ok {
				return err
			}
			v, err := s.qs.Quad(q)
			if err != nil {
				return err
			}
			out = append(out, v)
			switch v.Object.(type) {
			case quad.IRI, quad.BNode:
				o, err := s.dirRef(q, quad.Object)
				push(o)
				return err
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
