package export

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os/exec"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// writeDOT writes a Graphviz digraph: nodes coloured and shaped by kind,
// edges coloured by quad class, as thick as their weight, labelled with
// the event type. Hand-written: gonum's encoding/dot would need the
// network wrapped in gonum's graph interfaces to write the same lines.
func writeDOT(w *bufio.Writer, n *graph.Network) error {
	fmt.Fprintf(w, "// %s\n", oneLineText(description(n)))
	w.WriteString("digraph diplograph {\n")
	w.WriteString("  graph [rankdir=LR, overlap=false, splines=true, nodesep=0.4, ranksep=1.2, fontname=\"Helvetica\", bgcolor=\"white\"];\n")
	w.WriteString("  node [style=filled, fontname=\"Helvetica\", fontsize=12, penwidth=0];\n")
	w.WriteString("  edge [fontname=\"Helvetica\", fontsize=10, arrowsize=0.7];\n")
	for i := range n.Nodes {
		nd := &n.Nodes[i]
		attrs := [][2]string{
			{"label", nd.Label},
			{"shape", dotShape(nd.Kind)},
			{"fillcolor", nodeColor(nd.Kind)},
			{"fontcolor", nodeFontColor(nd.Kind)},
			{"tooltip", nodeTooltip(nd)},
		}
		if nd.Kind == "event" {
			attrs = append(attrs, [2]string{"fontsize", "10"})
		}
		fmt.Fprintf(w, "  %s [%s];\n", dotID(nd.ID), dotAttrs(attrs))
	}
	for i := range n.Edges {
		e := &n.Edges[i]
		label := edgeLabel(e)
		if e.Type == "source" || e.Type == "target" {
			label = "" // the arrow says it
		}
		attrs := [][2]string{
			{"label", label},
			{"color", edgeColor(e.QuadClass)},
			{"fontcolor", "#333333"},
			{"penwidth", formatFloat(math.Min(1+float64(e.Weight-1)*0.75, 6))},
			{"tooltip", edgeTooltip(e)},
		}
		fmt.Fprintf(w, "  %s -> %s [%s];\n", dotID(e.Source), dotID(e.Target), dotAttrs(attrs))
	}
	_, err := w.WriteString("}\n")
	return err
}

func dotShape(kind string) string {
	switch kind {
	case string(schema.KindPerson):
		return "ellipse"
	case string(schema.KindOrganization):
		return "box"
	case string(schema.KindCountry):
		return "hexagon"
	case string(schema.KindPlace):
		return "octagon"
	case "event":
		return "note"
	}
	return "ellipse"
}

// dotID quotes an ID.
func dotID(s string) string { return `"` + dotEscape(s) + `"` }

func dotAttrs(attrs [][2]string) string {
	parts := make([]string, 0, len(attrs))
	for _, a := range attrs {
		parts = append(parts, a[0]+"="+dotID(a[1]))
	}
	return strings.Join(parts, ", ")
}

// dotEscape escapes a quoted DOT string: quotes and backslashes (which
// would start Graphviz's own escapes, \n, \N, \l), and line breaks.
func dotEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

func oneLineText(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsControl), " ")
}

func nodeTooltip(n *graph.NetworkNode) string {
	parts := []string{n.Label + " (" + n.ID + ")"}
	if len(n.Roles) > 0 {
		parts = append(parts, strings.Join(n.Roles, listSep))
	}
	if n.Event != nil && n.Event.Evidence != "" {
		parts = append(parts, n.Event.Evidence)
	}
	parts = append(parts, fmt.Sprintf("%d event(s), %d article(s)", n.Events, len(n.Articles)))
	if n.First != "" {
		parts = append(parts, n.First+" to "+n.Last)
	}
	return strings.Join(parts, "\n")
}

func edgeTooltip(e *graph.NetworkEdge) string {
	s := fmt.Sprintf("%s → %s: %s (CAMEO %s), %d event(s), Goldstein %s, %d article(s)",
		e.Source, e.Target, e.CAMEO, e.Root, e.Weight, formatFloat(e.Goldstein), len(e.Articles))
	if e.First != "" {
		s += "\n" + e.First + " to " + e.Last
	}
	return s
}

// draw writes the network's DOT export drawn by Graphviz's dot (the
// command at dot) as an SVG or PNG image.
func draw(ctx context.Context, w io.Writer, dot, format string, n *graph.Network) error {
	if dot == "" {
		return fmt.Errorf("--format %s needs Graphviz's dot command", format)
	}
	var src bytes.Buffer
	if err := WriteNetwork(&src, n, FormatDOT); err != nil {
		return err
	}
	args := []string{"-T" + format}
	if format == FormatPNG {
		args = append(args, "-Gdpi=150")
	}
	c := exec.CommandContext(ctx, dot, args...)
	c.Stdin = &src
	c.Stdout = w
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		var exitErr *exec.ExitError
		if msg != "" && errors.As(err, &exitErr) {
			return fmt.Errorf("graphviz dot failed: %s", msg)
		}
		return fmt.Errorf("graphviz dot: %w", err)
	}
	return nil
}
