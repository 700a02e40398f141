package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// RDF exports. The store writes IRIs in a short form ("dg:person/x",
// "schema:name") and typed literals with Cayley's short datatype IRIs
// ("xsd:integer"); RDF tools need them whole, so the writers expand both.

// xsdNamespace is the namespace of XML Schema datatypes.
const xsdNamespace = "http://www.w3.org/2001/XMLSchema#"

// WriteRDF writes the store's quads in an RDF format (FormatNQuads or
// FormatJSONLD), each with its label (the article that states it), sorted
// by label, subject, predicate and object. With a query that filters
// anything it writes only the quads about the network's nodes (see
// graph.Store.NetworkQuads).
func WriteRDF(ctx context.Context, w io.Writer, s *graph.Store, format string, q graph.NetworkQuery) error {
	if format != FormatNQuads && format != FormatJSONLD {
		return fmt.Errorf("unknown RDF format %q (want %s or %s)", format, FormatNQuads, FormatJSONLD)
	}
	qs, err := s.NetworkQuads(ctx, q)
	if err != nil {
		return err
	}
	quads, err := rdfQuads(qs)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if format == FormatNQuads {
		err = writeNQuads(bw, quads)
	} else {
		err = writeJSONLD(bw, quads)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// rdfQuad is a quad as N-Quads terms; label is "" in the default graph.
type rdfQuad struct {
	s, p, o, label string
	// the values, for JSON-LD
	sv, pv, ov, lv quad.Value
}

// rdfQuads writes the quads as terms and sorts them.
func rdfQuads(qs []quad.Quad) ([]rdfQuad, error) {
	terms := map[quad.Value]string{}
	term := func(v quad.Value) (string, error) {
		if v == nil {
			return "", nil
		}
		if t, ok := terms[v]; ok {
			return t, nil
		}
		t, err := ntTerm(v)
		if err == nil {
			terms[v] = t
		}
		return t, err
	}
	out := make([]rdfQuad, len(qs))
	for i, q := range qs {
		o := rdfQuad{sv: q.Subject, pv: q.Predicate, ov: q.Object, lv: q.Label}
		for _, t := range []struct {
			dst *string
			v   quad.Value
		}{{&o.s, q.Subject}, {&o.p, q.Predicate}, {&o.o, q.Object}, {&o.label, q.Label}} {
			var err error
			if *t.dst, err = term(t.v); err != nil {
				return nil, err
			}
		}
		out[i] = o
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		switch {
		case a.label != b.label:
			return a.label < b.label
		case a.s != b.s:
			return a.s < b.s
		case a.p != b.p:
			return a.p < b.p
		}
		return a.o < b.o
	})
	// The same statement twice (it cannot be, but a store written by
	// another tool might hold it) is one quad.
	dedup := out[:0]
	for i, q := range out {
		if i > 0 && q.label == out[i-1].label && q.s == out[i-1].s && q.p == out[i-1].p && q.o == out[i-1].o {
			continue
		}
		dedup = append(dedup, q)
	}
	return dedup, nil
}

// expandDatatype turns Cayley's short datatype IRIs ("xsd:integer") into
// full ones.
func expandDatatype(t quad.IRI) quad.IRI {
	if s := string(t); strings.HasPrefix(s, "xsd:") {
		return quad.IRI(xsdNamespace + s[len("xsd:"):])
	}
	return schema.ExpandIRI(t)
}

// ntTerm writes a value as an N-Quads term, IRIs and datatypes expanded.
func ntTerm(v quad.Value) (string, error) {
	switch v := v.(type) {
	case quad.IRI:
		return "<" + ntIRI(string(schema.ExpandIRI(v))) + ">", nil
	case quad.BNode:
		return "_:" + string(v), nil
	case quad.String:
		return ntString(string(v)), nil
	case quad.LangString:
		return ntString(string(v.Value)) + "@" + v.Lang, nil
	case quad.TypedString:
		return ntString(string(v.Value)) + "^^<" + ntIRI(string(expandDatatype(v.Type))) + ">", nil
	}
	lex, dt, ok := literal(v)
	if !ok {
		return "", fmt.Errorf("cannot write %T value %v as RDF", v, v)
	}
	return ntString(lex) + "^^<" + xsdNamespace + dt + ">", nil
}

// literal returns the lexical form and XSD datatype of a native value.
func literal(v quad.Value) (lex, datatype string, ok bool) {
	switch v := v.(type) {
	case quad.Int:
		return strconv.FormatInt(int64(v), 10), "integer", true
	case quad.Float:
		return xsdDouble(float64(v)), "double", true
	case quad.Bool:
		return strconv.FormatBool(bool(v)), "boolean", true
	case quad.Time:
		return time.Time(v).UTC().Format(time.RFC3339Nano), "dateTime", true
	}
	return "", "", false
}

// xsdDouble is the canonical lexical form of an xsd:double: "4.0E0",
// "-4.4E0", "1.25E-3".
func xsdDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	}
	s := strconv.FormatFloat(f, 'E', -1, 64) // "4E+00", "-4.4E+00"
	mant, exp, _ := strings.Cut(s, "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

// ntString quotes a literal's text as N-Quads does.
func ntString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, c := range s {
		switch c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ntIRI escapes the characters an IRI reference may not hold.
func ntIRI(s string) string {
	if !strings.ContainsFunc(s, badIRIChar) {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		if badIRIChar(c) {
			fmt.Fprintf(&b, `\u%04X`, c)
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func badIRIChar(c rune) bool {
	return c <= ' ' || strings.ContainsRune("<>\"{}|^`\\", c)
}

func writeNQuads(w *bufio.Writer, quads []rdfQuad) error {
	for _, q := range quads {
		w.WriteString(q.s)
		w.WriteByte(' ')
		w.WriteString(q.p)
		w.WriteByte(' ')
		w.WriteString(q.o)
		if q.label != "" {
			w.WriteByte(' ')
			w.WriteString(q.label)
		}
		if _, err := w.WriteString(" .\n"); err != nil {
			return err
		}
	}
	return nil
}

// jsonldContext names the namespaces the store's short IRIs use, so the
// JSON-LD can keep them short.
var jsonldContext = map[string]string{
	"dg":     schema.Namespace,
	"schema": schema.SchemaNamespace,
	"rdf":    schema.RDFNamespace,
	"xsd":    xsdNamespace,
}

// writeJSONLD writes the sorted quads as a JSON-LD document: the default
// graph's nodes and one named graph per article at the top, each node
// object written as it is complete.
func writeJSONLD(w *bufio.Writer, quads []rdfQuad) error {
	w.WriteString(`{"@context":`)
	if err := writeJSON(w, jsonldContext); err != nil {
		return err
	}
	w.WriteString(`,"@graph":[`)
	first := true
	sep := func() {
		if !first {
			w.WriteString(",")
		}
		first = false
		w.WriteString("\n")
	}
	for i := 0; i < len(quads); {
		label := quads[i].label
		j := i
		for j < len(quads) && quads[j].label == label {
			j++
		}
		if label == "" {
			for _, obj := range nodeObjects(quads[i:j]) {
				sep()
				if err := writeJSON(w, obj); err != nil {
					return err
				}
			}
		} else {
			sep()
			w.WriteString(`{"@id":`)
			if err := writeJSON(w, jsonldIRI(quads[i].lv)); err != nil {
				return err
			}
			w.WriteString(`,"@graph":[`)
			for k, obj := range nodeObjects(quads[i:j]) {
				if k > 0 {
					w.WriteString(",")
				}
				w.WriteString("\n  ")
				if err := writeJSON(w, obj); err != nil {
					return err
				}
			}
			w.WriteString("\n]}")
		}
		i = j
	}
	_, err := w.WriteString("\n]}\n")
	return err
}

// nodeObjects groups quads sorted by subject into JSON-LD node objects.
func nodeObjects(quads []rdfQuad) []map[string]any {
	var out []map[string]any
	for i := 0; i < len(quads); {
		j := i
		for j < len(quads) && quads[j].s == quads[i].s {
			j++
		}
		obj := map[string]any{}
		if b, ok := quads[i].sv.(quad.BNode); ok {
			obj["@id"] = "_:" + string(b)
		} else {
			obj["@id"] = jsonldIRI(quads[i].sv)
		}
		props := map[string][]any{}
		var types []any
		for _, q := range quads[i:j] {
			key := jsonldIRI(q.pv)
			if iri, ok := q.ov.(quad.IRI); ok && q.pv == schema.PredType {
				types = append(types, jsonldIRI(iri))
				continue
			}
			props[key] = append(props[key], jsonldValue(q.ov))
		}
		if len(types) > 0 {
			obj["@type"] = one(types)
		}
		for k, vs := range props {
			obj[k] = one(vs)
		}
		out = append(out, obj)
		i = j
	}
	return out
}

func one(vs []any) any {
	if len(vs) == 1 {
		return vs[0]
	}
	return vs
}

// jsonldIRI writes an IRI as the store has it: short forms are compact
// IRIs of the context's prefixes.
func jsonldIRI(v quad.Value) string {
	iri, _ := v.(quad.IRI)
	return string(iri)
}

// jsonldValue writes an object: a node reference, a plain string or a
// typed value with its lexical form.
func jsonldValue(v quad.Value) any {
	switch v := v.(type) {
	case quad.IRI:
		return map[string]string{"@id": string(v)}
	case quad.BNode:
		return map[string]string{"@id": "_:" + string(v)}
	case quad.String:
		return string(v)
	case quad.LangString:
		return map[string]string{"@value": string(v.Value), "@language": v.Lang}
	case quad.TypedString:
		return map[string]string{"@value": string(v.Value), "@type": string(expandDatatype(v.Type))}
	}
	lex, dt, _ := literal(v)
	return map[string]string{"@value": lex, "@type": "xsd:" + dt}
}
