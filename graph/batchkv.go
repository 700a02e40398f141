package graph

import (
	"context"
	"errors"
	"sync"

	hkv "github.com/hidal-go/hidalgo/kv"
)

// batchKV wraps the key-value database under Cayley's quad store so that
// several ApplyDeltas calls can share one read-write transaction.
//
// Why: Cayley's kv ApplyDeltas mishandles a batch that mixes additions and
// deletions when a value (typically the article label) loses more quads
// than it gains: the added quads are written with that value's direction
// missing. Write therefore applies additions and deletions as two calls,
// and runs both inside one bolt transaction so an article is still
// replaced atomically.
type batchKV struct {
	hkv.KV

	mu     sync.Mutex
	shared hkv.Tx // the open batch transaction, if any
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

// batch runs fn with one shared read-write transaction and commits it if fn
// succeeds. Callers must serialise batches (Store.mu does).
func (b *batchKV) batch(ctx context.Context, fn func() error) error {
	tx, err := b.KV.Tx(ctx, true)
	if err != nil {
		return err
	}
	b.mu.Lock()
	b.shared = tx
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		b.shared = nil
		b.mu.Unlock()
	}()
	if err := fn(); err != nil {
		return errors.Join(err, tx.Close())
	}
	return tx.Commit(ctx)
}

// nestedTx is the batch transaction as ApplyDeltas sees it.
type nestedTx struct{ hkv.Tx }

func (nestedTx) Commit(context.Context) error { return nil }
func (nestedTx) Close() error                 { return nil }
