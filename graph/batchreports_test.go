package graph

import (
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// reportQuads are the quads by which article label reports event e for
// month key mk, dated start..end, at place (none if "").
func reportQuads(label, e quad.IRI, mk, start, end string, place quad.IRI) []quad.Quad {
	qs := []quad.Quad{
		quad.Make(e, schema.PredMatchKey, quad.String(mk), label),
		quad.Make(e, schema.PredDateStart, quad.String(start), label),
		quad.Make(e, schema.PredDateEnd, quad.String(end), label),
	}
	if place != "" {
		qs = append(qs, quad.Make(e, schema.PredPlace, place, label))
	}
	return qs
}

func TestBatchReports(t *testing.T) {
	const mk = "04 country/RUS country/USA 2025-02"
	var (
		a, b, c = quad.IRI("dg:article/a"), quad.IRI("dg:article/b"), quad.IRI("dg:article/c")
		talks   = quad.IRI("dg:event/talks")
		other   = quad.IRI("dg:event/other")
		riyadh  = quad.IRI(schema.Prefix + "place/riyadh")
		saudi   = quad.IRI(schema.Prefix + "country/SAU")
	)
	stored := []*eventFacts{{iri: talks, starts: []string{"2025-02-01"}, ends: []string{"2025-02-28"}, places: []place{newPlace(saudi, "")}}}
	cases := []struct {
		name   string
		add    map[quad.IRI][]quad.Quad // in order a, b, c
		self   quad.IRI
		stored []*eventFacts
		want   string
	}{
		{"stored only", nil, c, stored,
			"[<dg:event/talks> 2025-02-01..2025-02-28 [dg:country/SAU@SAU]]"},
		{"a batch report narrows a stored node", map[quad.IRI][]quad.Quad{
			a: append(reportQuads(a, talks, mk, "2025-02-18", "2025-02-18", riyadh),
				quad.Make(riyadh, schema.PredCountryCode, quad.String("SAU"), a)),
		}, c, stored,
			"[<dg:event/talks> 2025-02-18..2025-02-18 [dg:country/SAU@SAU dg:place/riyadh@SAU]]"},
		{"the article's own reports are left out", map[quad.IRI][]quad.Quad{
			a: reportQuads(a, talks, mk, "2025-02-18", "2025-02-18", ""),
			b: reportQuads(b, other, mk, "2025-02-03", "2025-02-04", ""),
		}, b, nil,
			"[<dg:event/talks> 2025-02-18..2025-02-18 []]"},
		{"other keys are not read", map[quad.IRI][]quad.Quad{
			a: reportQuads(a, other, "04 country/RUS country/UKR 2025-02", "2025-02-03", "2025-02-04", ""),
		}, c, nil, "[]"},
		{"a node without dates is no happening", map[quad.IRI][]quad.Quad{
			a: {quad.Make(other, schema.PredMatchKey, quad.String(mk), a)},
		}, c, nil, "[]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var br batchReports
			for _, label := range []quad.IRI{a, b, c} {
				if qs, ok := tc.add[label]; ok {
					br.add(label, qs)
				}
			}
			if got := happeningsString(br.happenings(mk, tc.self, tc.stored)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// Writing an article again replaces its reports; a nil batch has none.
func TestBatchReportsRewrite(t *testing.T) {
	const mk = "04 country/RUS country/USA 2025-02"
	a, talks := quad.IRI("dg:article/a"), quad.IRI("dg:event/talks")
	var br batchReports
	br.add(a, reportQuads(a, talks, mk, "2025-02-18", "2025-02-18", ""))
	br.add(a, reportQuads(a, talks, "04 country/RUS country/USA 2025-03", "2025-03-02", "2025-03-02", ""))
	if got := happeningsString(br.happenings(mk, "dg:article/b", nil)); got != "[]" {
		t.Errorf("after the rewrite, February has %s, want none", got)
	}
	var none *batchReports
	if got := happeningsString(none.happenings(mk, "dg:article/b", nil)); got != "[]" {
		t.Errorf("no batch: %s", got)
	}
}
