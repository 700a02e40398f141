package graph

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

func TestQuerySyntaxError(t *testing.T) {
	s := openFixtures(t)
	tests := []struct {
		query        string
		line, column int
	}{
		{`g.V(`, 1, 5},
		{"g.V()\n  .Out(\"<dg:role>\").All(;", 2, 25},
		{"var x = ;", 1, 9},
		{"return 1", 1, 1},
	}
	for _, tt := range tests {
		err := s.Query(context.Background(), tt.query, 0, func(any) error { return nil })
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: %v, want a *SyntaxError", tt.query, err)
			continue
		}
		if se.Line != tt.line || se.Column != tt.column || se.Msg == "" {
			t.Errorf("%q: %+v, want line %d column %d", tt.query, se, tt.line, tt.column)
		}
	}
	// Errors when running are not syntax errors.
	err := s.Query(context.Background(), `g.V().NoSuchStep()`, 0, func(any) error { return nil })
	var se *SyntaxError
	if err == nil || errors.As(err, &se) {
		t.Errorf("unknown step: %v, want a runtime error", err)
	}
}

// TestQueryEndlessResults: a query that would emit without end stops at the
// limit, or when its context expires.
func TestQueryEndlessResults(t *testing.T) {
	s := openFixtures(t)
	const endless = `for (var i = 0; ; i++) { g.Emit(i) }`
	if got := queryAll(t, s, endless, 1000); len(got) != 1000 {
		t.Errorf("limit 1000: %d results", len(got))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	n := 0
	start := time.Now()
	err := s.Query(ctx, endless, 0, func(any) error { n++; return nil })
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("no limit: %v after %d results and %v, want the deadline", err, n, time.Since(start))
	}
	// A long computation inside Cayley, not in JavaScript, stops too.
	ctx, cancel = context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start = time.Now()
	err = s.Query(ctx, `for (;;) { g.V().Out().Out().Count() }`, 0, func(any) error { return nil })
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("counting: %v after %v, want the deadline", err, time.Since(start))
	}
}

// TestQueryCannotWrite: Gizmo offers no way to change the store (no step
// of g or of a path writes), and a store opened for queries is read-only
// in bolt itself, so the file is byte for byte the same after any query.
func TestQueryCannotWrite(t *testing.T) {
	ctx := context.Background()
	wdir := filepath.Join(t.TempDir(), "store")
	w, err := Open(ctx, wdir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range fixtures {
		if _, err := w.Write(ctx, loadFixture(t, name)); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	before, err := os.ReadFile(filepath.Join(wdir, boltFile))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(ctx, wdir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	quadsBefore := len(allQuads(t, r))

	// Every member of g and of a path, as Gizmo lists them.
	var members []string
	for _, q := range []string{`for (var k in g) g.Emit(k)`, `for (var k in g.V()) g.Emit(k)`} {
		for _, v := range queryAll(t, r, q, 0) {
			members = append(members, v.(string))
		}
	}
	if len(members) < 20 {
		t.Fatalf("Gizmo lists only %v", members)
	}
	writeLike := regexp.MustCompile(`(?i)^(write|add(quad|edge|node)?|remove|delete|insert|apply|set|update|drop|load|import|commit)`)
	for _, m := range members {
		// AddNamespace and AddDefaultNamespaces change how this session
		// reads IRIs, nothing stored; LoadNamespaces reads.
		if writeLike.MatchString(m) && !regexp.MustCompile(`(?i)^(addnamespace|adddefaultnamespaces|loadnamespaces)$`).MatchString(m) {
			t.Errorf("Gizmo member %q looks like it writes", m)
		}
	}
	for _, q := range []string{
		`g.AddQuad("<a>", "<b>", "<c>")`,
		`g.V().Write()`,
		`graph.Delete("<dg:person/sergey-lavrov>")`,
		`g.AddNamespace("x", "http://x/"); g.AddDefaultNamespaces(); g.LoadNamespaces(); g.Emit(1)`,
		`g.V().Save("<dg:x>", "x").All()`,
		`g.V("<dg:person/sergey-lavrov>").Out("<schema:name>").ForEach(function(d) { d.id = "changed"; g.Emit(d) })`,
	} {
		_ = r.Query(ctx, q, 0, func(any) error { return nil }) // some fail, some succeed: neither writes
	}
	if _, err := r.Write(ctx, loadFixture(t, "riyadh-revised")); err == nil {
		t.Error("Write to a store opened for queries succeeded")
	}
	if n := len(allQuads(t, r)); n != quadsBefore {
		t.Errorf("queries changed the store: %d quads, were %d", n, quadsBefore)
	}
	r.Close()
	after, err := os.ReadFile(filepath.Join(wdir, boltFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the store's file changed while it was only queried")
	}
}

// TestQueryStoppedThenClosed: a query stopped while Cayley counts in Go
// has ended its reads when Query returns, so the store closes at once
// (bolt deadlocks when closed under a read).
func TestQueryStoppedThenClosed(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	w, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range fixtures {
		if _, err := w.Write(ctx, loadFixture(t, name)); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	for i := 0; i < 10; i++ {
		s, err := Open(ctx, dir, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		qctx, cancel := context.WithTimeout(ctx, time.Duration(20+i*7)*time.Millisecond)
		err = s.Query(qctx, `for (;;) { g.V().Out().Out().Out().In().Count() }`, 0, func(any) error { return nil })
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("query: %v", err)
		}
		done := make(chan struct{})
		go func() { s.Close(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("Close after a stopped query hangs")
		}
	}
}
