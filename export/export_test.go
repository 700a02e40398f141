package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/piprate/json-gold/ld"

	"github.com/diplograph/diplograph/graph"
)

// The export tests run on a store of the four graph fixtures
// (testdata/graph), which do not change when the extractor does.

const exportGoldenDir = "../testdata/golden/export"

// schemaDir holds the GEXF and GraphML schemas, beside the repository.
const schemaDir = "../../shared/schemas"

var exportFixtures = []string{"riyadh", "crimea", "istanbul", "ankara"}

func openExportFixtures(t testing.TB) *graph.Store {
	t.Helper()
	s := openTemp(t)
	for _, name := range exportFixtures {
		if _, err := s.Write(context.Background(), loadFixture(t, name)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func network(t testing.TB, s *graph.Store, q graph.NetworkQuery) *graph.Network {
	t.Helper()
	n, err := s.Network(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func writeNetwork(t testing.TB, n *graph.Network, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteNetwork(&buf, n, format); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func writeRDF(t testing.TB, s *graph.Store, format string, q graph.NetworkQuery) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteRDF(context.Background(), &buf, s, format, q); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// checkGolden compares got with testdata/golden/export/name, rewriting it
// with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(exportGoldenDir, name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test ./export -update and review the diff):\n%s", path, lineDiff(string(want), string(got)))
	}
}

var putinEgo = graph.NetworkQuery{Actor: "person/vladimir-putin", Depth: 1}

// TestExportGolden compares every format with its golden file.
func TestExportGolden(t *testing.T) {
	s := openExportFixtures(t)
	for _, shape := range []graph.NetworkShape{graph.ActorNetwork, graph.EventNetwork} {
		n := network(t, s, graph.NetworkQuery{Shape: shape})
		for _, f := range networkFormats() {
			t.Run(string(shape)+"."+f, func(t *testing.T) {
				checkGolden(t, string(shape)+"."+f, writeNetwork(t, n, f))
			})
		}
		t.Run(string(shape)+".neo4j", func(t *testing.T) {
			var nodes, rels bytes.Buffer
			if err := WriteNeo4j(&nodes, &rels, n); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, string(shape)+"-neo4j/nodes.csv", nodes.Bytes())
			checkGolden(t, string(shape)+"-neo4j/relationships.csv", rels.Bytes())
		})
	}
	t.Run("store.nq", func(t *testing.T) {
		checkGolden(t, "store.nq", writeRDF(t, s, FormatNQuads, graph.NetworkQuery{}))
	})
	t.Run("store.jsonld", func(t *testing.T) {
		checkGolden(t, "store.jsonld", writeRDF(t, s, FormatJSONLD, graph.NetworkQuery{}))
	})
	t.Run("putin.dot", func(t *testing.T) {
		checkGolden(t, "putin.dot", writeNetwork(t, network(t, s, putinEgo), FormatDOT))
	})
	t.Run("putin.nq", func(t *testing.T) {
		checkGolden(t, "putin.nq", writeRDF(t, s, FormatNQuads, putinEgo))
	})
}

// TestExportDeterministic checks that two stores written in the same
// order export the same bytes.
func TestExportDeterministic(t *testing.T) {
	a, b := openExportFixtures(t), openExportFixtures(t)
	for _, f := range networkFormats() {
		x := writeNetwork(t, network(t, a, graph.NetworkQuery{Shape: graph.EventNetwork}), f)
		y := writeNetwork(t, network(t, b, graph.NetworkQuery{Shape: graph.EventNetwork}), f)
		if !bytes.Equal(x, y) {
			t.Errorf("%s: two exports of the same graph differ", f)
		}
	}
	if !bytes.Equal(writeRDF(t, a, FormatNQuads, graph.NetworkQuery{}), writeRDF(t, b, FormatNQuads, graph.NetworkQuery{})) {
		t.Errorf("nquads: two exports of the same graph differ")
	}
}

// TestExportRoundTrip reads the cyjs, d3 and Neo4j exports back: they
// hold as many nodes and edges as the network, and every edge's ends.
func TestExportRoundTrip(t *testing.T) {
	s := openExportFixtures(t)
	for _, shape := range []graph.NetworkShape{graph.ActorNetwork, graph.EventNetwork} {
		n := network(t, s, graph.NetworkQuery{Shape: shape})
		checkRoundTrip(t, string(shape), n)
	}
}

func checkRoundTrip(t *testing.T, what string, n *graph.Network) {
	t.Helper()
	type ends struct{ ID, Source, Target string }
	check := func(format string, nodes []string, edges []ends) {
		t.Helper()
		if len(nodes) != len(n.Nodes) || len(edges) != len(n.Edges) {
			t.Errorf("%s %s: %d nodes and %d edges, the network has %d and %d",
				what, format, len(nodes), len(edges), len(n.Nodes), len(n.Edges))
		}
		have := map[string]bool{}
		for _, id := range nodes {
			have[id] = true
		}
		for _, e := range edges {
			if !have[e.Source] || !have[e.Target] || e.ID == "" {
				t.Errorf("%s %s: edge %+v joins missing nodes", what, format, e)
			}
		}
	}

	var cy struct {
		Elements struct {
			Nodes []struct{ Data struct{ ID string } }
			Edges []struct{ Data ends }
		}
	}
	if err := json.Unmarshal(writeNetwork(t, n, FormatCyJS), &cy); err != nil {
		t.Fatalf("cyjs: %v", err)
	}
	var nodes []string
	var edges []ends
	for _, nd := range cy.Elements.Nodes {
		nodes = append(nodes, nd.Data.ID)
	}
	for _, e := range cy.Elements.Edges {
		edges = append(edges, e.Data)
	}
	check("cyjs", nodes, edges)

	var d3 struct {
		Nodes []struct{ ID string }
		Links []ends
	}
	if err := json.Unmarshal(writeNetwork(t, n, FormatD3), &d3); err != nil {
		t.Fatalf("d3: %v", err)
	}
	nodes = nodes[:0]
	for _, nd := range d3.Nodes {
		nodes = append(nodes, nd.ID)
	}
	check("d3", nodes, d3.Links)

	var nb, rb bytes.Buffer
	if err := WriteNeo4j(&nb, &rb, n); err != nil {
		t.Fatal(err)
	}
	nrows, err := csv.NewReader(&nb).ReadAll()
	if err != nil {
		t.Fatalf("neo4j nodes.csv: %v", err)
	}
	rrows, err := csv.NewReader(&rb).ReadAll()
	if err != nil {
		t.Fatalf("neo4j relationships.csv: %v", err)
	}
	if nrows[0][0] != "id:ID" || nrows[0][1] != ":LABEL" || strings.Join(rrows[0][:3], ",") != ":START_ID,:END_ID,:TYPE" {
		t.Errorf("neo4j headers: %v; %v", nrows[0], rrows[0])
	}
	nodes = nodes[:0]
	for _, row := range nrows[1:] {
		nodes = append(nodes, row[0])
	}
	edges = edges[:0]
	for _, row := range rrows[1:] {
		edges = append(edges, ends{ID: row[3], Source: row[0], Target: row[1]})
	}
	check("neo4j", nodes, edges)
	checkNeo4jTypes(t, nrows)
	checkNeo4jTypes(t, rrows)
}

// checkNeo4jTypes checks each typed column's values as neo4j-admin
// import parses them.
func checkNeo4jTypes(t *testing.T, rows [][]string) {
	t.Helper()
	date := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for col, h := range rows[0] {
		_, typ, _ := strings.Cut(h, ":")
		if !strings.Contains(h[1:], ":") && !strings.HasPrefix(h, ":") {
			typ = ""
		}
		for _, row := range rows[1:] {
			v := row[col]
			if v == "" {
				continue
			}
			var err error
			switch typ {
			case "int":
				_, err = strconv.Atoi(v)
			case "double":
				_, err = strconv.ParseFloat(v, 64)
			case "date":
				if !date.MatchString(v) {
					err = fmt.Errorf("not a date")
				}
			}
			if err != nil {
				t.Errorf("neo4j column %s: %q: %v", h, v, err)
			}
		}
	}
}

// TestJSONLDIsTheNQuads converts the JSON-LD export to RDF with a JSON-LD
// processor (json-gold): the quads are those of the N-Quads export.
func TestJSONLDIsTheNQuads(t *testing.T) {
	s := openExportFixtures(t)
	for _, q := range []graph.NetworkQuery{{}, putinEgo} {
		var doc any
		if err := json.Unmarshal(writeRDF(t, s, FormatJSONLD, q), &doc); err != nil {
			t.Fatalf("jsonld: %v", err)
		}
		opts := ld.NewJsonLdOptions("")
		opts.Format = "application/n-quads"
		out, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
		if err != nil {
			t.Fatalf("jsonld to RDF: %v", err)
		}
		got := readQuadSet(t, "jsonld", []byte(out.(string)))
		want := readQuadSet(t, "nquads", writeRDF(t, s, FormatNQuads, q))
		sameSet(t, "JSON-LD against N-Quads", got, want)
		if len(want) == 0 {
			t.Errorf("no quads")
		}
	}
}

func readQuadSet(t *testing.T, what string, b []byte) map[quad.Quad]bool {
	t.Helper()
	r := nquads.NewReader(bytes.NewReader(b), true)
	out := map[quad.Quad]bool{}
	for {
		q, err := r.ReadQuad()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("%s: %v", what, err)
			}
			return out
		}
		out[q] = true
	}
}

// TestNQuadsExport checks the N-Quads: as many quads as the store holds,
// IRIs and datatypes in full, every quad but the store's version labelled.
func TestNQuadsExport(t *testing.T) {
	s := openExportFixtures(t)
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := writeRDF(t, s, FormatNQuads, graph.NetworkQuery{})
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if int64(len(lines)) != st.Quads {
		t.Errorf("%d quads written, the store holds %d", len(lines), st.Quads)
	}
	unlabelled := 0
	for _, l := range lines {
		if strings.Contains(l, "<dg:") || strings.Contains(l, "<schema:") || strings.Contains(l, "^^<xsd:") {
			t.Errorf("short IRI: %s", l)
		}
		if strings.Count(l, "<https://diplograph.org/ns/article/") == 0 {
			unlabelled++
		}
	}
	if unlabelled != 1 {
		t.Errorf("%d quads without an article, want only the store's version", unlabelled)
	}
	for _, want := range []string{
		`"2"^^<http://www.w3.org/2001/XMLSchema#integer>`,
		`"true"^^<http://www.w3.org/2001/XMLSchema#boolean>`,
		`^^<http://www.w3.org/2001/XMLSchema#double>`,
		`<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person>`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %s in the N-Quads", want)
		}
	}

	// An ego network's quads are about its nodes.
	ego := writeRDF(t, s, FormatNQuads, putinEgo)
	if len(ego) == 0 || len(ego) >= len(out) {
		t.Errorf("Putin's ego network: %d bytes of N-Quads, the store %d", len(ego), len(out))
	}
	if !bytes.Contains(ego, []byte("<https://diplograph.org/ns/person/vladimir-putin> <http://schema.org/name>")) {
		t.Errorf("Putin's ego network does not name him")
	}
}

func TestTerms(t *testing.T) {
	for _, c := range []struct {
		v    quad.Value
		want string
	}{
		{quad.IRI("dg:person/x"), "<https://diplograph.org/ns/person/x>"},
		{quad.IRI("http://example.org/a b"), `<http://example.org/a\u0020b>`},
		{quad.String("say \"hi\"\\\nbye"), `"say \"hi\"\\\nbye"`},
		{quad.Int(-3), `"-3"^^<http://www.w3.org/2001/XMLSchema#integer>`},
		{quad.Float(4), `"4.0E0"^^<http://www.w3.org/2001/XMLSchema#double>`},
		{quad.Float(-4.4), `"-4.4E0"^^<http://www.w3.org/2001/XMLSchema#double>`},
		{quad.Float(0.00125), `"1.25E-3"^^<http://www.w3.org/2001/XMLSchema#double>`},
		{quad.Bool(false), `"false"^^<http://www.w3.org/2001/XMLSchema#boolean>`},
		{quad.TypedString{Value: "2025-02-18", Type: "xsd:date"}, `"2025-02-18"^^<http://www.w3.org/2001/XMLSchema#date>`},
		{quad.LangString{Value: "Moskva", Lang: "ru"}, `"Moskva"@ru`},
	} {
		got, err := ntTerm(c.v)
		if err != nil || got != c.want {
			t.Errorf("ntTerm(%#v) = %s, %v; want %s", c.v, got, err, c.want)
		}
	}
}

func TestNMToken(t *testing.T) {
	for in, want := range map[string]string{
		"person/sergey-lavrov": "person:sergey-lavrov",
		"place/SAU/riyadh":     "place:SAU:riyadh",
		"a--b c":               "a--b_c",
	} {
		if got := nmtoken(in); got != want {
			t.Errorf("nmtoken(%q) = %q, want %q", in, got, want)
		}
	}
}

// Validation against the tools' own schemas and parsers. The tools are
// Debian packages .ci/run installs; without them the tests skip.

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
	p := filepath.Join(schemaDir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no schema %s (../shared/schemas lives beside the repository)", p)
	}
	return p
}

// runTool runs a validator on a file holding b.
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

// ValidateGEXF validates against the GEXF 1.3 RelaxNG schema, with jing or
// else xmllint.
func validateGEXF(t *testing.T, b []byte) {
	t.Helper()
	rng := needSchema(t, "gexf-1.3-rng/gexf.rng")
	if jing, err := exec.LookPath("jing"); err == nil {
		runTool(t, b, jing, rng)
		return
	}
	xmllint := needTool(t, "xmllint", "libxml2-utils (or jing)")
	runTool(t, b, xmllint, "--noout", "--relaxng", rng)
}

func validateGraphML(t *testing.T, b []byte) {
	t.Helper()
	xsd := needSchema(t, "graphml/graphml.xsd")
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	runTool(t, b, xmllint, "--noout", "--schema", xsd)
}

// stripYFiles removes yEd's extensions, for which there is no schema:
// the y: elements and the yfiles.type attribute of their keys.
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

func TestExportValidates(t *testing.T) {
	s := openExportFixtures(t)
	for _, shape := range []graph.NetworkShape{graph.ActorNetwork, graph.EventNetwork} {
		n := network(t, s, graph.NetworkQuery{Shape: shape})
		t.Run(string(shape)+".gexf", func(t *testing.T) { validateGEXF(t, writeNetwork(t, n, FormatGEXF)) })
		t.Run(string(shape)+".graphml", func(t *testing.T) { validateGraphML(t, writeNetwork(t, n, FormatGraphML)) })
		t.Run(string(shape)+".graphml-yed", func(t *testing.T) {
			b := writeNetwork(t, n, FormatGraphMLYEd)
			stripped := stripYFiles(b)
			if bytes.Contains(stripped, []byte("<y:")) || !bytes.Contains(b, []byte("<y:NodeLabel")) {
				t.Fatalf("y: elements not stripped, or none there")
			}
			validateGraphML(t, stripped)
		})
		t.Run(string(shape)+".dot", func(t *testing.T) {
			dot := needTool(t, "dot", "graphviz")
			if out := runTool(t, writeNetwork(t, n, FormatDOT), dot, "-Tsvg"); !strings.Contains(out, "<svg") {
				t.Errorf("dot -Tsvg wrote no SVG")
			}
		})
	}
	t.Run("nquads", func(t *testing.T) {
		rapper := needTool(t, "rapper", "raptor2-utils")
		st, err := s.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		checkRapper(t, rapper, writeRDF(t, s, FormatNQuads, graph.NetworkQuery{}), st.Quads)
		checkRapper(t, rapper, writeRDF(t, s, FormatNQuads, putinEgo), -1)
	})
}

// checkRapper parses N-Quads with rapper: no errors or warnings, and want
// quads unless want is -1.
func checkRapper(t *testing.T, rapper string, b []byte, want int64) {
	t.Helper()
	out := runTool(t, b, rapper, "-i", "nquads", "-c")
	m := regexp.MustCompile(`returned (\d+) (triples|statements)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("rapper said:\n%s", out)
	}
	if strings.Contains(out, "Error") || strings.Contains(out, "Warning") {
		t.Errorf("rapper reported problems:\n%s", out)
	}
	if n, _ := strconv.ParseInt(m[1], 10, 64); want >= 0 && n != want {
		t.Errorf("rapper read %d quads, the store holds %d", n, want)
	}
}
