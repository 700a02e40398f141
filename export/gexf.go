package export

import (
	"bufio"
	"strconv"

	"github.com/diplograph/diplograph/graph"
)

const (
	gexfNS    = "http://gexf.net/1.3"
	gexfVizNS = "http://gexf.net/1.3/viz"
)

var gexfTypes = map[attrType]string{attrString: "string", attrInt: "integer", attrDouble: "double", attrList: "string"}

// writeGEXF writes GEXF 1.3 for Gephi: a dynamic graph whose nodes and
// edges carry spells (the days of their events) for Gephi's timeline,
// viz colours (nodes by kind, edges by quad class), sizes and
// thicknesses, and typed attributes. Edges of different types between the
// same actors are kept apart by their kind. Lists are strings joined by
// "; ".
func writeGEXF(w *bufio.Writer, n *graph.Network) error {
	x := newXMLWriter(w)
	x.start("gexf", "xmlns", gexfNS, "xmlns:viz", gexfVizNS, "version", "1.3")
	x.start("meta")
	x.text("creator", "diplograph")
	x.text("description", description(n))
	x.end("meta")
	x.start("graph", "defaultedgetype", "directed", "mode", "dynamic", "timeformat", "date", "timerepresentation", "interval")
	nattrs := nodeAttrs(n.Shape)
	x.start("attributes", "class", "node", "mode", "static")
	for _, a := range nattrs {
		x.empty("attribute", "id", a.name, "title", a.name, "type", gexfTypes[a.typ])
	}
	x.end("attributes")
	x.start("attributes", "class", "edge", "mode", "static")
	for _, a := range edgeAttrs {
		x.empty("attribute", "id", a.name, "title", a.name, "type", gexfTypes[a.typ])
	}
	x.end("attributes")

	x.start("nodes", "count", strconv.Itoa(len(n.Nodes)))
	for i := range n.Nodes {
		nd := &n.Nodes[i]
		x.start("node", "id", nd.ID, "label", nd.Label)
		x.start("attvalues")
		for _, a := range nattrs {
			if v, ok := attrText(a.node(nd)); ok {
				x.empty("attvalue", "for", a.name, "value", v)
			}
		}
		x.end("attvalues")
		gexfSpells(x, nd.Spells)
		r, g, b := rgb(nodeColor(nd.Kind))
		x.empty("viz:color", "r", strconv.Itoa(r), "g", strconv.Itoa(g), "b", strconv.Itoa(b))
		x.empty("viz:size", "value", formatFloat(nodeSize(nd)))
		if nd.Kind == "event" {
			x.empty("viz:shape", "value", "diamond")
		}
		x.end("node")
	}
	x.end("nodes")

	x.start("edges", "count", strconv.Itoa(len(n.Edges)))
	for i := range n.Edges {
		e := &n.Edges[i]
		x.start("edge", "id", e.ID, "source", e.Source, "target", e.Target,
			"kind", e.Type, "label", edgeLabel(e), "weight", strconv.Itoa(e.Weight))
		x.start("attvalues")
		for _, a := range edgeAttrs {
			if v, ok := attrText(a.edge(e)); ok {
				x.empty("attvalue", "for", a.name, "value", v)
			}
		}
		x.end("attvalues")
		gexfSpells(x, e.Spells)
		r, g, b := rgb(edgeColor(e.QuadClass))
		x.empty("viz:color", "r", strconv.Itoa(r), "g", strconv.Itoa(g), "b", strconv.Itoa(b))
		x.empty("viz:thickness", "value", strconv.Itoa(e.Weight))
		x.end("edge")
	}
	x.end("edges")
	x.end("graph")
	x.end("gexf")
	return x.finish()
}

func gexfSpells(x *xmlWriter, spells []graph.Spell) {
	if len(spells) == 0 {
		return
	}
	x.start("spells")
	for _, s := range spells {
		x.empty("spell", "start", s.Start, "end", s.End)
	}
	x.end("spells")
}
