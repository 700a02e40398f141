package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/export"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

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

` + export.Help(79) + `
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
				return usagef("--format is required: one of %s", strings.Join(export.Names(), ", "))
			}
			format, ok := export.Lookup(opts.Format)
			if !ok {
				return usagef("--format must be one of %s, not %q", strings.Join(export.Names(), ", "), opts.Format)
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
			if format.Folder() && opts.Out == "" {
				return usagef("--format neo4j writes a folder: name it with --out DIR")
			}
			if format.Binary() && opts.Out == "" && opts.IO.IsTerminal {
				return usagef("--format png is binary: give --out FILE or redirect the output")
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return exportRun(cmd, opts)
		},
	}
	addDBFlag(cmd, &opts.DB)
	cmd.Flags().StringVar(&opts.Format, "format", "", "`FORMAT`: "+strings.Join(export.Names(), ", "))
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
	format, _ := export.Lookup(opts.Format)
	// Check for Graphviz before reading anything.
	var dot string
	if format.NeedsDot() {
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
	create := func(name string, write func(io.Writer) error) error {
		if name == "" {
			return writeOutput(opts, write)
		}
		if err := os.MkdirAll(opts.Out, 0o755); err != nil {
			return err
		}
		return writeFileAtomic(filepath.Join(opts.Out, name), write)
	}
	net, err := export.Export(cmd.Context(), store, export.Options{Format: opts.Format, Query: q, Dot: dot}, create)
	if net != nil && len(net.Edges) == 0 {
		fmt.Fprintln(opts.IO.ErrOut, "diplograph: no events match: the export has no edges")
	}
	if err != nil || net == nil {
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
