package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// actorsOptions are the inputs of `diplograph actors`.
type actorsOptions struct {
	IO      *ioStreams
	DB      string
	Kind    string
	Country string
	Search  string
	Limit   int
	Format  string
}

func newCmdActors(streams *ioStreams, runF func(*cobra.Command, *actorsOptions) error) *cobra.Command {
	opts := &actorsOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "actors [--kind KIND] [--country ISO3] [--search TEXT] [--format table|json|csv]",
		Short: "List the actors in the store with their roles and counts of events and articles",
		Long: `Actors lists the people, organisations, countries and places the store holds:
name, kind, country, current roles (those stated most recently), the number of
asserted events each takes part in and the number of articles that name it.
The most active come first.

Without --format, a terminal gets an aligned table and a pipe or file gets
JSON, one object per line.`,
		Example: `  diplograph actors --kind person
  diplograph actors --country RUS --format csv > russians.csv
  diplograph actors --search lavrov --format json`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Format, err = resolveFormat(opts.Format, opts.IO); err != nil {
				return err
			}
			switch k := schema.Kind(opts.Kind); k {
			case "", schema.KindPerson, schema.KindOrganization, schema.KindCountry, schema.KindPlace:
			default:
				return usagef("--kind must be person, organization, country or place, not %q", opts.Kind)
			}
			if opts.Country != "" {
				opts.Country = strings.ToUpper(opts.Country)
				if len(opts.Country) != 3 || strings.Trim(opts.Country, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
					return usagef("--country must be an ISO 3166-1 alpha-3 code such as RUS (or IGO), not %q", opts.Country)
				}
			}
			if opts.Limit < 0 {
				return usagef("--limit must be 0 (no limit) or more")
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return actorsRun(cmd, opts)
		},
	}
	addDBFlag(cmd, &opts.DB)
	cmd.Flags().StringVar(&opts.Kind, "kind", "", "only actors of this `kind`: person, organization, country or place")
	cmd.Flags().StringVar(&opts.Country, "country", "", "only actors of the country with this `ISO3` code (IGO: international bodies)")
	cmd.Flags().StringVar(&opts.Search, "search", "", "only actors whose name or an alias contains `TEXT` (any case, accents optional)")
	cmd.Flags().IntVar(&opts.Limit, "limit", 0, "print at most `N` actors (0: all)")
	cmd.Flags().StringVar(&opts.Format, "format", "", formatUsage)
	return cmd
}

func actorsRun(cmd *cobra.Command, opts *actorsOptions) error {
	store, err := openExisting(cmd, opts.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	actors, err := store.Actors(cmd.Context(), graph.ActorFilter{
		Kind: schema.Kind(opts.Kind), Country: opts.Country, Search: opts.Search,
	})
	if err != nil {
		return err
	}
	if opts.Limit > 0 && len(actors) > opts.Limit {
		actors = actors[:opts.Limit]
	}
	if len(actors) == 0 && opts.Format == formatTable {
		fmt.Fprintln(opts.IO.ErrOut, "no actors match")
		return nil
	}
	l := newListing("NAME", "KIND", "COUNTRY", "ROLES", "EVENTS", "ARTICLES", "ID")
	for _, a := range actors {
		roles := make([]string, len(a.Roles))
		for i, r := range a.Roles {
			roles[i] = r.String()
		}
		l.add(a, a.Name, string(a.Kind), a.Country, strings.Join(roles, "; "),
			strconv.Itoa(a.Events), strconv.Itoa(a.Articles), a.ID)
	}
	return l.write(opts.IO.Out, opts.Format)
}
