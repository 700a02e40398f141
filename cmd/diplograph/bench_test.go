package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkIngest measures ingest end to end, text files to a bolt store,
// with the default workers (one per CPU) and batch, and reports
// articles/s. One op is one article: b.N articles are written as one
// JSON Lines file (the sample articles, each copy published a day later,
// so that its events are other happenings) and ingested into a new store.
// scripts/bench.sh measures larger corpora, and PostgreSQL.
//
//	go test ./cmd/diplograph -run '^$' -bench Ingest -benchtime 500x
func BenchmarkIngest(b *testing.B) {
	texts := sampleTexts(b)
	dir := b.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range b.N {
		rec := map[string]string{
			"id":        fmt.Sprintf("bench-%d", i),
			"published": day.AddDate(0, 0, i/len(texts)).Format("2006-01-02"),
			"text":      texts[i%len(texts)],
		}
		if err := enc.Encode(rec); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(corpus, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	db := filepath.Join(dir, "db")
	var out, errOut bytes.Buffer
	streams := &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	b.ResetTimer()
	code := run(context.Background(), []string{"ingest", "--db", db, "--top", "0", corpus}, streams)
	b.StopTimer()
	if code != 0 {
		b.Fatalf("ingest exit %d: %s", code, errOut.String())
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// sampleTexts reads the text files of testdata/articles.
func sampleTexts(b *testing.B) []string {
	files, err := filepath.Glob("../../testdata/articles/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no sample articles: %v", err)
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}
