package export

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

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
	node func(*graph.NetworkNode) any
	edge func(*graph.NetworkEdge) any
}

func ifEvent(f func(*graph.NetworkEvent) any) func(*graph.NetworkNode) any {
	return func(n *graph.NetworkNode) any {
		if n.Event == nil {
			return nil
		}
		return f(n.Event)
	}
}

// nodeAttrs are the node attributes of a network of the shape.
func nodeAttrs(shape graph.NetworkShape) []attrDef {
	defs := []attrDef{
		{name: "kind", node: func(n *graph.NetworkNode) any { return n.Kind }},
		{name: "country", node: func(n *graph.NetworkNode) any { return n.Country }},
		{name: "roles", typ: attrList, node: func(n *graph.NetworkNode) any { return n.Roles }},
		{name: "iri", node: func(n *graph.NetworkNode) any { return string(schema.ExpandIRI(schema.ActorIRI(n.ID))) }},
		{name: "events", typ: attrInt, node: func(n *graph.NetworkNode) any { return n.Events }},
		{name: "article_count", typ: attrInt, node: func(n *graph.NetworkNode) any { return len(n.Articles) }},
		{name: "articles", typ: attrList, node: func(n *graph.NetworkNode) any { return n.Articles }},
		{name: "first", node: func(n *graph.NetworkNode) any { return n.First }},
		{name: "last", node: func(n *graph.NetworkNode) any { return n.Last }},
	}
	if shape != graph.EventNetwork {
		return defs
	}
	return append(defs,
		attrDef{name: "code", node: ifEvent(func(e *graph.NetworkEvent) any { return e.Code })},
		attrDef{name: "root", node: ifEvent(func(e *graph.NetworkEvent) any { return e.Root })},
		attrDef{name: "cameo", node: ifEvent(func(e *graph.NetworkEvent) any { return e.CAMEO })},
		attrDef{name: "date", node: ifEvent(func(e *graph.NetworkEvent) any { return e.Date })},
		attrDef{name: "goldstein", typ: attrDouble, node: ifEvent(func(e *graph.NetworkEvent) any { return e.Goldstein })},
		attrDef{name: "quad_class", typ: attrInt, node: ifEvent(func(e *graph.NetworkEvent) any { return e.QuadClass })},
		attrDef{name: "place", node: ifEvent(func(e *graph.NetworkEvent) any {
			if e.Place == nil {
				return nil
			}
			return e.Place.String()
		})},
		attrDef{name: "place_id", node: ifEvent(func(e *graph.NetworkEvent) any {
			if e.Place == nil {
				return nil
			}
			return e.Place.ID
		})},
		attrDef{name: "evidence", node: ifEvent(func(e *graph.NetworkEvent) any { return e.Evidence })},
	)
}

// edgeAttrs are the edge attributes.
var edgeAttrs = []attrDef{
	{name: "relation", edge: func(e *graph.NetworkEdge) any { return e.Type }},
	{name: "root", edge: func(e *graph.NetworkEdge) any { return e.Root }},
	{name: "cameo", edge: func(e *graph.NetworkEdge) any { return e.CAMEO }},
	{name: "quad_class", typ: attrInt, edge: func(e *graph.NetworkEdge) any { return e.QuadClass }},
	{name: "count", typ: attrInt, edge: func(e *graph.NetworkEdge) any { return e.Weight }},
	{name: "first", edge: func(e *graph.NetworkEdge) any { return e.First }},
	{name: "last", edge: func(e *graph.NetworkEdge) any { return e.Last }},
	{name: "goldstein", typ: attrDouble, edge: func(e *graph.NetworkEdge) any { return e.Goldstein }},
	{name: "article_count", typ: attrInt, edge: func(e *graph.NetworkEdge) any { return len(e.Articles) }},
	{name: "articles", typ: attrList, edge: func(e *graph.NetworkEdge) any { return e.Articles }},
	{name: "events", typ: attrList, edge: func(e *graph.NetworkEdge) any { return e.Events }},
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
func nodeSize(n *graph.NetworkNode) float64 {
	return math.Round((10+6*math.Sqrt(float64(n.Events)))*10) / 10
}

// edgeLabel is "Consult" or "Consult ×3".
func edgeLabel(e *graph.NetworkEdge) string {
	if e.Weight > 1 {
		return fmt.Sprintf("%s ×%d", e.CAMEO, e.Weight)
	}
	if e.Type == "source" || e.Type == "target" {
		return e.Type
	}
	return e.CAMEO
}
