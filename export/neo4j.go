package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph/graph"
)

// WriteNeo4j writes the network as the two CSV files `neo4j-admin
// database import` reads: nodes (id:ID, :LABEL and typed properties) and
// relationships (:START_ID, :END_ID, :TYPE and typed properties). Lists
// are string[] properties, their items separated by ";" (the import's
// default --array-delimiter); an empty field is no property.
//
//	neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j
func WriteNeo4j(nodes, relationships io.Writer, n *graph.Network) error {
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
