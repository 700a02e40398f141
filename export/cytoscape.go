package export

import (
	"bufio"
	"encoding/json"

	"github.com/diplograph/diplograph/graph"
)

// writeCyJS writes Cytoscape's JSON: elements.nodes[].data and
// elements.edges[].data, which Cytoscape.js reads with cy.json() and
// Cytoscape desktop imports as a network.
func writeCyJS(w *bufio.Writer, n *graph.Network) error {
	header := map[string]any{
		"format_version":             "1.0",
		"generated_by":               "diplograph",
		"target_cytoscapejs_version": "~3.0",
		"data":                       map[string]string{"name": description(n), "shape": string(n.Shape)},
	}
	head, err := json.Marshal(header)
	if err != nil {
		return err
	}
	// The header's fields, then the elements, streamed.
	w.Write(head[:len(head)-1])
	w.WriteString(",\n\"elements\":{\"nodes\":")
	nodes := make([]*graph.NetworkNode, len(n.Nodes))
	for i := range n.Nodes {
		nodes[i] = &n.Nodes[i]
	}
	err = writeJSONList(w, nodes, func(nd *graph.NetworkNode) any {
		return map[string]any{"data": newJSONNode(nd)}
	})
	if err != nil {
		return err
	}
	w.WriteString(",\n\"edges\":")
	edges := make([]*graph.NetworkEdge, len(n.Edges))
	for i := range n.Edges {
		edges[i] = &n.Edges[i]
	}
	err = writeJSONList(w, edges, func(e *graph.NetworkEdge) any {
		return map[string]any{"data": newJSONEdge(e)}
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("}}\n")
	return err
}
