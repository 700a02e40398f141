package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
)

// checkOptions are the inputs of `diplograph check`.
type checkOptions struct {
	IO     *ioStreams
	DB     string
	Format string
}

func newCmdCheck(streams *ioStreams, runF func(*cobra.Command, *checkOptions) error) *cobra.Command {
	opts := &checkOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "check [--db PATH] [--format text|json]",
		Short: "Verify the store's invariants: whole articles, no dangling nodes, every edge backed",
		Long: `Check reads the whole store and verifies what ingest guarantees: every quad
belongs to a whole stored article; every node an article writes about or
points to is typed; every event says which article reported it; every
actor-to-actor relation edge is backed by an asserted event of the same
article; Cayley's indexes agree with its quads.

It prints one problem per line and exits with status 1 if there is any,
then 0 only for a sound store. Run it after a crash or a full disk; a store
with problems is best rebuilt by ingesting the articles into a new one.`,
		Example: `  diplograph check
  diplograph check --db news.db --format json`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != "json" && opts.Format != "text" {
				return usagef("--format must be text or json, not %q", opts.Format)
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return checkRun(cmd, opts)
		},
	}
	addDBFlag(cmd, &opts.DB)
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	return cmd
}

func checkRun(cmd *cobra.Command, opts *checkOptions) error {
	store, err := openExisting(cmd, opts.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := store.Check(cmd.Context())
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		if rep.Problems == nil {
			rep.Problems = []string{}
		}
		if err := json.NewEncoder(opts.IO.Out).Encode(rep); err != nil {
			return err
		}
	} else {
		for _, p := range rep.Problems {
			fmt.Fprintln(opts.IO.Out, p)
		}
		fmt.Fprintf(opts.IO.Out, "%d articles, %d events, %d quads: ", rep.Articles, rep.Events, rep.Quads)
		if len(rep.Problems) == 0 {
			fmt.Fprintln(opts.IO.Out, "ok")
		} else {
			fmt.Fprintf(opts.IO.Out, "%d problems\n", len(rep.Problems))
		}
	}
	if len(rep.Problems) > 0 {
		return fmt.Errorf("check %s: %d problems (listed above)", opts.DB, len(rep.Problems))
	}
	return nil
}
