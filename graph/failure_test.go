package graph

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
)

// TestWriteFailureLeavesWholeArticles: a write whose commit fails leaves
// nothing of its article, the store refuses further writes until it is
// reopened (Cayley's caches may remember what was rolled back), and after
// reopening the store is sound and takes the article.
func TestWriteFailureLeavesWholeArticles(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t)
	if _, err := s.Write(ctx, loadFixture(t, "riyadh")); err != nil {
		t.Fatal(err)
	}
	// Commits fail as a full disk makes bolt's fail: nothing of the
	// transaction is kept.
	fail := new(atomic.Bool)
	s.kv.failCommit = func() error {
		if fail.Load() {
			return errors.New("write indexes.bolt: no space left on device")
		}
		return nil
	}
	fail.Store(true)
	if _, err := s.Write(ctx, loadFixture(t, "crimea")); err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("Write with a failing commit: %v", err)
	}
	fail.Store(false)
	if _, err := s.Write(ctx, loadFixture(t, "crimea")); err == nil || !strings.Contains(err.Error(), "an earlier write failed") {
		t.Fatalf("Write after a failed one: %v, want a refusal", err)
	}
	s.Close()

	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if rep := checkStore(t, s); len(rep.Problems) > 0 || rep.Articles != 1 {
		t.Fatalf("after the failed write: %+v", rep)
	}
	if _, err := s.Write(ctx, loadFixture(t, "crimea")); err != nil {
		t.Fatal(err)
	}
	if rep := checkStore(t, s); len(rep.Problems) > 0 || rep.Articles != 2 {
		t.Errorf("after writing again: %+v", rep)
	}
}
