package graph

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

func TestQueryResults(t *testing.T) {
	s := openFixtures(t)
	tests := []struct {
		name  string
		query string
		limit int
		want  []any
	}{
		{
			name:  "IRIs in angle brackets, tags by name",
			query: `g.V("<dg:report/riyadh-1>").Tag("report").Out("<dg:reportedIn>").All()`,
			want:  []any{map[string]any{"report": "<dg:report/riyadh-1>", "id": "<dg:article/2dc017b04f80dfad>"}},
		},
		{
			name: "literals as Go values",
			query: `g.V("<dg:report/riyadh-1>").Union(g.V("<dg:report/riyadh-1>").In("<dg:report>"))
				.Out(["<dg:sentence>", "<dg:goldstein>", "<dg:negated>", "<dg:trigger>"]).All()`,
			want: []any{
				map[string]any{"id": int64(0)}, map[string]any{"id": float64(7)},
				map[string]any{"id": false}, map[string]any{"id": "held talks"},
			},
		},
		{
			name:  "emitted values",
			query: `g.Emit({n: g.V("<dg:person/sergey-lavrov>").Out("<dg:consultedWith>").Count()})`,
			want:  []any{map[string]any{"n": int64(2)}},
		},
		{
			name:  "a bare count emits nothing",
			query: `g.V().Count()`,
		},
		{
			name:  "limit",
			query: `g.V().Has("<rdf:type>", "<schema:Person>").Unique().All()`,
			limit: 2,
			want:  []any{map[string]any{"id": "<dg:person/sergey-lavrov>"}, map[string]any{"id": "<dg:person/marco-rubio>"}},
		},
		{
			name:  "limit counts emits too",
			query: `for (var i = 0; i < 10; i++) { g.Emit(i) }`,
			limit: 3,
			want:  []any{int64(0), int64(1), int64(2)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := queryAll(t, s, tt.query, tt.limit)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d results %v, want %v", len(got), got, tt.want)
			}
			if tt.limit > 0 {
				return // which results come first is Cayley's business
			}
			sortByJSON(got)
			sortByJSON(tt.want)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestQueryUnlimited(t *testing.T) {
	s := openFixtures(t)
	got := queryAll(t, s, `g.V().Has("<rdf:type>", "<schema:Person>").Unique().All()`, 0)
	if len(got) != 5 {
		t.Errorf("people: %v, want 5", got)
	}
}

func TestQueryErrors(t *testing.T) {
	s := openFixtures(t)
	ctx := context.Background()
	ignore := func(any) error { return nil }
	if err := s.Query(ctx, `g.V(`, 0, ignore); err == nil {
		t.Error("syntax error not reported")
	}
	if err := s.Query(ctx, `throw new Error("boom")`, 0, ignore); err == nil {
		t.Error("script error not reported")
	}
	stop := errors.New("stop")
	n := 0
	err := s.Query(ctx, `g.V().All()`, 0, func(any) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("emit error: %v after %d results, want %v after 1", err, n, stop)
	}
}

func TestQueryCancel(t *testing.T) {
	s := openFixtures(t)
	t.Run("before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := s.Query(ctx, `g.V().All()`, 0, func(any) error { return nil })
		if !errors.Is(err, context.Canceled) {
			t.Errorf("got %v, want context.Canceled", err)
		}
	})
	t.Run("between results", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		n := 0
		err := s.Query(ctx, `g.V().All()`, 0, func(any) error { n++; cancel(); return nil })
		if !errors.Is(err, context.Canceled) || n != 1 {
			t.Errorf("got %v after %d results, want context.Canceled after 1", err, n)
		}
	})
	t.Run("endless script", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- s.Query(ctx, `while (true) {}`, 0, func(any) error { return nil }) }()
		select {
		case err := <-done:
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("got %v, want context.DeadlineExceeded", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("Query did not stop when its context expired")
		}
	})
}

// TestQueryDuringWrite runs queries while an article is replaced again
// and again: every query must see one whole version of it.
func TestQueryDuringWrite(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	versions := []schema.Result{loadFixture(t, "riyadh"), loadFixture(t, "riyadh-revised")}
	want := make(map[string]bool)
	for _, v := range versions {
		want[fmt.Sprint([]any{map[string]any{"id": v.Document.Title, "sha": v.Document.SHA256}})] = true
	}
	if _, err := s.Write(ctx, versions[0]); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		for i := 1; i <= 40; i++ {
			if _, err := s.Write(ctx, versions[i%2]); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	const q = `g.V().Has("<rdf:type>", "<schema:NewsArticle>").Out("<dg:sha256>").Tag("sha")
		.In("<dg:sha256>").Out("<schema:headline>").All()`
	var bad []string
	for running := true; running; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			running = false
		default:
		}
		if got := fmt.Sprint(queryAll(t, s, q, 0)); !want[got] && len(bad) < 5 {
			bad = append(bad, got)
		}
	}
	if len(bad) > 0 {
		t.Errorf("queries saw a partly written article: %v", bad)
	}
}

// TestBatchRollsBack checks that a failed batch leaves nothing behind,
// the guarantee Write's two ApplyDeltas calls rely on.
func TestBatchRollsBack(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t)
	boom := errors.New("boom")
	err := s.kv.batch(ctx, func() error {
		q := quad.Quad{Subject: quad.IRI("a"), Predicate: quad.IRI("b"), Object: quad.String("c")}
		if err := s.qs.ApplyDeltas([]cgraph.Delta{{Quad: q, Action: cgraph.Add}}, cgraph.IgnoreOpts{}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("batch: %v, want %v", err, boom)
	}
	s.Close()
	// Cayley's caches may remember the rolled-back values: reopen.
	s, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := allQuads(t, s); len(got) != 1 {
		t.Errorf("after a failed batch the store holds %v, want only its version", got)
	}
}

func TestWriteRefusedAfterFailure(t *testing.T) {
	s, _ := openTemp(t)
	s.broken = errors.New("boom")
	if _, err := s.Write(context.Background(), loadFixture(t, "riyadh")); err == nil {
		t.Error("Write after a failed write succeeded")
	}
}
