package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs the command line in-process and returns its exit status and
// output streams.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	streams := &ioStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut}
	code := run(context.Background(), args, streams)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const sampleArticle = `Published: 2025-02-20
Lavrov and Rubio meet in Riyadh
RIYADH, Saudi Arabia (Wire) — Russian Foreign Minister Sergey Lavrov met U.S. Secretary of State Marco Rubio in Riyadh on Tuesday, the first talks between the two countries' top diplomats since 2022.
Lavrov said the talks were useful. Russian President Vladimir Putin welcomed the meeting.
`

func TestExtractJSON(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", sampleArticle)
	code, out, errOut := runCmd(t, "", "extract", "--format", "json", p)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Document struct{ Published string }
		Actors   []struct{ ID, Name, Kind, Country string }
		Events   []struct {
			CAMEO          string `json:"cameo"`
			Source, Target []string
			Date           *string
			Place          string
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if res.Document.Published != "2025-02-20" {
		t.Errorf("published %q, want the Published: line's date", res.Document.Published)
	}
	if len(res.Events) == 0 || res.Events[0].CAMEO[:2] != "04" || res.Events[0].Date == nil || *res.Events[0].Date != "2025-02-18" {
		t.Errorf("want a meeting on Tuesday 2025-02-18 first, got %+v", res.Events)
	}
}

func TestExtractText(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", sampleArticle)
	code, out, _ := runCmd(t, "", "extract", p)
	if code != exitOK || !strings.Contains(out, "Sergey Lavrov") || !strings.Contains(out, "Events (") {
		t.Errorf("exit %d, text output:\n%s", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", sampleArticle)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad date", []string{"extract", "--published", "27/02/2025", p}, "--published"},
		{"bad format", []string{"extract", "--format", "xml", p}, "--format"},
		{"no file", []string{"extract"}, "extract needs a FILE"},
		{"two files", []string{"extract", "a.txt", "b.txt"}, "extract takes one FILE"},
		{"explain with conllu", []string{"extract", "--explain", "--format", "conllu", "a.txt"}, "--explain prints text"},
		{"ingest bad date", []string{"ingest", "--published", "yesterday", p}, "--published"},
		{"query nothing", []string{"query", "--db", filepath.Join(dir, "db")}, "Gizmo query"},
		{"unknown flag", []string{"stats", "--colour"}, "unknown flag"},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and one line containing %q", tt.name, code, errOut, exitUsage, tt.want)
		}
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content, want string
	}{
		{"empty.txt", "", "empty"},
		{"blank.txt", "  \n\t\n", "empty"},
		{"binary.txt", "PNG\x00\x01\x02", "binary"},
		{"latin1.txt", "caf\xe9 au lait", "UTF-8"},
	}
	for _, tt := range tests {
		p := writeFile(t, dir, tt.name, tt.content)
		code, _, errOut := runCmd(t, "", "extract", p)
		if code != exitFailure || !strings.Contains(errOut, tt.name) || !strings.Contains(errOut, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 naming the file and %q", tt.name, code, errOut, tt.want)
		}
	}
	code, _, errOut := runCmd(t, "", "extract", filepath.Join(dir, "missing.txt"))
	if code != exitFailure || !strings.Contains(errOut, "missing.txt") || !strings.Contains(errOut, "no such file") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
}

func TestIngestTwiceIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	writeFile(t, dir, "in/a.txt", sampleArticle)
	writeFile(t, dir, "in/sub/b.md", strings.Replace(sampleArticle, "Riyadh on Tuesday", "Riyadh on Monday", 1))
	writeFile(t, dir, "in/feed.jsonl", `{"id":"x1","title":"Putin meets Xi","published":"2024-05-16","text":"Putin meets Xi\nBEIJING (Wire) — Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday."}`+"\n")
	writeFile(t, dir, "in/notes.csv", "ignored,file\n")

	code, out, errOut := runCmd(t, "", "ingest", "--db", db, filepath.Join(dir, "in"))
	if code != exitOK || !strings.Contains(out, "3 new") {
		t.Fatalf("first ingest: exit %d\n%s\n%s", code, out, errOut)
	}
	_, stats1, _ := runCmd(t, "", "stats", "--db", db, "--format", "json")

	code, out, _ = runCmd(t, "", "ingest", "--db", db, filepath.Join(dir, "in"))
	if code != exitOK || !strings.Contains(out, "3 unchanged") || !strings.Contains(out, "0 added") {
		t.Fatalf("second ingest: exit %d\n%s", code, out)
	}
	_, stats2, _ := runCmd(t, "", "stats", "--db", db, "--format", "json")
	if stats1 != stats2 {
		t.Errorf("stats changed by a re-ingest:\n%s\n%s", stats1, stats2)
	}

	code, out, errOut = runCmd(t, "", "query", "--db", db, `g.V().Has("<schema:name>", "Vladimir Putin").All()`)
	if code != exitOK || strings.TrimSpace(out) != `{"id":"<dg:person/vladimir-putin>"}` {
		t.Errorf("Putin query: exit %d, %q %s", code, out, errOut)
	}
}

func TestIngestChangedArticleReplaces(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	p := writeFile(t, dir, "a.txt", sampleArticle)
	if code, out, errOut := runCmd(t, "", "ingest", "--db", db, p); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	writeFile(t, dir, "a.txt", strings.Replace(sampleArticle, "Marco Rubio", "John Kerry", 1))
	code, out, _ := runCmd(t, "", "ingest", "--db", db, p)
	if code != exitOK || !strings.Contains(out, "1 replaced") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	_, out, _ = runCmd(t, "", "query", "--db", db, `g.V().Has("<schema:name>", "Marco Rubio").All()`)
	if strings.TrimSpace(out) != "" {
		t.Errorf("the replaced article's actor is still there: %s", out)
	}
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	writeFile(t, dir, "in/good.txt", sampleArticle)
	writeFile(t, dir, "in/empty.txt", "")
	writeFile(t, dir, "in/binary.txt", "\x89PNG\x00\x00")
	writeFile(t, dir, "in/feed.jsonl", "{\"id\":\"ok\",\"text\":\"Putin meets Xi\\nBEIJING (Wire) — Putin met Xi Jinping.\"}\n{not json\n")
	code, out, errOut := runCmd(t, "", "ingest", "--keep-going", "--db", db, filepath.Join(dir, "in"))
	if code != exitFailure {
		t.Errorf("exit %d, want %d when some inputs fail", code, exitFailure)
	}
	for _, want := range []string{"empty.txt", "binary.txt", "feed.jsonl:2"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr does not name %s:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "2 new") || !strings.Contains(out, "3 failed") {
		t.Errorf("summary:\n%s", out)
	}
	if code, _, errOut := runCmd(t, "", "ingest", "--db", db, filepath.Join(dir, "nope")); code != exitFailure || !strings.Contains(errOut, "nope") {
		t.Errorf("missing path: exit %d, %s", code, errOut)
	}
}

func TestIngestStdin(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	code, out, errOut := runCmd(t, sampleArticle, "ingest", "--db", db, "-")
	if code != exitOK || !strings.Contains(out, "1 new") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
}

func TestQueryAndStatsNeedAStore(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"stats", "--db", filepath.Join(dir, "none")}, {"query", "--db", filepath.Join(dir, "none"), "g.V().All()"}} {
		code, _, errOut := runCmd(t, "", args...)
		if code != exitFailure || !strings.Contains(errOut, "ingest first") {
			t.Errorf("%v: exit %d, %s", args, code, errOut)
		}
	}
}

func TestExtractExplain(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", sampleArticle)
	code, out, errOut := runCmd(t, "", "extract", "--explain", p)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"rule 040.meet", "[met]", "{Sergey Lavrov}", "source Sergey Lavrov; target Marco Rubio"} {
		if !strings.Contains(out, want) {
			t.Errorf("--explain output lacks %q:\n%s", want, out)
		}
	}
	if code, _, _ := runCmd(t, "", "extract", "--explain", "--format", "json", p); code != exitUsage {
		t.Errorf("--explain with --format json: exit %d, want a usage error", code)
	}
}

func TestExtractVerbsFlag(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", "Published: 2025-03-03\n\nJapan sped food and medicine into Indonesia on Monday.\n")
	verbs := writeFile(t, dir, "mine.verbs", "--- HURRY [---] ---\nSPEED {SPEEDS SPEEDING SPED}\n- * FOOD [073]\n")
	code, out, errOut := runCmd(t, "", "extract", "--format", "json", "--verbs", verbs, p)
	if code != exitOK || !strings.Contains(out, `"rule": "petrarch.hurry.speed.1"`) {
		t.Fatalf("exit %d, want an event of petrarch.hurry.speed.1: %s%s", code, out, errOut)
	}
	bad := writeFile(t, dir, "bad.verbs", "--- HURRY [---] ---\nSPEED\n- * FOOD\n")
	if code, _, errOut := runCmd(t, "", "extract", "--verbs", bad, p); code == exitOK || !strings.Contains(errOut, "bad.verbs:3:") {
		t.Errorf("a bad verb dictionary: exit %d, %q; want an error naming bad.verbs:3", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "ingest", "--db", filepath.Join(dir, "db"), "--verbs", filepath.Join(dir, "none.verbs"), p); code == exitOK || !strings.Contains(errOut, "--verbs") {
		t.Errorf("ingest with a missing verb dictionary: exit %d, %q; want an error naming --verbs", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "ingest", "--db", filepath.Join(dir, "db"), "--verbs", verbs, p); code != exitOK {
		t.Errorf("ingest --verbs: exit %d: %s", code, errOut)
	}
}

func TestExtractActorsFlag(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", sampleArticle)
	dict := writeFile(t, dir, "actors.txt", "MARCO_RUBIO_\n[USAGOV 250101-291231]\n")
	code, out, errOut := runCmd(t, "", "extract", "--format", "json", "--actors", dict, p)
	if code != exitOK || !strings.Contains(out, "Marco Rubio") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	bad := writeFile(t, dir, "bad.txt", "[USAGOV 250101-291231]\n")
	if code, _, errOut := runCmd(t, "", "extract", "--actors", bad, p); code == exitOK || !strings.Contains(errOut, "bad.txt") {
		t.Errorf("a bad dictionary: exit %d, %q; want an error naming the file", code, errOut)
	}
	// The real Phoenix dictionaries load when they are beside the repository.
	phoenix := filepath.Join("..", "..", "..", "shared", "dictionaries", "Phoenix.Countries.actors.txt")
	if _, err := os.Stat(phoenix); err != nil {
		t.Skipf("skipping the Phoenix dictionary: %s is absent (../shared exists in CI only)", phoenix)
	}
	if code, _, errOut := runCmd(t, "", "extract", "--actors", phoenix, p); code != exitOK {
		t.Errorf("--actors %s: exit %d: %s", phoenix, code, errOut)
	}
}
