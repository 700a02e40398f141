package export

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/golden/export")

// fixtureDir holds the hand-made extraction results the store tests are
// built from.
const fixtureDir = "../testdata/graph"

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

// pgEnv names the PostgreSQL server the export tests also run on, as
// graph's store tests do.
const pgEnv = "DIPLOGRAPH_TEST_POSTGRES"

// testPostgres is the server's address while TestPostgres runs the
// export tests on it: openTemp then opens each store in a schema of its
// own.
var testPostgres string

// openTemp opens a new store, in a temporary directory or, while
// TestPostgres runs, in a new schema of the test database.
func openTemp(t testing.TB) *graph.Store {
	t.Helper()
	addr := filepath.Join(t.TempDir(), "store")
	if testPostgres != "" {
		addr = newPGSchema(t, testPostgres)
	}
	s, err := graph.Open(context.Background(), addr, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// pgTests are the export tests that read a store: they run again on
// PostgreSQL under TestPostgres.
var pgTests = []struct {
	name string
	test func(*testing.T)
}{
	{"ExportGolden", TestExportGolden},
	{"ExportDeterministic", TestExportDeterministic},
	{"NQuadsExport", TestNQuadsExport},
}

// TestPostgres runs pgTests on the PostgreSQL server named by pgEnv.
func TestPostgres(t *testing.T) {
	addr := os.Getenv(pgEnv)
	if addr == "" {
		t.Skipf("set %s=postgres://user@host:port/dbname?sslmode=disable to run the export tests on PostgreSQL", pgEnv)
	}
	testPostgres = addr
	defer func() { testPostgres = "" }()
	for _, tt := range pgTests {
		t.Run(tt.name, tt.test)
	}
}

var pgSchemas atomic.Int64

// newPGSchema creates a schema in the database at addr, dropped when the
// test ends, and returns the address of a store in it.
func newPGSchema(t testing.TB, addr string) string {
	t.Helper()
	db, err := sql.Open("postgres", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	name := fmt.Sprintf("test_export_%d_%d", os.Getpid(), pgSchemas.Add(1))
	if _, err := db.Exec(`CREATE SCHEMA ` + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec(`DROP SCHEMA ` + name + ` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
	})
	u, err := url.Parse(addr)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
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

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	count := func(s string) map[string]int {
		m := make(map[string]int)
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	w, g := count(want), count(got)
	var out strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if g[l] < w[l] {
			out.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if w[l] < g[l] {
			out.WriteString("+ " + l + "\n")
		}
	}
	return out.String()
}
