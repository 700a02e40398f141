package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// Export formats beyond those graph writes itself.
const (
	exportSVG   = "svg"   // the DOT export rendered by Graphviz
	exportPNG   = "png"   // likewise
	exportNeo4j = "neo4j" // a folder of CSV files for neo4j-admin import
)

// exportFormats are the formats of --format, in the order help lists them.
var exportFormats = []string{
	graph.FormatGEXF, graph.FormatGraphML, graph.FormatGraphMLYEd, graph.FormatDOT, exportSVG, exportPNG,
	graph.FormatCyJS, graph.FormatD3, exportNeo4j, graph.FormatNQuads, graph.FormatJSONLD,
}

// exportOptions are the inputs of `diplograph export`.
type exportOptions struct {
	IO        *ioStreams
	DB        string
	Format    string
	Out       string
	Graph     string
	Actor     string
	Depth     int
	Since     string
	Until     string
	Type      string // as given; EventType parsed
	Kind      string
	MinWeight int
	EventType schema.EventType
	// LookPath finds Graphviz's dot (exec.LookPath; tests stub it).
	LookPath func(file string) (string, error)
}

func newCmdExport(streams *ioStreams, runF func(*cobra.Command, *exportOptions) error) *cobra.Command {
	opts := &exportOptions{IO: streams, LookPath: exec.LookPath}
	cmd := &cobra.Command{
		Use:   "export --format FORMAT [--out FILE] [--graph actors|events] [--actor NAME [--depth N]] [--since DATE] [--until DATE] [--type TYPE] [--kind KIND] [--min-weight N]",
		Short: "Export the graph for Gephi, Cytoscape, yEd, Graphviz, Neo4j, D3 or RDF stores",
		Long: `Export writes the graph, or the part of it the filters select, in the format
of a visualisation or graph tool:

  gexf         GEXF 1.3 for Gephi: dynamic (edges and nodes carry the days of
               their events, so Gephi's timeline plays the history), nodes
               coloured by kind, edges by CAMEO quad class
  graphml      GraphML with a typed key for every attribute (Gephi, Cytoscape)
  graphml-yed  GraphML with yFiles labels, shapes and colours for yEd
  dot          Graphviz
  svg, png     the dot export drawn by Graphviz's dot, which must be installed
  cyjs         Cytoscape.js / Cytoscape desktop JSON (elements.nodes[].data)
  d3           {nodes, links} for D3's force layout
  neo4j        a folder (--out) with nodes.csv and relationships.csv for
               neo4j-admin database import
  nquads       every quad, labelled with its article, IRIs in full
  jsonld       the same as JSON-LD, one named graph per article

--graph actors (the default) has the actors as nodes and one edge per source,
target and CAMEO root, weighted by the number of happenings, with the first
and last date, the mean Goldstein score and the supporting articles.
--graph events has the actors and the events as nodes (bipartite): an edge
from each source to the event and from the event to each target.

Only events that happened, between a source and a target, are exported. The
filters narrow them: --actor NAME with --depth N keeps the actors at most N
hops from NAME (the ego network) and the edges between them; --since and
--until the events that overlap the dates; --type a CAMEO code, root or label or a PLOVER type;
--kind one kind of actor (besides NAME); --min-weight the edges of at least
N events. nquads and jsonld write the whole store, or with filters the quads
about the nodes selected.

Output goes to --out FILE, or to standard output.`,
		Example: `  diplograph export --format gexf --out graph.gexf
  diplograph export --format svg --actor "Vladimir Putin" --depth 1 --out putin.svg
  diplograph export --format graphml-yed --kind country --min-weight 2 --out countries.graphml
  diplograph export --format cyjs --graph events --since 2025-01-01 > events.cyjs
  diplograph export --format gexf --type SANCTION --out sanctions.gexf
  diplograph export --format neo4j --out neo4j-import
  diplograph export --format nquads | rapper -i nquads -c -`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Format == "" {
				return usagef("--format is required: one of %s", strings.Join(exportFormats, ", "))
			}
			if !slices.Contains(exportFormats, opts.Format) {
				return usagef("--format must be one of %s, not %q", strings.Join(exportFormats, ", "), opts.Format)
			}
			if opts.Graph != string(graph.ActorNetwork) && opts.Graph != string(graph.EventNetwork) {
				return usagef("--graph must be actors or events, not %q", opts.Graph)
			}
			if cmd.Flags().Changed("depth") && opts.Actor == "" {
				return usagef("--depth goes with --actor")
			}
			if opts.Depth < 1 {
				return usagef("--depth must be 1 or more, not %d", opts.Depth)
			}
			if opts.MinWeight < 1 {
				return usagef("--min-weight must be 1 or more, not %d", opts.MinWeight)
			}
			switch k := schema.Kind(opts.Kind); k {
			case "", schema.KindPerson, schema.KindOrganization, schema.KindCountry, schema.KindPlace:
			default:
				return usagef("--kind must be person, organization, country or place, not %q", opts.Kind)
			}
			if opts.Since, err = dateFlag("since", opts.Since, false); err != nil {
				return err
			}
			if opts.Until, err = dateFlag("until", opts.Until, true); err != nil {
				return err
			}
			if opts.EventType, err = typeFlag("type", opts.Type); err != nil {
				return err
			}
			if opts.Format == exportNeo4j && opts.Out == "" {
				return usagef("--format neo4j writes a folder: name it with --out DIR")
			}
			if opts.Format == exportPNG && opts.Out == "" && opts.IO.IsTerminal {
				return usagef("--format png is binary: give --out FILE or redirect the output")
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return exportRun(cmd, opts)
		},
	}
	addDBFlag(cmd, &opts.DB)
	cmd.Flags().StringVar(&opts.Format, "format", "", "`FORMAT`: "+strings.Join(exportFormats, ", "))
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "write to `FILE` (a folder for neo4j) instead of standard output")
	cmd.Flags().StringVar(&opts.Graph, "graph", string(graph.ActorNetwork), "`shape`: actors (actors as nodes, weighted edges) or events (actors and events as nodes)")
	cmd.Flags().StringVar(&opts.Actor, "actor", "", "only the ego network of the actor `NAME`")
	cmd.Flags().IntVar(&opts.Depth, "depth", 1, "with --actor: the actors at most `N` hops away")
	cmd.Flags().StringVar(&opts.Since, "since", "", "only events on or after `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	cmd.Flags().StringVar(&opts.Until, "until", "", "only events on or before `DATE`")
	cmd.Flags().StringVar(&opts.Type, "type", "", typeUsage)
	cmd.Flags().StringVar(&opts.Kind, "kind", "", "only actors of this `kind`: person, organization, country or place")
	cmd.Flags().IntVar(&opts.MinWeight, "min-weight", 1, "only edges of at least `N` events")
	return cmd
}

func exportRun(cmd *cobra.Command, opts *exportOptions) error {
	// Check for Graphviz before reading anything.
	var dot string
	if opts.Format == exportSVG || opts.Format == exportPNG {
		var err error
		if dot, err = opts.LookPath("dot"); err != nil {
			return fmt.Errorf("--format %s needs Graphviz's dot command, which is not installed: "+
				"install the graphviz package (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz), "+
				"or export --format dot and render it elsewhere", opts.Format)
		}
	}
	store, err := openExisting(cmd, opts.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	q := graph.NetworkQuery{
		Shape: graph.NetworkShape(opts.Graph), Depth: opts.Depth, Since: opts.Since, Until: opts.Until,
		Type: opts.EventType, Kind: schema.Kind(opts.Kind), MinWeight: opts.MinWeight,
	}
	if opts.Actor != "" {
		a, err := lookupActor(cmd, store, opts.Actor)
		if err != nil {
			return err
		}
		q.Actor = a.ID
	}
	ctx := cmd.Context()

	if opts.Format == graph.FormatNQuads || opts.Format == graph.FormatJSONLD {
		return writeOutput(opts, func(w io.Writer) error { return store.WriteRDF(ctx, w, opts.Format, q) })
	}
	net, err := store.Network(ctx, q)
	if err != nil {
		return err
	}
	if len(net.Edges) == 0 {
		fmt.Fprintln(opts.IO.ErrOut, "diplograph: no events match: the export has no edges")
	}
	switch opts.Format {
	case exportNeo4j:
		err = writeNeo4jFolder(opts.Out, net)
	case exportSVG, exportPNG:
		err = writeOutput(opts, func(w io.Writer) error { return render(cmd, dot, opts.Format, net, w) })
	default:
		err = writeOutput(opts, func(w io.Writer) error { return net.Write(w, opts.Format) })
	}
	if err != nil {
		return err
	}
	if opts.Out != "" {
		fmt.Fprintf(opts.IO.ErrOut, "wrote %d nodes and %d edges to %s\n", len(net.Nodes), len(net.Edges), opts.Out)
	}
	return nil
}

// writeOutput runs write on --out, replaced only once write succeeds, or
// on standard output.
func writeOutput(opts *exportOptions, write func(io.Writer) error) error {
	if opts.Out == "" {
		return write(opts.IO.Out)
	}
	return writeFileAtomic(opts.Out, write)
}

// writeFileAtomic writes a file through a temporary file beside it, so a
// failed export leaves no half-written file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// writeNeo4jFolder writes nodes.csv and relationships.csv into dir.
func writeNeo4jFolder(dir string, net *graph.Network) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var nodes, rels bytes.Buffer
	if err := net.WriteNeo4j(&nodes, &rels); err != nil {
		return err
	}
	for name, b := range map[string][]byte{"nodes.csv": nodes.Bytes(), "relationships.csv": rels.Bytes()} {
		err := writeFileAtomic(filepath.Join(dir, name), func(w io.Writer) error {
			_, err := w.Write(b)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// render draws the network's DOT export with Graphviz's dot.
func render(cmd *cobra.Command, dot, format string, net *graph.Network, w io.Writer) error {
	var src bytes.Buffer
	if err := net.Write(&src, graph.FormatDOT); err != nil {
		return err
	}
	args := []string{"-T" + format}
	if format == exportPNG {
		args = append(args, "-Gdpi=150")
	}
	c := exec.CommandContext(cmd.Context(), dot, args...)
	c.Stdin = &src
	c.Stdout = w
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		var exitErr *exec.ExitError
		if msg != "" && errors.As(err, &exitErr) {
			return fmt.Errorf("graphviz dot failed: %s", msg)
		}
		return fmt.Errorf("graphviz dot: %w", err)
	}
	return nil
}
