package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDBEnvSetsEveryDefault: every command with --db takes its default
// from $DIPLOGRAPH_DB, and says so in its help.
func TestDBEnvSetsEveryDefault(t *testing.T) {
	t.Setenv(dbEnv, "/srv/news.db")
	n := 0
	for _, cmd := range newRootCmd(&ioStreams{}).Commands() {
		f := cmd.Flags().Lookup("db")
		if f == nil {
			continue
		}
		n++
		if f.DefValue != "/srv/news.db" || !strings.Contains(f.Usage, "$DIPLOGRAPH_DB") {
			t.Errorf("%s --db: default %q, usage %q", cmd.Name(), f.DefValue, f.Usage)
		}
	}
	if n < 10 {
		t.Errorf("only %d commands have --db", n)
	}

	t.Setenv(dbEnv, "")
	if f := newCmdStats(&ioStreams{}, nil).Flags().Lookup("db"); f.DefValue != defaultDB {
		t.Errorf("empty %s: default %q, want %q", dbEnv, f.DefValue, defaultDB)
	}
	// The help shows the default; not the password of a PostgreSQL URL.
	t.Setenv(dbEnv, "postgres://bob:hunter2@db.example:5432/news?sslmode=disable")
	code, out, _ := runCmd(t, "", "stats", "--help")
	if code != exitOK || strings.Contains(out, "hunter2") || !strings.Contains(out, "postgres://bob:xxxxx@db.example:5432/news") {
		t.Errorf("stats --help with a password in %s: exit %d\n%s", dbEnv, code, out)
	}
}

// TestDBEnvInProcess: the commands read and write the store
// $DIPLOGRAPH_DB names, and --db still wins.
func TestDBEnvInProcess(t *testing.T) {
	t.Setenv(dbEnv, fixtureDB(t))
	code, out, errOut := runCmd(t, "", "show", "Sergey Lavrov", "--format", "json")
	if code != exitOK || !strings.Contains(out, "person/sergey-lavrov") {
		t.Errorf("show from $%s: exit %d, %s\n%s", dbEnv, code, errOut, out)
	}
	missing := filepath.Join(t.TempDir(), "none")
	code, _, errOut = runCmd(t, "", "stats", "--db", missing)
	if code != exitFailure || !strings.Contains(errOut, missing) || !strings.Contains(errOut, "ingest first") {
		t.Errorf("--db over $%s: exit %d, %s", dbEnv, code, errOut)
	}

	fresh := filepath.Join(t.TempDir(), "fresh.db")
	t.Setenv(dbEnv, fresh)
	if code, out, errOut := runCmd(t, sampleArticle, "ingest", "-"); code != exitOK || !strings.Contains(out, "1 new") {
		t.Fatalf("ingest into $%s: exit %d, %s\n%s", dbEnv, code, errOut, out)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("ingest did not write $%s: %v", dbEnv, err)
	}
	code, out, _ = runCmd(t, "", "stats", "--format", "json")
	if code != exitOK || !strings.Contains(out, `"articles":1`) {
		t.Errorf("stats of $%s: exit %d\n%s", dbEnv, code, out)
	}
}
