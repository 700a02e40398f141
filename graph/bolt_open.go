package graph

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
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
	s.be = boltBackend{s}
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

// checkFileSize refuses a bolt file shorter than the pages its header
// counts (a copy cut short): bolt would read past its end and crash.
func checkFileSize(db *bolt.DB, file string) error {
	var want int64
	if err := db.View(func(tx *bolt.Tx) error { want = tx.Size(); return nil }); err != nil {
		return err
	}
	st, err := os.Stat(file)
	if err != nil {
		return err
	}
	if st.Size() < want {
		return fmt.Errorf("%s is cut short (%d of %d bytes): the store is damaged; rebuild it by ingesting the articles into a new one", file, st.Size(), want)
	}
	return nil
}

// create makes a new, empty store at path: it initialises the bolt file
// (Cayley's buckets and the schema version) under a temporary name and
// links it into place only when it is whole. A process killed while
// creating a store so leaves no store rather than half of one, and two
// processes creating the same store at once both end up using one of the
// two files, never writing over the other's.
func create(ctx context.Context, path, file string) (err error) {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(path, boltFile+".new-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = f.Chmod(0o644) // as bolt creates its files
	f.Close()
	defer os.Remove(tmp)
	if err != nil {
		return err
	}
	db, err := hbolt.Open(tmp, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return err
	}
	s := &Store{path: path, kv: newBatchKV(db)}
	s.be = boltBackend{s}
	if err := s.init(ctx); err != nil {
		db.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	// Link, unlike rename, fails rather than replace a store another
	// process created meanwhile; that one is as good.
	if err := os.Link(tmp, file); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return syncDir(path)
}

// syncDir makes a new directory entry durable.
func syncDir(path string) error {
	d, err := os.Open(filepath.Clean(path))
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
