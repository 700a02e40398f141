package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// timelineOptions are the inputs of `diplograph timeline`.
type timelineOptions struct {
	IO     *ioStreams
	DB     string
	Name   string
	Since  string
	Until  string
	Type   string // as given; EventType parsed
	All    bool
	Format string

	EventType schema.EventType
}

func newCmdTimeline(streams *ioStreams, runF func(*cobra.Command, *timelineOptions) error) *cobra.Command {
	opts := &timelineOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "timeline NAME [--since DATE] [--until DATE] [--type TYPE] [--format table|json|csv]",
		Short: "Show an actor's events in date order",
		Long: `Timeline lists the events NAME takes part in, oldest first (undated ones
last): the date, what happened, with whom (→ NAME acted on them, ← they acted on
NAME), where, and the number of articles that report it. --all adds the events
the text denies or only imagines.

NAME is looked up as in relations: any case, accents optional, by alias or
surname, or an actor's ID.

Without --format, a terminal gets an aligned table and a pipe or file gets
JSON, one object per line.`,
		Example: `  diplograph timeline "Sergey Lavrov"
  diplograph timeline Russia --since 2025-01-01 --type 04
  diplograph timeline putin --all --format csv > putin.csv
  diplograph timeline Russia --type ASSAULT`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			var err error
			if opts.Format, err = resolveFormat(opts.Format, opts.IO); err != nil {
				return err
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
			if runF != nil {
				return runF(cmd, opts)
			}
			return timelineRun(cmd, opts)
		},
	}
	addDBFlag(cmd, &opts.DB)
	cmd.Flags().StringVar(&opts.Since, "since", "", "only events on or after `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	cmd.Flags().StringVar(&opts.Until, "until", "", "only events on or before `DATE`")
	cmd.Flags().StringVar(&opts.Type, "type", "", typeUsage)
	cmd.Flags().BoolVar(&opts.All, "all", false, "also list denied and hypothetical events")
	cmd.Flags().StringVar(&opts.Format, "format", "", formatUsage)
	return cmd
}

func timelineRun(cmd *cobra.Command, opts *timelineOptions) error {
	store, err := openExisting(cmd, opts.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	actor, err := lookupActor(cmd, store, opts.Name)
	if err != nil {
		return err
	}
	events, err := store.Events(cmd.Context(), graph.EventQuery{
		Actor: actor.ID, Type: opts.EventType, Since: opts.Since, Until: opts.Until,
		All: opts.All, OldestFirst: true, Reports: opts.Format == formatJSON,
	})
	if err != nil {
		return err
	}
	if opts.Format == formatTable {
		if len(events) == 0 {
			fmt.Fprintf(opts.IO.ErrOut, "no events of %s (%s) match\n", actor.Name, actor.ID)
			return nil
		}
		fmt.Fprintf(opts.IO.Out, "%s (%s)\n\n", actor.Name, actor.ID)
	}
	l := newListing("DATE", "CODE", "EVENT", "WITH", "PLACE", "ARTICLES", "EVIDENCE", "ID")
	l.wide[6] = true
	for _, e := range events {
		l.add(e, eventDate(e), e.Code, eventLabel(e), with(e, actor.ID), placeName(e),
			strconv.Itoa(len(e.Articles)), e.Evidence, e.ID)
	}
	return l.write(opts.IO.Out, opts.Format)
}

// with names the actors on the other side of an event from id, with an
// arrow for the direction: "→ Marco Rubio" (id acted on them).
func with(e graph.Event, id string) string {
	in := func(as []graph.ActorRef) bool {
		for _, a := range as {
			if a.ID == id {
				return true
			}
		}
		return false
	}
	var parts []string
	others := func(as []graph.ActorRef) string {
		var out []string
		for _, a := range as {
			if a.ID != id {
				out = append(out, a.String())
			}
		}
		return strings.Join(out, ", ")
	}
	if in(e.Source) {
		if t := others(e.Target); t != "" {
			parts = append(parts, "→ "+t)
		}
	}
	if in(e.Target) {
		if s := others(e.Source); s != "" {
			parts = append(parts, "← "+s)
		}
	}
	return strings.Join(parts, "; ")
}
