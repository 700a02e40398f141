package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// showOptions are the inputs of `diplograph show`.
type showOptions struct {
	IO     *ioStreams
	DB     string
	Ref    string
	Events int
	Format string
}

func newCmdShow(streams *ioStreams, runF func(*cobra.Command, *showOptions) error) *cobra.Command {
	opts := &showOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "show ID|NAME [--events N] [--format text|json]",
		Short: "Show everything the store knows about one actor, event, article or node",
		Long: `Show prints one node with everything known about it.

An actor (by name, alias, surname or ID): kind, country, aliases, every role
with the dates articles state it, its relations, its latest events and the
articles that name it. An event (event/... or one of its reports, report/...):
date, code, participants, place, modality, and every report of it: article,
evidence sentence, trigger and the rule that produced it; the number of
articles is its support. An article (article/...): its title, date, the actors
it names and the events it reports. Any other node (a role, a CAMEO code): its
statements.

Without --format, a terminal gets text and a pipe or file gets one JSON object.`,
		Example: `  diplograph show "Sergey Lavrov"
  diplograph show person/vladimir-putin --events 50
  diplograph show event/f88db042c9d1f734
  diplograph show article/2dc017b04f80dfad --format json`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ref = args[0]
			switch opts.Format {
			case "":
				opts.Format = "json"
				if opts.IO.IsTerminal {
					opts.Format = "text"
				}
			case "text", "json":
			default:
				return usagef("--format must be text or json, not %q", opts.Format)
			}
			if opts.Events < 0 {
				return usagef("--events must be 0 (all) or more")
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return showRun(cmd, opts)
		},
	}
	addDBFlag(cmd, &opts.DB)
	cmd.Flags().IntVar(&opts.Events, "events", 20, "list at most `N` of an actor's events (0: all)")
	cmd.Flags().StringVar(&opts.Format, "format", "", "output `format`: text or json; default text on a terminal, json otherwise")
	return cmd
}

func showRun(cmd *cobra.Command, opts *showOptions) error {
	store, err := openExisting(cmd, opts.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	d, err := store.Describe(cmd.Context(), opts.Ref, opts.Events)
	if err != nil {
		return showNotFound(opts.Ref, unwrapLookup(err))
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetEscapeHTML(false)
		return enc.Encode(d)
	}
	var b strings.Builder
	switch {
	case d.Actor != nil:
		writeActorText(&b, d.Actor)
	case d.Event != nil:
		writeEventText(&b, d.Event)
	case d.Article != nil:
		writeArticleText(&b, d.Article)
	case d.Node != nil:
		writeNodeText(&b, d.Node)
	}
	_, err = io.WriteString(opts.IO.Out, b.String())
	return err
}

// unwrapLookup drops the store's context from a name that matched no
// actor or several: the candidates are the message.
func unwrapLookup(err error) error {
	var amb *graph.AmbiguousError
	var nf *graph.NotFoundError
	switch {
	case errors.As(err, &amb):
		return amb
	case errors.As(err, &nf):
		return nf
	}
	return err
}

// listArticles is the command that lists a store's articles with their IDs.
const listArticles = `diplograph query 'g.V().Has("<rdf:type>", "<schema:NewsArticle>").All()'`

// showNotFound says what show did not find, from the form of ref: the
// store looks an event/ or article/ ID it lacks up as an actor's name, and
// "no actor is called event/…" would send the user looking for the wrong
// thing. Each message ends with how to list the things that are there.
func showNotFound(ref string, err error) error {
	var nf *graph.NotFoundError
	if !errors.As(err, &nf) {
		return err
	}
	id := strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(ref), "<"), ">"), schema.Prefix)
	var msg string
	switch {
	case strings.HasPrefix(id, "event/"):
		msg = fmt.Sprintf("no event %s in the store; diplograph events lists the events with their IDs", id)
	case strings.HasPrefix(id, "report/"):
		msg = fmt.Sprintf("no report %s in the store; diplograph show event/ID lists an event's reports, diplograph events the events", id)
	case strings.HasPrefix(id, "article/"):
		msg = fmt.Sprintf("no article %s in the store; %s lists the articles", id, listArticles)
	case len(nf.Suggestions) > 0: // the message ends with a list
		msg = nf.Error() + "\ndiplograph actors lists the actors"
	default:
		msg = nf.Error() + "; diplograph actors lists the actors"
	}
	return notFoundError{msg: msg, err: err}
}

func writeActorText(b *strings.Builder, a *graph.ActorDetail) {
	fmt.Fprintf(b, "%s\n", a.Name)
	fmt.Fprintf(b, "  id        %s\n", a.ID)
	fmt.Fprintf(b, "  kind      %s\n", a.Kind)
	if a.Country != "" {
		fmt.Fprintf(b, "  country   %s\n", a.Country)
	}
	if len(a.Aliases) > 0 {
		fmt.Fprintf(b, "  aliases   %s\n", strings.Join(a.Aliases, ", "))
	}
	fmt.Fprintf(b, "  events    %d\n", a.Events)
	fmt.Fprintf(b, "  articles  %d\n", a.Articles)
	if len(a.Roles) > 0 {
		fmt.Fprintf(b, "\nRoles\n")
		for _, r := range a.Roles {
			dates := r.First
			if r.Last != r.First {
				dates += " – " + r.Last
			}
			cur := ""
			if r.Current {
				cur = " (current)"
			}
			fmt.Fprintf(b, "  %-40s %s%s\n", r.String(), dates, cur)
		}
	}
	if len(a.Relations) > 0 {
		fmt.Fprintf(b, "\nRelations\n")
		l := newListing("COUNTERPART", "CODE", "EVENT TYPE", "DIR", "EVENTS", "FIRST", "LAST", "ARTICLES")
		l.group = 0
		for _, r := range a.Relations {
			l.add(r, r.Counterpart.String(), r.Code, r.Label, arrow(r.Direction),
				fmt.Sprint(r.Events), r.First, r.Last, fmt.Sprint(r.Articles))
		}
		writeIndented(b, l)
	}
	if len(a.EventList) > 0 {
		fmt.Fprintf(b, "\nEvents (latest %d)\n", len(a.EventList))
		writeEventRows(b, a.EventList, a.ID)
	}
	if len(a.ArticleList) > 0 {
		fmt.Fprintf(b, "\nArticles\n")
		for _, art := range a.ArticleList {
			fmt.Fprintf(b, "  %-10s  %s  (%s)\n", art.Published, art.Title, art.ID)
		}
	}
}

func writeEventRows(b *strings.Builder, es []graph.Event, actorID string) {
	l := newListing("DATE", "CODE", "EVENT", "WITH", "PLACE", "ARTICLES", "ID")
	for _, e := range es {
		w := with(e, actorID)
		if actorID == "" {
			w = names(e.Source) + " → " + names(e.Target)
		}
		l.add(e, eventDate(e), e.Code, eventLabel(e), w, placeName(e), fmt.Sprint(len(e.Articles)), e.ID)
	}
	writeIndented(b, l)
}

// writeIndented writes a table indented under a heading.
func writeIndented(b *strings.Builder, l *listing) {
	var t strings.Builder
	_ = l.write(&t, formatTable) // a strings.Builder does not fail
	for _, line := range strings.SplitAfter(t.String(), "\n") {
		if line != "" {
			b.WriteString("  " + line)
		}
	}
}

func writeEventText(b *strings.Builder, e *graph.Event) {
	fmt.Fprintf(b, "%s → %s: %s\n", names(e.Source), names(e.Target), eventLabel(*e))
	fmt.Fprintf(b, "  id         %s\n", e.ID)
	date := eventDate(*e)
	if e.Start != "" && (e.Start != e.Date || e.End != e.Date) {
		date += fmt.Sprintf("  (%s to %s)", e.Start, e.End)
	}
	fmt.Fprintf(b, "  date       %s\n", date)
	codes := e.Code
	if len(e.Codes) > 1 {
		codes += " (reported as " + strings.Join(e.Codes, ", ") + ")"
	}
	fmt.Fprintf(b, "  code       %s %s (root %s)\n", codes, e.Label, e.Root)
	fmt.Fprintf(b, "  goldstein  %.1f\n", e.Goldstein)
	if e.PLOVER != nil {
		fmt.Fprintf(b, "  plover     %s\n", ploverText(*e.PLOVER))
	}
	fmt.Fprintf(b, "  source     %s\n", refs(e.Source))
	fmt.Fprintf(b, "  target     %s\n", refs(e.Target))
	if e.Place != nil {
		fmt.Fprintf(b, "  place      %s (%s)\n", e.Place.String(), e.Place.ID)
	}
	fmt.Fprintf(b, "  modality   %s\n", e.Modality)
	fmt.Fprintf(b, "  support    %d article(s), %d report(s)\n", len(e.Articles), len(e.Reports))
	for i, r := range e.Reports {
		fmt.Fprintf(b, "\nReport %d  %s\n", i+1, r.ID)
		fmt.Fprintf(b, "  article   %s %s (%s)\n", r.Article.Published, r.Article.Title, r.Article.ID)
		if r.Article.URL != "" {
			fmt.Fprintf(b, "  url       %s\n", r.Article.URL)
		}
		fmt.Fprintf(b, "  evidence  %q (sentence %d)\n", r.Evidence, r.Sentence)
		fmt.Fprintf(b, "  coded     %s, date %s\n", r.Code, orDash(r.Date))
		fmt.Fprintf(b, "  rule      %s (trigger %q)\n", r.Rule, r.Trigger)
	}
}

func writeArticleText(b *strings.Builder, a *graph.ArticleDetail) {
	fmt.Fprintf(b, "%s\n", a.Title)
	fmt.Fprintf(b, "  id         %s\n", a.ID)
	if a.Published != "" {
		fmt.Fprintf(b, "  published  %s\n", a.Published)
	}
	if a.URL != "" {
		fmt.Fprintf(b, "  url        %s\n", a.URL)
	}
	if a.Source != "" {
		fmt.Fprintf(b, "  source     %s\n", a.Source)
	}
	if a.Dateline != nil {
		fmt.Fprintf(b, "  dateline   %s\n", a.Dateline.String())
	}
	fmt.Fprintf(b, "\nActors (%d)\n", len(a.Actors))
	for _, act := range a.Actors {
		fmt.Fprintf(b, "  %-32s %-13s %s\n", act.Name, act.Kind, act.ID)
	}
	if len(a.Events) > 0 {
		fmt.Fprintf(b, "\nEvents (%d)\n", len(a.Events))
		writeEventRows(b, a.Events, "")
	}
}

func writeNodeText(b *strings.Builder, n *graph.NodeDetail) {
	fmt.Fprintf(b, "%s\n", n.ID)
	for _, p := range n.Properties {
		fmt.Fprintf(b, "  %-24s %s\n", p.Predicate, strings.Join(p.Values, " | "))
	}
	if len(n.Incoming) > 0 {
		fmt.Fprintf(b, "\nPointed to by\n")
		preds := make([]string, 0, len(n.Incoming))
		for p := range n.Incoming {
			preds = append(preds, p)
		}
		sort.Strings(preds)
		for _, p := range preds {
			fmt.Fprintf(b, "  %-24s %d\n", p, n.Incoming[p])
		}
	}
}

func refs(as []graph.ActorRef) string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String() + " (" + a.ID + ")"
	}
	return strings.Join(out, ", ")
}
