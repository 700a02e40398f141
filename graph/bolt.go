package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	bolt "go.etcd.io/bbolt"

	"github.com/diplograph/diplograph/schema"
)

// Reading a bolt store: the read commands read Cayley's bolt database
// directly, in one read transaction (boltIndex).
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
// otherwise is read through Cayley's iterators instead (cayleyIndex,
// bolt_cayley.go).

// boltBackend is a store in a bolt file, written and read through
// Cayley's kv quad store (s.kv, s.qs).
type boltBackend struct{ s *Store }

func (b boltBackend) begin(context.Context) (writeBatch, error) {
	tx, err := b.s.kv.begin()
	if err != nil {
		return nil, err
	}
	return &boltBatch{s: b.s, tx: tx}, nil
}

func (b boltBackend) quadCount(ctx context.Context) (int64, error) {
	st, err := b.s.qs.Stats(ctx, false)
	if errors.Is(err, ckv.ErrNoBucket) {
		return 0, nil // a new store has no size yet
	}
	return st.Quads.Value, err
}

func (b boltBackend) writeVersion(context.Context) error {
	return b.s.qs.ApplyDeltas([]cgraph.Delta{{Quad: versionQuad(), Action: cgraph.Add}}, cgraph.IgnoreOpts{IgnoreDup: true})
}

func (b boltBackend) queryStore() cgraph.QuadStore { return b.s.qs }

func (b boltBackend) close() error { return nil } // closing Cayley's store closes bolt

// boltIndex reads a bolt store's buckets directly in one transaction: a
// read transaction of its own (owned) or a write batch's.
type boltIndex struct {
	s            *Store
	ctx          context.Context
	tx           *bolt.Tx
	owned        bool
	spi, op      ckv.QuadIndex
	log, sp, ops *bolt.Bucket
}

// newIndex reads the committed store: in a read transaction of its own,
// or through Cayley's iterators if the layout is not the one boltIndex
// reads.
func (b boltBackend) newIndex(ctx context.Context) (index, error) {
	ix, ok := b.direct(ctx)
	if !ok {
		return b.throughCayley(ctx), nil
	}
	tx, err := b.s.kv.db.Begin(false)
	if err != nil {
		return nil, err
	}
	ix.useTx(tx, true)
	return ix, nil
}

// direct is a boltIndex without its transaction; ok is false if the
// store's layout does not let it read bolt directly, or the tests say not
// to.
func (b boltBackend) direct(ctx context.Context) (*boltIndex, bool) {
	kv, _ := b.s.qs.(*ckv.QuadStore)
	spi, ok1 := cayleyIndexOf(ctx, kv, quad.Subject, quad.Predicate)
	op, ok2 := cayleyIndexOf(ctx, kv, quad.Object, quad.Predicate, quad.Subject)
	if !ok1 || !ok2 || readThroughCayley {
		return nil, false
	}
	return &boltIndex{s: b.s, ctx: ctx, spi: spi, op: op}, true
}

// throughCayley reads through Cayley's iterators, which see committed
// data only.
func (b boltBackend) throughCayley(ctx context.Context) *cayleyIndex {
	kv, _ := b.s.qs.(*ckv.QuadStore)
	spi, _ := cayleyIndexOf(ctx, kv, quad.Subject, quad.Predicate)
	op, _ := cayleyIndexOf(ctx, kv, quad.Object, quad.Predicate, quad.Subject)
	return &cayleyIndex{s: b.s, ctx: ctx, kv: kv, spi: spi, op: op}
}

// useTx makes the index read through a bolt transaction; owned ones are
// rolled back by close.
func (r *boltIndex) useTx(tx *bolt.Tx, owned bool) {
	r.tx, r.owned = tx, owned
	r.log = tx.Bucket([]byte("log"))
	r.sp = tx.Bucket(indexBucket(r.spi))
	r.ops = tx.Bucket(indexBucket(r.op))
	if r.log == nil || r.sp == nil || r.ops == nil { // an empty store
		r.log, r.sp, r.ops = nil, nil, nil
	}
}

func (r *boltIndex) close() error {
	if r.tx == nil || !r.owned {
		r.tx = nil
		return nil
	}
	err := r.tx.Rollback()
	r.tx = nil
	return err
}

func (r *boltIndex) concurrent() bool    { return true }
func (r *boltIndex) committedOnly() bool { return false }

func (r *boltIndex) ids(vs []quad.Value) ([]node, error) {
	out := make([]node, len(vs))
	if r.log == nil {
		return out, nil
	}
	for i, v := range vs {
		h := quad.HashOf(v)
		if b := r.tx.Bucket([]byte{'v', h[0], h[1]}); b != nil {
			if x := b.Get(h); x != nil {
				u, _ := binary.Uvarint(x)
				out[i] = node(u)
			}
		}
	}
	return out, nil
}

func (r *boltIndex) values(ns []node) ([]quad.Value, error) {
	out := make([]quad.Value, len(ns))
	for i, n := range ns {
		rec, ok, err := r.readRecord(uint64(n))
		if err != nil {
			return nil, err
		}
		if ok && len(rec.value) > 0 {
			if out[i], err = pquads.UnmarshalValue(rec.value); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func (r *boltIndex) out(s, p node, fn func(link) error) error {
	if r.sp == nil {
		return nil
	}
	return r.links(r.sp.Get(be64(s, p)), fn)
}

func (r *boltIndex) outAll(s node, want func(p node) bool, fn func(link) error) error {
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
	return r.linksOf(ids, fn)
}

func (r *boltIndex) outLabelled(ss []node, l node, fn func(link) error) error {
	return outLabelledEach(r, ss, l, fn)
}

func (r *boltIndex) in(o, p node, fn func(link) error) error {
	return r.prefix(r.ops, be64(o, p), func(_, entry []byte) error { return r.links(entry, fn) })
}

func (r *boltIndex) inAll(o node, fn func(link) error) error {
	return r.prefix(r.ops, be64(o), func(_, entry []byte) error { return r.links(entry, fn) })
}

func (r *boltIndex) inLabelled(o, l node, fn func(link) error) error {
	return inLabelledAll(r, o, l, fn)
}

// subjects reads the subjects from the index keys, and one quad per
// subject, to check that it was not deleted.
func (r *boltIndex) subjects(p, o node) ([]node, error) {
	var out []node
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

// candidates reads only the index keys.
func (r *boltIndex) candidates(p, o node) ([]node, error) {
	var out []node
	err := r.prefix(r.ops, be64(o, p), func(key, _ []byte) error {
		if len(key) >= 24 {
			out = append(out, node(binary.BigEndian.Uint64(key[16:])))
		}
		return nil
	})
	return out, err
}

func (r *boltIndex) all(fn func(link) error) error {
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

func (r *boltIndex) storedHappenings(rd *reader, label quad.IRI, _ schema.Result) (storedHappenings, error) {
	return rd.happeningsOf(label), nil
}

// outLabelledEach scans the quads labelled l of each of ss in turn, for
// the indexes with no scan of their own by label.
func outLabelledEach(ix index, ss []node, l node, fn func(link) error) error {
	for _, n := range ss {
		if n == 0 {
			continue
		}
		err := stopped(ix.outAll(n, nil, func(lk link) error {
			if lk.l != l {
				return nil
			}
			return fn(lk)
		}))
		if err != nil {
			return err
		}
	}
	return nil
}

// inLabelledAll scans the quads labelled l whose object is o, for the
// indexes with no scan of their own by label.
func inLabelledAll(ix index, o, l node, fn func(link) error) error {
	if o == 0 {
		return nil
	}
	return ix.inAll(o, func(lk link) error {
		if lk.l != l {
			return nil
		}
		return fn(lk)
	})
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

// cayleyIndexOf asks the store which index serves a lookup by all of dirs, and
// reports whether its key is exactly those dirs in that order.
func cayleyIndexOf(ctx context.Context, kv *ckv.QuadStore, dirs ...quad.Direction) (ckv.QuadIndex, bool) {
	if kv == nil {
		return ckv.QuadIndex{}, false
	}
	filter := make(map[quad.Direction]cgraph.Ref, len(dirs))
	for i, d := range dirs {
		filter[d] = ckv.Int64Value(i + 1)
	}
	sh, ok := kv.OptimizeShape(ctx, shape.QuadsAction{Result: quad.Subject, Filter: filter})
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
func (r *boltIndex) readRecord(id uint64) (rec record, ok bool, err error) {
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

// links calls fn with each live quad of an index entry, in the order they
// were written.
func (r *boltIndex) links(entry []byte, fn func(link) error) error {
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
func (r *boltIndex) linksOf(ids []uint64, fn func(link) error) error {
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
func (r *boltIndex) live(entry []byte) (bool, error) {
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

// prefix calls fn with every key of bucket b that starts with pre.
func (r *boltIndex) prefix(b *bolt.Bucket, pre []byte, fn func(key, entry []byte) error) error {
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

// boltBatch is a bolt read-write transaction shared by Cayley's writes
// (through batchKV) and the writer's reads.
type boltBatch struct {
	s       *Store
	tx      *bolt.Tx
	applied bool
}

func (b *boltBatch) reader(ctx context.Context, _ quad.IRI) (*reader, error) {
	be := boltBackend{b.s}
	ix, ok := be.direct(ctx)
	if !ok { // Cayley's iterators: committed data (Writer commits each article)
		return b.s.readerOf(ctx, be.throughCayley(ctx)), nil
	}
	ix.useTx(b.tx, false)
	return b.s.readerOf(ctx, ix), nil
}

// write adds and deletes quads as two ApplyDeltas calls (see batchKV).
func (b *boltBatch) write(_ context.Context, a articleChange) error {
	add, del := a.add, a.del
	deltas := func(qs []quad.Quad, a cgraph.Procedure) []cgraph.Delta {
		out := make([]cgraph.Delta, len(qs))
		for i, q := range qs {
			out[i] = cgraph.Delta{Quad: q, Action: a}
		}
		return out
	}
	b.applied = true
	if len(add) > 0 {
		if err := b.s.qs.ApplyDeltas(deltas(add, cgraph.Add), cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
			return fmt.Errorf("add %d quads: %w", len(add), err)
		}
	}
	if len(del) > 0 {
		if err := b.s.qs.ApplyDeltas(deltas(del, cgraph.Delete), cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
			return fmt.Errorf("delete %d quads: %w", len(del), err)
		}
	}
	return nil
}

// commit commits while no query reads: Cayley's iterators read through
// several bolt transactions, so a query that overlapped a commit could see
// part of an article's old quads and part of its new ones.
func (b *boltBatch) commit() error {
	b.s.commit.Lock()
	err := b.s.kv.end(true)
	b.s.commit.Unlock()
	if err != nil {
		b.s.broken = err
		return err
	}
	releaseMapped(b.s.kv.db.Path())
	return nil
}

// rollback abandons the transaction. Cayley's in-memory caches may then
// name values the rollback removed, so the store refuses further writes
// until it is reopened.
func (b *boltBatch) rollback() error {
	err := b.s.kv.end(false)
	if b.applied {
		b.s.broken = errors.New("a write batch was abandoned")
	}
	return err
}
