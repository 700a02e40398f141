package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

const (
	schemaDoc  = "../docs/schema.md"
	queriesDoc = "../docs/queries.md"
)

// queryFixtures are the fixtures docs/queries.md is run on: those of
// docs/schema.md and two more articles that report some of the same
// events.
var queryFixtures = append(append([]string{}, fixtures...), "istanbul", "ankara")

// docExample is a ```js block of a document and the ```json block of
// expected results that follows it.
type docExample struct {
	line       int // of the js block, 1-based
	query      string
	want       string
	start, end int // the json block's content lines, [start, end)
}

// parseDocExamples reads the query examples of a Markdown document.
func parseDocExamples(t *testing.T, doc string, lines []string) []docExample {
	t.Helper()
	var out []docExample
	block := func(i int, lang string) (content string, start, end int) {
		if strings.TrimSpace(lines[i]) != "```"+lang {
			t.Fatalf("%s:%d: want a ```%s block", doc, i+1, lang)
		}
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimSpace(lines[j]) == "```" {
				return strings.Join(lines[i+1:j], "\n"), i + 1, j
			}
		}
		t.Fatalf("%s:%d: unterminated block", doc, i+1)
		return "", 0, 0
	}
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```js" {
			continue
		}
		q, _, end := block(i, "js")
		next := end + 1
		for next < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[next]), "```") {
			next++
		}
		if next == len(lines) {
			t.Fatalf("%s:%d: query without a ```json block of results", doc, i+1)
		}
		want, ws, we := block(next, "json")
		out = append(out, docExample{line: i + 1, query: q, want: want, start: ws, end: we})
		i = we
	}
	return out
}

// canonical turns a JSON array of results into one compact JSON text per
// result, sorted: results come in the store's order, which the document
// does not promise.
func canonical(results []any) ([]string, error) {
	out := make([]string, 0, len(results))
	for _, r := range results {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			return nil, err
		}
		out = append(out, strings.TrimSpace(buf.String()))
	}
	sort.Strings(out)
	return out, nil
}

func formatResults(rs []string) string {
	if len(rs) == 0 {
		return "[]"
	}
	return "[\n  " + strings.Join(rs, ",\n  ") + "\n]"
}

// TestDocsExamples runs every Gizmo example of docs/schema.md on a store
// holding the fixtures and compares the results with those written under
// it. Refresh them with: go test ./graph -run TestDocs -update
func TestDocsExamples(t *testing.T) {
	testDocExamples(t, schemaDoc, openFixtures(t), 6)
}

// TestDocsQueries does the same for the cookbook, docs/queries.md, on a
// store holding more fixtures.
func TestDocsQueries(t *testing.T) {
	s, _ := openTemp(t)
	for _, name := range queryFixtures {
		if _, err := s.Write(context.Background(), loadFixture(t, name)); err != nil {
			t.Fatal(err)
		}
	}
	testDocExamples(t, queriesDoc, s, 10)
}

func testDocExamples(t *testing.T, doc string, s *Store, min int) {
	b, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	examples := parseDocExamples(t, doc, lines)
	if len(examples) < min {
		t.Fatalf("%s has %d query examples, want at least %d", doc, len(examples), min)
	}
	for i := len(examples) - 1; i >= 0; i-- { // from the end, so updates keep line numbers valid
		ex := examples[i]
		got, err := canonical(queryAll(t, s, ex.query, 0))
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			repl := strings.Split(formatResults(got), "\n")
			lines = append(lines[:ex.start], append(repl, lines[ex.end:]...)...)
			continue
		}
		var raw []any
		if err := json.Unmarshal([]byte(ex.want), &raw); err != nil {
			t.Errorf("%s:%d: expected results are not a JSON array: %v", doc, ex.line, err)
			continue
		}
		want, err := canonical(raw)
		if err != nil {
			t.Fatal(err)
		}
		// Numbers read back from the document are float64; compare texts.
		if strings.Join(got, "\n") != strings.Join(want, "\n") && !(s.pg != nil && fewerPaths(got, want)) {
			t.Errorf("%s:%d: query\n%s\ngave\n%s\nwant\n%s\n(run go test ./graph -run TestDocs -update and review the diff)",
				doc, ex.line, ex.query, formatResults(got), formatResults(want))
		}
	}
	if *update {
		if err := os.WriteFile(doc, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fewerPaths reports whether got is want less some paths that end at a
// node another result reaches. Cayley enumerates the paths to one node
// through its iterators' NextPath, and on its SQL store may stop at the
// first: `Both(preds, "relation").Out(name)` then gives Ukraine once,
// tagged with one of the two relations that lead there.
func fewerPaths(got, want []string) bool {
	ids := func(rs []string) (map[string]bool, map[string]bool) {
		all, id := make(map[string]bool), make(map[string]bool)
		for _, r := range rs {
			all[r] = true
			var m map[string]any
			if json.Unmarshal([]byte(r), &m) == nil {
				id[fmt.Sprint(m["id"])] = true
			}
		}
		return all, id
	}
	gotAll, gotIDs := ids(got)
	wantAll, _ := ids(want)
	for r := range gotAll {
		if !wantAll[r] {
			return false
		}
	}
	for _, r := range want {
		var m map[string]any
		if !gotAll[r] && (json.Unmarshal([]byte(r), &m) != nil || !gotIDs[fmt.Sprint(m["id"])]) {
			return false
		}
	}
	return true
}

// TestDocsPredicates checks that docs/schema.md names every predicate and
// class of package schema and of this package.
func TestDocsPredicates(t *testing.T) {
	doc, err := os.ReadFile(schemaDoc)
	if err != nil {
		t.Fatal(err)
	}
	terms := []string{string(predSchemaVersion), string(storeNode)}
	iri := regexp.MustCompile(`quad\.IRI\("((?:dg|schema|rdf):[A-Za-z]+)"\)|"(dg:[A-Za-z]+)",?\n`)
	for _, f := range []string{"../schema/vocab.go", "../schema/cameo.go"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range iri.FindAllStringSubmatch(string(src), -1) {
			terms = append(terms, m[1]+m[2])
		}
	}
	if len(terms) < 40 {
		t.Fatalf("found only %d terms in package schema: %v", len(terms), terms)
	}
	for _, term := range terms {
		if !strings.Contains(string(doc), "`"+term+"`") && !strings.Contains(string(doc), "<"+term+">") {
			t.Errorf("%s does not describe %s", schemaDoc, term)
		}
	}
}
