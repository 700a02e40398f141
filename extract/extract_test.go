package extract

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

var (
	sharedOnce sync.Once
	sharedX    *Extractor
	sharedErr  error
)

// testExtractor loads the models once for the whole test binary.
func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	sharedOnce.Do(func() { sharedX, sharedErr = New() })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedX
}

func extractText(t testing.TB, text, published string) schema.Result {
	t.Helper()
	res, err := testExtractor(t).Extract(context.Background(), Article{ID: "test", Text: text, Published: published})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestGolden compares the extraction of every bundled sample article with
// its golden file (testdata/golden/extract/NAME.json); run with -update to
// rewrite them after a deliberate change, and review the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("../testdata/articles/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no sample articles in testdata/articles")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			art := ParseArticle(string(text))
			art.ID = "testdata/articles/" + name + ".txt"
			res, err := testExtractor(t).Extract(context.Background(), art)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("..", "testdata", "golden", "extract", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("extraction of %s differs from %s; run go test ./extract -update and review the diff", f, golden)
			}
		})
	}
}

func TestExtractIsDeterministic(t *testing.T) {
	text := "Lavrov meets Rubio\nMOSCOW (Wire) — Russian Foreign Minister Sergey Lavrov met U.S. Secretary of State Marco Rubio in Riyadh on Tuesday. Lavrov said the talks were useful."
	a, _ := json.Marshal(extractText(t, text, "2025-02-20"))
	for i := 0; i < 3; i++ {
		b, _ := json.Marshal(extractText(t, text, "2025-02-20"))
		if string(a) != string(b) {
			t.Fatalf("run %d differs:\n%s\n%s", i, a, b)
		}
	}
}

func TestExtractConcurrent(t *testing.T) {
	x := testExtractor(t)
	text := "Putin calls Erdogan\nMOSCOW (Wire) — Russian President Vladimir Putin spoke by phone with Turkish President Recep Tayyip Erdogan on Monday."
	want, _ := json.Marshal(extractText(t, text, "2025-03-03"))
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := x.Extract(context.Background(), Article{ID: "test", Text: text, Published: "2025-03-03"})
			if err != nil {
				errs <- err.Error()
				return
			}
			got, _ := json.Marshal(res)
			if string(got) != string(want) {
				errs <- "concurrent extraction differs"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestNewDamagedSyntaxModel(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"garbage.gz": "not a model", "empty.gz": ""} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := New(WithSyntaxModel(path))
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: New returned %v, want an error naming the file", name, err)
		}
	}
	if _, err := New(WithSyntaxModel(filepath.Join(dir, "missing.gz"))); err == nil {
		t.Error("a missing model file loaded")
	}
}
