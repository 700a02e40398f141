package graph

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// boltCheck reads a bolt store for Check through Cayley's quad store, as
// Cayley itself sees it.
type boltCheck struct{ s *Store }

func (b boltBackend) checkSource(context.Context) (checkSource, error) { return boltCheck{b.s}, nil }

func (b boltCheck) close() error { return nil }

func (b boltCheck) load(ctx context.Context, fn func(checkQuad)) error {
	it := b.s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		var q checkQuad
		for _, d := range []struct {
			dir quad.Direction
			id  *uint64
		}{{quad.Subject, &q.s}, {quad.Predicate, &q.p}, {quad.Object, &q.o}, {quad.Label, &q.l}} {
			r, err := b.s.qs.QuadDirection(it.Result(), d.dir)
			if err != nil {
				return err
			}
			*d.id = refID(r)
		}
		fn(q)
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

func (b boltCheck) name(id uint64) (quad.Value, error) { return b.s.qs.NameOf(ckv.Int64Value(id)) }

func (b boltCheck) id(v quad.Value) (uint64, error) {
	r, err := b.s.qs.ValueOf(v)
	return refID(r), err
}

// indexes checks that Cayley's subject and object indexes list, for every
// node, the quads its log holds.
func (b boltCheck) indexes(ctx context.Context, c *checker) error {
	want := map[quad.Direction]map[uint64]int{quad.Subject: {}, quad.Object: {}}
	for _, q := range c.quads {
		want[quad.Subject][q.s]++
		want[quad.Object][q.o]++
	}
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		for id, n := range want[dir] {
			if id == 0 {
				continue
			}
			got, err := b.indexed(ctx, dir, id)
			if err != nil {
				return err
			}
			if got != n {
				c.problem("the %s index lists %d quads of %s, the quad log %d", dir, got, c.str(id), n)
			}
		}
	}
	return nil
}

// indexed counts the quads Cayley's index for dir lists under the node id.
func (b boltCheck) indexed(ctx context.Context, dir quad.Direction, id uint64) (int, error) {
	it := b.s.qs.QuadIterator(dir, ckv.Int64Value(id)).Iterate()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		n++
	}
	if err := it.Err(); err != nil {
		return 0, err
	}
	return n, ctx.Err()
}

// refID is the ID of a kv store reference, 0 for none.
func refID(r cgraph.Ref) uint64 {
	if v, ok := r.(ckv.Int64Value); ok {
		return uint64(v)
	}
	return 0
}
