package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// fixtureDB writes the graph fixtures of docs/queries.md into a new store
// and returns its path.
func fixtureDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "g.db")
	st, err := graph.Open(ctx, db, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, name := range []string{"riyadh", "crimea", "istanbul", "ankara"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "graph", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var r schema.Result
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Write(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// runTerminal runs a command line as if stdout were a terminal.
func runTerminal(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	streams := &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, IsTerminal: true}
	code := run(context.Background(), args, streams)
	return code, out.String(), errOut.String()
}

// jsonLines decodes one JSON object per line.
func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var rows []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not a JSON object per line: %v\n%s", err, out)
		}
		rows = append(rows, m)
	}
	return rows
}

func TestReadFlags(t *testing.T) {
	t.Setenv(dbEnv, "") // the defaults, whatever the environment
	for _, terminal := range []bool{false, true} {
		streams := &ioStreams{IsTerminal: terminal}
		var got *relationsOptions
		cmd := newCmdRelations(streams, func(_ *cobra.Command, o *relationsOptions) error { got = o; return nil })
		cmd.SetArgs([]string{"lavrov", "--since", "2025", "--until", "2025-02", "--root", "04"})
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		want := formatJSON
		if terminal {
			want = formatTable
		}
		if got.Name != "lavrov" || got.Depth != 1 || got.Since != "2025-01-01" || got.Until != "2025-02-28" || got.EventType != (schema.EventType{Code: "04"}) || got.Format != want || got.DB != defaultDB {
			t.Errorf("terminal %v: %+v", terminal, got)
		}
	}
	var ev *eventsOptions
	cmd := newCmdEvents(&ioStreams{}, func(_ *cobra.Command, o *eventsOptions) error { ev = o; return nil })
	cmd.SetArgs([]string{"--between", "Russia", "--and", "United States", "--format", "csv", "--all", "--limit", "5", "--db", "x.db"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if ev.Between != "Russia" || ev.And != "United States" || ev.Format != formatCSV || !ev.All || ev.Limit != 5 || ev.DB != "x.db" {
		t.Errorf("events: %+v", ev)
	}
	var sh *showOptions
	cmd = newCmdShow(&ioStreams{IsTerminal: true}, func(_ *cobra.Command, o *showOptions) error { sh = o; return nil })
	cmd.SetArgs([]string{"event/x"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if sh.Ref != "event/x" || sh.Format != "text" || sh.Events != 20 {
		t.Errorf("show: %+v", sh)
	}
}

func TestReadUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"relations"}, "accepts 1 arg"},
		{[]string{"relations", "x", "--depth", "3"}, "--depth"},
		{[]string{"relations", "x", "--format", "xml"}, "--format"},
		{[]string{"relations", "x", "--since", "2025-13-01"}, "--since"},
		{[]string{"relations", "x", "--until", "2025-01-01/2025-02-01"}, "--until"},
		{[]string{"relations", "x", "--root", "99"}, "--root"},
		{[]string{"events", "--between", "x"}, "--and"},
		{[]string{"events", "--type", "4a"}, "--type"},
		{[]string{"events", "--limit", "-1"}, "--limit"},
		{[]string{"events", "extra"}, "accepts 0 arg"},
		{[]string{"actors", "--kind", "city"}, "--kind"},
		{[]string{"actors", "--country", "RU"}, "--country"},
		{[]string{"timeline"}, "accepts 1 arg"},
		{[]string{"show", "x", "--format", "csv"}, "--format"},
	} {
		args := append(tt.args, "--db", db)
		code, _, errOut := runCmd(t, "", args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and one line containing %q", tt.args, code, errOut, exitUsage, tt.want)
		}
	}
	code, _, errOut := runCmd(t, "", "relations", "lavrov", "--db", db)
	if code != exitFailure || !strings.Contains(errOut, "ingest first") {
		t.Errorf("no store: exit %d, %s", code, errOut)
	}
}

func TestRelationsCommand(t *testing.T) {
	db := fixtureDB(t)
	code, out, errOut := runCmd(t, "", "relations", "sergei lavrov", "--db", db)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := jsonLines(t, out)
	if len(rows) != 3 {
		t.Fatalf("JSON rows: %v", rows)
	}
	var rubio map[string]any
	for _, r := range rows {
		if r["counterpart"].(map[string]any)["id"] == "person/marco-rubio" {
			rubio = r
		}
	}
	if rubio == nil || rubio["events"].(float64) != 1 || rubio["articles"].(float64) != 3 || rubio["code"] != "046" || rubio["first"] != "2025-02-18" {
		t.Errorf("Lavrov–Rubio: %v", rubio)
	}

	// A table on a terminal: a title, then aligned columns.
	code, out, _ = runTerminal(t, "relations", "Russia", "--db", db)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if code != exitOK || !strings.HasPrefix(lines[0], "Russia (country/RUS)") || !strings.HasPrefix(lines[2], "COUNTERPART") {
		t.Fatalf("exit %d, table:\n%s", code, out)
	}
	col := strings.Index(lines[2], "CODE")
	for _, l := range lines[3:] {
		if len(l) < col+3 || l[col-1] != ' ' || !strings.ContainsAny(l[col:col+3], "0123456789") {
			t.Errorf("CODE column not aligned at %d:\n%s", col, out)
			break
		}
	}
	if !strings.Contains(out, "Ukraine") || strings.Count(out, "Ukraine ") != 1 {
		t.Errorf("a counterpart's name should show once, on its first row:\n%s", out)
	}

	code, out, _ = runCmd(t, "", "relations", "Russia", "--db", db, "--format", "csv", "--depth", "2")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != exitOK || err != nil || len(recs) < 8 || recs[0][0] != "VIA" || recs[1][4] != "in" {
		t.Errorf("csv: exit %d, %v\n%s", code, err, out)
	}
}

func TestAmbiguousAndUnknownNames(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "g.db")
	st, err := graph.Open(ctx, db, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.Write(ctx, schema.Result{
		Document: schema.Document{ID: "smiths"},
		Actors: []schema.Actor{
			{ID: "person/john-smith", Name: "John Smith", Kind: schema.KindPerson},
			{ID: "person/jane-smith", Name: "Jane Smith", Kind: schema.KindPerson},
		},
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"relations", "smith"}, {"timeline", "Smith"}, {"events", "--actor", "SMITH"}, {"show", "smith"}} {
		code, out, errOut := runCmd(t, "", append(cmd, "--db", db)...)
		if code != exitAmbiguous || out != "" || !strings.Contains(errOut, "person/john-smith") || !strings.Contains(errOut, "person/jane-smith") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d listing both Smiths", cmd, code, out, errOut, exitAmbiguous)
		}
	}
	code, _, errOut := runCmd(t, "", "relations", "Nobody", "--db", db)
	if code != exitNotFound || !strings.Contains(errOut, `no actor is called "Nobody"`) {
		t.Errorf("unknown name: exit %d, %s", code, errOut)
	}
}

func TestEventsAndTimelineCommands(t *testing.T) {
	db := fixtureDB(t)
	code, out, errOut := runCmd(t, "", "events", "--between", "Russia", "--and", "ukraine", "--db", db)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := jsonLines(t, out)
	if len(rows) != 3 || rows[0]["date"] != "2025-03-06" || rows[2]["code"] != "192" || len(rows[0]["reports"].([]any)) != 1 {
		t.Errorf("events between Russia and Ukraine: %v", rows)
	}
	code, out, _ = runTerminal(t, "events", "--actor", "lavrov", "--db", db)
	if code != exitOK || !strings.HasPrefix(out, "DATE") || !strings.Contains(out, "Qatar") || !strings.Contains(out, "held talks") {
		t.Errorf("events table: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "", "events", "--place", "Riyadh", "--format", "csv", "--db", db)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != exitOK || err != nil || len(recs) != 3 || recs[0][7] != "EVIDENCE" {
		t.Errorf("events at Riyadh, csv: exit %d %v\n%s", code, err, out)
	}
	code, _, errOut = runTerminal(t, "events", "--type", "20", "--db", db)
	if code != exitOK || !strings.Contains(errOut, "no events match") {
		t.Errorf("no events: exit %d, %q", code, errOut)
	}

	code, out, _ = runCmd(t, "", "timeline", "Putin", "--all", "--db", db)
	rows = jsonLines(t, out)
	if code != exitOK || len(rows) != 6 || rows[0]["date"] != "2014" || rows[5]["date"] != "2025-03-04" {
		t.Errorf("Putin's timeline: exit %d, %v", code, rows)
	}
	code, out, _ = runTerminal(t, "timeline", "Putin", "--db", db)
	if code != exitOK || !strings.Contains(out, "← Recep Tayyip Erdoğan") || !strings.Contains(out, "→ Donald Trump") {
		t.Errorf("timeline table:\n%s", out)
	}
}

func TestActorsAndShowCommands(t *testing.T) {
	db := fixtureDB(t)
	code, out, errOut := runCmd(t, "", "actors", "--kind", "person", "--db", db)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows := jsonLines(t, out)
	if len(rows) != 6 || rows[0]["id"] != "person/vladimir-putin" {
		t.Errorf("people, most active first: %v", rows)
	}
	code, out, _ = runTerminal(t, "actors", "--country", "tur", "--db", db)
	if code != exitOK || !strings.Contains(out, "President of Turkey") || !strings.HasPrefix(out, "NAME") {
		t.Errorf("actors table:\n%s", out)
	}

	code, out, _ = runTerminal(t, "show", "Sergey Lavrov", "--db", db)
	for _, want := range []string{"person/sergey-lavrov", "Foreign Minister of Russia", "Marco Rubio", "Qatar", "Lavrov and Rubio hold talks in Riyadh"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("show Lavrov: exit %d, no %q in\n%s", code, want, out)
		}
	}
	code, out, _ = runTerminal(t, "show", "report/istanbul-3", "--db", db)
	for _, want := range []string{"event/f88db042c9d1f734", "support    3 article(s), 3 report(s)", "talks.held", "Lavrov and Rubio negotiated in Saudi Arabia in February."} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("show report: exit %d, no %q in\n%s", code, want, out)
		}
	}
	code, out, _ = runCmd(t, "", "show", "article/2dc017b04f80dfad", "--db", db)
	var d struct {
		Type    string
		Article struct{ Title string }
	}
	if err := json.Unmarshal([]byte(out), &d); code != exitOK || err != nil || d.Type != "article" || d.Article.Title != "Lavrov and Rubio hold talks in Riyadh" {
		t.Errorf("show article json: exit %d, %v\n%s", code, err, out)
	}
}

// TestEventsPrintPLOVER: events, timeline and show give each event its
// PLOVER type, mode and context.
func TestEventsPrintPLOVER(t *testing.T) {
	db := fixtureDB(t)
	code, out, errOut := runCmd(t, "", "events", "--actor", "lavrov", "--format", "json", "--db", db)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	seen := map[string]any{}
	for _, r := range jsonLines(t, out) {
		seen[r["code"].(string)] = r["plover"]
	}
	if p, ok := seen["042"].(map[string]any); !ok || p["type"] != "CONSULT" || p["mode"] != "visit" || p["context"] != nil {
		t.Errorf("042's plover = %v, want CONSULT, mode visit, no context", seen["042"])
	}
	if p, ok := seen["046"].(map[string]any); !ok || p["type"] != "CONSULT" || p["mode"] != nil || p["context"] != "diplomatic" {
		t.Errorf("046's plover = %v, want CONSULT, context diplomatic, no mode", seen["046"])
	}
	code, out, _ = runCmd(t, "", "timeline", "Putin", "--db", db)
	for _, r := range jsonLines(t, out) {
		if p, ok := r["plover"].(map[string]any); code != exitOK || !ok || p["type"] == "" {
			t.Errorf("timeline row without plover: %v", r)
		}
	}
	code, out, _ = runCmd(t, "", "show", "event/f88db042c9d1f734", "--db", db)
	if code != exitOK || !strings.Contains(out, `"plover":{"type":"CONSULT","context":"diplomatic"}`) {
		t.Errorf("show event json: exit %d\n%s", code, out)
	}
	code, out, _ = runTerminal(t, "show", "event/f88db042c9d1f734", "--db", db)
	if code != exitOK || !strings.Contains(out, "  plover     CONSULT (context diplomatic)\n") {
		t.Errorf("show event text: exit %d\n%s", code, out)
	}
}
