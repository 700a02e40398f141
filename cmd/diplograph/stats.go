package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// statsOptions are the inputs of `diplograph stats`.
type statsOptions struct {
	IO     *ioStreams
	DB     string
	Format string
}

func newCmdStats(streams *ioStreams, runF func(*cobra.Command, *statsOptions) error) *cobra.Command {
	opts := &statsOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "stats [--db PATH] [--format text|json]",
		Short: "Count the store's articles, actors by kind, events by CAMEO root and quads",
		Example: `  diplograph stats
  diplograph stats --db news.db --format json`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != "json" && opts.Format != "text" {
				return usagef("--format must be text or json, not %q", opts.Format)
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return statsRun(cmd, opts)
		},
	}
	addDBFlag(cmd, &opts.DB)
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	return cmd
}

func statsRun(cmd *cobra.Command, opts *statsOptions) error {
	store, err := openExisting(cmd, opts.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := store.Stats(cmd.Context())
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		return json.NewEncoder(opts.IO.Out).Encode(st)
	}
	return writeStatsText(opts.IO.Out, st)
}

func writeStatsText(w io.Writer, st graph.Stats) error {
	var b strings.Builder
	fmt.Fprintf(&b, "articles  %d\n", st.Articles)
	total := 0
	for _, n := range st.Actors {
		total += n
	}
	fmt.Fprintf(&b, "actors    %d\n", total)
	for _, k := range schema.Kinds {
		fmt.Fprintf(&b, "  %-13s %d\n", k, st.Actors[k])
	}
	events := 0
	for _, n := range st.Events {
		events += n
	}
	fmt.Fprintf(&b, "events    %d (and %d negated or hypothetical)\n", events, st.Negated)
	roots := make([]string, 0, len(st.Events))
	for r := range st.Events {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		c, _ := schema.LookupCAMEO(r)
		fmt.Fprintf(&b, "  %s %-32s %d\n", r, c.Label, st.Events[r])
	}
	fmt.Fprintf(&b, "quads     %d\n", st.Quads)
	_, err := io.WriteString(w, b.String())
	return err
}
