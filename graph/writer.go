package graph

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
	bolt "go.etcd.io/bbolt"

	"github.com/diplograph/diplograph/schema"
)

// DefaultBatch is the number of articles a Writer commits together unless
// told otherwise.
const DefaultBatch = 128

// DefaultMaxDelay is how long a Writer keeps a batch open while its input
// is idle (see Idle).
const DefaultMaxDelay = time.Second

// Writer writes articles into a store in batches: the articles of a batch
// are committed in one transaction, so a crash or a failed commit loses
// the whole batch and never part of an article, and each article is still
// written as Store.Write writes it (unchanged ones skipped, changed ones
// replaced, events joined to those stored). An article sees the ones
// written before it in the same batch.
//
// A Writer holds the store's write lock (on PostgreSQL, the database's
// writer lock) while a batch is open: call Idle while the input is dry
// (it commits a batch open for longer than MaxDelay), or Flush, so that
// other writers get their turn. A Writer is not safe for concurrent use.
type Writer struct {
	s *Store
	// MaxBatch is the number of articles after which Write commits the
	// batch itself (DefaultBatch if 0; 1 commits every article).
	MaxBatch int
	// MaxDelay is how long Idle leaves a batch open (DefaultMaxDelay if
	// 0).
	MaxDelay time.Duration

	b       writeBatch // the open batch, nil between batches
	opened  time.Time  // when b was opened
	pending int        // articles the open batch adds or replaces
}

// writeBatch is an open write transaction of a backend.
type writeBatch interface {
	// reader reads the store, for writing article label, as the batch
	// has written it.
	reader(ctx context.Context, label quad.IRI) (*reader, error)
	// write writes one article's changes. It may return before they reach
	// the store, and report a failure at a later write or at commit.
	write(ctx context.Context, a articleChange) error
	commit() error
	rollback() error
}

// articleChange is what writing one article changes.
type articleChange struct {
	label    quad.IRI
	next     []quad.Quad // all the article's quads, as written
	add, del []quad.Quad // the difference with what the store held
	replaced bool        // the store held another version
}

// NewWriter returns a writer of the store.
func (s *Store) NewWriter() *Writer {
	return &Writer{s: s}
}

// Write writes one article into the open batch, opening one if needed,
// and reports what it did; the report stands once the batch is committed
// (by Flush, or by Write when the batch is full). An error other than
// the context's abandons the whole open batch: none of its articles is
// stored.
func (w *Writer) Write(ctx context.Context, r schema.Result) (WriteReport, error) {
	rep, err := w.write(ctx, r)
	if err != nil {
		return rep, fmt.Errorf("write article %q to %s: %w", r.Document.ID, w.s.path, err)
	}
	return rep, nil
}

func (w *Writer) write(ctx context.Context, r schema.Result) (WriteReport, error) {
	s := w.s
	if s.readOnly {
		return WriteReport{}, errors.New("store is open read-only")
	}
	if r.Document.ID == "" {
		return WriteReport{}, errors.New("document has no ID")
	}
	if err := ctx.Err(); err != nil {
		return WriteReport{}, err // the open batch can still be flushed
	}
	if err := w.begin(ctx); err != nil {
		return WriteReport{}, err
	}
	rd, err := w.b.reader(ctx, schema.ArticleIRI(r.Document.ID))
	if err != nil {
		return WriteReport{}, w.abort(err)
	}
	rep, change, err := plan(rd, r)
	if cerr := rd.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return WriteReport{}, w.abort(err)
	}
	if len(change.add) > 0 || len(change.del) > 0 {
		if err := w.b.write(ctx, change); err != nil {
			return WriteReport{}, w.abort(err)
		}
		w.pending++
	}
	// Without the direct reader, reads see committed data only.
	if w.pending >= w.maxBatch() || s.pg == nil && !rd.fast {
		if err := w.Flush(); err != nil {
			return WriteReport{}, err
		}
	}
	return rep, nil
}

func (w *Writer) maxBatch() int {
	if w.MaxBatch <= 0 {
		return DefaultBatch
	}
	return w.MaxBatch
}

// Pending is the number of articles the open batch adds or replaces, not
// yet committed.
func (w *Writer) Pending() int { return w.pending }

// Idle tells the writer that no article is ready to be written. It
// commits a batch open for longer than MaxDelay, so that what was written
// is soon visible (and, on PostgreSQL, other processes waiting for the
// writer lock get their turn), and otherwise waits for more articles: on
// bolt a commit costs a sync and the rewriting of every index entry it
// touches, on PostgreSQL it waits for the inserts the batch has under way.
func (w *Writer) Idle() error {
	if w.b == nil {
		return nil
	}
	delay := w.MaxDelay
	if delay <= 0 {
		delay = DefaultMaxDelay
	}
	if time.Since(w.opened) >= delay {
		return w.Flush()
	}
	return nil
}

// begin opens a batch unless one is open.
func (w *Writer) begin(ctx context.Context) error {
	if w.b != nil {
		return nil
	}
	s := w.s
	s.mu.Lock()
	if s.broken != nil {
		s.mu.Unlock()
		return fmt.Errorf("an earlier write failed, reopen the store: %w", s.broken)
	}
	var err error
	if s.pg != nil {
		var b *pgBatch
		if b, err = s.pg.beginBatch(ctx); err == nil {
			w.b = &sqlBatch{s: s, pgBatch: b}
		}
	} else {
		var tx *bolt.Tx
		if tx, err = s.kv.begin(); err == nil {
			w.b = &boltBatch{s: s, tx: tx}
		}
	}
	if err != nil {
		s.mu.Unlock()
		return err
	}
	w.opened = time.Now()
	return nil
}

// Flush commits the open batch, if any.
func (w *Writer) Flush() error {
	if n, err := w.finish(true); err != nil {
		return fmt.Errorf("commit %d articles to %s: %w", n, w.s.path, err)
	}
	return nil
}

// Close abandons the open batch, if any: Flush first to keep it.
func (w *Writer) Close() error {
	_, err := w.finish(false)
	return err
}

// finish commits (keep) or abandons the open batch, if any, and returns
// how many articles it held.
func (w *Writer) finish(keep bool) (int, error) {
	if w.b == nil {
		return 0, nil
	}
	end := w.b.rollback
	if keep {
		end = w.b.commit
	}
	err := end()
	w.end()
	n := w.pending
	w.pending = 0
	return n, err
}

// abort abandons the open batch after err.
func (w *Writer) abort(err error) error {
	if w.b != nil {
		err = errors.Join(err, w.b.rollback())
		w.end()
	}
	w.pending = 0
	return err
}

func (w *Writer) end() {
	w.b = nil
	w.s.mu.Unlock()
}

// plan reads what the store holds of the article and returns what writing
// it changes.
func plan(rd *reader, r schema.Result) (rep WriteReport, change articleChange, err error) {
	label := schema.ArticleIRI(r.Document.ID)
	change.label = label
	lref, err := rd.id(label)
	if err != nil {
		return rep, change, err
	}
	rep.Status = StatusNew
	var old []quad.Quad
	if lref != 0 {
		same, err := rd.hasSHA(lref, r.Document.SHA256)
		if err != nil {
			return rep, change, err
		}
		if same {
			return WriteReport{Status: StatusUnchanged}, change, nil
		}
		if old, err = rd.articleQuads(lref); err != nil {
			return rep, change, fmt.Errorf("read stored version: %w", err)
		}
		if len(old) > 0 {
			rep.Status = StatusReplaced
			change.replaced = true
		}
	}
	stored, err := rd.storedHappenings(label, r)
	if err != nil {
		return rep, change, fmt.Errorf("read stored events: %w", err)
	}
	events, err := assignEvents(r, stored)
	if err != nil {
		return rep, change, fmt.Errorf("match events with stored ones: %w", err)
	}
	change.next = quadsWith(r, events)
	change.add, change.del = diffQuads(old, change.next)
	if len(change.add) == 0 && len(change.del) == 0 {
		return WriteReport{Status: StatusUnchanged}, change, nil
	}
	rep.Added, rep.Removed = len(change.add), len(change.del)
	return rep, change, nil
}

// boltBatch is a bolt read-write transaction shared by Cayley's writes
// (through batchKV) and the writer's reads.
type boltBatch struct {
	s       *Store
	tx      *bolt.Tx
	applied bool
}

func (b *boltBatch) reader(ctx context.Context, _ quad.IRI) (*reader, error) {
	r := b.s.boltReader(ctx)
	if !r.fast || readThroughCayley {
		r.fast = false // Cayley's iterators: committed data (Writer commits each article)
		return r, nil
	}
	r.useTx(b.tx, false)
	return r, nil
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
		return b.s.sqlReader(ctx, newPGReader(ctx, b.tx)), nil
	}
	pr := newPGReader(ctx, b.s.pg.db)
	pr.batch, pr.exclude = &b.reports, b.replaced
	return b.s.sqlReader(ctx, pr), nil
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
