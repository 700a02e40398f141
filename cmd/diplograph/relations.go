package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// relationsOptions are the inputs of `diplograph relations`.
type relationsOptions struct {
	IO     *ioStreams
	DB     string
	Name   string
	Depth  int
	Since  string
	Until  string
	Type   string // as given (or by the deprecated --root); EventType parsed
	Format string

	EventType schema.EventType
	OldRoot   bool // the type came by --root
}

func newCmdRelations(streams *ioStreams, runF func(*cobra.Command, *relationsOptions) error) *cobra.Command {
	opts := &relationsOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "relations NAME [--depth 1|2] [--since DATE] [--until DATE] [--type TYPE] [--format table|json|csv]",
		Short: "Show whom an actor dealt with, and how: events by counterpart and CAMEO code",
		Long: `Relations lists, for each actor NAME dealt with, the interactions grouped by
CAMEO event type: how many happenings (an event several articles report counts
once), how many of them are dated, the first and last date, the mean Goldstein
score (-10 conflict to +10 cooperation), the number of supporting articles and
the direction (→ NAME acted on the counterpart, ← the other way, ↔ both).
Only events that happened count; denied and hypothetical ones are left out.

NAME is an actor's name, alias or surname in any case, with or without accents
("lavrov", "Sergei Lavrov"), or its ID ("person/sergey-lavrov"). A name several
actors share lists them instead of guessing.

--depth 2 adds the counterparts' own relations (actors two hops away), with the
counterpart they were reached through in the VIA column.

Without --format, a terminal gets an aligned table and a pipe or file gets
JSON, one object per line.`,
		Example: `  diplograph relations "Sergey Lavrov"
  diplograph relations lavrov --since 2025-01-01 --type 04
  diplograph relations Russia --type "make a visit"
  diplograph relations Russia --format json | jq 'select(.counterpart.id == "country/USA")'
  diplograph relations Putin --depth 2 --format csv > putin.csv`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			var err error
			if opts.Format, err = resolveFormat(opts.Format, opts.IO); err != nil {
				return err
			}
			if opts.Depth != 1 && opts.Depth != 2 {
				return usagef("--depth must be 1 or 2, not %d", opts.Depth)
			}
			if opts.Since, err = dateFlag("since", opts.Since, false); err != nil {
				return err
			}
			if opts.Until, err = dateFlag("until", opts.Until, true); err != nil {
				return err
			}
			if cmd.Flags().Changed("root") && cmd.Flags().Changed("type") {
				return usagef("--root is the old name of --type: give one")
			}
			name := "type"
			if cmd.Flags().Changed("root") {
				name, opts.OldRoot = "root", true
			}
			if opts.EventType, err = typeFlag(name, opts.Type); err != nil {
				return err
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return relationsRun(cmd, opts)
		},
	}
	addDBFlag(cmd, &opts.DB)
	cmd.Flags().IntVar(&opts.Depth, "depth", 1, "1: direct relations; 2: also the counterparts' relations")
	cmd.Flags().StringVar(&opts.Since, "since", "", "only events on or after `DATE` (YYYY-MM-DD, YYYY-MM or YYYY)")
	cmd.Flags().StringVar(&opts.Until, "until", "", "only events on or before `DATE`")
	cmd.Flags().StringVar(&opts.Type, "type", "", typeUsage)
	// --root was this command's name for --type; it stays, hidden.
	cmd.Flags().StringVar(&opts.Type, "root", "", typeUsage)
	_ = cmd.Flags().MarkHidden("root") // the flag exists: no error
	cmd.Flags().StringVar(&opts.Format, "format", "", formatUsage)
	return cmd
}

func relationsRun(cmd *cobra.Command, opts *relationsOptions) error {
	if opts.OldRoot {
		fmt.Fprintln(opts.IO.ErrOut, "diplograph: --root is deprecated: use --type, which also takes CAMEO labels and PLOVER types")
	}
	store, err := openExisting(cmd, opts.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	actor, err := lookupActor(cmd, store, opts.Name)
	if err != nil {
		return err
	}
	rels, err := store.Relations(cmd.Context(), graph.RelationQuery{
		Actor: actor.ID, Depth: opts.Depth, Since: opts.Since, Until: opts.Until, Type: opts.EventType,
	})
	if err != nil {
		return err
	}
	if opts.Format == formatTable {
		if len(rels) == 0 {
			fmt.Fprintf(opts.IO.ErrOut, "no relations of %s (%s) match\n", actor.Name, actor.ID)
			return nil
		}
		fmt.Fprintf(opts.IO.Out, "%s (%s)\n\n", actor.Name, actor.ID)
	}
	header := []string{"COUNTERPART", "CODE", "EVENT TYPE", "DIR", "EVENTS", "DATED", "FIRST", "LAST", "GOLDSTEIN", "ARTICLES", "COUNTERPART ID"}
	if opts.Depth == 2 {
		header = append([]string{"VIA"}, header...)
	}
	l := newListing(header...)
	l.group = 0
	for _, r := range rels {
		cells := []string{r.Counterpart.String(), r.Code, r.Label, arrow(r.Direction),
			strconv.Itoa(r.Events), strconv.Itoa(r.Dated), r.First, r.Last,
			strconv.FormatFloat(r.Goldstein, 'f', 1, 64), strconv.Itoa(r.Articles), r.Counterpart.ID}
		if opts.Depth == 2 {
			via := ""
			if r.Via != nil {
				via = r.Via.String()
			}
			cells = append([]string{via}, cells...)
		}
		if opts.Format == formatCSV {
			cells[len(cells)-8] = r.Direction // "out", not an arrow
		}
		l.add(r, cells...)
	}
	return l.write(opts.IO.Out, opts.Format)
}
