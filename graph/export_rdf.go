package graph

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// RDF exports. The store writes IRIs in a short form ("dg:person/x",
// "schema:name") and typed literals with Cayley's short datatype IRIs
// ("xsd:integer"); RDF tools need them whole, so the writers expand both.

// XSDNamespace is the namespace of XML Schema datatypes.
const XSDNamespace = "http://www.w3.org/2001/XMLSchema#"

// RDF formats WriteRDF writes.
const (
	FormatNQuads = "nquads" // N-Quads: one line per quad, the article as graph label
	FormatJSONLD = "jsonld" // JSON-LD: one named graph per article
)

// WriteRDF writes the store's quads in an RDF format, each with its label
// (the article that states it), sorted by label, subject, predicate and
// object. With a query that filters anything it writes only the quads
// about the network's nodes: its actors and events, their reports,
// articles, roles and CAMEO codes (relation edges and mentions only
// between those actors, relation edges only from those articles).
func (s *Store) WriteRDF(ctx context.Context, w io.Writer, format string, q NetworkQuery) error {
	if format != FormatNQuads && format != FormatJSONLD {
		return fmt.Errorf("unknown RDF format %q (want %s or %s)", format, FormatNQuads, FormatJSONLD)
	}
	var quads []rdfQuad
	err := s.read(ctx, "export", func(r *reader, v *vocab) error {
		var keep func(link) bool
		if !q.all() {
			b, err := r.network(v, q)
			if err != nil {
				return err
			}
			if keep, err = b.selection(); err != nil {
				return err
			}
		}
		var err error
		quads, err = r.rdfQuads(keep)
		return err
	})
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

// rdfQuads reads the live quads keep passes (all if keep is nil) and
// sorts them.
func (r *reader) rdfQuads(keep func(link) bool) ([]rdfQuad, error) {
	var links []link
	err := r.allLinks(func(l link) error {
		if keep == nil || keep(l) {
			links = append(links, l)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	terms := map[node]string{}
	var ns []node
	for _, l := range links {
		for _, n := range []node{l.s, l.p, l.o, l.l} {
			if _, ok := terms[n]; !ok && n != 0 {
				terms[n] = ""
				ns = append(ns, n)
			}
		}
	}
	vals, err := r.values(ns)
	if err != nil {
		return nil, err
	}
	for i, n := range ns {
		if vals[i] == nil {
			return nil, fmt.Errorf("value %d of a quad is missing", n)
		}
		t, err := ntTerm(vals[i])
		if err != nil {
			return nil, err
		}
		terms[n] = t
	}
	out := make([]rdfQuad, len(links))
	for i, l := range links {
		out[i] = rdfQuad{s: terms[l.s], p: terms[l.p], o: terms[l.o], label: terms[l.l],
			sv: r.vals[l.s], pv: r.vals[l.p], ov: r.vals[l.o], lv: r.vals[l.l]}
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

// allLinks calls fn with every live quad of the store, in the order they
// were written.
func (r *reader) allLinks(fn func(link) error) error {
	if r.pg != nil {
		return r.pg.scan(r.ctx, pgAll, nil, 0, 0, fn)
	}
	if !r.fast {
		it := r.s.qs.QuadsAllIterator().Iterate()
		defer it.Close()
		for it.Next(r.ctx) {
			prim, ok := it.Result().(*cproto.Primitive)
			if !ok {
				return errors.New("unexpected quad reference from the store")
			}
			if prim.Deleted || prim.Subject == 0 {
				continue
			}
			if err := fn(link{node(prim.Subject), node(prim.Predicate), node(prim.Object), node(prim.Label)}); err != nil {
				return err
			}
		}
		if err := it.Err(); err != nil {
			return err
		}
		return r.ctx.Err()
	}
	if r.log == nil {
		return nil
	}
	c := r.log.Cursor()
	for k, b := c.First(); k != nil; k, b = c.Next() {
		rec, err := decodeRecord(b)
		if err != nil {
			return err
		}
		if rec.deleted || rec.s == 0 || rec.p == 0 || rec.o == 0 {
			continue // a value, or a deleted quad
		}
		if err := fn(link{rec.s, rec.p, rec.o, rec.l}); err != nil {
			return err
		}
	}
	return r.ctx.Err()
}

// selection returns the filter of the quads about the network's nodes.
func (b *netBuilder) selection() (func(link) bool, error) {
	r, v := b.r, b.v
	in := map[node]bool{}
	articles := map[node]bool{}
	for _, nn := range b.net.Nodes {
		iri := schema.ActorIRI(nn.ID) // events too: "dg:" + ID
		n, err := r.id(iri)
		if err != nil {
			return nil, err
		}
		in[n] = true
		if nn.Kind == "event" {
			continue
		}
		roles, err := r.objects(n, v.role)
		if err != nil {
			return nil, err
		}
		for _, role := range roles {
			in[role] = true
		}
	}
	for _, e := range b.kept {
		in[e.node] = true
		for _, n := range e.reports {
			in[n] = true
		}
		for _, n := range e.articles {
			in[n], articles[n] = true, true
		}
		codes := append([]string{e.Root}, e.Codes...)
		for _, c := range codes {
			n, err := r.id(schema.CAMEOIRI(c))
			if err != nil {
				return nil, err
			}
			in[n] = true
		}
	}
	relation := map[node]bool{}
	for _, p := range schema.RelationPredicates() {
		n, err := r.id(p)
		if err != nil {
			return nil, err
		}
		relation[n] = true
	}
	return func(l link) bool {
		switch {
		case !in[l.s]:
			return false
		case relation[l.p]:
			return in[l.o] && articles[l.l]
		case l.p == v.mentions:
			return in[l.o]
		}
		return true
	}, nil
}

// expandDatatype turns Cayley's short datatype IRIs ("xsd:integer") into
// full ones.
func expandDatatype(t quad.IRI) quad.IRI {
	if s := string(t); strings.HasPrefix(s, "xsd:") {
		return quad.IRI(XSDNamespace + s[len("xsd:"):])
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
	return ntString(lex) + "^^<" + XSDNamespace + dt + ">", nil
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
	"xsd":    XSDNamespace,
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

// writeJSON writes v on one line, without a trailing newline and without
// HTML escaping.
func writeJSON(w io.Writer, v any) error {
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, strings.TrimSuffix(buf.String(), "\n"))
	return err
}
