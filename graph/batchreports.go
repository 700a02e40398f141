package graph

import (
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// eventFacts are the dates and places some reports give one event node.
type eventFacts struct {
	iri          quad.IRI
	starts, ends []string // "YYYY-MM-DD"
	places       []place
}

// happening is the node as the reports describe it: nil if they give no
// start or no end, so that no report can join it.
func (f *eventFacts) happening() *happening {
	if f.iri == "" || len(f.starts) == 0 || len(f.ends) == 0 {
		return nil
	}
	h := &happening{iri: f.iri, start: slices.Max(f.starts), end: slices.Min(f.ends)}
	for _, p := range f.places {
		h.join(h.start, h.end, p, true)
	}
	return h
}

// newPlace is the place iri with its country: the code given, or the
// country's own for a country.
func newPlace(iri quad.IRI, code string) place {
	p := place{iri: iri, country: code}
	if p.isCountry() {
		p.country = strings.TrimPrefix(string(iri), schema.Prefix+"country/")
	}
	return p
}

// batchReports are the reports of events the articles of a write batch
// gave, kept while the batch is open so that the writer can read the
// store as it was before the batch and add the batch's own reports,
// rather than wait for the batch's writes to reach the database (see
// sqlBatch).
type batchReports struct {
	byKey map[string]map[quad.IRI]map[quad.IRI]*eventFacts // month key -> event -> article -> facts
	codes map[quad.IRI]string                              // place -> country code, the first given
	has   map[quad.IRI]bool                                // articles with reports here
}

// add records the reports among the quads of article label (all of them,
// as written), in place of those it gave before.
func (b *batchReports) add(label quad.IRI, qs []quad.Quad) {
	if b.byKey == nil {
		b.byKey = make(map[string]map[quad.IRI]map[quad.IRI]*eventFacts)
		b.codes = make(map[quad.IRI]string)
		b.has = make(map[quad.IRI]bool)
	}
	if b.has[label] {
		b.remove(label)
	}
	facts := make(map[quad.IRI]*eventFacts)
	keys := make(map[quad.IRI][]string)
	get := func(e quad.IRI) *eventFacts {
		f := facts[e]
		if f == nil {
			f = &eventFacts{iri: e}
			facts[e] = f
		}
		return f
	}
	for _, q := range qs {
		if q.Label != label {
			continue
		}
		subj, ok := q.Subject.(quad.IRI)
		if !ok {
			continue
		}
		switch q.Predicate {
		case schema.PredMatchKey:
			keys[subj] = append(keys[subj], str(q.Object))
		case schema.PredDateStart:
			get(subj).starts = append(get(subj).starts, str(q.Object))
		case schema.PredDateEnd:
			get(subj).ends = append(get(subj).ends, str(q.Object))
		case schema.PredPlace:
			if iri, ok := q.Object.(quad.IRI); ok {
				get(subj).places = append(get(subj).places, place{iri: iri})
			}
		case schema.PredCountryCode:
			if _, ok := b.codes[subj]; !ok {
				b.codes[subj] = str(q.Object)
			}
		}
	}
	for e, mks := range keys {
		f := get(e)
		for _, mk := range mks {
			events := b.byKey[mk]
			if events == nil {
				events = make(map[quad.IRI]map[quad.IRI]*eventFacts)
				b.byKey[mk] = events
			}
			if events[e] == nil {
				events[e] = make(map[quad.IRI]*eventFacts)
			}
			events[e][label] = f
		}
		b.has[label] = true
	}
}

// remove forgets the reports of article label.
func (b *batchReports) remove(label quad.IRI) {
	for _, events := range b.byKey {
		for _, byArticle := range events {
			delete(byArticle, label)
		}
	}
	delete(b.has, label)
}

// happenings returns the happenings of month key mk as the stored reports
// (read before the batch) and the batch's reports other than article
// self's describe them, sorted by IRI. b may be nil: no batch.
func (b *batchReports) happenings(mk string, self quad.IRI, stored []*eventFacts) []*happening {
	all := make(map[quad.IRI]*eventFacts)
	for _, f := range stored {
		g := all[f.iri]
		if g == nil {
			g = &eventFacts{iri: f.iri}
			all[f.iri] = g
		}
		g.starts = append(g.starts, f.starts...)
		g.ends = append(g.ends, f.ends...)
		g.places = append(g.places, f.places...)
	}
	if b != nil {
		for e, byArticle := range b.byKey[mk] {
			for label, f := range byArticle {
				if label == self {
					continue
				}
				g := all[e]
				if g == nil {
					g = &eventFacts{iri: e}
					all[e] = g
				}
				g.starts = append(g.starts, f.starts...)
				g.ends = append(g.ends, f.ends...)
				for _, p := range f.places {
					g.places = append(g.places, newPlace(p.iri, b.codes[p.iri]))
				}
			}
		}
	}
	var out []*happening
	for _, f := range all {
		if h := f.happening(); h != nil {
			out = append(out, h)
		}
	}
	sortHappenings(out)
	return out
}
