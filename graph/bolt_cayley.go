package graph

import (
	"context"
	"errors"

	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// cayleyIndex reads a bolt store through Cayley's own iterators: the
// fallback for a store whose layout boltIndex does not know (see
// bolt.go), slower, and seeing committed data only.
type cayleyIndex struct {
	s       *Store
	ctx     context.Context
	kv      *ckv.QuadStore
	spi, op ckv.QuadIndex
}

func (r *cayleyIndex) close() error        { return nil }
func (r *cayleyIndex) concurrent() bool    { return false }
func (r *cayleyIndex) committedOnly() bool { return true }

func (r *cayleyIndex) ids(vs []quad.Value) ([]node, error) {
	out := make([]node, len(vs))
	for i, v := range vs {
		ref, err := r.s.qs.ValueOf(v)
		if err != nil {
			return nil, err
		}
		if iv, ok := ref.(ckv.Int64Value); ok {
			out[i] = node(iv)
		}
	}
	return out, nil
}

func (r *cayleyIndex) values(ns []node) ([]quad.Value, error) {
	out := make([]quad.Value, len(ns))
	for i, n := range ns {
		v, err := r.s.qs.NameOf(ckv.Int64Value(n))
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func (r *cayleyIndex) out(s, p node, fn func(link) error) error {
	return r.scan(quad.Subject, r.spi, []uint64{uint64(s), uint64(p)}, p, fn)
}

func (r *cayleyIndex) outAll(s node, want func(p node) bool, fn func(link) error) error {
	return r.scan(quad.Subject, r.spi, []uint64{uint64(s)}, 0, func(l link) error {
		if want != nil && !want(l.p) {
			return nil
		}
		return fn(l)
	})
}

func (r *cayleyIndex) outLabelled(ss []node, l node, fn func(link) error) error {
	return outLabelledEach(r, ss, l, fn)
}

func (r *cayleyIndex) in(o, p node, fn func(link) error) error {
	return r.scan(quad.Object, r.op, []uint64{uint64(o), uint64(p)}, p, fn)
}

func (r *cayleyIndex) inAll(o node, fn func(link) error) error {
	return r.scan(quad.Object, r.op, []uint64{uint64(o)}, 0, fn)
}

func (r *cayleyIndex) inLabelled(o, l node, fn func(link) error) error {
	return inLabelledAll(r, o, l, fn)
}

func (r *cayleyIndex) subjects(p, o node) ([]node, error) {
	var out []node
	seen := make(map[node]bool)
	err := stopped(r.in(o, p, func(l link) error {
		if !seen[l.s] {
			seen[l.s] = true
			out = append(out, l.s)
		}
		return nil
	}))
	return out, err
}

func (r *cayleyIndex) candidates(p, o node) ([]node, error) { return r.subjects(p, o) }

func (r *cayleyIndex) all(fn func(link) error) error {
	it := r.s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(r.ctx) {
		prim, ok := it.Result().(*cproto.Primitive)
		if !ok {
			return errors.New("unexpected quad reference from the store")
		}
		if prim.Deleted || prim.Subject == 0 {
			continue
		}
		if err := fn(link{node(prim.Subject), node(prim.Predicate), node(prim.Object), node(prim.Label)}); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return r.ctx.Err()
}

func (r *cayleyIndex) storedHappenings(rd *reader, label quad.IRI, _ schema.Result) (storedHappenings, error) {
	return rd.happeningsOf(label), nil
}

// scan is: Cayley's own iterator over an index prefix,
// or over all a node's quads if the index does not serve the prefix.
func (r *cayleyIndex) scan(dir quad.Direction, ind ckv.QuadIndex, vals []uint64, p node, fn func(link) error) error {
	var it iterator.Scanner
	if r.kv != nil && len(ind.Dirs) > 0 {
		it = ckv.IndexScan{Index: ind, Values: vals}.BuildIterator(r.s.qs).Iterate()
	} else {
		it = r.s.qs.QuadIterator(dir, ckv.Int64Value(vals[0])).Iterate()
	}
	defer it.Close()
	for it.Next(r.ctx) {
		prim, ok := it.Result().(*cproto.Primitive)
		if !ok {
			return errors.New("unexpected quad reference from the store")
		}
		l := link{node(prim.Subject), node(prim.Predicate), node(prim.Object), node(prim.Label)}
		if p != 0 && l.p != p || dir == quad.Subject && l.s != node(vals[0]) || dir == quad.Object && l.o != node(vals[0]) {
			continue
		}
		if err := fn(l); err != nil {
			return stopped(err)
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return r.ctx.Err()
}
