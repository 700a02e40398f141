package graph

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// writerInput is a sequence of articles that exercises a batch: events
// other articles of the batch reported, an article written twice, and
// one replaced by a revision.
func writerInput(t testing.TB) []schema.Result {
	riyadh, crimea := loadFixture(t, "riyadh"), loadFixture(t, "crimea")
	return []schema.Result{
		riyadh, crimea, renamed(riyadh, 1), riyadh, renamed(crimea, 2),
		loadFixture(t, "riyadh-revised"), loadFixture(t, "ankara"), renamed(riyadh, 3),
	}
}

// TestWriterBatch: articles written in one batch end as they would one
// transaction each, with the same reports. On PostgreSQL the batch reads
// the store as it was before the batch plus what the batch wrote (see
// sqlBatch): the cases give it events reported earlier in the batch,
// articles written twice, and articles stored before the batch that the
// batch replaces while others report the same events.
func TestWriterBatch(t *testing.T) {
	ist := loadFixture(t, "istanbul")
	ist.Document.SHA256 = "changed"
	ist.Events = ist.Events[:len(ist.Events)-1]
	cases := []struct {
		name    string
		stored  []schema.Result // committed before the batch
		batch   []schema.Result
		pending int
	}{
		{"fresh", nil, writerInput(t), 7}, // the repeated one is unchanged
		{"replacing stored ones", []schema.Result{loadFixture(t, "riyadh"), loadFixture(t, "istanbul")},
			[]schema.Result{loadFixture(t, "riyadh-revised"), loadFixture(t, "ankara"), renamed(loadFixture(t, "riyadh"), 4), ist,
				renamed(loadFixture(t, "istanbul"), 5), loadFixture(t, "riyadh")}, 6},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			one, _ := openTemp(t)
			batched, _ := openTemp(t)
			for _, r := range tc.stored {
				for _, s := range []*Store{one, batched} {
					if _, err := s.Write(ctx, r); err != nil {
						t.Fatal(err)
					}
				}
			}
			before, _ := batched.Stats(ctx)
			want := writeEach(t, tc.batch, one.Write)
			w := batched.NewWriter()
			w.MaxBatch = 100
			got := writeEach(t, tc.batch, w.Write)
			if w.Pending() != tc.pending {
				t.Errorf("pending %d articles, want %d", w.Pending(), tc.pending)
			}
			if st, _ := batched.Stats(ctx); !reflect.DeepEqual(st, before) {
				t.Errorf("before Flush the store shows %+v, want %+v", st, before)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("batched reports %+v\nwant %+v", got, want)
			}
			sameSet(t, "quads", asSet(allQuads(t, batched)), asSet(allQuads(t, one)))
			if rep := checkStore(t, batched); len(rep.Problems) > 0 {
				t.Errorf("check: %v", rep.Problems)
			}
		})
	}
}

// writeEach writes the articles in order and returns the reports.
func writeEach(t *testing.T, rs []schema.Result, write func(context.Context, schema.Result) (WriteReport, error)) []WriteReport {
	t.Helper()
	var out []WriteReport
	for _, r := range rs {
		rep, err := write(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rep)
	}
	return out
}

// TestWriterAbandoned: a batch closed without Flush leaves nothing, and
// the store, reopened, takes the articles again.
func TestWriterAbandoned(t *testing.T) {
	ctx := context.Background()
	s, addr := openTemp(t)
	w := s.NewWriter()
	for _, r := range writerInput(t)[:3] {
		if _, err := w.Write(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(ctx, addr, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, err := s.Stats(ctx); err != nil || st.Articles != 0 || st.Quads != 1 {
		t.Errorf("after an abandoned batch: %+v, %v", st, err)
	}
	if rep, err := s.Write(ctx, loadFixture(t, "riyadh")); err != nil || rep.Status != StatusNew {
		t.Errorf("write after an abandoned batch: %+v, %v", rep, err)
	}
}

// TestConcurrentWriters: two writers (on PostgreSQL, two connections, as
// two processes would have) writing overlapping inputs at once end with
// the store one writer makes of both inputs.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	riyadh, crimea := loadFixture(t, "riyadh"), loadFixture(t, "crimea")
	var a, b []schema.Result
	for i := 0; i < 12; i++ {
		a = append(a, renamed(riyadh, i), renamed(crimea, 100+i))
		b = append(b, renamed(crimea, 106+i), renamed(riyadh, 6+i)) // half the same articles
	}
	one, _ := openTemp(t)
	for _, r := range append(append([]schema.Result{}, a...), b...) {
		if _, err := one.Write(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	s, addr := openTemp(t)
	stores := []*Store{s, s}
	if s.pg != nil {
		s2, err := Open(ctx, addr, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		stores[1] = s2
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, in := range [][]schema.Result{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := stores[i].NewWriter()
			w.MaxBatch = 3
			defer w.Close()
			for _, r := range in {
				if _, err := w.Write(ctx, r); err != nil {
					errs[i] = err
					return
				}
				if err := w.Idle(); err != nil {
					errs[i] = err
					return
				}
			}
			errs[i] = w.Flush()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	want, _ := one.Stats(ctx)
	got, _ := s.Stats(ctx)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stats after concurrent writers %+v\nwant %+v", got, want)
	}
	sameSet(t, "quads", asSet(allQuads(t, s)), asSet(allQuads(t, one)))
	if rep := checkStore(t, s); len(rep.Problems) > 0 {
		t.Errorf("check: %v", rep.Problems)
	}
}
