package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/export"
	"github.com/diplograph/diplograph/graph"
)

func TestExportFlags(t *testing.T) {
	t.Setenv(dbEnv, "") // the defaults, whatever the environment
	var got *exportOptions
	cmd := newCmdExport(&ioStreams{}, func(_ *cobra.Command, o *exportOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--format", "gexf", "--actor", "putin", "--depth", "2", "--since", "2025",
		"--until", "2025-02", "--type", "04", "--kind", "country", "--min-weight", "3", "--graph", "events", "-o", "x.gexf"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Format != "gexf" || got.Actor != "putin" || got.Depth != 2 || got.Since != "2025-01-01" ||
		got.Until != "2025-02-28" || got.Type != "04" || got.Kind != "country" || got.MinWeight != 3 ||
		got.Graph != "events" || got.Out != "x.gexf" {
		t.Errorf("options: %+v", got)
	}

	cmd = newCmdExport(&ioStreams{}, func(_ *cobra.Command, o *exportOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--format", "d3"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Graph != "actors" || got.Depth != 1 || got.MinWeight != 1 || got.DB != defaultDB {
		t.Errorf("defaults: %+v", got)
	}
}

func TestExportUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"export"},
		{"export", "--format", "pdf"},
		{"export", "--format", "gexf", "--graph", "people"},
		{"export", "--format", "gexf", "--depth", "2"},
		{"export", "--format", "gexf", "--actor", "putin", "--depth", "0"},
		{"export", "--format", "gexf", "--min-weight", "0"},
		{"export", "--format", "gexf", "--kind", "city"},
		{"export", "--format", "gexf", "--since", "yesterday"},
		{"export", "--format", "gexf", "--type", "99x"},
		{"export", "--format", "neo4j"},
		{"export", "--format", "gexf", "extra"},
	} {
		code, _, errOut := runCmd(t, "", args...)
		if code != exitUsage || !strings.Contains(errOut, "diplograph: ") {
			t.Errorf("%v: exit %d, %q; want a usage error", args, code, errOut)
		}
	}
	if code, _, errOut := runTerminal(t, "export", "--format", "png"); code != exitUsage || !strings.Contains(errOut, "--out") {
		t.Errorf("png to a terminal: exit %d, %q", code, errOut)
	}
}

// TestExportNeedsGraphviz: without dot, svg and png say which package to
// install, before reading the store.
func TestExportNeedsGraphviz(t *testing.T) {
	var errOut bytes.Buffer
	streams := &ioStreams{In: strings.NewReader(""), Out: &bytes.Buffer{}, ErrOut: &errOut}
	cmd := newCmdExport(streams, func(cmd *cobra.Command, o *exportOptions) error {
		o.LookPath = func(string) (string, error) { return "", exec.ErrNotFound }
		return exportRun(cmd, o)
	})
	cmd.SetArgs([]string{"--format", "svg", "--db", filepath.Join(t.TempDir(), "none.db")})
	cmd.SetContext(context.Background())
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	if err == nil {
		t.Fatal("no error without Graphviz")
	}
	for _, want := range []string{"Graphviz", "apt-get install graphviz", "brew install graphviz", "--format dot"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestExportCommand(t *testing.T) {
	db := fixtureDB(t)
	dir := t.TempDir()
	for _, format := range export.Formats() {
		f := format.Name
		if format.NeedsDot() {
			if _, err := exec.LookPath("dot"); err != nil {
				continue // TestExportNeedsGraphviz covers this
			}
		}
		out := filepath.Join(dir, "g."+f)
		code, stdout, errOut := runCmd(t, "", "export", "--db", db, "--format", f, "--out", out)
		if code != exitOK {
			t.Errorf("%s: exit %d: %s", f, code, errOut)
			continue
		}
		if stdout != "" {
			t.Errorf("%s: wrote to standard output with --out", f)
		}
		if format.Folder() {
			for _, name := range []string{"nodes.csv", "relationships.csv"} {
				if _, err := os.Stat(filepath.Join(out, name)); err != nil {
					t.Errorf("neo4j: %v", err)
				}
			}
			continue
		}
		b, err := os.ReadFile(out)
		if err != nil || len(b) == 0 {
			t.Errorf("%s: %v, %d bytes", f, err, len(b))
		}
		// Standard output gets the same bytes.
		if !format.NeedsDot() {
			code, stdout, _ := runCmd(t, "", "export", "--db", db, "--format", f)
			if code != exitOK || stdout != string(b) {
				t.Errorf("%s: standard output differs from --out", f)
			}
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	// Names are looked up as elsewhere; an unknown one fails.
	code, out, errOut := runCmd(t, "", "export", "--db", db, "--format", "d3", "--actor", "putin")
	if code != exitOK || !strings.Contains(out, `"person/vladimir-putin"`) {
		t.Errorf("--actor putin: exit %d: %s", code, errOut)
	}
	if code, _, errOut := runCmd(t, "", "export", "--db", db, "--format", "d3", "--actor", "Nobody Atall"); code != exitNotFound || !strings.Contains(errOut, "no actor") {
		t.Errorf("unknown actor: exit %d: %s", code, errOut)
	}
	// A filter that keeps nothing says so, and writes an empty graph.
	code, out, errOut = runCmd(t, "", "export", "--db", db, "--format", "d3", "--since", "2030")
	if code != exitOK || !strings.Contains(errOut, "no events match") || !strings.Contains(out, `"nodes":[]`) {
		t.Errorf("--since 2030: exit %d, %q, %q", code, out, errOut)
	}
}

// The dev-set graph: the hand-annotated articles beside the repository,
// extracted and ingested once for the tests below.
var devStore struct {
	once sync.Once
	dir  string
	err  error
}

func devSetDB(t *testing.T) string {
	t.Helper()
	golds, _ := filepath.Glob(filepath.Join(devSet, "*.gold.json"))
	if len(golds) == 0 {
		t.Skipf("no dev set at %s (it lives beside the repository, in ../shared/eval)", devSet)
	}
	devStore.once.Do(func() {
		dir, err := os.MkdirTemp("", "diplograph-export-dev")
		if err != nil {
			devStore.err = err
			return
		}
		devStore.dir = dir
		for _, gold := range golds {
			var g struct{ Published string }
			b, err := os.ReadFile(gold)
			if err == nil {
				err = json.Unmarshal(b, &g)
			}
			text, err2 := os.ReadFile(strings.TrimSuffix(gold, ".gold.json") + ".txt")
			if err = errors.Join(err, err2); err != nil {
				devStore.err = err
				return
			}
			name := filepath.Base(strings.TrimSuffix(gold, ".gold.json")) + ".txt"
			writeFile(t, dir, "in/"+name, "Published: "+g.Published+"\n"+string(text))
		}
		var out, errOut bytes.Buffer
		streams := &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
		if code := run(context.Background(), []string{"ingest", "--db", filepath.Join(dir, "dev.db"), filepath.Join(dir, "in")}, streams); code != exitOK {
			devStore.err = errors.New("ingest: " + errOut.String())
		}
	})
	if devStore.err != nil {
		t.Fatal(devStore.err)
	}
	return filepath.Join(devStore.dir, "dev.db")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if devStore.dir != "" {
		os.RemoveAll(devStore.dir)
	}
	os.Exit(code)
}

// exportBytes runs an export to standard output.
func exportBytes(t *testing.T, db string, args ...string) []byte {
	t.Helper()
	code, out, errOut := runCmd(t, "", append([]string{"export", "--db", db}, args...)...)
	if code != exitOK {
		t.Fatalf("export %v: exit %d: %s", args, code, errOut)
	}
	return []byte(out)
}

// devNetwork reads the dev set's network as export sees it.
func devNetwork(t *testing.T, db string, q graph.NetworkQuery) *graph.Network {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, db, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, err := st.Network(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestExportDevSetRoundTrip: the cyjs, d3 and Neo4j exports of the
// dev-set graph have as many nodes and edges as its actors graph.
func TestExportDevSetRoundTrip(t *testing.T) {
	db := devSetDB(t)
	for _, shape := range []string{"actors", "events"} {
		n := devNetwork(t, db, graph.NetworkQuery{Shape: graph.NetworkShape(shape)})
		if len(n.Nodes) == 0 || len(n.Edges) == 0 {
			t.Fatalf("%s graph of the dev set: %d nodes, %d edges", shape, len(n.Nodes), len(n.Edges))
		}
		check := func(format string, nodes, edges int) {
			t.Helper()
			if nodes != len(n.Nodes) || edges != len(n.Edges) {
				t.Errorf("%s %s: %d nodes and %d edges, the %s graph has %d and %d",
					shape, format, nodes, edges, shape, len(n.Nodes), len(n.Edges))
			}
		}
		var cy struct {
			Elements struct{ Nodes, Edges []json.RawMessage }
		}
		if err := json.Unmarshal(exportBytes(t, db, "--format", "cyjs", "--graph", shape), &cy); err != nil {
			t.Fatal(err)
		}
		check("cyjs", len(cy.Elements.Nodes), len(cy.Elements.Edges))
		var d3 struct{ Nodes, Links []json.RawMessage }
		if err := json.Unmarshal(exportBytes(t, db, "--format", "d3", "--graph", shape), &d3); err != nil {
			t.Fatal(err)
		}
		check("d3", len(d3.Nodes), len(d3.Links))
		dir := filepath.Join(t.TempDir(), "neo4j")
		exportBytes(t, db, "--format", "neo4j", "--graph", shape, "--out", dir)
		rows := func(name string) int {
			f, err := os.Open(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			all, err := csv.NewReader(f).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return len(all) - 1
		}
		check("neo4j", rows("nodes.csv"), rows("relationships.csv"))
	}
}

// Validation against the tools' schemas and parsers (Debian packages
// .ci/run installs; without them these tests skip).

const sharedSchemas = "../../../shared/schemas"

func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (Debian package %s; .ci/run installs it)", name, pkg)
	}
	return p
}

func needSchema(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(sharedSchemas, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no schema %s (../shared/schemas lives beside the repository)", p)
	}
	return p
}

func runTool(t *testing.T, b []byte, name string, args ...string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "export")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(name, append(args, f)...).CombinedOutput()
	if err != nil {
		t.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
	}
	return string(out)
}

// stripYFiles removes yEd's y: elements and the yfiles.type attribute,
// for which there is no schema.
func stripYFiles(b []byte) []byte {
	leaf := regexp.MustCompile(`<y:[A-Za-z]+[^<>]*/>|<y:[A-Za-z]+[^<>]*>[^<]*</y:[A-Za-z]+>`)
	for {
		next := leaf.ReplaceAll(b, nil)
		if bytes.Equal(next, b) {
			break
		}
		b = next
	}
	return regexp.MustCompile(` yfiles\.type="[^"]*"`).ReplaceAll(b, nil)
}

func TestExportDevSetValidates(t *testing.T) {
	db := devSetDB(t)
	for _, shape := range []string{"actors", "events"} {
		t.Run(shape+".gexf", func(t *testing.T) {
			rng := needSchema(t, "gexf-1.3-rng/gexf.rng")
			b := exportBytes(t, db, "--format", "gexf", "--graph", shape)
			if jing, err := exec.LookPath("jing"); err == nil {
				runTool(t, b, jing, rng)
				return
			}
			runTool(t, b, needTool(t, "xmllint", "libxml2-utils (or jing)"), "--noout", "--relaxng", rng)
		})
		for _, f := range []string{"graphml", "graphml-yed"} {
			t.Run(shape+"."+f, func(t *testing.T) {
				xsd := needSchema(t, "graphml/graphml.xsd")
				xmllint := needTool(t, "xmllint", "libxml2-utils")
				b := exportBytes(t, db, "--format", f, "--graph", shape)
				if f == "graphml-yed" {
					b = stripYFiles(b)
				}
				runTool(t, b, xmllint, "--noout", "--schema", xsd)
			})
		}
		t.Run(shape+".dot", func(t *testing.T) {
			dot := needTool(t, "dot", "graphviz")
			if out := runTool(t, exportBytes(t, db, "--format", "dot", "--graph", shape), dot, "-Tsvg"); !strings.Contains(out, "<svg") {
				t.Errorf("dot -Tsvg wrote no SVG")
			}
		})
	}
	t.Run("nquads", func(t *testing.T) {
		rapper := needTool(t, "rapper", "raptor2-utils")
		var st graph.Stats
		if err := json.Unmarshal(exportStats(t, db), &st); err != nil {
			t.Fatal(err)
		}
		out := runTool(t, exportBytes(t, db, "--format", "nquads"), rapper, "-i", "nquads", "-c")
		m := regexp.MustCompile(`returned (\d+) (triples|statements)`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("rapper said:\n%s", out)
		}
		if strings.Contains(out, "Error") || strings.Contains(out, "Warning") {
			t.Errorf("rapper reported problems:\n%s", out)
		}
		if n, _ := strconv.ParseInt(m[1], 10, 64); n != st.Quads {
			t.Errorf("rapper read %d quads, stats counts %d", n, st.Quads)
		}
	})
	t.Run("jsonld", func(t *testing.T) {
		var doc map[string]any
		if err := json.Unmarshal(exportBytes(t, db, "--format", "jsonld"), &doc); err != nil {
			t.Fatal(err)
		}
		if doc["@context"] == nil || doc["@graph"] == nil {
			t.Errorf("JSON-LD without @context or @graph")
		}
	})
}

func exportStats(t *testing.T, db string) []byte {
	t.Helper()
	code, out, errOut := runCmd(t, "", "stats", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("stats: %s", errOut)
	}
	return []byte(out)
}

// TestExportPutinSVG: the ego network of Vladimir Putin drawn as SVG
// names him and every counterpart `relations` lists.
func TestExportPutinSVG(t *testing.T) {
	needTool(t, "dot", "graphviz")
	db := devSetDB(t)
	out := filepath.Join(t.TempDir(), "putin.svg")
	code, _, errOut := runCmd(t, "", "export", "--db", db, "--format", "svg", "--actor", "Vladimir Putin", "--depth", "1", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	svg := string(b)
	if !strings.HasPrefix(strings.TrimSpace(svg), "<?xml") || !strings.Contains(svg, "<svg") {
		t.Fatalf("not an SVG:\n%.300s", svg)
	}
	texts := map[string]bool{}
	for _, m := range regexp.MustCompile(`<text[^>]*>([^<]*)</text>`).FindAllStringSubmatch(svg, -1) {
		texts[m[1]] = true
	}
	_, rels, _ := runCmd(t, "", "relations", "Vladimir Putin", "--db", db, "--format", "json")
	names := []string{"Vladimir Putin"}
	for _, r := range jsonLines(t, rels) {
		names = append(names, r["counterpart"].(map[string]any)["name"].(string))
	}
	if len(names) < 2 {
		t.Fatalf("the dev set gives Putin no counterparts")
	}
	for _, name := range names {
		if !texts[name] {
			t.Errorf("the SVG does not show %q as a label", name)
		}
	}
}
