package syntax

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// newsSentences reads the bundled sample and evaluation articles (our own text) and
// splits them into tokenised sentences at full stops.
func newsSentences(tb testing.TB) [][]string {
	files, _ := filepath.Glob("../../testdata/articles/*.txt")
	more, _ := filepath.Glob("../../testdata/eval/*.txt")
	files = append(files, more...)
	var out [][]string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			var cur []string
			for _, t := range Tokenize(line) {
				cur = append(cur, t.Text)
				if t.Text == "." || t.Text == "?" || t.Text == "!" {
					out = append(out, cur)
					cur = nil
				}
			}
			if len(cur) > 2 {
				out = append(out, cur)
			}
		}
	}
	if len(out) < 100 {
		tb.Fatalf("only %d sample sentences", len(out))
	}
	return out
}

func BenchmarkParse(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := newsSentences(b)
	words := 0
	for _, s := range sents {
		words += len(s)
	}
	var ws []Word
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			ws = m.ParseInto(ws[:0], s)
		}
	}
	b.ReportMetric(float64(len(sents)*b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(words)/float64(len(sents)), "words/sentence")
}

// BenchmarkLoad measures loading the embedded model and the heap the
// loaded model keeps (MB-kept), after a collection.
func BenchmarkLoad(b *testing.B) {
	var kept []*Model
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < b.N; i++ {
		m, err := Load(strings.NewReader(string(embedded)))
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			kept = append(kept, m)
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/1e6, "MB-kept")
	runtime.KeepAlive(kept)
}
