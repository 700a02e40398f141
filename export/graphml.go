package export

import (
	"bufio"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// GraphML.

const (
	graphmlNS = "http://graphml.graphdrawing.org/xmlns"
	yFilesNS  = "http://www.yworks.com/xml/graphml"
)

var graphmlTypes = map[attrType]string{attrString: "string", attrInt: "int", attrDouble: "double", attrList: "string"}

// writeGraphML writes GraphML with a typed <key> for every attribute
// (label and weight under the names Gephi and Cytoscape look for). yed
// adds yFiles graphics, which yEd shows without set-up: labelled nodes
// shaped and coloured by kind, placed on a circle, and edges coloured by
// quad class.
//
// GraphML IDs are XML name tokens, which may not hold "/": the node
// "person/sergey-lavrov" is written "person:sergey-lavrov", and the "id"
// attribute keeps the store's ID.
func writeGraphML(w *bufio.Writer, n *graph.Network, yed bool) error {
	x := newXMLWriter(w)
	rootAttrs := []string{"xmlns", graphmlNS, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", graphmlNS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"}
	if yed {
		rootAttrs = append(rootAttrs, "xmlns:y", yFilesNS)
	}
	x.start("graphml", rootAttrs...)
	x.text("desc", description(n))
	x.empty("key", "id", "v_id", "for", "node", "attr.name", "id", "attr.type", "string")
	x.empty("key", "id", "v_label", "for", "node", "attr.name", "label", "attr.type", "string")
	nattrs := nodeAttrs(n.Shape)
	for _, a := range nattrs {
		x.empty("key", "id", "v_"+a.name, "for", "node", "attr.name", a.name, "attr.type", graphmlTypes[a.typ])
	}
	x.empty("key", "id", "e_id", "for", "edge", "attr.name", "id", "attr.type", "string")
	x.empty("key", "id", "e_label", "for", "edge", "attr.name", "label", "attr.type", "string")
	x.empty("key", "id", "e_weight", "for", "edge", "attr.name", "weight", "attr.type", "double")
	for _, a := range edgeAttrs {
		x.empty("key", "id", "e_"+a.name, "for", "edge", "attr.name", a.name, "attr.type", graphmlTypes[a.typ])
	}
	if yed {
		x.empty("key", "id", "v_graphics", "for", "node", "yfiles.type", "nodegraphics")
		x.empty("key", "id", "e_graphics", "for", "edge", "yfiles.type", "edgegraphics")
	}
	x.start("graph", "id", "diplograph", "edgedefault", "directed")
	radius := 60 * float64(len(n.Nodes)) / math.Pi
	for i := range n.Nodes {
		nd := &n.Nodes[i]
		x.start("node", "id", nmtoken(nd.ID))
		x.text("data", nd.ID, "key", "v_id")
		x.text("data", nd.Label, "key", "v_label")
		for _, a := range nattrs {
			if v, ok := attrText(a.node(nd)); ok {
				x.text("data", v, "key", "v_"+a.name)
			}
		}
		if yed {
			angle := 2 * math.Pi * float64(i) / float64(len(n.Nodes))
			yedNode(x, nd, radius*math.Cos(angle), radius*math.Sin(angle))
		}
		x.end("node")
	}
	for i := range n.Edges {
		e := &n.Edges[i]
		x.start("edge", "id", nmtoken(e.ID), "source", nmtoken(e.Source), "target", nmtoken(e.Target))
		x.text("data", e.ID, "key", "e_id")
		x.text("data", edgeLabel(e), "key", "e_label")
		x.text("data", strconv.Itoa(e.Weight), "key", "e_weight")
		for _, a := range edgeAttrs {
			if v, ok := attrText(a.edge(e)); ok {
				x.text("data", v, "key", "e_"+a.name)
			}
		}
		if yed {
			yedEdge(x, e)
		}
		x.end("edge")
	}
	x.end("graph")
	x.end("graphml")
	return x.finish()
}

// nmtoken turns an ID into an XML name token: "/" becomes ":", and any
// other character a name token may not hold "_".
func nmtoken(id string) string {
	return strings.Map(func(c rune) rune {
		switch {
		case c == '/':
			return ':'
		case c == '.' || c == '-' || c == '_' || c == ':' || unicode.IsLetter(c) || unicode.IsDigit(c):
			return c
		}
		return '_'
	}, id)
}

var yedShapes = map[string]string{
	string(schema.KindPerson):       "ellipse",
	string(schema.KindOrganization): "roundrectangle",
	string(schema.KindCountry):      "hexagon",
	string(schema.KindPlace):        "octagon",
	"event":                         "diamond",
}

func yedNode(x *xmlWriter, nd *graph.NetworkNode, cx, cy float64) {
	width := math.Max(60, 7.5*float64(utf8.RuneCountInString(nd.Label))+24)
	height := 30.0
	shape := yedShapes[nd.Kind]
	if shape == "" {
		shape = "ellipse"
	}
	f := func(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64) }
	x.start("data", "key", "v_graphics")
	x.start("y:ShapeNode")
	x.empty("y:Geometry", "height", f(height), "width", f(width), "x", f(cx-width/2), "y", f(cy-height/2))
	x.empty("y:Fill", "color", nodeColor(nd.Kind), "transparent", "false")
	x.empty("y:BorderStyle", "hasColor", "false", "type", "line", "width", "1.0")
	x.text("y:NodeLabel", nd.Label, "alignment", "center", "autoSizePolicy", "content", "fontFamily", "Dialog",
		"fontSize", "12", "fontStyle", "plain", "modelName", "internal", "modelPosition", "c",
		"textColor", nodeFontColor(nd.Kind), "visible", "true")
	x.empty("y:Shape", "type", shape)
	x.end("y:ShapeNode")
	x.end("data")
}

func yedEdge(x *xmlWriter, e *graph.NetworkEdge) {
	width := math.Min(1+float64(e.Weight-1)*0.75, 6)
	x.start("data", "key", "e_graphics")
	x.start("y:PolyLineEdge")
	x.empty("y:LineStyle", "color", edgeColor(e.QuadClass), "type", "line", "width", strconv.FormatFloat(width, 'f', 1, 64))
	x.empty("y:Arrows", "source", "none", "target", "standard")
	x.text("y:EdgeLabel", edgeLabel(e), "fontFamily", "Dialog", "fontSize", "10", "textColor", "#333333", "visible", "true")
	x.empty("y:BendStyle", "smoothed", "true")
	x.end("y:PolyLineEdge")
	x.end("data")
}
