package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
)

// queryOptions are the inputs of `diplograph query`.
type queryOptions struct {
	IO      *ioStreams
	DB      string
	Limit   int
	Timeout time.Duration
	File    string
	Query   string
}

func newCmdQuery(streams *ioStreams, runF func(*cobra.Command, *queryOptions) error) *cobra.Command {
	opts := &queryOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "query [--db PATH] [--limit N] [--timeout D] [--file F.js | 'GIZMO']",
		Short: "Run a Gizmo query and print one JSON object per result",
		Long: `Query runs a Gizmo (JavaScript) query against the store and prints each result
as one JSON object per line. docs/schema.md describes the graph model and has
tested example queries.

Cayley's Gizmo has a quirk: a bare g.V().Count() prints nothing. Wrap values
you compute in g.Emit(...): g.Emit(g.V().Has("<rdf:type>", "<schema:Person>").Count()).

A query prints at most --limit results (a note on standard error says when
there were more) and is stopped after --timeout. A query that is not valid
JavaScript is a usage error (exit status 2) reported with its line and
column. Queries only read: the store is opened read-only, and Gizmo has no
step that writes.`,
		Example: `  diplograph query 'g.V().Has("<schema:name>", "Vladimir Putin").All()'
  diplograph query 'g.V("<dg:person/sergey-lavrov>").Out("<dg:consultedWith>").Out("<schema:name>").All()'
  diplograph query 'g.Emit(g.V().Has("<rdf:type>", "<schema:Event>").Count())'
  diplograph query --file queries/met-both.js --limit 20`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("give one query (quote it), or --file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case opts.File != "" && len(args) > 0:
				return usagef("give a query or --file, not both")
			case opts.File == "" && len(args) == 0:
				return usagef("give a Gizmo query, or --file F.js")
			case len(args) == 1:
				opts.Query = args[0]
			}
			if opts.Limit < 0 {
				return usagef("--limit must be 0 (no limit) or more")
			}
			if opts.Timeout < 0 {
				return usagef("--timeout must be 0 (none) or more")
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return queryRun(cmd, opts)
		},
	}
	addDBFlag(cmd, &opts.DB)
	cmd.Flags().IntVar(&opts.Limit, "limit", 100, "print at most `N` results (0: all)")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", 30*time.Second, "stop the query after `D` (90s, 5m; 0: never)")
	cmd.Flags().StringVar(&opts.File, "file", "", "read the query from `F.js`")
	return cmd
}

func queryRun(cmd *cobra.Command, opts *queryOptions) error {
	q := opts.Query
	if opts.File != "" {
		b, err := os.ReadFile(opts.File)
		if err != nil {
			return fmt.Errorf("query --file %s: %w", opts.File, unwrapPathError(err))
		}
		q = string(b)
	}
	if strings.TrimSpace(q) == "" {
		return usagef("the query is empty")
	}
	store, err := openExisting(cmd, opts.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := cmd.Context()
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	enc := json.NewEncoder(opts.IO.Out)
	enc.SetEscapeHTML(false) // IRIs are "<dg:...>", not "\u003cdg:...\u003e"
	// One result more than the limit tells that there were more.
	n := 0
	errMore := errors.New("more results than the limit")
	err = store.Query(ctx, q, 0, func(v any) error {
		if n++; opts.Limit > 0 && n > opts.Limit {
			return errMore
		}
		return enc.Encode(v)
	})
	var se *graph.SyntaxError
	switch {
	case errors.Is(err, errMore):
		fmt.Fprintf(opts.IO.ErrOut, "query: stopped after %d results (--limit %d; --limit 0 prints all)\n", opts.Limit, opts.Limit)
		return nil
	case errors.As(err, &se):
		return usageError{fmt.Errorf("query: %w", se)}
	case errors.Is(err, context.DeadlineExceeded) && cmd.Context().Err() == nil:
		return fmt.Errorf("query: stopped after --timeout %s with %d results printed; narrow the query, add --limit, or raise --timeout", opts.Timeout, n)
	case errors.Is(err, context.Canceled):
		return errors.New("query: interrupted")
	}
	return err
}

// openExisting opens a store for reading; a missing store is an error, not
// a new empty one.
func openExisting(cmd *cobra.Command, path string) (*graph.Store, error) {
	if !strings.Contains(path, "://") {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open store %s: %w (run diplograph ingest first, or give --db)", path, unwrapPathError(err))
		}
	}
	return graph.Open(cmd.Context(), path, graph.Options{ReadOnly: true})
}
