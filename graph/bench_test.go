package graph

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// renamed returns a copy of r as if it were another article: new document
// and event IDs, the same actors.
func renamed(r schema.Result, n int) schema.Result {
	r.Document.ID = fmt.Sprintf("%s#%d", r.Document.ID, n)
	r.Document.SHA256 = fmt.Sprintf("%064x", n)
	events := make([]schema.Event, len(r.Events))
	for i, ev := range r.Events {
		ev.ID = fmt.Sprintf("%s-%d", ev.ID, n)
		events[i] = ev
	}
	r.Events = events
	return r
}

// BenchmarkWrite measures writing new articles into a bolt store; the
// actors are shared, as in a real corpus.
func BenchmarkWrite(b *testing.B) {
	ctx := context.Background()
	base := []schema.Result{loadFixture(b, "riyadh"), loadFixture(b, "crimea")}
	b.Run("new", func(b *testing.B) {
		s, _ := openTemp(b)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := s.Write(ctx, renamed(base[i%2], i)); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
	b.Run("replace", func(b *testing.B) {
		s, _ := openTemp(b)
		for i := 0; i < 200; i++ { // shared nodes with some history
			if _, err := s.Write(ctx, renamed(base[i%2], i)); err != nil {
				b.Fatal(err)
			}
		}
		versions := []schema.Result{loadFixture(b, "riyadh"), loadFixture(b, "riyadh-revised")}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := s.Write(ctx, versions[i%2]); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
	b.Run("unchanged", func(b *testing.B) {
		s, _ := openTemp(b)
		r := base[0]
		if _, err := s.Write(ctx, r); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := s.Write(ctx, r); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	})
}

func BenchmarkQuads(b *testing.B) {
	r := loadFixture(b, "crimea")
	for i := 0; i < b.N; i++ {
		Quads(r)
	}
}

// BenchmarkWriter measures the batched writer that ingest uses, without
// extraction, and reports quads/s: on bolt, and on PostgreSQL when
// DIPLOGRAPH_TEST_POSTGRES names a server (Cayley's own postgres writer,
// a statement per quad, does about 4,200 quads/s here). It is the hard
// case for merging events: every article reports the same few
// happenings, so each one's reports are read against all earlier ones.
// scripts/bench.sh measures a varied corpus.
//
//	DIPLOGRAPH_TEST_POSTGRES=$PG_URL go test ./graph -run '^$' -bench Writer -benchtime 2000x
func BenchmarkWriter(b *testing.B) {
	ctx := context.Background()
	base := []schema.Result{loadFixture(b, "riyadh"), loadFixture(b, "crimea")}
	for _, backend := range []string{"bolt", "postgres"} {
		b.Run(backend, func(b *testing.B) {
			if backend == "postgres" {
				addr := os.Getenv(pgEnv)
				if addr == "" {
					b.Skipf("set %s to measure PostgreSQL", pgEnv)
				}
				testPostgres = addr
				defer func() { testPostgres = "" }()
			}
			s, _ := openTemp(b)
			w := s.NewWriter()
			defer w.Close()
			var quads int
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rep, err := w.Write(ctx, renamed(base[i%2], i))
				if err != nil {
					b.Fatal(err)
				}
				quads += rep.Added
			}
			if err := w.Flush(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
