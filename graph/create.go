package graph

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
)

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
