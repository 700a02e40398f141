package graph

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/graph")

const fixtureDir = "../testdata/graph"

// fixtures are the hand-made extraction results the tests and the
// examples of docs/schema.md are built from, in the order they are written.
var fixtures = []string{"riyadh", "crimea"}

func loadFixture(t testing.TB, name string) schema.Result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var r schema.Result
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// openTemp opens a new store, in a temporary directory or, while
// TestPostgres runs the store tests, in a new schema of the test database;
// it returns the store's address.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	addr := filepath.Join(t.TempDir(), "store")
	if testPostgres != "" {
		addr = newPGSchema(t, testPostgres)
	}
	s, err := Open(context.Background(), addr, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, addr
}

// openFixtures opens a temporary store holding the fixtures.
func openFixtures(t testing.TB) *Store {
	t.Helper()
	s, _ := openTemp(t)
	for _, name := range fixtures {
		if _, err := s.Write(context.Background(), loadFixture(t, name)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// allQuads returns every quad in the store.
func allQuads(t testing.TB, s *Store) []quad.Quad {
	t.Helper()
	ctx := context.Background()
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// labelled returns the quads carrying the label.
func labelled(qs []quad.Quad, label quad.Value) map[quad.Quad]bool {
	out := make(map[quad.Quad]bool)
	for _, q := range qs {
		if q.Label == label {
			out[q] = true
		}
	}
	return out
}

func asSet(qs []quad.Quad) map[quad.Quad]bool {
	out := make(map[quad.Quad]bool, len(qs))
	for _, q := range qs {
		out[q] = true
	}
	return out
}

// sameSet reports the quads only in got and only in want.
func sameSet(t *testing.T, what string, got, want map[quad.Quad]bool) {
	t.Helper()
	for q := range got {
		if !want[q] {
			t.Errorf("%s: unexpected quad %v", what, q)
		}
	}
	for q := range want {
		if !got[q] {
			t.Errorf("%s: missing quad %v", what, q)
		}
	}
}

// queryAll runs a query and collects its results.
func queryAll(t testing.TB, s *Store, q string, limit int) []any {
	t.Helper()
	var out []any
	err := s.Query(context.Background(), q, limit, func(v any) error {
		out = append(out, v)
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return out
}

// sortByJSON orders query results by their JSON text, since result order
// is the store's business.
func sortByJSON(vs []any) {
	key := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		return string(b)
	}
	sort.Slice(vs, func(i, j int) bool { return key(vs[i]) < key(vs[j]) })
}
