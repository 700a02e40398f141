package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// Output formats of the listing commands (actors, relations, events,
// timeline). Without --format, a terminal gets a table and anything else
// (a pipe, a file) JSON Lines, as `diplograph query` prints.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatCSV   = "csv"
)

const formatUsage = "output `format`: table (aligned columns), json (one object per line) or csv; default table on a terminal, json otherwise"

// resolveFormat checks --format and picks the default.
func resolveFormat(f string, streams *ioStreams) (string, error) {
	switch f {
	case "":
		if streams.IsTerminal {
			return formatTable, nil
		}
		return formatJSON, nil
	case formatTable, formatJSON, formatCSV:
		return f, nil
	}
	return "", usagef("--format must be table, json or csv, not %q", f)
}

// listing is what a listing command prints: a header and one row of cells
// per item for table and csv, and one JSON value per item for json.
type listing struct {
	header []string
	rows   [][]string
	values []any
	// wide are the columns a table cuts short (evidence sentences); csv
	// and json keep them whole.
	wide map[int]bool
	// group is a column a table blanks when it repeats the row above.
	group int
}

func newListing(header ...string) *listing {
	return &listing{header: header, wide: map[int]bool{}, group: -1}
}

func (l *listing) add(v any, cells ...string) {
	l.rows = append(l.rows, cells)
	l.values = append(l.values, v)
}

// tableCellMax is the most characters a wide column shows in a table.
const tableCellMax = 90

func (l *listing) write(w io.Writer, format string) error {
	switch format {
	case formatJSON:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, v := range l.values {
			if err := enc.Encode(v); err != nil {
				return err
			}
		}
		return nil
	case formatCSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(l.header); err != nil {
			return err
		}
		if err := cw.WriteAll(l.rows); err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(l.header, "\t"))
	for i, row := range l.rows {
		cells := make([]string, len(row))
		for j, c := range row {
			c = oneLine(c)
			if l.wide[j] {
				c = truncate(c, tableCellMax)
			}
			if j == l.group && i > 0 && row[j] == l.rows[i-1][j] {
				c = ""
			}
			cells[j] = c
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// oneLine keeps a cell on one line of a table.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// Flags shared by the read commands.

// dateFlag checks a --since or --until value: YYYY, YYYY-MM or
// YYYY-MM-DD, turned into the first day (since) or last day (until).
func dateFlag(name, value string, last bool) (string, error) {
	if value == "" {
		return "", nil
	}
	start, end, ok := schema.Date(value).Days()
	if !ok || strings.Contains(value, "/") {
		return "", usagef("--%s must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not %q", name, value)
	}
	if last {
		return end, nil
	}
	return start, nil
}

// typeUsage describes every event-type flag.
const typeUsage = "only events of this `TYPE`: a CAMEO code or root (04, 042), a CAMEO label (\"make a visit\") or a PLOVER type (SANCTION); diplograph cameo lists them"

// typeFlag reads an event-type flag (schema.ParseEventType): a CAMEO code
// or root, a CAMEO label, a PLOVER type.
func typeFlag(name, value string) (schema.EventType, error) {
	t, err := schema.ParseEventType(value)
	if err != nil {
		return schema.EventType{}, usagef("--%s: %v", name, err)
	}
	return t, nil
}

// ploverText writes a PLOVER class for people: "CONSULT (mode visit,
// context diplomatic)".
func ploverText(p schema.PLOVER) string {
	var more []string
	if p.Mode != "" {
		more = append(more, "mode "+p.Mode)
	}
	if p.Context != "" {
		more = append(more, "context "+p.Context)
	}
	if len(more) == 0 {
		return p.Type
	}
	return p.Type + " (" + strings.Join(more, ", ") + ")"
}

// lookupActor finds the actor a name means, or says why it cannot.
func lookupActor(cmd *cobra.Command, store *graph.Store, name string) (graph.ActorRef, error) {
	return store.LookupActor(cmd.Context(), name)
}

// names joins actor names.
func names(as []graph.ActorRef) string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return strings.Join(out, ", ")
}

// arrow shows a relation's direction.
func arrow(direction string) string {
	switch direction {
	case "in":
		return "←"
	case "both":
		return "↔"
	}
	return "→"
}

// eventDate is the date cell of an event.
func eventDate(e graph.Event) string {
	if e.Date == "" {
		return "-"
	}
	return e.Date
}

// eventLabel is "Engage in negotiation", with the modality of an event
// that did not happen.
func eventLabel(e graph.Event) string {
	if e.Modality != "" && e.Modality != schema.ModalityAsserted {
		return e.Label + " (" + e.Modality + ")"
	}
	return e.Label
}

func placeName(e graph.Event) string {
	if e.Place == nil {
		return ""
	}
	return e.Place.String()
}
