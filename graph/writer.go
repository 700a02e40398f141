package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"

	"github.com/diplograph/diplograph/schema"
)

// DefaultBatch is the number of articles a Writer commits together unless
// told otherwise.
const DefaultBatch = 128

// DefaultMaxDelay is how long a Writer on bolt keeps a batch open while
// its input is idle (see Idle).
const DefaultMaxDelay = time.Second

// Writer writes articles into a store in batches: the articles of a batch
// are committed in one transaction, so a crash or a failed commit loses
// the whole batch and never part of an article, and each article is still
// written as Store.Write writes it (unchanged ones skipped, changed ones
// replaced, events joined to those stored). An article sees the ones
// written before it in the same batch.
//
// A Writer holds the store's write lock (on PostgreSQL, the database's
// writer lock) while a batch is open: Flush when the input runs dry, so
// that other writers get their turn. A Writer is not safe for concurrent
// use.
type Writer struct {
	s *Store
	// MaxBatch is the number of articles after which Write commits the
	// batch itself (DefaultBatch if 0; 1 commits every article).
	MaxBatch int
	// MaxDelay is how long Idle leaves a bolt batch open
	// (DefaultMaxDelay if 0).
	MaxDelay time.Duration

	b       writeBatch // the open batch, nil between batches
	opened  time.Time  // when b was opened
	pending int        // articles the open batch adds or replaces
}

// writeBatch is an open write transaction of a backend.
type writeBatch interface {
	// reader reads the store as the batch has written it.
	reader(ctx context.Context) (*reader, error)
	apply(ctx context.Context, add, del []quad.Quad) error
	commit() error
	rollback() error
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
	rd, err := w.b.reader(ctx)
	if err != nil {
		return WriteReport{}, w.abort(err)
	}
	rep, add, del, err := plan(rd, r)
	if cerr := rd.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return WriteReport{}, w.abort(err)
	}
	if len(add) > 0 || len(del) > 0 {
		if err := w.b.apply(ctx, add, del); err != nil {
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

// Idle tells the writer that no article is ready to be written. On
// PostgreSQL it commits the open batch, so that other processes waiting
// for the writer lock get their turn; on bolt it commits a batch open for
// longer than MaxDelay, and otherwise waits for more articles: a commit
// costs a sync and the rewriting of every index entry it touches.
func (w *Writer) Idle() error {
	if w.b == nil {
		return nil
	}
	delay := w.MaxDelay
	if delay <= 0 {
		delay = DefaultMaxDelay
	}
	if w.s.pg != nil || time.Since(w.opened) >= delay {
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
	if w.b == nil {
		return nil
	}
	err := w.b.commit()
	w.end()
	if err != nil {
		return fmt.Errorf("commit %d articles to %s: %w", w.pending, w.s.path, err)
	}
	w.pending = 0
	return nil
}

// Close abandons the open batch, if any: Flush first to keep it.
func (w *Writer) Close() error {
	if w.b == nil {
		return nil
	}
	err := w.b.rollback()
	w.end()
	w.pending = 0
	return err
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
func plan(rd *reader, r schema.Result) (rep WriteReport, add, del []quad.Quad, err error) {
	label := schema.ArticleIRI(r.Document.ID)
	lref, err := rd.id(label)
	if err != nil {
		return rep, nil, nil, err
	}
	rep.Status = StatusNew
	var old []quad.Quad
	if lref != 0 {
		same, err := rd.hasSHA(lref, r.Document.SHA256)
		if err != nil {
			return rep, nil, nil, err
		}
		if same {
			return WriteReport{Status: StatusUnchanged}, nil, nil, nil
		}
		if old, err = rd.articleQuads(lref); err != nil {
			return rep, nil, nil, fmt.Errorf("read stored version: %w", err)
		}
		if len(old) > 0 {
			rep.Status = StatusReplaced
		}
	}
	events, err := assignEvents(r, rd.storedHappenings(label))
	if err != nil {
		return rep, nil, nil, fmt.Errorf("match events with stored ones: %w", err)
	}
	add, del = diffQuads(old, quadsWith(r, events))
	if len(add) == 0 && len(del) == 0 {
		return WriteReport{Status: StatusUnchanged}, nil, nil, nil
	}
	rep.Added, rep.Removed = len(add), len(del)
	return rep, add, del, nil
}

// boltBatch is a bolt read-write transaction shared by Cayley's writes
// (through batchKV) and the writer's reads.
type boltBatch struct {
	s       *Store
	tx      *bolt.Tx
	applied bool
}

func (b *boltBatch) reader(ctx context.Context) (*reader, error) {
	r := b.s.boltReader(ctx)
	if !r.fast || readThroughCayley {
		r.fast = false // Cayley's iterators: committed data (Writer commits each article)
		return r, nil
	}
	r.useTx(b.tx, false)
	return r, nil
}

// apply adds and deletes quads as two ApplyDeltas calls (see batchKV).
func (b *boltBatch) apply(ctx context.Context, add, del []quad.Quad) error {
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

// sqlBatch is a PostgreSQL write transaction.
type sqlBatch struct {
	s *Store
	*pgBatch
}

func (b *sqlBatch) reader(ctx context.Context) (*reader, error) {
	return b.s.sqlReader(ctx, newPGReader(ctx, b.tx, false)), nil
}
