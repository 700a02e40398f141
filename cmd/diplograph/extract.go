package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

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
	Paths     []string // --format conllu reads several inputs
	MaxSize   string
	Actors    []string
	Verbs     []string
	Explain   bool
	Profile   bool
	read      readOptions
}

func newCmdExtract(streams *ioStreams, runF func(*cobra.Command, *extractOptions) error) *cobra.Command {
	opts := &extractOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "extract [--published YYYY-MM-DD] [--format json|text|conllu] FILE|-",
		Short: "Print one article's actors and events without touching a store",
		Long: `Extract reads one article (a file, or - for standard input) and prints what
diplograph finds in it: actors with their kinds, countries, aliases and roles,
and CAMEO-coded events with source, target, place, date, negation, the evidence
sentence and the lexicon rule that fired. Nothing is written to a store.

Relative dates ("on Thursday", "last week") are resolved against --published;
without it, against a "Published: YYYY-MM-DD" line in the article, else left
null.

--format conllu prints the syntax instead: every sentence of every article
(headline, body, and the dateline and byline lines the extractor skips) as a
CoNLL-U block with "# sent_id" and "# text", its words' tags, lemmas,
features, heads and relations. It takes what ingest takes: files, folders,
JSON Lines with many articles.`,
		Example: `  diplograph extract --published 2025-02-27 article.txt
  diplograph extract --explain --published 2025-02-27 article.txt
  diplograph extract --format json --published 2025-02-27 article.txt | jq '.events[] | {cameo, source, target, date}'
  diplograph extract --actors Phoenix.Countries.actors.txt article.txt
  diplograph extract --verbs CAMEO.2.0.txt article.txt
  diplograph extract --format conllu testdata/articles
  diplograph extract --profile --published 2025-02-27 article.txt
  curl -s https://example.org/story.txt | diplograph extract -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case opts.Format != "json" && opts.Format != "text" && opts.Format != "conllu":
				return usagef("--format must be json, text or conllu, not %q", opts.Format)
			case opts.Explain && opts.Format != "text":
				return usagef("--explain prints text; leave out --format %s", opts.Format)
			case len(args) == 0:
				return usagef("extract needs a FILE (or - for standard input)")
			case len(args) > 1 && opts.Format != "conllu":
				return usagef("extract takes one FILE (--format conllu takes several; ingest stores many)")
			}
			opts.Path, opts.Paths = args[0], args
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
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: json, text, or conllu (the syntax of every sentence)")
	cmd.Flags().StringVar(&opts.MaxSize, "max-size", formatSize(defaultMaxSize), "refuse an article larger than `SIZE` (512KB, 4MB)")
	cmd.Flags().StringArrayVar(&opts.Actors, "actors", nil, "PETRARCH/CAMEO actor dictionary `FILE` (repeatable)")
	cmd.Flags().StringArrayVar(&opts.Verbs, "verbs", nil, "PETRARCH/TABARI verb dictionary `FILE` (repeatable): event patterns added after the built-in lexicon")
	cmd.Flags().BoolVar(&opts.Profile, "profile", false, "print the time each extraction stage took, on standard error")
	cmd.Flags().BoolVar(&opts.Explain, "explain", false, "show each event's rule, trigger and arguments marked in its sentence")
	return cmd
}

func extractRun(cmd *cobra.Command, opts *extractOptions) error {
	if opts.Format == "conllu" {
		return extractCoNLLU(cmd, opts)
	}
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
	xopts, err := extractorOptions(opts.Actors, opts.Verbs)
	if err != nil {
		return err
	}
	x, err := extract.New(xopts...)
	if err != nil {
		return err
	}
	an, err := x.Analyze(cmd.Context(), art)
	if err != nil {
		return fmt.Errorf("extract %s: %w", opts.Path, err)
	}
	res := an.Result
	if opts.Profile {
		writeProfile(opts.IO.ErrOut, an.Profile)
	}
	if opts.Explain {
		return writeExplain(opts.IO.Out, an.Sentences, res)
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
func writeExplain(w io.Writer, sents []extract.Sentence, r schema.Result) error {
	byIndex := map[int]extract.Sentence{}
	for _, s := range sents {
		if s.Index >= 0 {
			byIndex[s.Index] = s
		}
	}
	shown := map[int]bool{}
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
		fmt.Fprintf(&b, "; date %s", orDash(e.Date))
		if e.DateSource != "" {
			fmt.Fprintf(&b, " (%s)", e.DateSource)
		}
		fmt.Fprintf(&b, "; Goldstein %+.1f\n", e.Goldstein)
		if s, ok := byIndex[e.Sentence]; ok && !shown[e.Sentence] {
			shown[e.Sentence] = true
			writeTree(&b, s)
		}
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

// writeTree prints a sentence's analysis, a word a line: index, form,
// tags, and the relation to its head.
func writeTree(b *strings.Builder, s extract.Sentence) {
	b.WriteString("   syntax:\n")
	for i, w := range s.Words {
		head := "ROOT"
		if w.Head > 0 {
			head = fmt.Sprintf("%d %s", w.Head, s.Words[w.Head-1].Form)
		}
		fmt.Fprintf(b, "     %2d %-16s %-5s %-4s %-11s <- %s\n", i+1, w.Form, w.UPOS, w.XPOS, w.Rel, head)
	}
}

// writeProfile prints the time of each stage and their total.
func writeProfile(w io.Writer, p extract.Profile) {
	var total time.Duration
	for _, st := range p {
		total += st.Time
	}
	for _, st := range p {
		share := 0.0
		if total > 0 {
			share = 100 * float64(st.Time) / float64(total)
		}
		fmt.Fprintf(w, "%-11s %9.3f ms %5.1f%%\n", st.Stage, float64(st.Time.Microseconds())/1000, share)
	}
	fmt.Fprintf(w, "%-11s %9.3f ms\n", "total", float64(total.Microseconds())/1000)
}
