package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

func TestOpenAddresses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		addr    string
		opt     Options
		wantErr string // empty: Open succeeds
	}{
		{addr: filepath.Join(dir, "plain")},
		{addr: "bolt://" + filepath.Join(dir, "url")},
		{addr: filepath.Join(dir, "new", "nested")},
		{addr: "postgres://user:secret@127.0.0.1:1/news?sslmode=disable", wantErr: "open store postgres://user:xxxxx@127.0.0.1:1/news?sslmode=disable: cannot connect to PostgreSQL"},
		{addr: "postgresql://127.0.0.1:1/news?sslmode=disable", wantErr: "cannot connect to PostgreSQL"},
		{addr: "mongodb://localhost", wantErr: `unsupported store address scheme "mongodb"`},
		{addr: "bolt://", wantErr: "empty store path"},
		{addr: file, wantErr: "not a directory"},
		{addr: filepath.Join(dir, "missing"), opt: Options{ReadOnly: true}, wantErr: "does not exist"},
	}
	for _, tt := range tests {
		s, err := Open(ctx, tt.addr, tt.opt)
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("Open(%q): %v", tt.addr, err)
				continue
			}
			if err := s.Close(); err != nil {
				t.Errorf("Close(%q): %v", tt.addr, err)
			}
			continue
		}
		if err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded, want error %q", tt.addr, tt.wantErr)
		} else if !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("Open(%q) = %v, want error containing %q", tt.addr, err, tt.wantErr)
		}
	}
}

func TestOpenReopensAndKeepsData(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t)
	if _, err := os.Stat(filepath.Join(dir, boltFile)); err != nil {
		t.Fatalf("store has no %s: %v", boltFile, err)
	}
	if _, err := s.Write(ctx, loadFixture(t, "riyadh")); err != nil {
		t.Fatal(err)
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, opt := range []Options{{}, {ReadOnly: true}} {
		s, err := Open(ctx, dir, opt)
		if err != nil {
			t.Fatalf("reopen %+v: %v", opt, err)
		}
		after, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(before, after) {
			t.Errorf("reopen %+v: stats %+v, want %+v", opt, after, before)
		}
		rep, err := s.Write(ctx, loadFixture(t, "riyadh"))
		switch {
		case opt.ReadOnly && (err == nil || !strings.Contains(err.Error(), "read-only")):
			t.Errorf("Write to a read-only store: %v, want a read-only error", err)
		case !opt.ReadOnly && (err != nil || rep.Status != StatusUnchanged):
			t.Errorf("Write after reopen: %+v, %v; want unchanged", rep, err)
		}
		s.Close()
	}
}

func TestOpenSchemaVersion(t *testing.T) {
	ctx := context.Background()
	version := quad.Quad{Subject: storeNode, Predicate: predSchemaVersion, Object: quad.Int(SchemaVersion)}
	tests := []struct {
		name    string
		replace quad.Quad // written instead of the version quad
		wantErr string
	}{
		{"current", version, ""},
		{"newer", quad.Quad{Subject: storeNode, Predicate: predSchemaVersion, Object: quad.Int(SchemaVersion + 1)},
			"newer than this diplograph understands"},
		{"none", quad.Quad{Subject: quad.IRI("a"), Predicate: quad.IRI("b"), Object: quad.IRI("c")},
			"has no diplograph schema version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, dir := openTemp(t)
			// One delta at a time: see batchKV.
			for _, d := range []cgraph.Delta{{Quad: version, Action: cgraph.Delete}, {Quad: tt.replace, Action: cgraph.Add}} {
				if err := s.qs.ApplyDeltas([]cgraph.Delta{d}, cgraph.IgnoreOpts{}); err != nil {
					t.Fatal(err)
				}
			}
			s.Close()
			s, err := Open(ctx, dir, Options{})
			if err == nil {
				s.Close()
			}
			if tt.wantErr == "" && err != nil {
				t.Fatalf("Open: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("Open = %v, want error containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestOpenLocked(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the lock timeout")
	}
	_, dir := openTemp(t)
	s, err := Open(context.Background(), dir, Options{})
	if err == nil {
		s.Close()
		t.Fatal("second Open of a store in use succeeded")
	}
	if !strings.Contains(err.Error(), "in use by another process") {
		t.Errorf("second Open: %v, want a lock error", err)
	}
}

// TestOpenNoBloom guards the no_bloom option: without it Cayley allocates
// about 300 MB of bloom filters for a new store.
func TestOpenNoBloom(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	openTemp(t)
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 32<<20 {
		t.Errorf("Open allocated %d MB, want a few", grew>>20)
	}
}

func TestWriteStatuses(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	riyadh := loadFixture(t, "riyadh")
	n := len(Quads(riyadh))

	check := func(what string, r schema.Result, want WriteReport, wantQuads int64) {
		t.Helper()
		got, err := s.Write(ctx, r)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if got != want {
			t.Errorf("%s: report %+v, want %+v", what, got, want)
		}
		if st, err := s.Stats(ctx); err != nil || st.Quads != wantQuads {
			t.Errorf("%s: store has %d quads (%v), want %d", what, st.Quads, err, wantQuads)
		}
	}
	// The store starts with its schema-version quad.
	check("first write", riyadh, WriteReport{Status: StatusNew, Added: n}, int64(1+n))
	check("same article again", riyadh, WriteReport{Status: StatusUnchanged}, int64(1+n))

	// A new digest with the same content changes only the digest quad.
	resha := riyadh
	resha.Document.SHA256 = strings.Repeat("0", 64)
	check("new digest", resha, WriteReport{Status: StatusReplaced, Added: 1, Removed: 1}, int64(1+n))

	// Without a digest, identical quads are still recognised.
	nosha := riyadh
	nosha.Document.SHA256 = ""
	check("digest dropped", nosha, WriteReport{Status: StatusReplaced, Removed: 1}, int64(n))
	check("no digest again", nosha, WriteReport{Status: StatusUnchanged}, int64(n))

	if _, err := s.Write(ctx, schema.Result{}); err == nil {
		t.Error("Write of a result without a document ID succeeded")
	}
}

func TestWriteCancelled(t *testing.T) {
	s, _ := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Write(ctx, loadFixture(t, "riyadh")); !errors.Is(err, context.Canceled) {
		t.Fatalf("Write with a cancelled context: %v", err)
	}
	if st, _ := s.Stats(context.Background()); st.Articles != 0 {
		t.Errorf("cancelled Write stored %d articles", st.Articles)
	}
}

// TestWriteReplace replaces an article that shares actors with another and
// checks that exactly its own quads change.
func TestWriteReplace(t *testing.T) {
	ctx := context.Background()
	s := openFixtures(t)
	riyadh, revised, crimea := loadFixture(t, "riyadh"), loadFixture(t, "riyadh-revised"), loadFixture(t, "crimea")
	label := schema.ArticleIRI(riyadh.Document.ID)
	crimeaLabel := schema.ArticleIRI(crimea.Document.ID)

	// The revision drops an event and an actor: more quads go than come,
	// the case Cayley's mixed add/delete batches get wrong.
	for i, step := range []struct {
		r    schema.Result
		want schema.Result
	}{
		{revised, revised},
		{riyadh, riyadh}, // and back: more quads come than go
	} {
		old := labelled(allQuads(t, s), label)
		rep, err := s.Write(ctx, step.r)
		if err != nil {
			t.Fatal(err)
		}
		want := asSet(Quads(step.want))
		added, removed := 0, 0
		for q := range want {
			if !old[q] {
				added++
			}
		}
		for q := range old {
			if !want[q] {
				removed++
			}
		}
		if rep != (WriteReport{Status: StatusReplaced, Added: added, Removed: removed}) {
			t.Errorf("step %d: report %+v, want replaced, +%d -%d", i, rep, added, removed)
		}
		all := allQuads(t, s)
		sameSet(t, "article's quads", labelled(all, label), want)
		sameSet(t, "other article's quads", labelled(all, crimeaLabel), asSet(Quads(crimea)))
		for _, q := range all {
			if q.Subject == nil || q.Predicate == nil || q.Object == nil {
				t.Errorf("step %d: broken quad %v", i, q)
			}
			if q.Label != label && q.Label != crimeaLabel && q.Subject != storeNode {
				t.Errorf("step %d: stray quad %v", i, q)
			}
		}
		if len(all) != 1+len(Quads(step.want))+len(Quads(crimea)) {
			t.Errorf("step %d: store has %d quads, want %d", i, len(all), 1+len(Quads(step.want))+len(Quads(crimea)))
		}
	}

	// Trump appears only in the first version: after the revision no quad
	// names him; Putin, in both articles, keeps the other article's quads.
	if _, err := s.Write(ctx, revised); err != nil {
		t.Fatal(err)
	}
	for _, q := range allQuads(t, s) {
		if q.Subject == quad.IRI("dg:person/donald-trump") || q.Object == quad.IRI("dg:person/donald-trump") {
			t.Errorf("quad about an actor no article mentions: %v", q)
		}
	}
	if got := queryAll(t, s, `g.V("<dg:person/vladimir-putin>").Labels().Out("<schema:headline>").All()`, 0); len(got) != 2 {
		t.Errorf("Putin's articles: %v, want both", got)
	}
}

func TestWriteSharedActorIsOneNode(t *testing.T) {
	s := openFixtures(t)
	got := queryAll(t, s, `g.V().Has("<schema:name>", "Vladimir Putin").All()`, 0)
	ids := make(map[any]bool)
	for _, v := range got {
		ids[v.(map[string]any)["id"]] = true
	}
	want := map[any]bool{"<dg:person/vladimir-putin>": true}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("nodes named Vladimir Putin: %v, want one", got)
	}
	// Each article states the name, so Cayley reaches the node once per
	// article; Query emits distinct results, so the node comes once.
	if len(got) != 1 {
		t.Errorf("results for Vladimir Putin: %d, want 1", len(got))
	}
	if got := queryAll(t, s, `g.Emit(g.V().Has("<schema:name>", "Vladimir Putin").Count())`, 0); len(got) != 1 || fmt.Sprint(got[0]) != "2" {
		t.Errorf("Count inside Gizmo: %v, want 2 (one path per article)", got)
	}
	if got := queryAll(t, s, `g.Emit(g.V().Has("<schema:name>", "Vladimir Putin").Unique().Count())`, 0); len(got) != 1 || fmt.Sprint(got[0]) != "1" {
		t.Errorf("Unique count: %v, want 1", got)
	}
}

func TestHasArticle(t *testing.T) {
	ctx := context.Background()
	s := openFixtures(t)
	riyadh := loadFixture(t, "riyadh").Document
	tests := []struct {
		name string
		doc  schema.Document
		want bool
	}{
		{"same digest", riyadh, true},
		{"any digest", schema.Document{ID: riyadh.ID}, true},
		{"other digest", schema.Document{ID: riyadh.ID, SHA256: strings.Repeat("0", 64)}, false},
		{"unknown article", schema.Document{ID: "nope"}, false},
	}
	for _, tt := range tests {
		got, err := s.HasArticle(ctx, tt.doc)
		if err != nil || got != tt.want {
			t.Errorf("%s: HasArticle = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
}

func TestStats(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	empty, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if empty.Articles != 0 || empty.Quads != 1 || len(empty.Events) != 0 {
		t.Errorf("empty store: %+v", empty)
	}
	for _, name := range fixtures {
		if _, err := s.Write(ctx, loadFixture(t, name)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{
		Articles: 2,
		// Saudi Arabia is a country node though no article names it: Riyadh
		// belongs to it.
		Actors: map[schema.Kind]int{
			schema.KindPerson: 5, schema.KindOrganization: 1, schema.KindCountry: 4, schema.KindPlace: 3,
		},
		Events:  map[string]int{"03": 1, "04": 2, "05": 1, "11": 2, "19": 1},
		Negated: 2,
		Quads:   int64(1 + len(Quads(loadFixture(t, "riyadh"))) + len(Quads(loadFixture(t, "crimea")))),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stats = %+v\nwant    %+v", got, want)
	}
}
