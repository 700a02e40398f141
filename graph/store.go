package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// SchemaVersion is the version of the graph model this package writes. A
// store records the version it was created with; Open refuses a store
// whose version is newer than this one.
const SchemaVersion = 2

// The store's own metadata: <dg:store> <dg:schemaVersion> 1, without a
// label, since it belongs to no article.
var (
	storeNode         = quad.IRI("dg:store")
	predSchemaVersion = quad.IRI("dg:schemaVersion")
)

// Options configure Open. The zero value opens a store for reading and
// writing, creating it if it does not exist.
type Options struct {
	// ReadOnly opens an existing store with a shared lock, so several
	// readers (queries, stats) can use it at once; a writer's exclusive
	// lock still keeps them out, and they keep a writer out. Write fails.
	ReadOnly bool
}

// Store is a diplograph knowledge graph held in a Cayley quad store. Its
// methods are safe for concurrent use. Writes are serialised, and a write
// commits only between queries, so every query sees whole articles.
type Store struct {
	path     string // the directory, or the database's address without password
	readOnly bool
	be       backend  // what reads and writes: boltBackend or pgBackend
	kv       *batchKV // bolt: Cayley's kv store
	pg       *pgStore // PostgreSQL: the database
	qs       cgraph.QuadStore

	mu sync.Mutex // serialises writes
	// commit is held for reading by every query and for writing while a
	// write commits. Cayley's kv iterators read through several bolt
	// transactions, so a query that overlapped a commit could see part of
	// an article's old quads and part of its new ones.
	commit sync.RWMutex
	// broken is set when a write failed inside Cayley: its in-memory
	// caches may then name values the rollback removed, so further writes
	// are refused until the store is reopened.
	broken error
	// abandoned is set when a read may still hold a bolt transaction: one
	// that panicked on a damaged page (Check), or a query's script that did
	// not stop in time. Close would wait for it forever (bolt deadlocks), so
	// it leaves the file to the process's exit.
	abandoned atomic.Bool
}

// backend is what a store keeps its quads in, bolt (bolt.go) or
// PostgreSQL (postgres.go): everything else in the package is blind to
// which.
type backend interface {
	// newIndex opens a snapshot of the committed store to read.
	newIndex(ctx context.Context) (index, error)
	// begin opens a write batch; the caller holds s.mu.
	begin(ctx context.Context) (writeBatch, error)
	quadCount(ctx context.Context) (int64, error)
	// writeVersion writes the schema version into a new, empty store.
	writeVersion(ctx context.Context) error
	// queryStore is the quad store Gizmo runs on.
	queryStore() cgraph.QuadStore
	// checkSource reads the store for Check.
	checkSource(ctx context.Context) (checkSource, error)
	// close releases what the backend holds beside the quad store.
	close() error
}

// Open opens the store at addr, creating it if it does not exist (unless
// opt.ReadOnly). addr is a directory path, optionally written bolt://path
// (the directory holds Cayley's bolt database, indexes.bolt), or a
// PostgreSQL database, postgres://user:password@host:port/dbname (with
// libpq's parameters, such as sslmode=disable; the tables live in the
// first schema of the search path).
func Open(ctx context.Context, addr string, opt Options) (s *Store, err error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open store %s: %w", redactURL(addr), err)
	}
	if isPostgres(addr) {
		return openPostgres(ctx, addr, opt)
	}
	path, err := storePath(addr)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", addr, err)
	}
	// bolt panics on a page it finds damaged; the file stays locked by
	// the read it left open until the process exits.
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("open store %s: the store's file is damaged (bolt: %v): rebuild the store by ingesting the articles into a new one", path, r)
		}
	}()
	s, err = open(ctx, path, opt)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// storePath turns a store address into a directory path.
func storePath(addr string) (string, error) {
	scheme, rest, hasScheme := strings.Cut(addr, "://")
	switch {
	case !hasScheme:
		rest = addr
	case scheme == "bolt":
	default:
		return "", fmt.Errorf("unsupported store address scheme %q (want a directory path, bolt://path or postgres://...)", scheme)
	}
	if rest == "" {
		return "", errors.New("empty store path")
	}
	return rest, nil
}

// versionQuad is the store's own metadata, without a label.
func versionQuad() quad.Quad {
	return quad.Quad{Subject: storeNode, Predicate: predSchemaVersion, Object: quad.Int(SchemaVersion)}
}

// checkVersion refuses a store of another schema version, and writes the
// version into a new, empty one.
func (s *Store) checkVersion(ctx context.Context) error {
	version, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	switch {
	case version > SchemaVersion:
		return fmt.Errorf("store has schema version %d, newer than this diplograph understands (%d); upgrade diplograph", version, SchemaVersion)
	case version == SchemaVersion:
		return nil
	case version > 0:
		return fmt.Errorf("store has schema version %d, older than %d; re-ingest the articles into a new store", version, SchemaVersion)
	}
	// No version: a new store gets one; a store with data but no version
	// is not one of ours.
	n, err := s.quadCount(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		return errors.New("store has no diplograph schema version (is it a diplograph store?)")
	}
	if s.readOnly {
		return errors.New("store is empty and has no schema version")
	}
	return s.be.writeVersion(ctx)
}

// schemaVersion reads the store's schema version, 0 if it has none.
func (s *Store) schemaVersion(ctx context.Context) (int64, error) {
	vals, err := s.objects(ctx, storeNode, predSchemaVersion)
	if err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	var max int64
	for _, v := range vals {
		var n int64
		switch v := v.(type) {
		case quad.Int:
			n = int64(v)
		default:
			return 0, fmt.Errorf("read schema version: unexpected value %v", v)
		}
		if n > max {
			max = n
		}
	}
	return max, nil
}

// quadCount is the number of quads in the store.
func (s *Store) quadCount(ctx context.Context) (int64, error) { return s.be.quadCount(ctx) }

// Close closes the store.
func (s *Store) Close() error {
	if s.abandoned.Load() {
		return nil // the process's exit releases the file
	}
	err := errors.Join(s.qs.Close(), s.be.close())
	if err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// objects returns the objects of the quads <subj> <pred> ?, any label.
func (s *Store) objects(ctx context.Context, subj, pred quad.Value) ([]quad.Value, error) {
	r, err := s.newReader(ctx)
	if err != nil {
		return nil, err
	}
	defer r.close()
	ids, err := r.idsOf(subj, pred)
	if err != nil {
		return nil, err
	}
	ns, err := r.objects(ids[0], ids[1])
	if err != nil {
		return nil, err
	}
	return r.values(ns)
}
