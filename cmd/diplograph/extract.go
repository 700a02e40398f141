package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
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
	MaxSize   string
	Actors    []string
	Explain   bool
	read      readOptions
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
  diplograph extract --explain --published 2025-02-27 article.txt
  diplograph extract --format json --published 2025-02-27 article.txt | jq '.events[] | {cameo, source, target, date}'
  diplograph extract --actors Phoenix.Countries.actors.txt article.txt
  curl -s https://example.org/story.txt | diplograph extract -`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if opts.Format != "json" && opts.Format != "text" {
				return usagef("--format must be json or text, not %q", opts.Format)
			}
			if opts.Explain && opts.Format == "json" {
				return usagef("--explain prints text; leave out --format json")
			}
			if opts.Published != "" {
				if _, err := schema.ParseDay(opts.Published); err != nil {
					return usagef("--published: %v", err)
				}
			}
			n, err := parseSize(opts.MaxSize)
			if err != nil {
				return usagef("--max-size: %v", err)
			}
			opts.read.maxSize = n
			if runF != nil {
				return runF(cmd, opts)
			}
			return extractRun(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Published, "published", "", "publication date `YYYY-MM-DD`, for relative dates")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: json or text")
	cmd.Flags().StringVar(&opts.MaxSize, "max-size", formatSize(defaultMaxSize), "refuse an article larger than `SIZE` (512KB, 4MB)")
	cmd.Flags().StringArrayVar(&opts.Actors, "actors", nil, "PETRARCH/CAMEO actor dictionary `FILE` (repeatable)")
	cmd.Flags().BoolVar(&opts.Explain, "explain", false, "show each event's rule, trigger and arguments marked in its sentence")
	return cmd
}

func extractRun(cmd *cobra.Command, opts *extractOptions) error {
	arts, err := readInput(opts.Path, opts.IO.In, opts.read)
	if err != nil {
		return fmt.Errorf("extract %w", err)
	}
	if len(arts) != 1 {
		return fmt.Errorf("extract %s: expected one article, found %d (use ingest for JSON Lines)", opts.Path, len(arts))
	}
	art := arts[0]
	if opts.Published != "" {
		art.Published = opts.Published
	}
	xopts, err := extractorOptions(opts.Actors)
	if err != nil {
		return err
	}
	x, err := extract.New(xopts...)
	if err != nil {
		return err
	}
	res, err := x.Extract(cmd.Context(), art)
	if err != nil {
		return fmt.Errorf("extract %s: %w", opts.Path, err)
	}
	if opts.Explain {
		return writeExplain(opts.IO.Out, art.Text, res)
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

// writeExplain prints every event with its rule, its trigger in [brackets]
// and its actors in {braces} inside the sentence, then why it reads so.
func writeExplain(w io.Writer, text string, r schema.Result) error {
	var b strings.Builder
	names := map[string]string{}
	for _, a := range r.Actors {
		names[a.ID] = a.Name
	}
	who := func(ids []string) string {
		var ns []string
		for _, id := range ids {
			ns = append(ns, names[id])
		}
		return orDash(strings.Join(ns, ", "))
	}
	for i, e := range r.Events {
		fmt.Fprintf(&b, "%d. %s %s  rule %s", i+1, e.CAMEO, e.Label, e.Rule)
		if e.Negated {
			fmt.Fprintf(&b, "  [%s]", e.Modality)
		}
		fmt.Fprintf(&b, "\n   %s\n", markSentence(e.Evidence, e.Trigger, namesOf(r, e)))
		fmt.Fprintf(&b, "   source %s; target %s", who(e.Source), who(e.Target))
		if e.Place != "" {
			fmt.Fprintf(&b, "; place %s", names[e.Place])
		}
		fmt.Fprintf(&b, "; date %s; Goldstein %+.1f\n", orDash(e.Date), e.Goldstein)
		for _, a := range e.Also {
			fmt.Fprintf(&b, "   also sentence %d (%s): %q\n", a.Sentence, a.Rule, a.Text)
		}
	}
	if len(r.Events) == 0 {
		b.WriteString("no events\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// namesOf lists the surface forms of an event's actors: their names and
// aliases, longest first, for marking.
func namesOf(r schema.Result, e schema.Event) []string {
	ids := append(append([]string{}, e.Source...), e.Target...)
	var out []string
	for _, id := range ids {
		if a, ok := r.Actor(id); ok {
			out = append(out, a.Name)
			out = append(out, a.Aliases...)
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// markSentence puts the trigger in [brackets] and the first mention of
// each actor name in {braces}.
func markSentence(s, trigger string, names []string) string {
	if i := strings.Index(s, trigger); trigger != "" && i >= 0 {
		s = s[:i] + "[" + trigger + "]" + s[i+len(trigger):]
	}
	for _, n := range names {
		if n == "" || strings.Contains(s, "{"+n) {
			continue
		}
		if i := strings.Index(s, n); i >= 0 && !insideMark(s, i) {
			s = s[:i] + "{" + n + "}" + s[i+len(n):]
		}
	}
	return s
}

// insideMark: position i is already inside a {...} mark.
func insideMark(s string, i int) bool {
	return strings.LastIndex(s[:i], "{") > strings.LastIndex(s[:i], "}")
}
