package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/schema"
)

// extractOptions are the inputs of `diplograph extract`.
type extractOptions struct {
	IO        *ioStreams
	Published string
	Format    string
	Path      string
}

func newCmdExtract(streams *ioStreams, runF func(*cobra.Command, *extractOptions) error) *cobra.Command {
	opts := &extractOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "extract [--published YYYY-MM-DD] [--format json|text] FILE|-",
		Short: "Print one article's actors and events without touching a store",
		Long: `Extract reads one article (a file, or - for standard input) and prints what
diplograph finds in it: actors with their kinds, countries, aliases and roles,
and CAMEO-coded events with source, target, place, date, negation, the evidence
sentence and the lexicon rule that fired. Nothing is written to a store.

Relative dates ("on Thursday", "last week") are resolved against --published;
without it, against a "Published: YYYY-MM-DD" line in the article, else left
null.`,
		Example: `  diplograph extract --published 2025-02-27 article.txt
  diplograph extract --format json --published 2025-02-27 article.txt | jq '.events[] | {cameo, source, target, date}'
  curl -s https://example.org/story.txt | diplograph extract -`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if opts.Format != "json" && opts.Format != "text" {
				return usagef("--format must be json or text, not %q", opts.Format)
			}
			if opts.Published != "" {
				if _, err := extract.ParseDate(opts.Published); err != nil {
					return usagef("--published: %v", err)
				}
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return extractRun(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Published, "published", "", "publication date `YYYY-MM-DD`, for relative dates")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: json or text")
	return cmd
}

func extractRun(cmd *cobra.Command, opts *extractOptions) error {
	arts, err := readInput(opts.Path, opts.IO.In)
	if err != nil {
		return err
	}
	if len(arts) != 1 {
		return fmt.Errorf("extract %s: expected one article, found %d (use ingest for JSON Lines)", opts.Path, len(arts))
	}
	art := arts[0]
	if opts.Published != "" {
		art.Published = opts.Published
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	res, err := x.Extract(cmd.Context(), art)
	if err != nil {
		return fmt.Errorf("extract %s: %w", opts.Path, err)
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	return writeResultText(opts.IO.Out, res)
}

// writeResultText prints an extraction for a person to read.
func writeResultText(w io.Writer, r schema.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", orDash(r.Document.Title))
	if r.Document.Published != "" || r.Document.Dateline != "" {
		fmt.Fprintf(&b, "%s  %s\n", r.Document.Published, r.Document.Dateline)
	}
	names := map[string]string{}
	for _, a := range r.Actors {
		names[a.ID] = a.Name
	}
	fmt.Fprintf(&b, "\nActors (%d)\n", len(r.Actors))
	for _, a := range r.Actors {
		fmt.Fprintf(&b, "  %-13s %-34s %s", a.Kind, a.Name, orDash(a.Country))
		var roles []string
		for _, ro := range a.Roles {
			s := ro.Title
			if ro.Of != "" {
				s += " (" + names[ro.Of] + ")"
			}
			roles = append(roles, s)
		}
		if len(roles) > 0 {
			fmt.Fprintf(&b, "  %s", strings.Join(roles, "; "))
		}
		if len(a.Aliases) > 0 {
			fmt.Fprintf(&b, "  aka %s", strings.Join(a.Aliases, ", "))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\nEvents (%d)\n", len(r.Events))
	for _, e := range r.Events {
		who := func(ids []string) string {
			var ns []string
			for _, id := range ids {
				ns = append(ns, names[id])
			}
			return orDash(strings.Join(ns, ", "))
		}
		mark := ""
		if e.Negated {
			mark = " [" + e.Modality + "]"
		}
		fmt.Fprintf(&b, "  %s %s%s\n    %s -> %s", e.CAMEO, e.Label, mark, who(e.Source), who(e.Target))
		if e.Place != "" {
			fmt.Fprintf(&b, "  at %s", names[e.Place])
		}
		if e.Date != "" {
			fmt.Fprintf(&b, "  on %s", e.Date)
		}
		fmt.Fprintf(&b, "\n    %q (rule %s)\n", e.Evidence, e.Rule)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
