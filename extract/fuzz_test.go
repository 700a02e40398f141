package extract

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/diplograph/diplograph/schema"
)

// fuzzDeadline is far more than any input of FuzzExtract needs (a few
// kilobytes take milliseconds); an input that takes longer is a hang.
const fuzzDeadline = 10 * time.Second

// FuzzExtract: no text makes Extract panic, hang or return an event that
// points outside the text or at an actor it did not return.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"",
		"Lavrov met Rubio in Riyadh on Tuesday.",
		"Published: 2025-02-20\nLavrov and Rubio meet\nRIYADH, Saudi Arabia (Wire) — Russian Foreign Minister Sergey Lavrov met U.S. Secretary of State Marco Rubio in Riyadh on Tuesday.\n",
		"MOSCOW — Putin did not meet Zelenskyy. He may visit Kyiv next week, officials said.",
		"U.S.-Russian talks... \u201cWe will not\u201d sanction China\u2019s firms.\u00a0",
		"caf\xe9 \xff\xfe Xi Jinping called Joe Biden",
		strings.Repeat("Russia ", 400),
		strings.Repeat("x", 5000) + " met " + strings.Repeat("y", 3000),
		"\n\n---\n___\nBy Jane Doe\nAssociated Press writers contributed.",
		"普京在北京会见习近平。Лавров встретился с Рубио.",
	} {
		f.Add(s, "2025-02-20")
	}
	f.Add("On Thursday Modi visited Abu Dhabi.", "")
	f.Add("Last week Japan protested to China.", "0001-01-01")
	x := testExtractor(f)
	files, _ := filepath.Glob("../testdata/articles/*.txt")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), "2025-02-20")
		}
	}
	f.Fuzz(func(t *testing.T, text, published string) {
		if len(text) > 64<<10 {
			return // the bounds are tested by TestExtractLongInputs
		}
		if _, err := schema.ParseDay(published); err != nil {
			published = ""
		}
		type result struct {
			res schema.Result
			err error
		}
		done := make(chan result, 1)
		go func() {
			res, err := x.Extract(context.Background(), Article{ID: "fuzz", Text: text, Published: published})
			done <- result{res, err}
		}()
		select {
		case r := <-done:
			if r.err != nil {
				t.Fatalf("Extract: %v", r.err)
			}
			checkResult(t, text, r.res.Actors, r.res.Events, r.res.Document.Sentences)
		case <-time.After(fuzzDeadline):
			t.Fatalf("Extract of %d bytes took more than %v", len(text), fuzzDeadline)
		}
	})
}

// FuzzParseArticle: any file content parses, and the metadata it reads
// is well formed.
func FuzzParseArticle(f *testing.F) {
	for _, s := range []string{
		"",
		"Published: 2025-02-20\nTitle: x\nURL: https://example.org\nbody",
		"---\ntitle: \"A\"\npublished: 2025-02-30\n---\nbody",
		"---\r\ndate: 2025-02-20\r\n---\r\nbody",
		"date: yesterday\n",
		"---\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := ParseArticle(text)
		if a.Published != "" {
			if _, err := schema.ParseDay(a.Published); err != nil {
				t.Errorf("Published %q is not a date", a.Published)
			}
		}
		if !strings.HasSuffix(text, a.Text) {
			t.Errorf("Text %q is not the end of the file", a.Text)
		}
	})
}

// checkResult checks what Extract promises about its result.
func checkResult(t *testing.T, text string, actors []schema.Actor, events []schema.Event, sentences int) {
	t.Helper()
	ids := make(map[string]bool)
	for _, a := range actors {
		if a.ID == "" {
			t.Errorf("actor without ID: %+v", a)
		}
		ids[a.ID] = true
	}
	for _, e := range events {
		if e.Start < 0 || e.End < e.Start || e.End > len(text) {
			t.Errorf("event %s: evidence at [%d, %d) outside the text (%d bytes)", e.ID, e.Start, e.End, len(text))
		}
		if e.Sentence < 0 || e.Sentence >= sentences {
			t.Errorf("event %s: sentence %d of %d", e.ID, e.Sentence, sentences)
		}
		if utf8.ValidString(text) && !utf8.ValidString(e.Evidence) {
			t.Errorf("event %s: evidence %q is not UTF-8", e.ID, e.Evidence)
		}
		for _, id := range append(append([]string{e.Place}, e.Source...), e.Target...) {
			if id != "" && !ids[id] {
				t.Errorf("event %s names actor %q, not among the actors", e.ID, id)
			}
		}
	}
}

// TestExtractLongInputs: texts without full stops, with endless tokens or
// endless paragraphs are cut into bounded sentences and extracted in time
// proportional to their length.
func TestExtractLongInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts about a megabyte")
	}
	x := testExtractor(t)
	words := strings.Fields("Russian Foreign Minister Sergey Lavrov met Marco Rubio in Riyadh on Tuesday and said")
	var noStops strings.Builder
	for i := 0; noStops.Len() < 200<<10; i++ {
		noStops.WriteString(words[i%len(words)])
		noStops.WriteByte(' ')
	}
	tests := []struct {
		name string
		text string
	}{
		{"no sentence terminators", noStops.String()},
		{"one endless token", "Lavrov met Rubio in Riyadh. " + strings.Repeat("x", 1<<20) + " end."},
		{"endless multibyte token", strings.Repeat("é", 300<<10)},
		{"endless lines", strings.Repeat(strings.Repeat("ab", 5000)+"\n", 50)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			start := time.Now()
			res, err := x.Extract(ctx, Article{ID: "long", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, tt.text, res.Actors, res.Events, res.Document.Sentences)
			t.Logf("%d bytes: %d sentences, %d events in %v", len(tt.text), res.Document.Sentences, len(res.Events), time.Since(start))
		})
	}
}

// TestBoundSpans: long sentences are cut at spaces into pieces no longer
// than the bound, none empty, none lost.
func TestBoundSpans(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("word ", 1000),
		strings.Repeat("Lavrov met Rubio. ", 300),
		strings.Repeat("x", 4000),
		strings.Repeat("é", 3000),
		strings.Repeat("日本", 1000) + " " + strings.Repeat("z", 10),
	} {
		spans := boundSpans(text, [][2]int{{0, len(text)}}, 100)
		var b strings.Builder
		for _, sp := range spans {
			if sp[1]-sp[0] > 100 || sp[1] <= sp[0] {
				t.Fatalf("span %v of %d bytes", sp, sp[1]-sp[0])
			}
			s := text[sp[0]:sp[1]]
			if !utf8.ValidString(s) || strings.TrimSpace(s) != s {
				t.Fatalf("span %q is not a trimmed UTF-8 piece", s)
			}
			b.WriteString(s)
		}
		if got, want := b.String(), strings.Join(strings.Fields(text), ""); strings.Join(strings.Fields(got), "") != want {
			t.Errorf("pieces of %.20q... lose text", text)
		}
	}
}

// TestSegmentMatchesProse: the segmenter loaded once splits every
// paragraph of the sample articles as prose.NewDocument does.
func TestSegmentMatchesProse(t *testing.T) {
	x := testExtractor(t)
	var files []string
	for _, g := range []string{"../testdata/articles/*.txt", "../testdata/eval/*.txt", "../../shared/eval/dev/*.txt"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, para := range strings.Split(string(b), "\n") {
			if strings.TrimSpace(para) == "" {
				continue
			}
			doc, err := prose.NewDocument(para, prose.UsingModel(x.tag.model),
				prose.WithTokenization(false), prose.WithTagging(false), prose.WithExtraction(false))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := x.tag.segment(para), doc.Sentences(); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %q\n got %q\nwant %q", f, para, got, want)
			}
		}
	}
}
