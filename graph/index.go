package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	bolt "go.etcd.io/bbolt"
)

// The read commands (actors, relations, events, show) walk the graph in Go
// rather than through Gizmo, and they read Cayley's bolt database
// directly, in one read transaction.
//
// Cayley's kv store keeps each quad as a record of value IDs in the "log"
// bucket, each value in the log under its ID (found by hash in a "v"
// bucket), and two indexes whose keys are value IDs and whose values list
// the quads under that key: subject-predicate ("sp") and object-predicate-
// subject ("ops"). A node's statements with one predicate are therefore
// one key of "sp", and the subjects pointing to a node with one predicate
// are a range of "ops" keys that name them, without reading the quads.
// Deleting a quad only marks its record deleted; the indexes keep its ID.
//
// Going through Cayley's iterators costs more: they read quads in batches
// of a hundred whether the caller wants one or all, and look up the bucket
// again for every record. Gizmo plans In(p) from a node as a scan of all
// the node's quads, and a Has with a comparison as a scan of the whole
// predicate. The layout is checked when a reader starts; a store laid out
// otherwise is read through Cayley's iterators instead.

// node is a value's ID in Cayley's kv store; 0 stands for no value.
type node uint64

// link is one stored quad as value IDs.
type link struct{ s, p, o, l node }

// reader reads a store, caching value IDs and values. It belongs to one
// goroutine and one read; the caller holds s.commit (or s.mu) and closes it.
type reader struct {
	s   *Store
	ctx context.Context

	// The direct path: one bolt transaction, a read transaction of the
	// reader's own (owned) or the writer's batch.
	tx           *bolt.Tx
	owned        bool
	log, sp, ops *bolt.Bucket

	// PostgreSQL: queries in one transaction.
	pg *pgReader

	// The fallback path through Cayley.
	kv      *ckv.QuadStore
	spi, op ckv.QuadIndex
	fast    bool

	ids      map[quad.Value]node
	vals     map[node]quad.Value
	articles map[node]ArticleRef
}

// readThroughCayley makes readers use Cayley's iterators (for tests).
var readThroughCayley = false

// scanFault, if set, is asked before out ("out") and outAll ("outAll")
// scan a node's statements, and fails the scan (for tests of read errors).
var scanFault func(r *reader, op string, s, p node) error

// newReader returns a reader of the committed store: on bolt, in a read
// transaction of its own; on PostgreSQL, in a read-only transaction that
// sees one snapshot.
func (s *Store) newReader(ctx context.Context) (*reader, error) {
	if s.pg != nil {
		pr, err := s.pg.newReader(ctx)
		if err != nil {
			return nil, err
		}
		return s.sqlReader(ctx, pr), nil
	}
	r := s.boltReader(ctx)
	if !r.fast || readThroughCayley {
		r.fast = false
		return r, nil
	}
	tx, err := s.kv.db.Begin(false)
	if err != nil {
		return nil, err
	}
	r.useTx(tx, true)
	return r, nil
}

// boltReader is a reader of a bolt store without its transaction; fast
// tells whether the store's layout lets it read bolt directly.
func (s *Store) boltReader(ctx context.Context) *reader {
	r := &reader{s: s, ctx: ctx, ids: make(map[quad.Value]node), vals: make(map[node]quad.Value),
		articles: make(map[node]ArticleRef)}
	r.kv, _ = s.qs.(*ckv.QuadStore)
	var ok1, ok2 bool
	r.spi, ok1 = r.index(quad.Subject, quad.Predicate)
	r.op, ok2 = r.index(quad.Object, quad.Predicate, quad.Subject)
	r.fast = ok1 && ok2
	return r
}

// sqlReader is a reader of a PostgreSQL store through pr.
func (s *Store) sqlReader(ctx context.Context, pr *pgReader) *reader {
	return &reader{s: s, ctx: ctx, pg: pr, ids: make(map[quad.Value]node), vals: make(map[node]quad.Value),
		articles: make(map[node]ArticleRef)}
}

// useTx makes the reader read through a bolt transaction; owned ones are
// rolled back by close.
func (r *reader) useTx(tx *bolt.Tx, owned bool) {
	r.tx, r.owned = tx, owned
	r.log = tx.Bucket([]byte("log"))
	r.sp = tx.Bucket(indexBucket(r.spi))
	r.ops = tx.Bucket(indexBucket(r.op))
	if r.log == nil || r.sp == nil || r.ops == nil { // an empty store
		r.log, r.sp, r.ops = nil, nil, nil
	}
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
	if workers <= 1 || !r.fast {
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

// close ends the reader's transaction.
func (r *reader) close() error {
	if r.pg != nil {
		return r.pg.close()
	}
	if r.tx == nil || !r.owned {
		r.tx = nil
		return nil
	}
	err := r.tx.Rollback()
	r.tx = nil
	return err
}

// indexBucket is the bolt bucket of a Cayley index: its directions'
// letters, "sp" or "ops".
func indexBucket(ind ckv.QuadIndex) []byte {
	b := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		b[i] = d.Prefix()
	}
	return b
}

// index asks the store which index serves a lookup by all of dirs, and
// reports whether its key is exactly those dirs in that order.
func (r *reader) index(dirs ...quad.Direction) (ckv.QuadIndex, bool) {
	if r.kv == nil {
		return ckv.QuadIndex{}, false
	}
	filter := make(map[quad.Direction]cgraph.Ref, len(dirs))
	for i, d := range dirs {
		filter[d] = ckv.Int64Value(i + 1)
	}
	sh, ok := r.kv.OptimizeShape(r.ctx, shape.QuadsAction{Result: quad.Subject, Filter: filter})
	if !ok {
		return ckv.QuadIndex{}, false
	}
	nf, ok := sh.(shape.NodesFrom)
	if !ok {
		return ckv.QuadIndex{}, false
	}
	scan, ok := nf.Quads.(ckv.IndexScan)
	if !ok || len(scan.Index.Dirs) != len(dirs) {
		return ckv.QuadIndex{}, false
	}
	for i, d := range dirs {
		if scan.Index.Dirs[i] != d {
			return ckv.QuadIndex{}, false
		}
	}
	return scan.Index, true
}

func be64(xs ...node) []byte {
	b := make([]byte, 8*len(xs))
	for i, x := range xs {
		binary.BigEndian.PutUint64(b[8*i:], uint64(x))
	}
	return b
}

// decodeIDs reads an index value: the quad IDs as uvarints.
func decodeIDs(b []byte) ([]uint64, error) {
	var out []uint64
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, errors.New("corrupt index entry")
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}

// record is a decoded log record: a quad (IDs) or a value.
type record struct {
	s, p, o, l node
	value      []byte
	deleted    bool
}

// readRecord reads the log record of an ID; ok is false if there is none.
func (r *reader) readRecord(id uint64) (rec record, ok bool, err error) {
	if r.log == nil {
		return rec, false, nil
	}
	b := r.log.Get(be64(node(id)))
	if b == nil {
		return rec, false, nil
	}
	rec, err = decodeRecord(b)
	return rec, err == nil, err
}

// decodeRecord decodes Cayley's Primitive protobuf message: varint fields
// 1-7 (ID, Subject, Predicate, Object, Label, Replaces, Timestamp), bytes
// field 8 (Value) and bool field 9 (Deleted).
func decodeRecord(b []byte) (record, error) {
	var rec record
	for len(b) > 0 {
		tag, n := binary.Uvarint(b)
		if n <= 0 {
			return rec, errors.New("corrupt quad record")
		}
		b = b[n:]
		field, wire := tag>>3, tag&7
		switch wire {
		case 0:
			v, n := binary.Uvarint(b)
			if n <= 0 {
				return rec, errors.New("corrupt quad record")
			}
			b = b[n:]
			switch field {
			case 2:
				rec.s = node(v)
			case 3:
				rec.p = node(v)
			case 4:
				rec.o = node(v)
			case 5:
				rec.l = node(v)
			case 9:
				rec.deleted = v != 0
			}
		case 2:
			l, n := binary.Uvarint(b)
			if n <= 0 || uint64(len(b)-n) < l {
				return rec, errors.New("corrupt quad record")
			}
			if field == 8 {
				rec.value = b[n : n+int(l)]
			}
			b = b[n+int(l):]
		case 1:
			if len(b) < 8 {
				return rec, errors.New("corrupt quad record")
			}
			b = b[8:]
		case 5:
			if len(b) < 4 {
				return rec, errors.New("corrupt quad record")
			}
			b = b[4:]
		default:
			return rec, fmt.Errorf("corrupt quad record (wire type %d)", wire)
		}
	}
	return rec, nil
}

// id returns the ID of a value, 0 if the store does not hold it.
func (r *reader) id(v quad.Value) (node, error) {
	if n, ok := r.ids[v]; ok {
		return n, nil
	}
	var n node
	if r.pg != nil {
		ns, err := r.pg.ids([]quad.Value{v})
		if err != nil {
			return 0, err
		}
		n = ns[0]
	} else if r.fast {
		if r.log != nil {
			h := quad.HashOf(v)
			if b := r.tx.Bucket([]byte{'v', h[0], h[1]}); b != nil {
				if x := b.Get(h); x != nil {
					u, _ := binary.Uvarint(x)
					n = node(u)
				}
			}
		}
	} else {
		ref, err := r.s.qs.ValueOf(v)
		if err != nil {
			return 0, err
		}
		if iv, ok := ref.(ckv.Int64Value); ok {
			n = node(iv)
		}
	}
	r.ids[v] = n
	if n != 0 {
		r.vals[n] = v
	}
	return n, nil
}

// idsOf resolves several values.
func (r *reader) idsOf(vs ...quad.Value) ([]node, error) {
	if r.pg != nil { // one query for those not known yet
		var todo []quad.Value
		for _, v := range vs {
			if _, ok := r.ids[v]; !ok {
				todo = append(todo, v)
			}
		}
		ns, err := r.pg.ids(todo)
		if err != nil {
			return nil, err
		}
		for i, v := range todo {
			r.ids[v] = ns[i]
			if ns[i] != 0 {
				r.vals[ns[i]] = v
			}
		}
	}
	out := make([]node, len(vs))
	for i, v := range vs {
		n, err := r.id(v)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

// values returns the values of IDs; a 0 ID gives nil.
func (r *reader) values(ns []node) ([]quad.Value, error) {
	if r.pg != nil { // one query for those not known yet
		var todo []node
		for _, n := range ns {
			if _, ok := r.vals[n]; !ok && n != 0 {
				todo = append(todo, n)
			}
		}
		vs, err := r.pg.values(todo)
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
		if n == 0 {
			continue
		}
		if v, ok := r.vals[n]; ok {
			out[i] = v
			continue
		}
		var v quad.Value
		if r.fast {
			rec, ok, err := r.readRecord(uint64(n))
			if err != nil {
				return nil, err
			}
			if ok && len(rec.value) > 0 {
				if v, err = pquads.UnmarshalValue(rec.value); err != nil {
					return nil, err
				}
			}
		} else {
			var err error
			if v, err = r.s.qs.NameOf(ckv.Int64Value(n)); err != nil {
				return nil, err
			}
		}
		out[i] = v
		r.vals[n] = v
		if v != nil {
			r.ids[v] = n
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

// links calls fn with each live quad of an index entry, in the order they
// were written.
func (r *reader) links(entry []byte, fn func(link) error) error {
	ids, err := decodeIDs(entry)
	if err != nil {
		return err
	}
	return r.linksOf(ids, fn)
}

// linksOf calls fn with the live quads of IDs, in ascending ID order.
//
// An article's quads are written together, in order, so the quads of one
// node have IDs close to each other: the records are read with one cursor
// that steps forward to a near ID instead of searching the tree again.
func (r *reader) linksOf(ids []uint64, fn func(link) error) error {
	if r.log == nil || len(ids) == 0 {
		return nil
	}
	if !slices.IsSorted(ids) {
		ids = slices.Clone(ids)
		slices.Sort(ids)
	}
	c := r.log.Cursor()
	var k, v []byte
	for i, id := range ids {
		if i > 0 && id == ids[i-1] {
			continue
		}
		want := be64(node(id))
		if k != nil && id > binary.BigEndian.Uint64(k) && id-binary.BigEndian.Uint64(k) <= 64 {
			for k != nil && bytes.Compare(k, want) < 0 {
				k, v = c.Next()
			}
		} else {
			k, v = c.Seek(want)
		}
		if k == nil || !bytes.Equal(k, want) {
			continue
		}
		rec, err := decodeRecord(v)
		if err != nil {
			return err
		}
		if rec.deleted {
			continue
		}
		if err := fn(link{rec.s, rec.p, rec.o, rec.l}); err != nil {
			return err
		}
	}
	return nil
}

// live reports whether an index entry lists a quad not deleted.
func (r *reader) live(entry []byte) (bool, error) {
	found := false
	err := r.links(entry, func(link) error {
		found = true
		return errStop
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	return found, err
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
	if r.pg != nil {
		return stopped(r.pg.scan(r.ctx, pgSP, []node{s}, p, 0, fn))
	}
	if !r.fast {
		return r.scanCayley(quad.Subject, r.spi, []uint64{uint64(s), uint64(p)}, p, fn)
	}
	if r.sp == nil {
		return nil
	}
	return stopped(r.links(r.sp.Get(be64(s, p)), fn))
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
	if r.pg != nil {
		return stopped(r.pg.scan(r.ctx, pgSP, []node{s}, 0, 0, func(l link) error {
			if want != nil && !want(l.p) {
				return nil
			}
			return fn(l)
		}))
	}
	if !r.fast {
		return r.scanCayley(quad.Subject, r.spi, []uint64{uint64(s)}, 0, func(l link) error {
			if want != nil && !want(l.p) {
				return nil
			}
			return fn(l)
		})
	}
	var ids []uint64
	err := r.prefix(r.sp, be64(s), func(key, entry []byte) error {
		if len(key) < 16 || want != nil && !want(node(binary.BigEndian.Uint64(key[8:]))) {
			return nil
		}
		more, err := decodeIDs(entry)
		ids = append(ids, more...)
		return err
	})
	if err != nil {
		return err
	}
	return stopped(r.linksOf(ids, fn))
}

// in calls fn with each quad ? <p> <o>; none if either is 0. Returning
// errStop from fn ends the scan.
func (r *reader) in(o, p node, fn func(link) error) error {
	if o == 0 || p == 0 {
		return nil
	}
	if r.pg != nil {
		return stopped(r.pg.scan(r.ctx, pgOP, []node{o}, p, 0, fn))
	}
	if !r.fast {
		return r.scanCayley(quad.Object, r.op, []uint64{uint64(o), uint64(p)}, p, fn)
	}
	return r.prefix(r.ops, be64(o, p), func(_, entry []byte) error { return r.links(entry, fn) })
}

// inAll calls fn with every quad whose object is o.
func (r *reader) inAll(o node, fn func(link) error) error {
	if o == 0 {
		return nil
	}
	if r.pg != nil {
		return stopped(r.pg.scan(r.ctx, pgOP, []node{o}, 0, 0, fn))
	}
	if !r.fast {
		return r.scanCayley(quad.Object, r.op, []uint64{uint64(o)}, 0, fn)
	}
	return r.prefix(r.ops, be64(o), func(_, entry []byte) error { return r.links(entry, fn) })
}

// subjectsOf returns the distinct subjects of ? <p> <o>, in index order.
// The index keys name them: only one quad per subject is read, to check
// that it was not deleted.
func (r *reader) subjectsOf(p, o node) ([]node, error) {
	var out []node
	if o == 0 || p == 0 {
		return nil, nil
	}
	if r.pg != nil {
		return r.pg.subjects(r.ctx, p, o)
	}
	if !r.fast {
		seen := make(map[node]bool)
		err := r.in(o, p, func(l link) error {
			if !seen[l.s] {
				seen[l.s] = true
				out = append(out, l.s)
			}
			return nil
		})
		return out, err
	}
	err := r.prefix(r.ops, be64(o, p), func(key, entry []byte) error {
		if len(key) < 24 {
			return nil
		}
		ok, err := r.live(entry)
		if ok {
			out = append(out, node(binary.BigEndian.Uint64(key[16:])))
		}
		return err
	})
	return out, err
}

// prefix calls fn with every key of bucket b that starts with pre.
func (r *reader) prefix(b *bolt.Bucket, pre []byte, fn func(key, entry []byte) error) error {
	if b == nil {
		return nil
	}
	c := b.Cursor()
	for k, v := c.Seek(pre); k != nil && bytes.HasPrefix(k, pre); k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return stopped(err)
		}
	}
	return r.ctx.Err()
}

// stopped turns errStop into success.
func stopped(err error) error {
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// scanCayley is the fallback: Cayley's own iterator over an index prefix,
// or over all a node's quads if the index does not serve the prefix.
func (r *reader) scanCayley(dir quad.Direction, ind ckv.QuadIndex, vals []uint64, p node, fn func(link) error) error {
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

// allLinks calls fn with every live quad of the store, in the order they
// were written.
func (r *reader) allLinks(fn func(link) error) error {
	if r.pg != nil {
		return r.pg.scan(r.ctx, pgAll, nil, 0, 0, fn)
	}
	if !r.fast {
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
	if r.log == nil {
		return nil
	}
	c := r.log.Cursor()
	for k, b := c.First(); k != nil; k, b = c.Next() {
		rec, err := decodeRecord(b)
		if err != nil {
			return err
		}
		if rec.deleted || rec.s == 0 || rec.p == 0 || rec.o == 0 {
			continue // a value, or a deleted quad
		}
		if err := fn(link{rec.s, rec.p, rec.o, rec.l}); err != nil {
			return err
		}
	}
	return r.ctx.Err()
}
