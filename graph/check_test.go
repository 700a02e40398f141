package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

func checkStore(t *testing.T, s *Store) CheckReport {
	t.Helper()
	rep, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestCheckSoundStore: what Write writes passes, through replacements.
func TestCheckSoundStore(t *testing.T) {
	ctx := context.Background()
	s := openFixtures(t)
	rep := checkStore(t, s)
	if len(rep.Problems) > 0 || rep.Articles != 2 || rep.Events == 0 || rep.Quads != len(allQuads(t, s)) {
		t.Fatalf("fixtures: %+v", rep)
	}
	for _, name := range []string{"riyadh-revised", "riyadh", "riyadh-revised"} {
		if _, err := s.Write(ctx, loadFixture(t, name)); err != nil {
			t.Fatal(err)
		}
		if rep := checkStore(t, s); len(rep.Problems) > 0 || rep.Articles != 2 {
			t.Errorf("after writing %s: %+v", name, rep)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep := checkStore(t, s); int64(rep.Quads) != st.Quads || rep.Articles != st.Articles {
		t.Errorf("check %+v and stats %+v disagree", rep, st)
	}
}

// TestCheckFindsProblems breaks a sound store one way at a time.
func TestCheckFindsProblems(t *testing.T) {
	riyadh := loadFixture(t, "riyadh")
	label := schema.ArticleIRI(riyadh.Document.ID)
	// find returns the first quad of the article that matches.
	find := func(t *testing.T, s *Store, match func(quad.Quad) bool) quad.Quad {
		t.Helper()
		for _, q := range allQuads(t, s) {
			if q.Label == label && match(q) {
				return q
			}
		}
		t.Fatal("no such quad")
		return quad.Quad{}
	}
	isEvent := func(q quad.Quad) bool { return q.Predicate == schema.PredType && q.Object == schema.ClassEvent }
	lavrov, rubio := quad.IRI("dg:person/sergey-lavrov"), quad.IRI("dg:person/marco-rubio")
	tests := []struct {
		name   string
		add    func(*testing.T, *Store) []quad.Quad
		delete func(*testing.T, *Store) []quad.Quad
		want   string
	}{
		{
			name: "unlabelled quad",
			add: func(*testing.T, *Store) []quad.Quad {
				return []quad.Quad{{Subject: lavrov, Predicate: schema.PredName, Object: quad.String("Lavrov")}}
			},
			want: "quad without an article label",
		},
		{
			name: "label that is no article",
			add: func(*testing.T, *Store) []quad.Quad {
				return []quad.Quad{{Subject: lavrov, Predicate: schema.PredName, Object: quad.String("L"), Label: quad.IRI("dg:article/nope")}}
			},
			want: "is not an article",
		},
		{
			name: "article half deleted",
			delete: func(t *testing.T, s *Store) []quad.Quad {
				return []quad.Quad{{Subject: label, Predicate: schema.PredType, Object: schema.ClassArticle, Label: label}}
			},
			want: "is not an article",
		},
		{
			name: "second digest",
			add: func(*testing.T, *Store) []quad.Quad {
				return []quad.Quad{{Subject: label, Predicate: schema.PredSHA256, Object: quad.String("00"), Label: label}}
			},
			want: "2 dg:sha256 digests",
		},
		{
			name: "dangling subject",
			add: func(*testing.T, *Store) []quad.Quad {
				return []quad.Quad{{Subject: quad.IRI("dg:person/nobody"), Predicate: schema.PredName, Object: quad.String("X"), Label: label}}
			},
			want: "dangling node <dg:person/nobody>",
		},
		{
			name: "dangling object",
			add: func(*testing.T, *Store) []quad.Quad {
				return []quad.Quad{{Subject: lavrov, Predicate: schema.PredCountry, Object: quad.IRI("dg:country/XXX"), Label: label}}
			},
			want: "dangling node <dg:country/XXX>",
		},
		{
			name: "event without its article",
			delete: func(t *testing.T, s *Store) []quad.Quad {
				ev := find(t, s, isEvent).Subject
				return []quad.Quad{{Subject: ev, Predicate: schema.PredReportedIn, Object: label, Label: label}}
			},
			want: "has no dg:reportedIn that article",
		},
		{
			name: "event reported in another article",
			add: func(t *testing.T, s *Store) []quad.Quad {
				ev := find(t, s, isEvent).Subject
				return []quad.Quad{{Subject: ev, Predicate: schema.PredReportedIn, Object: quad.IRI("dg:article/other"), Label: label}}
			},
			want: "according to article",
		},
		{
			name: "relation without an event",
			add: func(*testing.T, *Store) []quad.Quad {
				return []quad.Quad{{Subject: lavrov, Predicate: schema.RootRelation["17"], Object: rubio, Label: label}}
			},
			want: "backed by no asserted event",
		},
		{
			name: "relation whose event is gone",
			delete: func(t *testing.T, s *Store) []quad.Quad {
				rel := find(t, s, func(q quad.Quad) bool { return q.Predicate == schema.RootRelation["04"] })
				ev := find(t, s, func(q quad.Quad) bool { return q.Predicate == schema.PredEvSource && q.Object == rel.Subject }).Subject
				return []quad.Quad{{Subject: ev, Predicate: schema.PredNegated, Object: quad.Bool(false), Label: label}}
			},
			want: "backed by no asserted event",
		},
		{
			name: "no schema version",
			delete: func(*testing.T, *Store) []quad.Quad {
				return []quad.Quad{{Subject: storeNode, Predicate: predSchemaVersion, Object: quad.Int(SchemaVersion)}}
			},
			want: "no schema version",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openFixtures(t)
			// One delta at a time: see batchKV.
			var deltas []cgraph.Delta
			if tt.add != nil {
				for _, q := range tt.add(t, s) {
					deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
				}
			}
			if tt.delete != nil {
				for _, q := range tt.delete(t, s) {
					deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
				}
			}
			for _, d := range deltas {
				if err := s.qs.ApplyDeltas([]cgraph.Delta{d}, cgraph.IgnoreOpts{}); err != nil {
					t.Fatal(err)
				}
			}
			rep := checkStore(t, s)
			found := false
			for _, p := range rep.Problems {
				found = found || strings.Contains(p, tt.want)
			}
			if !found {
				t.Errorf("problems %q, want one containing %q", rep.Problems, tt.want)
			}
		})
	}
}

func TestCheckCancelled(t *testing.T) {
	s := openFixtures(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Check(ctx); err == nil {
		t.Error("Check with a cancelled context succeeded")
	}
}

// TestDamagedStoreFile: a store file that is not bolt's, cut short or
// overwritten is refused or reported, never a crash or a hang.
func TestDamagedStoreFile(t *testing.T) {
	ctx := context.Background()
	build := func(t *testing.T) string {
		s, dir := openTemp(t)
		for _, name := range fixtures {
			if _, err := s.Write(ctx, loadFixture(t, name)); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
		return filepath.Join(dir, boltFile)
	}
	t.Run("not bolt", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, boltFile), bytes.Repeat([]byte("not a database "), 2000), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(ctx, dir, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "damaged or not a store") {
			t.Errorf("Open = %v", err)
		}
	})
	t.Run("cut short", func(t *testing.T) {
		file := build(t)
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, b[:len(b)/3], 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(ctx, filepath.Dir(file), Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "cut short") {
			t.Errorf("Open = %v", err)
		}
	})
	t.Run("pages overwritten", func(t *testing.T) {
		file := build(t)
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		const page = 4096 // the meta pages, 0 and 1, stay
		for i := 2 * page; i < len(b); i++ {
			b[i] = 0xab
		}
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Open(ctx, filepath.Dir(file), Options{ReadOnly: true})
		if err != nil {
			if !strings.Contains(err.Error(), "damaged") {
				t.Errorf("Open = %v", err)
			}
			return
		}
		rep, err := s.Check(ctx)
		if err != nil || len(rep.Problems) == 0 || !strings.Contains(rep.Problems[0], "damaged") {
			t.Errorf("Check = %+v, %v", rep, err)
		}
		done := make(chan struct{})
		go func() { s.Close(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("Close of a damaged store hangs")
		}
	})
}

// TestCreateIsWhole: a new store appears whole, under its own name only,
// and a file left by a creation that was killed is ignored.
func TestCreateIsWhole(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, boltFile+".new-123"), []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != boltFile+" "+boltFile+".new-123" {
		t.Errorf("store folder holds %v", names)
	}
	s, err = Open(context.Background(), dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the new store does not open read-only: %v", err)
	}
	s.Close()
}

// TestCheckGoldenExtractions: the extractor's golden results, written into
// one store, pass Check: what Quads writes for real articles keeps the
// invariants, not only for the hand-made fixtures.
func TestCheckGoldenExtractions(t *testing.T) {
	files, err := filepath.Glob("../testdata/golden/extract/*.json")
	if err != nil || len(files) == 0 {
		t.Skip("no golden extractions")
	}
	s, _ := openTemp(t)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var r schema.Result
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if _, err := s.Write(context.Background(), r); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	if rep := checkStore(t, s); len(rep.Problems) > 0 || rep.Articles != len(files) {
		t.Errorf("%d articles, problems:\n%s", rep.Articles, strings.Join(rep.Problems, "\n"))
	}
}
