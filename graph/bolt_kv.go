package graph

import (
	"context"
	"errors"
	"sync"

	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// batchKV wraps the key-value database under Cayley's quad store so that
// several ApplyDeltas calls, of one article or of several, share one
// read-write bolt transaction.
//
// Why: Cayley's kv ApplyDeltas mishandles a batch that mixes additions and
// deletions when a value (typically the article label) loses more quads
// than it gains: the added quads are written with that value's direction
// missing. Write therefore applies additions and deletions as two calls,
// and runs both inside one bolt transaction so an article is still
// replaced atomically. A Writer goes further and puts several articles in
// one transaction: a commit costs a sync and rewrites every index entry
// it touches, however little was added to it.
//
// The batch transaction is opened here, on the bolt database itself, so
// that the writer's reader can read through it (*bolt.Tx) and see the
// articles written earlier in the batch.
type batchKV struct {
	hkv.KV // the database as Cayley sees it outside batches
	db     *bolt.DB

	// failCommit, if set, is asked before a batch commits and fails the
	// commit with its error (tests: a full disk).
	failCommit func() error

	mu     sync.Mutex
	shared *boltTx // the open batch transaction, if any
}

// Tx returns the batch transaction, wrapped so that Cayley's own Commit and
// Close are no-ops, to read-write callers while a batch is open. Readers
// always get a transaction of their own and so see only committed data.
func (b *batchKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	if rw {
		b.mu.Lock()
		tx := b.shared
		b.mu.Unlock()
		if tx != nil {
			return nestedTx{tx}, nil
		}
	}
	return b.KV.Tx(ctx, rw)
}

// View and Update go through Tx, not the wrapped database's own methods.
func (b *batchKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, b, fn)
}

func (b *batchKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, b, fn)
}

// begin opens the batch transaction. Callers must serialise batches
// (Store.mu does) and end each with end.
func (b *batchKV) begin() (*bolt.Tx, error) {
	tx, err := b.db.Begin(true)
	if err != nil {
		return nil, err
	}
	b.mu.Lock()
	b.shared = &boltTx{tx: tx, buckets: make(map[string]*bolt.Bucket)}
	b.mu.Unlock()
	return tx, nil
}

// end commits the batch transaction, or rolls it back if commit is false.
func (b *batchKV) end(commit bool) error {
	b.mu.Lock()
	tx := b.shared
	b.shared = nil
	b.mu.Unlock()
	if tx == nil {
		return nil
	}
	if !commit {
		return tx.tx.Rollback()
	}
	if b.failCommit != nil {
		if err := b.failCommit(); err != nil {
			return errors.Join(err, tx.tx.Rollback())
		}
	}
	return tx.tx.Commit()
}

// batch runs fn with one shared read-write transaction and commits it if fn
// succeeds. Callers must serialise batches (Store.mu does).
func (b *batchKV) batch(ctx context.Context, fn func() error) error {
	if _, err := b.begin(); err != nil {
		return err
	}
	if err := fn(); err != nil {
		return errors.Join(err, b.end(false))
	}
	return b.end(true)
}

// nestedTx is the batch transaction as ApplyDeltas sees it.
type nestedTx struct{ *boltTx }

func (nestedTx) Commit(context.Context) error { return nil }
func (nestedTx) Close() error                 { return nil }

// boltTx is a bolt read-write transaction as Cayley's kv layer uses it,
// with the key layout of hidalgo's bbolt backend (which opens the store
// outside batches): the first part of a key names a bucket, the last the
// key in it. Cayley writes through Get, GetBatch, Put and Del only.
type boltTx struct {
	tx *bolt.Tx
	// buckets caches the top-level buckets: Cayley names one for every
	// key it reads or writes, and looking it up costs more than the read.
	buckets map[string]*bolt.Bucket
}

// top returns a top-level bucket, creating it if create.
func (t *boltTx) top(name []byte, create bool) (*bolt.Bucket, error) {
	if b := t.buckets[string(name)]; b != nil {
		return b, nil
	}
	b := t.tx.Bucket(name)
	if b == nil && create {
		var err error
		if b, err = t.tx.CreateBucket(name); err != nil {
			return nil, err
		}
	}
	if b != nil {
		b.FillPercent = fillPercent(name)
		t.buckets[string(name)] = b
	}
	return b, nil
}

// fillPercent is how full bolt fills the pages of a bucket when it splits
// them. Cayley's quad log and its subject index are written in the order
// of increasing IDs, so their pages fill from left to right and are never
// written again; bolt's default of one half would leave every page half
// empty and the file twice as large.
func fillPercent(bucket []byte) float64 {
	switch string(bucket) {
	case "log", "sp":
		return 0.95
	}
	return bolt.DefaultFillPercent
}

// bucket returns the bucket of key and the key's last part.
func (t *boltTx) bucket(key hkv.Key) (*bolt.Bucket, []byte) {
	if len(key) < 2 {
		return nil, nil // Cayley keeps nothing in the root bucket
	}
	b, _ := t.top(key[0], false)
	for _, part := range key[1 : len(key)-1] {
		if b == nil {
			return nil, nil
		}
		b = b.Bucket(part)
	}
	return b, key[len(key)-1]
}

func (t *boltTx) Get(_ context.Context, key hkv.Key) (hkv.Value, error) {
	b, k := t.bucket(key)
	if b == nil {
		return nil, hkv.ErrNotFound
	}
	v := b.Get(k)
	if v == nil {
		return nil, hkv.ErrNotFound
	}
	return v, nil
}

func (t *boltTx) GetBatch(_ context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	vals := make([]hkv.Value, len(keys))
	for i, key := range keys {
		if b, k := t.bucket(key); b != nil {
			vals[i] = b.Get(k)
		}
	}
	return vals, nil
}

func (t *boltTx) Put(_ context.Context, key hkv.Key, v hkv.Value) error {
	if len(key) < 2 {
		return errors.New("bolt: key without a bucket")
	}
	b, err := t.top(key[0], true)
	for _, part := range key[1 : len(key)-1] {
		if err != nil {
			break
		}
		b, err = b.CreateBucketIfNotExists(part)
	}
	if err != nil {
		return err
	}
	k := key[len(key)-1]
	if len(k) == 0 && len(v) == 0 {
		return nil // a bucket was asked for, and made
	}
	return b.Put(k, v)
}

func (t *boltTx) Del(_ context.Context, key hkv.Key) error {
	if b, k := t.bucket(key); b != nil {
		return b.Delete(k)
	}
	return nil
}

// Scan is not used by Cayley's writes; readers scan their own transactions.
func (t *boltTx) Scan(context.Context, ...hkv.IteratorOption) hkv.Iterator {
	return errIterator{errors.New("bolt: scanning a write batch is not supported")}
}

func (t *boltTx) Commit(context.Context) error { return t.tx.Commit() }
func (t *boltTx) Close() error                 { return t.tx.Rollback() }

// errIterator is an iterator that fails at once.
type errIterator struct{ err error }

func (errIterator) Reset()                    {}
func (errIterator) Next(context.Context) bool { return false }
func (e errIterator) Err() error              { return e.err }
func (errIterator) Close() error              { return nil }
func (errIterator) Key() hkv.Key              { return nil }
func (errIterator) Val() hkv.Value            { return nil }
