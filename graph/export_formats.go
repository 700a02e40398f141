package graph

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph/schema"
)

// Network formats Network.Write writes.
const (
	FormatGEXF       = "gexf"        // GEXF 1.3 for Gephi, dynamic
	FormatGraphML    = "graphml"     // GraphML (Gephi, Cytoscape desktop)
	FormatGraphMLYEd = "graphml-yed" // GraphML with yFiles graphics for yEd
	FormatDOT        = "dot"         // Graphviz
	FormatCyJS       = "cyjs"        // Cytoscape.js and Cytoscape desktop JSON
	FormatD3         = "d3"          // {nodes, links} for D3's force layout
)

// NetworkFormats are the formats Network.Write accepts.
var NetworkFormats = []string{FormatGEXF, FormatGraphML, FormatGraphMLYEd, FormatDOT, FormatCyJS, FormatD3}

// Write writes the network in one of NetworkFormats.
func (n *Network) Write(w io.Writer, format string) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case FormatGEXF:
		err = n.writeGEXF(bw)
	case FormatGraphML:
		err = n.writeGraphML(bw, false)
	case FormatGraphMLYEd:
		err = n.writeGraphML(bw, true)
	case FormatDOT:
		err = n.writeDOT(bw)
	case FormatCyJS:
		err = n.writeCyJS(bw)
	case FormatD3:
		err = n.writeD3(bw)
	default:
		return fmt.Errorf("unknown network format %q (want one of %s)", format, strings.Join(NetworkFormats, ", "))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// Description says what the network holds, for the files' metadata.
func (n *Network) Description() string {
	q := n.Query
	var b strings.Builder
	if n.Shape == EventNetwork {
		b.WriteString("diplograph events and the actors taking part")
	} else {
		b.WriteString("diplograph actors and their interactions")
	}
	if q.Actor != "" {
		fmt.Fprintf(&b, "; within %d hop(s) of %s", max(q.Depth, 1), q.Actor)
	}
	if q.Since != "" {
		fmt.Fprintf(&b, "; since %s", q.Since)
	}
	if q.Until != "" {
		fmt.Fprintf(&b, "; until %s", q.Until)
	}
	if !q.Type.IsZero() {
		fmt.Fprintf(&b, "; type %s", q.Type)
	}
	if q.Kind != "" {
		fmt.Fprintf(&b, "; %s actors", q.Kind)
	}
	if q.MinWeight > 1 {
		fmt.Fprintf(&b, "; edges of at least %d events", q.MinWeight)
	}
	return b.String()
}

// Attributes. Every format writes the same ones, under the same names;
// a value that is nil, "" or an empty list is left out.

type attrType int

const (
	attrString attrType = iota
	attrInt
	attrDouble
	attrList // of strings
)

type attrDef struct {
	name string
	typ  attrType
	node func(*NetworkNode) any
	edge func(*NetworkEdge) any
}

func ifEvent(f func(*NetworkEvent) any) func(*NetworkNode) any {
	return func(n *NetworkNode) any {
		if n.Event == nil {
			return nil
		}
		return f(n.Event)
	}
}

// nodeAttrs are the node attributes of a network of the shape.
func nodeAttrs(shape NetworkShape) []attrDef {
	defs := []attrDef{
		{name: "kind", node: func(n *NetworkNode) any { return n.Kind }},
		{name: "country", node: func(n *NetworkNode) any { return n.Country }},
		{name: "roles", typ: attrList, node: func(n *NetworkNode) any { return n.Roles }},
		{name: "iri", node: func(n *NetworkNode) any { return string(schema.ExpandIRI(schema.ActorIRI(n.ID))) }},
		{name: "events", typ: attrInt, node: func(n *NetworkNode) any { return n.Events }},
		{name: "article_count", typ: attrInt, node: func(n *NetworkNode) any { return len(n.Articles) }},
		{name: "articles", typ: attrList, node: func(n *NetworkNode) any { return n.Articles }},
		{name: "first", node: func(n *NetworkNode) any { return n.First }},
		{name: "last", node: func(n *NetworkNode) any { return n.Last }},
	}
	if shape != EventNetwork {
		return defs
	}
	return append(defs,
		attrDef{name: "code", node: ifEvent(func(e *NetworkEvent) any { return e.Code })},
		attrDef{name: "root", node: ifEvent(func(e *NetworkEvent) any { return e.Root })},
		attrDef{name: "cameo", node: ifEvent(func(e *NetworkEvent) any { return e.CAMEO })},
		attrDef{name: "date", node: ifEvent(func(e *NetworkEvent) any { return e.Date })},
		attrDef{name: "goldstein", typ: attrDouble, node: ifEvent(func(e *NetworkEvent) any { return e.Goldstein })},
		attrDef{name: "quad_class", typ: attrInt, node: ifEvent(func(e *NetworkEvent) any { return e.QuadClass })},
		attrDef{name: "place", node: ifEvent(func(e *NetworkEvent) any {
			if e.Place == nil {
				return nil
			}
			return e.Place.String()
		})},
		attrDef{name: "place_id", node: ifEvent(func(e *NetworkEvent) any {
			if e.Place == nil {
				return nil
			}
			return e.Place.ID
		})},
		attrDef{name: "evidence", node: ifEvent(func(e *NetworkEvent) any { return e.Evidence })},
	)
}

// edgeAttrs are the edge attributes.
var edgeAttrs = []attrDef{
	{name: "relation", edge: func(e *NetworkEdge) any { return e.Type }},
	{name: "root", edge: func(e *NetworkEdge) any { return e.Root }},
	{name: "cameo", edge: func(e *NetworkEdge) any { return e.CAMEO }},
	{name: "quad_class", typ: attrInt, edge: func(e *NetworkEdge) any { return e.QuadClass }},
	{name: "count", typ: attrInt, edge: func(e *NetworkEdge) any { return e.Weight }},
	{name: "first", edge: func(e *NetworkEdge) any { return e.First }},
	{name: "last", edge: func(e *NetworkEdge) any { return e.Last }},
	{name: "goldstein", typ: attrDouble, edge: func(e *NetworkEdge) any { return e.Goldstein }},
	{name: "article_count", typ: attrInt, edge: func(e *NetworkEdge) any { return len(e.Articles) }},
	{name: "articles", typ: attrList, edge: func(e *NetworkEdge) any { return e.Articles }},
	{name: "events", typ: attrList, edge: func(e *NetworkEdge) any { return e.Events }},
}

// listSep joins lists in formats with no lists of their own.
const listSep = "; "

// attrText writes a value as text; ok is false when it is absent.
func attrText(v any) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "", false
	case string:
		return v, v != ""
	case int:
		return strconv.Itoa(v), true
	case float64:
		return formatFloat(v), true
	case []string:
		return strings.Join(v, listSep), len(v) > 0
	}
	return fmt.Sprint(v), true
}

func formatFloat(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// Colours: nodes by kind (Okabe and Ito's palette, which colour-blind
// readers can tell apart), edges by CAMEO quad class from cooperation
// (blue, green) to conflict (orange, red).
var kindColors = map[string]string{
	string(schema.KindPerson):       "#0072B2",
	string(schema.KindOrganization): "#009E73",
	string(schema.KindCountry):      "#E69F00",
	string(schema.KindPlace):        "#CC79A7",
	"event":                         "#BBBBBB",
}

var quadClassColors = map[int]string{1: "#2C7BB6", 2: "#1A9641", 3: "#FDAE61", 4: "#D7191C"}

func nodeColor(kind string) string {
	if c, ok := kindColors[kind]; ok {
		return c
	}
	return "#888888"
}

// nodeFontColor is a label colour readable on the node's fill.
func nodeFontColor(kind string) string {
	switch kind {
	case string(schema.KindPerson), string(schema.KindOrganization):
		return "#FFFFFF"
	}
	return "#000000"
}

func edgeColor(quadClass int) string {
	if c, ok := quadClassColors[quadClass]; ok {
		return c
	}
	return "#888888"
}

// rgb splits "#RRGGBB".
func rgb(hex string) (r, g, b int) {
	v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}

// nodeSize grows with the node's events.
func nodeSize(n *NetworkNode) float64 {
	return math.Round((10+6*math.Sqrt(float64(n.Events)))*10) / 10
}

// edgeLabel is "Consult" or "Consult ×3".
func edgeLabel(e *NetworkEdge) string {
	if e.Weight > 1 {
		return fmt.Sprintf("%s ×%d", e.CAMEO, e.Weight)
	}
	if e.Type == "source" || e.Type == "target" {
		return e.Type
	}
	return e.CAMEO
}

// DOT.

// writeDOT writes a Graphviz digraph: nodes coloured and shaped by kind,
// edges coloured by quad class, as thick as their weight, labelled with
// the event type. Hand-written: gonum's encoding/dot would need the
// network wrapped in gonum's graph interfaces to write the same lines.
func (n *Network) writeDOT(w *bufio.Writer) error {
	fmt.Fprintf(w, "// %s\n", oneLineText(n.Description()))
	w.WriteString("digraph diplograph {\n")
	w.WriteString("  graph [rankdir=LR, overlap=false, splines=true, nodesep=0.4, ranksep=1.2, fontname=\"Helvetica\", bgcolor=\"white\"];\n")
	w.WriteString("  node [style=filled, fontname=\"Helvetica\", fontsize=12, penwidth=0];\n")
	w.WriteString("  edge [fontname=\"Helvetica\", fontsize=10, arrowsize=0.7];\n")
	for i := range n.Nodes {
		nd := &n.Nodes[i]
		attrs := [][2]string{
			{"label", nd.Label},
			{"shape", dotShape(nd.Kind)},
			{"fillcolor", nodeColor(nd.Kind)},
			{"fontcolor", nodeFontColor(nd.Kind)},
			{"tooltip", nodeTooltip(nd)},
		}
		if nd.Kind == "event" {
			attrs = append(attrs, [2]string{"fontsize", "10"})
		}
		fmt.Fprintf(w, "  %s [%s];\n", dotID(nd.ID), dotAttrs(attrs))
	}
	for i := range n.Edges {
		e := &n.Edges[i]
		label := edgeLabel(e)
		if e.Type == "source" || e.Type == "target" {
			label = "" // the arrow says it
		}
		attrs := [][2]string{
			{"label", label},
			{"color", edgeColor(e.QuadClass)},
			{"fontcolor", "#333333"},
			{"penwidth", formatFloat(math.Min(1+float64(e.Weight-1)*0.75, 6))},
			{"tooltip", edgeTooltip(e)},
		}
		fmt.Fprintf(w, "  %s -> %s [%s];\n", dotID(e.Source), dotID(e.Target), dotAttrs(attrs))
	}
	_, err := w.WriteString("}\n")
	return err
}

func dotShape(kind string) string {
	switch kind {
	case string(schema.KindPerson):
		return "ellipse"
	case string(schema.KindOrganization):
		return "box"
	case string(schema.KindCountry):
		return "hexagon"
	case string(schema.KindPlace):
		return "octagon"
	case "event":
		return "note"
	}
	return "ellipse"
}

// dotID quotes an ID.
func dotID(s string) string { return `"` + dotEscape(s) + `"` }

func dotAttrs(attrs [][2]string) string {
	parts := make([]string, 0, len(attrs))
	for _, a := range attrs {
		parts = append(parts, a[0]+"="+dotID(a[1]))
	}
	return strings.Join(parts, ", ")
}

// dotEscape escapes a quoted DOT string: quotes and backslashes (which
// would start Graphviz's own escapes, \n, \N, \l), and line breaks.
func dotEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

func oneLineText(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsControl), " ")
}

func nodeTooltip(n *NetworkNode) string {
	parts := []string{n.Label + " (" + n.ID + ")"}
	if len(n.Roles) > 0 {
		parts = append(parts, strings.Join(n.Roles, listSep))
	}
	if n.Event != nil && n.Event.Evidence != "" {
		parts = append(parts, n.Event.Evidence)
	}
	parts = append(parts, fmt.Sprintf("%d event(s), %d article(s)", n.Events, len(n.Articles)))
	if n.First != "" {
		parts = append(parts, n.First+" to "+n.Last)
	}
	return strings.Join(parts, "\n")
}

func edgeTooltip(e *NetworkEdge) string {
	s := fmt.Sprintf("%s → %s: %s (CAMEO %s), %d event(s), Goldstein %s, %d article(s)",
		e.Source, e.Target, e.CAMEO, e.Root, e.Weight, formatFloat(e.Goldstein), len(e.Articles))
	if e.First != "" {
		s += "\n" + e.First + " to " + e.Last
	}
	return s
}

// JSON: Cytoscape and D3.

// jsonNode is a node's data in the JSON formats.
type jsonNode struct {
	ID           string   `json:"id"`
	Label        string   `json:"label"`
	Name         string   `json:"name"` // Cytoscape desktop's label column
	Kind         string   `json:"kind"`
	Country      string   `json:"country,omitempty"`
	Roles        []string `json:"roles,omitempty"`
	IRI          string   `json:"iri"`
	Events       int      `json:"events"`
	ArticleCount int      `json:"article_count"`
	Articles     []string `json:"articles"`
	First        string   `json:"first,omitempty"`
	Last         string   `json:"last,omitempty"`
	Spells       []Spell  `json:"spells,omitempty"`
	Color        string   `json:"color"`
	// Event nodes.
	Code      string   `json:"code,omitempty"`
	Root      string   `json:"root,omitempty"`
	CAMEO     string   `json:"cameo,omitempty"`
	Date      string   `json:"date,omitempty"`
	Goldstein *float64 `json:"goldstein,omitempty"`
	QuadClass int      `json:"quad_class,omitempty"`
	Place     string   `json:"place,omitempty"`
	PlaceID   string   `json:"place_id,omitempty"`
	Evidence  string   `json:"evidence,omitempty"`
}

func newJSONNode(n *NetworkNode) jsonNode {
	j := jsonNode{ID: n.ID, Label: n.Label, Name: n.Label, Kind: n.Kind, Country: n.Country, Roles: n.Roles,
		IRI: string(schema.ExpandIRI(schema.ActorIRI(n.ID))), Events: n.Events,
		ArticleCount: len(n.Articles), Articles: nonNil(n.Articles), First: n.First, Last: n.Last,
		Spells: n.Spells, Color: nodeColor(n.Kind)}
	if e := n.Event; e != nil {
		g := e.Goldstein
		j.Code, j.Root, j.CAMEO, j.Date, j.Goldstein, j.QuadClass = e.Code, e.Root, e.CAMEO, e.Date, &g, e.QuadClass
		j.Evidence = e.Evidence
		if e.Place != nil {
			j.Place, j.PlaceID = e.Place.String(), e.Place.ID
		}
	}
	return j
}

// jsonEdge is an edge's data in the JSON formats.
type jsonEdge struct {
	ID       string `json:"id"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	Relation string `json:"relation"`
	// Interaction is Cytoscape desktop's edge type column.
	Interaction  string   `json:"interaction"`
	Label        string   `json:"label"`
	Root         string   `json:"root"`
	CAMEO        string   `json:"cameo"`
	QuadClass    int      `json:"quad_class"`
	Weight       int      `json:"weight"`
	Count        int      `json:"count"`
	Value        int      `json:"value,omitempty"` // D3's link strength
	First        string   `json:"first,omitempty"`
	Last         string   `json:"last,omitempty"`
	Spells       []Spell  `json:"spells,omitempty"`
	Goldstein    float64  `json:"goldstein"`
	ArticleCount int      `json:"article_count"`
	Articles     []string `json:"articles"`
	Events       []string `json:"events"`
	Color        string   `json:"color"`
}

func newJSONEdge(e *NetworkEdge) jsonEdge {
	return jsonEdge{ID: e.ID, Source: e.Source, Target: e.Target, Relation: e.Type, Interaction: e.Type,
		Label: edgeLabel(e), Root: e.Root, CAMEO: e.CAMEO, QuadClass: e.QuadClass,
		Weight: e.Weight, Count: e.Weight, First: e.First, Last: e.Last, Spells: e.Spells,
		Goldstein: e.Goldstein, ArticleCount: len(e.Articles), Articles: nonNil(e.Articles),
		Events: nonNil(e.Events), Color: edgeColor(e.QuadClass)}
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// writeJSONList writes the items of a JSON array one per line.
func writeJSONList[T any](w *bufio.Writer, items []T, wrap func(T) any) error {
	w.WriteString("[")
	for i, it := range items {
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n  ")
		if err := writeJSON(w, wrap(it)); err != nil {
			return err
		}
	}
	if len(items) > 0 {
		w.WriteString("\n")
	}
	_, err := w.WriteString("]")
	return err
}

// writeCyJS writes Cytoscape's JSON: elements.nodes[].data and
// elements.edges[].data, which Cytoscape.js reads with cy.json() and
// Cytoscape desktop imports as a network.
func (n *Network) writeCyJS(w *bufio.Writer) error {
	header := map[string]any{
		"format_version":             "1.0",
		"generated_by":               "diplograph",
		"target_cytoscapejs_version": "~3.0",
		"data":                       map[string]string{"name": n.Description(), "shape": string(n.Shape)},
	}
	head, err := json.Marshal(header)
	if err != nil {
		return err
	}
	// The header's fields, then the elements, streamed.
	w.Write(head[:len(head)-1])
	w.WriteString(",\n\"elements\":{\"nodes\":")
	nodes := make([]*NetworkNode, len(n.Nodes))
	for i := range n.Nodes {
		nodes[i] = &n.Nodes[i]
	}
	err = writeJSONList(w, nodes, func(nd *NetworkNode) any {
		return map[string]any{"data": newJSONNode(nd)}
	})
	if err != nil {
		return err
	}
	w.WriteString(",\n\"edges\":")
	edges := make([]*NetworkEdge, len(n.Edges))
	for i := range n.Edges {
		edges[i] = &n.Edges[i]
	}
	err = writeJSONList(w, edges, func(e *NetworkEdge) any {
		return map[string]any{"data": newJSONEdge(e)}
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("}}\n")
	return err
}

// writeD3 writes {nodes, links} as D3's force layout takes them (links
// name their ends by node ID: forceLink().id(d => d.id)).
func (n *Network) writeD3(w *bufio.Writer) error {
	w.WriteString("{\"description\":")
	if err := writeJSON(w, n.Description()); err != nil {
		return err
	}
	w.WriteString(",\n\"nodes\":")
	nodes := make([]*NetworkNode, len(n.Nodes))
	for i := range n.Nodes {
		nodes[i] = &n.Nodes[i]
	}
	err := writeJSONList(w, nodes, func(nd *NetworkNode) any { return newJSONNode(nd) })
	if err != nil {
		return err
	}
	w.WriteString(",\n\"links\":")
	edges := make([]*NetworkEdge, len(n.Edges))
	for i := range n.Edges {
		edges[i] = &n.Edges[i]
	}
	err = writeJSONList(w, edges, func(e *NetworkEdge) any {
		j := newJSONEdge(e)
		j.Value = e.Weight
		return j
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("}\n")
	return err
}

// Neo4j.

// WriteNeo4j writes the network as the two CSV files `neo4j-admin
// database import` reads: nodes (id:ID, :LABEL and typed properties) and
// relationships (:START_ID, :END_ID, :TYPE and typed properties). Lists
// are string[] properties, their items separated by ";" (the import's
// default --array-delimiter); an empty field is no property.
//
//	neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j
func (n *Network) WriteNeo4j(nodes, relationships io.Writer) error {
	nattrs := nodeAttrs(n.Shape)
	header := []string{"id:ID", ":LABEL", "name"}
	for _, a := range nattrs {
		header = append(header, a.name+neo4jType(a))
	}
	cw := csv.NewWriter(nodes)
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := range n.Nodes {
		nd := &n.Nodes[i]
		row := []string{nd.ID, neo4jLabels(nd.Kind), nd.Label}
		for _, a := range nattrs {
			row = append(row, neo4jValue(a.node(nd)))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}

	header = []string{":START_ID", ":END_ID", ":TYPE", "id", "weight:int"}
	for _, a := range edgeAttrs {
		header = append(header, a.name+neo4jType(a))
	}
	cw = csv.NewWriter(relationships)
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := range n.Edges {
		e := &n.Edges[i]
		row := []string{e.Source, e.Target, neo4jRelType(e.Type), e.ID, strconv.Itoa(e.Weight)}
		for _, a := range edgeAttrs {
			row = append(row, neo4jValue(a.edge(e)))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// neo4jType is a header's type suffix: first and last are dates.
func neo4jType(a attrDef) string {
	switch {
	case a.name == "first" || a.name == "last":
		return ":date"
	case a.typ == attrInt:
		return ":int"
	case a.typ == attrDouble:
		return ":double"
	case a.typ == attrList:
		return ":string[]"
	}
	return ""
}

func neo4jValue(v any) string {
	if l, ok := v.([]string); ok {
		return strings.Join(l, ";")
	}
	s, _ := attrText(v)
	return s
}

// neo4jLabels are a node's labels: "Actor;Person", "Event".
func neo4jLabels(kind string) string {
	switch kind {
	case "event":
		return "Event"
	case "":
		return "Actor"
	}
	return "Actor;" + upperFirst(kind)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// neo4jRelType writes a type as Neo4j's convention has it:
// "consultedWith" becomes CONSULTED_WITH.
func neo4jRelType(t string) string {
	var b strings.Builder
	for i, c := range t {
		if unicode.IsUpper(c) && i > 0 {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(c))
	}
	return b.String()
}
