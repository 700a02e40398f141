package export

import (
	"bufio"

	"github.com/diplograph/diplograph/graph"
)

// writeD3 writes {nodes, links} as D3's force layout takes them (links
// name their ends by node ID: forceLink().id(d => d.id)).
func writeD3(w *bufio.Writer, n *graph.Network) error {
	w.WriteString("{\"description\":")
	if err := writeJSON(w, description(n)); err != nil {
		return err
	}
	w.WriteString(",\n\"nodes\":")
	nodes := make([]*graph.NetworkNode, len(n.Nodes))
	for i := range n.Nodes {
		nodes[i] = &n.Nodes[i]
	}
	err := writeJSONList(w, nodes, func(nd *graph.NetworkNode) any { return newJSONNode(nd) })
	if err != nil {
		return err
	}
	w.WriteString(",\n\"links\":")
	edges := make([]*graph.NetworkEdge, len(n.Edges))
	for i := range n.Edges {
		edges[i] = &n.Edges[i]
	}
	err = writeJSONList(w, edges, func(e *graph.NetworkEdge) any {
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
