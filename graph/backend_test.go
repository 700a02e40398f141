package graph

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// pgEnv names the PostgreSQL server the store tests also run on:
//
//	DIPLOGRAPH_TEST_POSTGRES='postgres://postgres@/diplograph?host=/tmp/pg&sslmode=disable' go test ./graph
//
// (bash scripts/postgres.sh starts a throwaway one; .ci/run does.)
const pgEnv = "DIPLOGRAPH_TEST_POSTGRES"

// testPostgres is the server's address while TestPostgres runs the store
// tests on it: openTemp then opens each store in a schema of its own.
var testPostgres string

// storeTests are the tests of the store's behaviour that hold on every
// backend. They run as themselves on bolt and again, under TestPostgres,
// on PostgreSQL. (The others are about bolt's files: locks, damaged
// files, creation, commits failing like a full disk.)
var storeTests = []struct {
	name string
	test func(*testing.T)
}{
	{"WriteStatuses", TestWriteStatuses},
	{"WriteCancelled", TestWriteCancelled},
	{"WriteReplace", TestWriteReplace},
	{"WriteSharedActorIsOneNode", TestWriteSharedActorIsOneNode},
	{"HasArticle", TestHasArticle},
	{"Stats", TestStats},
	{"Reopen", testReopen},
	{"WriterBatch", TestWriterBatch},
	{"WriterAbandoned", TestWriterAbandoned},
	{"ConcurrentWriters", TestConcurrentWriters},
	{"MergeAcrossArticles", TestMergeAcrossArticles},
	{"MergeOrderIndependent", TestMergeOrderIndependent},
	{"MergeReplaceKeepsOtherReports", TestMergeReplaceKeepsOtherReports},
	{"MergeWithinArticle", TestMergeWithinArticle},
	{"StoredHappeningsAgree", TestStoredHappeningsAgree},
	{"QuadsMatchWrite", TestQuadsMatchWrite},
	{"CheckSoundStore", TestCheckSoundStore},
	{"CheckGoldenExtractions", TestCheckGoldenExtractions},
	{"CheckCancelled", TestCheckCancelled},
	{"Actors", TestActors},
	{"Describe", TestDescribe},
	{"Events", TestEvents},
	{"LookupActor", TestLookupActor},
	{"LookupActorAmbiguous", TestLookupActorAmbiguous},
	{"Relations", TestRelations},
	{"ReadPathsAgree", TestReadPathsAgree},
	{"DocsExamples", TestDocsExamples},
	{"DocsQueries", TestDocsQueries},
	{"QueryResults", TestQueryResults},
	{"QueryErrors", TestQueryErrors},
	{"QueryCancel", TestQueryCancel},
	{"QueryUnlimited", TestQueryUnlimited},
	{"ExportFilters", TestExportFilters},
	{"EventNetwork", TestEventNetwork},
}

// TestPostgres runs storeTests on the PostgreSQL server named by pgEnv.
func TestPostgres(t *testing.T) {
	addr := os.Getenv(pgEnv)
	if addr == "" {
		t.Skipf("set %s=postgres://user@host:port/dbname?sslmode=disable to run the store tests on PostgreSQL", pgEnv)
	}
	testPostgres = addr
	defer func() { testPostgres = "" }()
	for _, tt := range storeTests {
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
	name := fmt.Sprintf("test_%d_%d", os.Getpid(), pgSchemas.Add(1))
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

// testReopen: what a store holds survives closing it, and a read-only
// store refuses writes.
func testReopen(t *testing.T) {
	ctx := context.Background()
	s, addr := openTemp(t)
	if _, err := s.Write(ctx, loadFixture(t, "riyadh")); err != nil {
		t.Fatal(err)
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, opt := range []Options{{}, {ReadOnly: true}} {
		s, err := Open(ctx, addr, opt)
		if err != nil {
			t.Fatalf("reopen %+v: %v", opt, err)
		}
		after, err := s.Stats(ctx)
		if err != nil || fmt.Sprint(after) != fmt.Sprint(before) {
			t.Errorf("reopen %+v: stats %+v (%v), want %+v", opt, after, err, before)
		}
		rep, err := s.Write(ctx, loadFixture(t, "riyadh"))
		if opt.ReadOnly != (err != nil) || !opt.ReadOnly && rep.Status != StatusUnchanged {
			t.Errorf("reopen %+v: Write = %+v, %v", opt, rep, err)
		}
		s.Close()
	}
}

// TestPostgresSchema: a new PostgreSQL store has Cayley's tables with the
// leaner indexes and no foreign keys (see pgLeanerIndexes); one Cayley
// made keeps its foreign keys, and the writer inserts nodes first there.
func TestPostgresSchema(t *testing.T) {
	addr := os.Getenv(pgEnv)
	if addr == "" {
		t.Skipf("set %s to test the PostgreSQL schema", pgEnv)
	}
	store := newPGSchema(t, addr)
	s, err := Open(context.Background(), store, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var indexes []string
	rows, err := s.pg.db.Query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'quads' AND schemaname = current_schema() ORDER BY indexname`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var def string
		if err := rows.Scan(&def); err != nil {
			t.Fatal(err)
		}
		_, cols, _ := strings.Cut(def, " USING btree ")
		indexes = append(indexes, cols)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"(object_hash, predicate_hash)",
		"(predicate_hash, object_hash)",
		"(horizon)",
		"(subject_hash, predicate_hash, object_hash) WHERE (label_hash IS NULL)",
		"(subject_hash, predicate_hash, object_hash, label_hash)",
	}
	if !slices.Equal(indexes, want) {
		t.Errorf("indexes on quads:\n%s\nwant\n%s", strings.Join(indexes, "\n"), strings.Join(want, "\n"))
	}
	if s.pg.foreignKeys {
		t.Error("the quads table has foreign keys")
	}

	// Cayley's foreign keys back: batches still write.
	for _, d := range []string{"subject", "predicate", "object", "label"} {
		if _, err := s.pg.db.Exec(`ALTER TABLE quads ADD CONSTRAINT ` + d + `_hash_fk FOREIGN KEY (` + d + `_hash) REFERENCES nodes (hash)`); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if s, err = Open(context.Background(), store, Options{}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.pg.foreignKeys {
		t.Error("foreign keys not seen")
	}
	w := s.NewWriter()
	defer w.Close()
	for _, r := range writerInput(t) {
		if _, err := w.Write(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if rep := checkStore(t, s); len(rep.Problems) > 0 {
		t.Errorf("check: %v", rep.Problems)
	}
}
