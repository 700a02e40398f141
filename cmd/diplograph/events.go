package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// eventsOptions are the inputs of `diplograph events`.
type eventsOptions struct {
	IO      *ioStreams
	DB      string
	Actor   string
	Between string
	And     string
	Type    string // as given; EventType parsed
	Place   string
	Since   string
	Until   string
	All     bool
	Limit   int
	Format  string

	EventType schema.EventType
}

func newCmdEvents(streams *ioStreams, runF func(*cobra.Command, *eventsOptions) error) *cobra.Command {
	opts := &eventsOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "events [--actor NAME] [--between NAME --and NAME] [--type TYPE] [--place NAME] [--since DATE] [--until DATE] [--format table|json|csv]",
		Short: "List events, newest first, with the evidence sentence",
		Long: `Events lists the events in the store, newest first (undated ones last): date,
CAMEO code and type, source and target, place, the number of articles that
report it and the evidence sentence of the first. An event several articles
report is one event. JSON output adds every report: its article, evidence
sentence, trigger and rule.

Only events that happened are listed; --all adds the ones the text denies or
only imagines. Names are looked up as in relations: any case, accents
optional, by alias or surname, or an actor's ID.

Without --format, a terminal gets an aligned table and a pipe or file gets
JSON, one object per line.`,
		Example: `  diplograph events --between Russia --and "United States"
  diplograph events --actor lavrov --type 04 --since 2025-01-01
  diplograph events --place Riyadh --format json
  diplograph events --type 163 --all --limit 20
  diplograph events --type SANCTION --format csv
  diplograph events --type "make a visit" --actor lavrov`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Format, err = resolveFormat(opts.Format, opts.IO); err != nil {
				return err
			}
			if (opts.Between == "") != (opts.And == "") {
				return usagef("--between and --and go together")
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
			if opts.Limit < 0 {
				return usagef("--limit must be 0 (no limit) or more")
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return eventsRun(cmd, opts)
		},
	}
	addDBFlag(cmd, &opts.DB)
	cmd.Flags().StringVar(&opts.Actor, "actor", "", "only events `NAME` takes part in")
	cmd.Flags().StringVar(&opts.Between, "between", "", "only events between `NAME` and the actor of --and, on opposite sides")
	cmd.Flags().StringVar(&opts.And, "and", "", "the other actor of --between (`NAME`)")
	cmd.Flags().StringVar(&opts.Type, "type", "", typeUsage)
	cmd.Flags().StringVar(&opts.Place, "place", "", "only events at the place or country `NAME`")
	cmd.Flags().StringVar(&opts.Since, "since", "", "only events on or after `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	cmd.Flags().StringVar(&opts.Until, "until", "", "only events on or before `DATE`")
	cmd.Flags().BoolVar(&opts.All, "all", false, "also list denied and hypothetical events")
	cmd.Flags().IntVar(&opts.Limit, "limit", 0, "print at most `N` events (0: all)")
	cmd.Flags().StringVar(&opts.Format, "format", "", formatUsage)
	return cmd
}

func eventsRun(cmd *cobra.Command, opts *eventsOptions) error {
	store, err := openExisting(cmd, opts.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	q := graph.EventQuery{
		Type: opts.EventType, Since: opts.Since, Until: opts.Until, All: opts.All,
		Limit: opts.Limit, Reports: opts.Format == formatJSON,
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{opts.Actor, &q.Actor}, {opts.Between, &q.Between}, {opts.And, &q.And}, {opts.Place, &q.Place}} {
		if f.name == "" {
			continue
		}
		a, err := lookupActor(cmd, store, f.name)
		if err != nil {
			return err
		}
		*f.dst = a.ID
	}
	events, err := store.Events(cmd.Context(), q)
	if err != nil {
		return err
	}
	if len(events) == 0 && opts.Format == formatTable {
		fmt.Fprintln(opts.IO.ErrOut, "no events match")
		return nil
	}
	l := newListing("DATE", "CODE", "EVENT", "SOURCE", "TARGET", "PLACE", "ARTICLES", "EVIDENCE", "ID")
	l.wide[7] = true
	for _, e := range events {
		l.add(e, eventDate(e), e.Code, eventLabel(e), names(e.Source), names(e.Target), placeName(e),
			strconv.Itoa(len(e.Articles)), e.Evidence, e.ID)
	}
	return l.write(opts.IO.Out, opts.Format)
}
