package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// benchArticles are the sample articles of testdata/articles and the
// texts of testdata/eval, as ingest would read them.
func benchArticles(b *testing.B) []Article {
	b.Helper()
	var arts []Article
	for _, pattern := range []string{"../testdata/articles/*.txt", "../testdata/eval/*.txt"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			a := ParseArticle(string(data))
			a.ID = f
			arts = append(arts, a)
		}
	}
	f, err := os.Open("../testdata/articles/more.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct{ ID, Title, URL, Published, Text string }
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		arts = append(arts, Article{ID: rec.ID, Title: rec.Title, URL: rec.URL, Published: rec.Published, Text: rec.Text})
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	if len(arts) == 0 {
		b.Fatal("no sample articles")
	}
	return arts
}

// BenchmarkExtract measures extraction from text to Result over the sample
// articles and reports sentences/s: "serial" on one goroutine, "parallel"
// on one per CPU (GOMAXPROCS), as ingest's workers run it. One op is one
// article.
//
//	go test ./extract -run '^$' -bench Extract -benchtime 200x
func BenchmarkExtract(b *testing.B) {
	benchmarkExtract(b, testExtractor(b))
}

// BenchmarkExtractVerbs is BenchmarkExtract with PETRARCH's whole verb
// dictionary loaded (--verbs CAMEO.2.0.txt), where ../shared has it.
func BenchmarkExtractVerbs(b *testing.B) {
	needCAMEOVerbs(b)
	x, err := New(WithVerbs(cameoVerbs))
	if err != nil {
		b.Fatal(err)
	}
	benchmarkExtract(b, x)
}

func benchmarkExtract(b *testing.B, x *Extractor) {
	arts := benchArticles(b)
	ctx := context.Background()
	report := func(b *testing.B, sentences int64) {
		secs := b.Elapsed().Seconds()
		b.ReportMetric(float64(sentences)/secs, "sentences/s")
		b.ReportMetric(float64(b.N)/secs, "articles/s")
	}
	b.Run("serial", func(b *testing.B) {
		var sentences int64
		for i := 0; b.Loop(); i++ {
			res, err := x.Extract(ctx, arts[i%len(arts)])
			if err != nil {
				b.Fatal(err)
			}
			sentences += int64(res.Document.Sentences)
		}
		report(b, sentences)
	})
	b.Run("parallel", func(b *testing.B) {
		var sentences, next atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				i := next.Add(1) - 1
				res, err := x.Extract(ctx, arts[int(i)%len(arts)])
				if err != nil {
					b.Error(err)
					return
				}
				sentences.Add(int64(res.Document.Sentences))
			}
		})
		report(b, sentences.Load())
	})
}
