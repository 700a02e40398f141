package graph

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// sqlBatch is a PostgreSQL write transaction, written in a pipeline: an
// article's nodes and quads go to the server from a goroutine of their
// own while the writer reads for and plans the next article, so that the
// server inserts (most of the time of writing into PostgreSQL) while the
// client works, not after.
//
// The next article's reads cannot wait for those inserts, so they are not
// made in the batch's transaction: they read the store as it was before
// the batch (no other process can commit while the batch holds the
// writer lock), less the reports of articles the batch replaced, and the
// batch's own reports of events come from memory (batchReports). An
// article the batch already wrote (the same ID twice) is planned the
// plain way: its reads wait for the inserts and go through the
// transaction.
type sqlBatch struct {
	s *Store
	*pgBatch

	reports  batchReports
	written  map[quad.IRI]bool // articles the batch wrote
	replaced pq.ByteaArray     // those it replaced, stored before it
	// nodes counts the node references of the quads written: the nodes
	// table is updated once for the batch (see syncNodes), not once per
	// article, since most articles use the same predicates and classes.
	nodes nodeDeltas
	ctx   context.Context // of the inserts, not cancelled

	jobs     chan articleChange // to the inserting goroutine
	done     chan struct{}      // closed when it has stopped
	inflight sync.WaitGroup     // changes sent and not yet applied
	mu       sync.Mutex
	err      error // the first failed change, after which none is applied
}

func (b *sqlBatch) reader(ctx context.Context, label quad.IRI) (*reader, error) {
	if b.written[label] {
		if err := b.wait(); err != nil {
			return nil, err
		}
		if err := b.syncNodes(); err != nil {
			return nil, err
		}
		return b.s.readerOf(ctx, newPGReader(ctx, b.tx)), nil
	}
	pr := newPGReader(ctx, b.s.pg.db)
	pr.batch, pr.exclude = &b.reports, b.replaced
	return b.s.readerOf(ctx, pr), nil
}

func (b *sqlBatch) write(ctx context.Context, a articleChange) error {
	if err := b.failed(); err != nil {
		return err
	}
	if a.replaced && !b.written[a.label] {
		b.replaced = append(b.replaced, quad.HashOf(a.label))
	}
	if b.written == nil {
		b.written = make(map[quad.IRI]bool)
	}
	b.written[a.label] = true
	b.reports.add(a.label, a.next)
	if b.jobs == nil {
		b.jobs, b.done = make(chan articleChange, 2), make(chan struct{})
		b.ctx = context.WithoutCancel(ctx)
		go b.insert()
	}
	b.inflight.Add(1)
	b.jobs <- a
	return nil
}

// insert applies the changes sent, in order, until the first failure.
// The context is not the caller's: a cancelled ingest still commits what
// it has written, so a change sent is applied.
func (b *sqlBatch) insert() {
	defer close(b.done)
	for a := range b.jobs {
		if b.failed() == nil {
			if err := b.applyChange(a); err != nil {
				b.mu.Lock()
				b.err = fmt.Errorf("article %s: %w", a.label, err)
				b.mu.Unlock()
			}
		}
		b.inflight.Done()
	}
}

// applyChange writes an article's quads; the nodes wait for syncNodes,
// unless the store's foreign keys want them first.
func (b *sqlBatch) applyChange(a articleChange) error {
	if b.s.pg.foreignKeys {
		return b.apply(b.ctx, a.add, a.del)
	}
	if err := b.writeQuads(b.ctx, a.add, a.del); err != nil {
		return err
	}
	b.nodes.count(a.add, 1)
	b.nodes.count(a.del, -1)
	return nil
}

// syncNodes writes the node references counted so far. Only while no
// insert is under way.
func (b *sqlBatch) syncNodes() error {
	if len(b.nodes.order) == 0 {
		return nil
	}
	err := b.writeNodes(b.ctx, &b.nodes)
	b.nodes = nodeDeltas{}
	if err != nil {
		b.mu.Lock()
		b.err = err
		b.mu.Unlock()
	}
	return err
}

func (b *sqlBatch) failed() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

// wait waits until every change sent is applied.
func (b *sqlBatch) wait() error {
	b.inflight.Wait()
	return b.failed()
}

// stop ends the inserting goroutine once it has applied what was sent.
func (b *sqlBatch) stop() error {
	if b.jobs != nil {
		close(b.jobs)
		<-b.done
		b.jobs = nil
	}
	return b.failed()
}

func (b *sqlBatch) commit() error {
	err := b.stop()
	if err == nil {
		err = b.syncNodes()
	}
	if err != nil {
		return errors.Join(err, b.pgBatch.rollback())
	}
	return b.pgBatch.commit()
}

func (b *sqlBatch) rollback() error {
	b.stop()
	return b.pgBatch.rollback()
}
