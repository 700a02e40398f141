package graph

import (
	"context"
	"errors"
	"runtime"
	"strconv"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// The read commands (actors, relations, events, show) walk the graph in Go
// rather than through Gizmo: a reader reads the store's indexes by value
// ID, through the index of the store's backend (bolt.go, bolt_cayley.go,
// postgres.go), in one snapshot.

// node is a value's ID in the store (bolt: Cayley's kv ID; PostgreSQL: a
// number the reader gives each hash it meets); 0 stands for no value.
type node uint64

// link is one stored quad as value IDs.
type link struct{ s, p, o, l node }

// index is one snapshot of a backend's indexes, what a reader reads
// through. A scan calls fn with each live quad (not deleted) and ends,
// returning errStop, when fn returns it; a scan of 0 finds nothing, and
// so does asking the IDs or values of none.
type index interface {
	// ids returns the IDs of values, 0 for those no quad uses; values the
	// values of IDs (none 0), nil for those the store does not hold.
	ids(vs []quad.Value) ([]node, error)
	values(ns []node) ([]quad.Value, error)
	// out scans <s> <p> ?; outAll <s> ? ? for the predicates want passes
	// (all if nil), without reading the others' quads; outLabelled the
	// quads labelled l whose subject is one of ss.
	out(s, p node, fn func(link) error) error
	outAll(s node, want func(p node) bool, fn func(link) error) error
	outLabelled(ss []node, l node, fn func(link) error) error
	// in scans ? <p> <o>; inAll ? ? <o>; inLabelled those labelled l.
	in(o, p node, fn func(link) error) error
	inAll(o node, fn func(link) error) error
	inLabelled(o, l node, fn func(link) error) error
	// subjects returns the distinct subjects of ? <p> <o>; candidates may
	// also return subjects whose statements were all deleted, if that is
	// cheaper (the caller checks).
	subjects(p, o node) ([]node, error)
	candidates(p, o node) ([]node, error)
	// all scans every quad, in the order they were written.
	all(fn func(link) error) error
	// storedHappenings finds the stored happenings writing res as article
	// label may join (see reader.storedHappenings).
	storedHappenings(r *reader, label quad.IRI, res schema.Result) (storedHappenings, error)
	// concurrent reports whether more readers of their own may share a
	// read (see parallel); committedOnly whether the index reads only
	// what is committed, not a write batch's own writes.
	concurrent() bool
	committedOnly() bool
	close() error
}

// reader reads a store through an index, caching value IDs and values. It
// belongs to one goroutine and one read; the caller holds s.commit (or
// s.mu) and closes it.
type reader struct {
	s   *Store
	ctx context.Context
	ix  index

	ids      map[quad.Value]node
	vals     map[node]quad.Value
	articles map[node]ArticleRef
}

// readThroughCayley makes readers of bolt stores use Cayley's iterators
// (for tests).
var readThroughCayley = false

// scanFault, if set, is asked before out ("out") and outAll ("outAll")
// scan a node's statements, and fails the scan (for tests of read errors).
var scanFault func(r *reader, op string, s, p node) error

// newReader returns a reader of the committed store, in a snapshot of its
// own.
func (s *Store) newReader(ctx context.Context) (*reader, error) {
	ix, err := s.be.newIndex(ctx)
	if err != nil {
		return nil, err
	}
	return s.readerOf(ctx, ix), nil
}

// readerOf is a reader through ix.
func (s *Store) readerOf(ctx context.Context, ix index) *reader {
	return &reader{s: s, ctx: ctx, ix: ix, ids: make(map[quad.Value]node), vals: make(map[node]quad.Value),
		articles: make(map[node]ArticleRef)}
}

// parallelMin is the least number of items worth splitting among workers
// (a variable for tests).
var parallelMin = 64

// parallel calls fn for i in [0, n), spreading the calls over one worker
// per CPU when n is large enough. Each worker reads through a reader of
// its own (a bolt transaction and caches); r takes the first share. fn
// must only touch the reader it is given and its own results.
func (r *reader) parallel(n int, fn func(sub *reader, i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), (n+parallelMin-1)/parallelMin)
	if workers <= 1 || !r.ix.concurrent() {
		for i := 0; i < n; i++ {
			if err := fn(r, i); err != nil {
				return err
			}
		}
		return nil
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		sub := r
		if w > 0 {
			var err error
			if sub, err = r.s.newReader(r.ctx); err != nil {
				errs[w] = err
				continue
			}
		}
		wg.Add(1)
		go func(w int, sub *reader) {
			defer wg.Done()
			for i := w; i < n && errs[w] == nil; i += workers {
				errs[w] = fn(sub, i)
			}
			if sub != r {
				errs[w] = errors.Join(errs[w], sub.close())
			}
		}(w, sub)
	}
	wg.Wait()
	return errors.Join(errs...)
}

// close ends the reader's snapshot.
func (r *reader) close() error { return r.ix.close() }

// id returns the ID of a value, 0 if the store does not hold it.
func (r *reader) id(v quad.Value) (node, error) {
	if n, ok := r.ids[v]; ok {
		return n, nil
	}
	ns, err := r.ix.ids([]quad.Value{v})
	if err != nil {
		return 0, err
	}
	r.know(ns[0], v)
	return ns[0], nil
}

// know caches a value and its ID.
func (r *reader) know(n node, v quad.Value) {
	if v != nil {
		r.ids[v] = n
	}
	if n != 0 {
		r.vals[n] = v
	}
}

// idsOf resolves several values, asking the index once for those not
// known yet.
func (r *reader) idsOf(vs ...quad.Value) ([]node, error) {
	var todo []quad.Value
	for _, v := range vs {
		if _, ok := r.ids[v]; !ok {
			todo = append(todo, v)
		}
	}
	if len(todo) > 0 {
		ns, err := r.ix.ids(todo)
		if err != nil {
			return nil, err
		}
		for i, v := range todo {
			r.know(ns[i], v)
		}
	}
	out := make([]node, len(vs))
	for i, v := range vs {
		out[i] = r.ids[v]
	}
	return out, nil
}

// values returns the values of IDs; a 0 ID gives nil.
func (r *reader) values(ns []node) ([]quad.Value, error) {
	var todo []node
	for _, n := range ns {
		if _, ok := r.vals[n]; !ok && n != 0 {
			todo = append(todo, n)
		}
	}
	if len(todo) > 0 {
		vs, err := r.ix.values(todo)
		if err != nil {
			return nil, err
		}
		for i, n := range todo {
			r.vals[n] = vs[i]
			if vs[i] != nil {
				r.ids[vs[i]] = n
			}
		}
	}
	out := make([]quad.Value, len(ns))
	for i, n := range ns {
		if n != 0 {
			out[i] = r.vals[n]
		}
	}
	return out, nil
}

// value returns one value (nil for 0).
func (r *reader) value(n node) (quad.Value, error) {
	vs, err := r.values([]node{n})
	if err != nil {
		return nil, err
	}
	return vs[0], nil
}

// errStop ends a scan early without an error.
var errStop = errors.New("stop")

// stopped turns errStop into success.
func stopped(err error) error {
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// out calls fn with each quad <s> <p> ?; none if either is 0 (a value
// the store does not hold). Returning errStop from fn ends the scan.
func (r *reader) out(s, p node, fn func(link) error) error {
	if s == 0 || p == 0 {
		return nil
	}
	if scanFault != nil {
		if err := scanFault(r, "out", s, p); err != nil {
			return err
		}
	}
	return stopped(r.ix.out(s, p, fn))
}

// outAll calls fn with every quad whose subject is s and whose predicate
// passes want (all if want is nil); the quads of other predicates are not
// read.
func (r *reader) outAll(s node, want func(p node) bool, fn func(link) error) error {
	if s == 0 {
		return nil
	}
	if scanFault != nil {
		if err := scanFault(r, "outAll", s, 0); err != nil {
			return err
		}
	}
	return stopped(r.ix.outAll(s, want, fn))
}

// in calls fn with each quad ? <p> <o>; none if either is 0. Returning
// errStop from fn ends the scan.
func (r *reader) in(o, p node, fn func(link) error) error {
	if o == 0 || p == 0 {
		return nil
	}
	return stopped(r.ix.in(o, p, fn))
}

// inAll calls fn with every quad whose object is o.
func (r *reader) inAll(o node, fn func(link) error) error {
	if o == 0 {
		return nil
	}
	return stopped(r.ix.inAll(o, fn))
}

// labelledOut calls fn with the quads labelled l whose subject is one of
// nodes.
func (r *reader) labelledOut(nodes []node, l node, fn func(link) error) error {
	return stopped(r.ix.outLabelled(nodes, l, fn))
}

// labelledIn calls fn with the quads labelled l whose object is o.
func (r *reader) labelledIn(o, l node, fn func(link) error) error {
	return stopped(r.ix.inLabelled(o, l, fn))
}

// subjectsOf returns the distinct subjects of ? <p> <o>, in index order.
func (r *reader) subjectsOf(p, o node) ([]node, error) {
	if o == 0 || p == 0 {
		return nil, nil
	}
	return r.ix.subjects(p, o)
}

// allLinks calls fn with every live quad of the store, in the order they
// were written.
func (r *reader) allLinks(fn func(link) error) error {
	return r.ix.all(fn)
}

// objects returns the distinct objects of <s> <p> ?, in stored order.
func (r *reader) objects(s, p node) ([]node, error) {
	var out []node
	seen := make(map[node]bool)
	err := r.out(s, p, func(l link) error {
		if !seen[l.o] {
			seen[l.o] = true
			out = append(out, l.o)
		}
		return nil
	})
	return out, err
}

// str returns a value as text: a literal's string, an IRI's short form.
func str(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.IRI:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.Int:
		return strconv.FormatInt(int64(v), 10)
	case quad.Float:
		return strconv.FormatFloat(float64(v), 'g', -1, 64)
	case quad.Bool:
		return strconv.FormatBool(bool(v))
	}
	return quad.StringOf(v)
}
