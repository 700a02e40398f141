package main

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/schema"
)

// cameoOptions are the inputs of `diplograph cameo`.
type cameoOptions struct {
	IO     *ioStreams
	Type   string // as given; EventType parsed
	Format string

	EventType schema.EventType
}

func newCmdCAMEO(streams *ioStreams, runF func(*cobra.Command, *cameoOptions) error) *cobra.Command {
	opts := &cameoOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "cameo [TYPE] [--format table|json|csv]",
		Short: "List the CAMEO event codes with label, Goldstein score, quad class and PLOVER type",
		Long: `Cameo lists the CAMEO event codes diplograph codes events with: the code, its
label from the CAMEO codebook, its Goldstein score (-10 conflict to +10
cooperation, as GDELT maps it), its quad class (1 verbal cooperation,
2 material cooperation, 3 verbal conflict, 4 material conflict) and its PLOVER
event type, mode and context (from the Open Event Data Alliance's
CAMEO-to-PLOVER table, CC BY-SA 4.0). PLOVER does not code CAMEO's comments
and appeals (roots 01 and 02): they have no PLOVER type.

TYPE narrows the list, read as --type is everywhere: a CAMEO code or root
("04": the root and every code under it), a PLOVER type in any case
("SANCTION": every code PLOVER calls so) or a CAMEO label in any case ("make
a visit"). A value that is none of these is an error that lists the closest.

Without --format, a terminal gets an aligned table and a pipe or file gets
JSON, one object per line.`,
		Example: `  diplograph cameo
  diplograph cameo 04
  diplograph cameo SANCTION --format csv
  diplograph cameo "make a visit" --format json`,
		Args: maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if len(args) == 1 {
				opts.Type = args[0]
			}
			if opts.Format, err = resolveFormat(opts.Format, opts.IO); err != nil {
				return err
			}
			if opts.EventType, err = schema.ParseEventType(opts.Type); err != nil {
				return usagef("%v", err)
			}
			if runF != nil {
				return runF(cmd, opts)
			}
			return cameoRun(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "", formatUsage)
	return cmd
}

// cameoRow is one code as json prints it.
type cameoRow struct {
	Code      string         `json:"code"`
	Root      string         `json:"root"`
	Label     string         `json:"label"`
	Goldstein float64        `json:"goldstein"`
	QuadClass int            `json:"quad_class"`
	PLOVER    *schema.PLOVER `json:"plover,omitempty"`
}

// quadClassNames name CAMEO's quad classes.
var quadClassNames = [...]string{1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

func cameoRun(_ *cobra.Command, opts *cameoOptions) error {
	l := newListing("CODE", "LABEL", "GOLDSTEIN", "QUAD CLASS", "PLOVER", "MODE", "CONTEXT")
	for _, c := range opts.EventType.Codes() {
		row := cameoRow{Code: c.Code, Root: c.Root, Label: c.Label, Goldstein: c.Goldstein, QuadClass: c.QuadClass}
		if !c.PLOVER.IsZero() {
			p := c.PLOVER
			row.PLOVER = &p
		}
		quad := strconv.Itoa(c.QuadClass)
		if opts.Format == formatTable {
			quad += " " + quadClassNames[c.QuadClass]
		}
		l.add(row, c.Code, c.Label, strconv.FormatFloat(c.Goldstein, 'f', 1, 64), quad,
			c.PLOVER.Type, c.PLOVER.Mode, c.PLOVER.Context)
	}
	return l.write(opts.IO.Out, opts.Format)
}
