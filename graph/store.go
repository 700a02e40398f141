package graph

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
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

// boltFile is the file Cayley's bbolt backend keeps in a store directory;
// using the same layout lets the cayley tool open a diplograph store.
const boltFile = "indexes.bolt"

// lockTimeout is how long Open waits for another process to release the
// store before it gives up.
const lockTimeout = 2 * time.Second

// cayleyOptions are the options of Cayley's kv quad store. Without
// no_bloom, an empty store allocates about 300 MB of bloom filters.
var cayleyOptions = cgraph.Options{ckv.OptNoBloom: true}

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
	kv       *batchKV // bolt
	pg       *pgStore // PostgreSQL
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

func open(ctx context.Context, path string, opt Options) (*Store, error) {
	if fi, err := os.Stat(path); err == nil && !fi.IsDir() {
		return nil, errors.New("not a directory (a store is a directory holding " + boltFile + ")")
	}
	file := filepath.Join(path, boltFile)
	_, err := os.Stat(file)
	exists := err == nil
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, err
	case !exists && opt.ReadOnly:
		return nil, errors.New("store does not exist")
	case !exists:
		if err := create(ctx, path, file); err != nil {
			return nil, err
		}
	}
	db, err := hbolt.Open(file, &bolt.Options{Timeout: lockTimeout, ReadOnly: opt.ReadOnly})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, errors.New("store is in use by another process (an ingest or a query); try again when it is done")
	} else if errors.Is(err, bolt.ErrInvalid) || errors.Is(err, bolt.ErrChecksum) || errors.Is(err, bolt.ErrVersionMismatch) {
		return nil, fmt.Errorf("%s is damaged or not a store (%v): rebuild the store by ingesting the articles into a new one", file, err)
	} else if err != nil {
		return nil, err
	}
	if err := checkFileSize(db.DB(), file); err != nil {
		db.Close()
		return nil, err
	}
	s := &Store{path: path, readOnly: opt.ReadOnly, kv: newBatchKV(db)}
	if err := s.init(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// init opens the quad store, initialising an empty database, and checks
// or writes the schema version.
func (s *Store) init(ctx context.Context) error {
	qs, err := ckv.New(s.kv, cayleyOptions)
	if errors.Is(err, cgraph.ErrNotInitialized) && !s.readOnly {
		if err = ckv.Init(s.kv, cayleyOptions); err == nil {
			qs, err = ckv.New(s.kv, cayleyOptions)
		}
	}
	if err != nil {
		return err
	}
	s.qs = qs
	return s.checkVersion(ctx)
}

// newBatchKV wraps a bolt database opened through hidalgo.
func newBatchKV(db *hbolt.DB) *batchKV {
	return &batchKV{KV: db, db: db.DB()}
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
	if s.pg != nil { // created with its version; something else wrote here
		return errors.New("store is empty and has no schema version")
	}
	return s.qs.ApplyDeltas([]cgraph.Delta{{Quad: versionQuad(), Action: cgraph.Add}}, cgraph.IgnoreOpts{IgnoreDup: true})
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
func (s *Store) quadCount(ctx context.Context) (int64, error) {
	if s.pg != nil {
		return s.pg.quadCount(ctx)
	}
	st, err := s.qs.Stats(ctx, false)
	if errors.Is(err, ckv.ErrNoBucket) {
		return 0, nil // a new store has no size yet
	}
	return st.Quads.Value, err
}

// Close closes the store.
func (s *Store) Close() error {
	if s.abandoned.Load() {
		return nil // the process's exit releases the file
	}
	err := s.qs.Close()
	if s.pg != nil {
		err = errors.Join(err, s.pg.close())
	}
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
