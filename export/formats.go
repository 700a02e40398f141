package export

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/graph"
)

// The formats, by name.
const (
	FormatGEXF       = "gexf"        // GEXF 1.3 for Gephi, dynamic
	FormatGraphML    = "graphml"     // GraphML (Gephi, Cytoscape desktop)
	FormatGraphMLYEd = "graphml-yed" // GraphML with yFiles graphics for yEd
	FormatDOT        = "dot"         // Graphviz
	FormatSVG        = "svg"         // the DOT export drawn by Graphviz
	FormatPNG        = "png"         // likewise
	FormatCyJS       = "cyjs"        // Cytoscape.js and Cytoscape desktop JSON
	FormatD3         = "d3"          // {nodes, links} for D3's force layout
	FormatNeo4j      = "neo4j"       // a folder of CSV files for neo4j-admin import
	FormatNQuads     = "nquads"      // N-Quads: one line per quad, the article as graph label
	FormatJSONLD     = "jsonld"      // JSON-LD: one named graph per article
)

// Format is one of the formats Export writes.
type Format struct {
	Name string
	// Help says what the format is for, in a sentence or two.
	Help string
	kind formatKind
}

type formatKind int

const (
	networkFile formatKind = iota // a network, written by WriteNetwork
	drawing                       // the DOT export drawn by Graphviz's dot
	folder                        // a network as several files (neo4j)
	quads                         // the quads themselves (WriteRDF)
)

// formats are all the formats, in the order help and docs/export.md list
// them: the one list of them.
var formats = []Format{
	{FormatGEXF, "GEXF 1.3 for Gephi: dynamic (edges and nodes carry the days of their events, " +
		"so Gephi's timeline plays the history), nodes coloured by kind, edges by CAMEO quad class", networkFile},
	{FormatGraphML, "GraphML with a typed key for every attribute (Gephi, Cytoscape)", networkFile},
	{FormatGraphMLYEd, "GraphML with yFiles labels, shapes and colours for yEd", networkFile},
	{FormatDOT, "Graphviz", networkFile},
	{FormatSVG, "the dot export drawn by Graphviz's dot, which must be installed", drawing},
	{FormatPNG, "likewise, as a PNG image", drawing},
	{FormatCyJS, "Cytoscape.js / Cytoscape desktop JSON (elements.nodes[].data)", networkFile},
	{FormatD3, "{nodes, links} for D3's force layout", networkFile},
	{FormatNeo4j, "a folder (--out) with nodes.csv and relationships.csv for neo4j-admin database import", folder},
	{FormatNQuads, "every quad, labelled with its article, IRIs in full", quads},
	{FormatJSONLD, "the same as JSON-LD, one named graph per article", quads},
}

// Formats returns every format, in the order help lists them.
func Formats() []Format { return slices.Clone(formats) }

// Names returns the formats' names, in the order help lists them.
func Names() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return names
}

// Lookup finds a format by name.
func Lookup(name string) (Format, bool) {
	i := slices.IndexFunc(formats, func(f Format) bool { return f.Name == name })
	if i < 0 {
		return Format{}, false
	}
	return formats[i], true
}

// NeedsDot reports whether the format is drawn by Graphviz's dot command.
func (f Format) NeedsDot() bool { return f.kind == drawing }

// Folder reports whether the format is a folder of files rather than one.
func (f Format) Folder() bool { return f.kind == folder }

// Binary reports whether the format is not text.
func (f Format) Binary() bool { return f.Name == FormatPNG }

// Help lists the formats with what each is for, one per paragraph, the
// names in a column of their own and the text wrapped to width columns.
func Help(width int) string {
	const indent = "  "
	col := 0
	for _, f := range formats {
		col = max(col, len(f.Name))
	}
	col += len(indent) + 2
	var b strings.Builder
	for _, f := range formats {
		line := indent + f.Name + strings.Repeat(" ", col-len(indent)-len(f.Name))
		n := len(line)
		for i, word := range strings.Fields(f.Help) {
			if i > 0 && n+1+len(word) > width {
				line += "\n" + strings.Repeat(" ", col)
				n = col
			} else if i > 0 {
				line += " "
				n++
			}
			line += word
			n += len(word)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// Options say what Export writes.
type Options struct {
	Format string
	Query  graph.NetworkQuery
	// Dot is Graphviz's dot command, which the drawn formats need.
	Dot string
}

// Create makes one file of an export and fills it with write. name is ""
// for a format written as one file, and names the file in the folder of a
// folder format ("nodes.csv").
type Create func(name string, write func(io.Writer) error) error

// Export reads what opts select from the store and writes it in
// opts.Format through create. It returns the network written, nil for the
// formats of quads.
func Export(ctx context.Context, s *graph.Store, opts Options, create Create) (*graph.Network, error) {
	f, ok := Lookup(opts.Format)
	if !ok {
		return nil, fmt.Errorf("unknown export format %q (want one of %s)", opts.Format, strings.Join(Names(), ", "))
	}
	if f.kind == quads {
		return nil, create("", func(w io.Writer) error { return WriteRDF(ctx, w, s, f.Name, opts.Query) })
	}
	net, err := s.Network(ctx, opts.Query)
	if err != nil {
		return nil, err
	}
	switch f.kind {
	case folder:
		var nodes, rels bytes.Buffer
		if err := WriteNeo4j(&nodes, &rels, net); err != nil {
			return net, err
		}
		for _, file := range []struct {
			name string
			b    []byte
		}{{"nodes.csv", nodes.Bytes()}, {"relationships.csv", rels.Bytes()}} {
			err := create(file.name, func(w io.Writer) error {
				_, err := w.Write(file.b)
				return err
			})
			if err != nil {
				return net, err
			}
		}
		return net, nil
	case drawing:
		return net, create("", func(w io.Writer) error { return draw(ctx, w, opts.Dot, f.Name, net) })
	}
	return net, create("", func(w io.Writer) error { return WriteNetwork(w, net, f.Name) })
}

// WriteNetwork writes the network in a format written as one text file:
// gexf, graphml, graphml-yed, dot, cyjs or d3.
func WriteNetwork(w io.Writer, n *graph.Network, format string) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case FormatGEXF:
		err = writeGEXF(bw, n)
	case FormatGraphML:
		err = writeGraphML(bw, n, false)
	case FormatGraphMLYEd:
		err = writeGraphML(bw, n, true)
	case FormatDOT:
		err = writeDOT(bw, n)
	case FormatCyJS:
		err = writeCyJS(bw, n)
	case FormatD3:
		err = writeD3(bw, n)
	default:
		return fmt.Errorf("unknown network format %q (want one of %s)", format, strings.Join(networkFormats(), ", "))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// networkFormats are the formats WriteNetwork writes.
func networkFormats() []string {
	var names []string
	for _, f := range formats {
		if f.kind == networkFile {
			names = append(names, f.Name)
		}
	}
	return names
}

// description says what the network holds, for the files' metadata.
func description(n *graph.Network) string {
	q := n.Query
	var b strings.Builder
	if n.Shape == graph.EventNetwork {
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
