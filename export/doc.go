// Package export writes a diplograph graph for the tools people look at
// graphs with (Gephi, Cytoscape, yEd, Graphviz, Neo4j, D3) and for RDF
// stores. It reads the store only through graph's public API: a network
// (graph.Store.Network: nodes and edges with attributes) for the graph
// tools, the quads (graph.Store.NetworkQuads) for RDF.
//
// Formats lists the formats, the one list the command line's help and
// checks and docs/export.md follow. Export writes any of them:
//
//	net, err := export.Export(ctx, store, export.Options{Format: export.FormatGEXF}, create)
//
// where create opens the output (a file, or each file of a folder format);
// WriteNetwork writes a network already read, WriteRDF the quads. The same
// store always gives the same bytes.
package export
