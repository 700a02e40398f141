package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cayleygraph/quad"

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
	// An index that reads committed data only cannot read the batch back.
	if w.pending >= w.maxBatch() || rd.ix.committedOnly() {
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
	b, err := s.be.begin(ctx)
	if err != nil {
		s.mu.Unlock()
		return err
	}
	w.b, w.opened = b, time.Now()
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
