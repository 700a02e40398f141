package graph

import (
	"sort"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// Several articles, or several sentences of one article, often report the
// same happening: the Riyadh talks of 18 February 2025 are in every paper.
// Each happening is one event node, and each account of it a report node
// (see docs/schema.md). Two accounts are the same happening when both are
// asserted, have the same CAMEO root and the same participants (sources
// and targets together, whichever side), dates that overlap, and the same
// place when both give one (a country and a place in it count as the
// same). Undated, denied and hypothetical events are never merged: there
// is too little to tell two of them apart.
//
// Event IRIs are derived from the happening, not from the article: the
// first account of a happening names its node after its match key, date
// and place (schema.HappeningIRI), so articles that report it alike give
// the same node whatever order they are stored in. An account that agrees
// only loosely (a month where another article gives the day) joins the
// node already stored; which node it joins can then depend on the order.

// mergeable reports whether an event can share its node with others.
func mergeable(ev schema.Event) bool {
	if ev.Negated || modality(ev) != schema.ModalityAsserted || eventRoot(ev) == "" {
		return false
	}
	start, end, ok := dateRange(ev.Date)
	if !ok || len(months(start, end)) > maxMergeMonths {
		return false
	}
	return len(participants(ev)) > 0
}

// maxMergeMonths is the most calendar months an event's date may span for
// it to be merged: "in 2014" still names a happening, "since 2006" does
// not, and the match keys stay few.
const maxMergeMonths = 13

// eventRoot is the event's CAMEO root, inferred from its code if unset.
func eventRoot(ev schema.Event) string {
	if ev.Root == "" && len(ev.CAMEO) >= 2 {
		return ev.CAMEO[:2]
	}
	return ev.Root
}

// participants are the sorted, distinct source and target IDs.
func participants(ev schema.Event) []string {
	ids := append(nonEmpty(ev.Source), nonEmpty(ev.Target)...)
	sort.Strings(ids)
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}

// matchKey is the CAMEO root and the participants of an event:
// "04 country/RUS country/USA".
func matchKey(ev schema.Event) string {
	return eventRoot(ev) + " " + strings.Join(participants(ev), " ")
}

// monthKey is a value of dg:matchKey: a match key and a calendar month of
// the event's date, "04 country/RUS country/USA 2025-02". An event has one
// for each month its date spans, so that finding the stored events that
// may be the same happening reads those of the same months, not all the
// events ever stored between the same participants.
func monthKey(key, month string) string { return key + " " + month }

// months lists the calendar months ("2025-02") from start to end
// ("YYYY-MM-DD"), at most maxMergeMonths+1 of them.
func months(start, end string) []string {
	if len(start) < 7 || len(end) < 7 {
		return nil
	}
	t, err1 := time.Parse("2006-01", start[:7])
	last, err2 := time.Parse("2006-01", end[:7])
	if err1 != nil || err2 != nil {
		return nil
	}
	var out []string
	for ; !t.After(last) && len(out) <= maxMergeMonths; t = t.AddDate(0, 1, 0) {
		out = append(out, t.Format("2006-01"))
	}
	return out
}

// place is where an event happened, with the country it lies in (its own
// code for a country), so that "Riyadh" and "Saudi Arabia" agree.
type place struct {
	iri     quad.IRI
	country string
}

func (p place) isCountry() bool {
	return strings.HasPrefix(string(p.iri), schema.Prefix+"country/")
}

// samePlace reports whether two places can be where one happening was.
func samePlace(a, b place) bool {
	switch {
	case a.iri == b.iri:
		return true
	case a.isCountry() && a.country != "" && a.country == b.country:
		return true
	case b.isCountry() && b.country != "" && b.country == a.country:
		return true
	}
	return false
}

// happening is an event node reports can join: the intersection of its
// reports' date ranges and the places they give.
type happening struct {
	iri        quad.IRI
	start, end string // "YYYY-MM-DD"
	places     []place
}

// accepts reports whether a report dated start..end, at p if hasPlace,
// can be an account of h.
func (h *happening) accepts(start, end string, p place, hasPlace bool) bool {
	if start > h.end || end < h.start {
		return false
	}
	if hasPlace {
		for _, q := range h.places {
			if !samePlace(p, q) {
				return false
			}
		}
	}
	return true
}

// join narrows h to a new report's dates and adds its place.
func (h *happening) join(start, end string, p place, hasPlace bool) {
	h.start = max(h.start, start)
	h.end = min(h.end, end)
	if !hasPlace {
		return
	}
	for _, q := range h.places {
		if q == p {
			return
		}
	}
	h.places = append(h.places, p)
}

// storedHappenings returns the stored event nodes with the match key and
// month (a dg:matchKey value, see monthKey), as the reports of other
// articles than the one being written describe them.
type storedHappenings func(monthKey string) ([]*happening, error)

// assignEvents gives each event of r (by ID) the IRI of its event node.
// stored, if not nil, finds the happenings other articles reported.
func assignEvents(r schema.Result, stored storedHappenings) (map[string]quad.IRI, error) {
	out := make(map[string]quad.IRI, len(r.Events))
	byKey := make(map[string][]*happening)
	loaded := make(map[string]bool)                     // month keys read from the store
	countries := make(map[string]string, len(r.Actors)) // actor ID -> country code
	for _, a := range r.Actors {
		c := a.Country
		if c == "" && a.Kind == schema.KindCountry {
			c = strings.TrimPrefix(a.ID, "country/")
		}
		countries[a.ID] = c
	}
	for _, ev := range r.Events {
		if ev.ID == "" {
			continue
		}
		if _, done := out[ev.ID]; done {
			continue
		}
		if !mergeable(ev) {
			out[ev.ID] = schema.EventIRI(ev.ID)
			continue
		}
		key := matchKey(ev)
		start, end, _ := dateRange(ev.Date)
		hs := byKey[key]
		if stored != nil {
			var err error
			if hs, err = loadMonths(hs, stored, key, months(start, end), loaded); err != nil {
				return nil, err
			}
		}
		p, hasPlace := place{iri: schema.ActorIRI(ev.Place), country: countries[ev.Place]}, ev.Place != ""
		var h *happening
		for _, c := range hs {
			if c.accepts(start, end, p, hasPlace) {
				h = c
				break
			}
		}
		if h == nil {
			h = &happening{iri: newHappeningIRI(hs, key, ev, r.Document.ID), start: start, end: end}
			hs = append(hs, h)
			sortHappenings(hs)
		}
		h.join(start, end, p, hasPlace)
		byKey[key] = hs
		out[ev.ID] = h.iri
	}
	return out, nil
}

// loadMonths adds to hs, the happenings known for key, the stored ones of
// the months not read yet, and returns them sorted by IRI.
func loadMonths(hs []*happening, stored storedHappenings, key string, ms []string, loaded map[string]bool) ([]*happening, error) {
	added := false
	for _, m := range ms {
		mk := monthKey(key, m)
		if loaded[mk] {
			continue
		}
		loaded[mk] = true
		more, err := stored(mk)
		if err != nil {
			return nil, err
		}
		for _, h := range more {
			if !taken(hs, h.iri) {
				hs = append(hs, h)
				added = true
			}
		}
	}
	if added {
		sortHappenings(hs)
	}
	return hs, nil
}

// newHappeningIRI names a new happening after its first report. Should a
// stored node that this report cannot join already have that name (its
// other reports moved it elsewhere), the article's ID tells them apart.
func newHappeningIRI(hs []*happening, key string, ev schema.Event, docID string) quad.IRI {
	base := key + "\x00" + ev.Date + "\x00" + ev.Place
	iri := schema.HappeningIRI(base)
	for n := 0; taken(hs, iri); n++ {
		iri = schema.HappeningIRI(base + "\x00" + docID + "\x00" + strings.Repeat("+", n))
	}
	return iri
}

func taken(hs []*happening, iri quad.IRI) bool {
	for _, h := range hs {
		if h.iri == iri {
			return true
		}
	}
	return false
}

func sortHappenings(hs []*happening) {
	sort.Slice(hs, func(i, j int) bool { return hs[i].iri < hs[j].iri })
}

// storedHappenings finds, for a match key, the stored event nodes that
// articles other than label report, with their dates and places as those
// articles give them. The article's own reports are left out: it is being
// replaced, and where it alone held a node, that node is its to rename.
//
// On PostgreSQL the happenings of every month key res can ask for are
// read at once, in one query: read one by one, the round trips would cost
// more than the reading. A reader beside a write batch adds the reports
// the batch wrote (see sqlBatch).
func (r *reader) storedHappenings(label quad.IRI, res schema.Result) (storedHappenings, error) {
	return r.ix.storedHappenings(r, label, res)
}

// monthKeys lists the month keys (see monthKey) of res's events that may
// join stored happenings.
func monthKeys(res schema.Result) []string {
	var out []string
	seen := make(map[string]bool)
	for _, ev := range res.Events {
		if ev.ID == "" || !mergeable(ev) {
			continue
		}
		key := matchKey(ev)
		start, end, _ := dateRange(ev.Date)
		for _, m := range months(start, end) {
			if mk := monthKey(key, m); !seen[mk] {
				seen[mk] = true
				out = append(out, mk)
			}
		}
	}
	return out
}

// happeningsOf reads the happenings of one month key at a time.
func (r *reader) happeningsOf(label quad.IRI) storedHappenings {
	return func(mk string) ([]*happening, error) {
		ids, err := r.idsOf(quad.String(mk), schema.PredMatchKey, label,
			schema.PredDateStart, schema.PredDateEnd, schema.PredPlace, schema.PredCountryCode)
		if err != nil {
			return nil, err
		}
		k, pKey, self, pStart, pEnd, pPlace, pCode := ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6]
		if k == 0 || pKey == 0 {
			return nil, nil
		}
		var events []node
		seen := make(map[node]bool)
		err = r.in(k, pKey, func(l link) error {
			if l.l != self && !seen[l.s] {
				seen[l.s] = true
				events = append(events, l.s)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		var out []*happening
		for _, e := range events {
			var starts, ends, places []node
			err := r.outAll(e, func(p node) bool { return p == pStart || p == pEnd || p == pPlace }, func(l link) error {
				if l.l == self || l.l == 0 {
					return nil
				}
				switch l.p {
				case pStart:
					starts = append(starts, l.o)
				case pEnd:
					ends = append(ends, l.o)
				case pPlace:
					if !containsNode(places, l.o) {
						places = append(places, l.o)
					}
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
			iri, err := r.value(e)
			if err != nil {
				return nil, err
			}
			f := &eventFacts{}
			f.iri, _ = iri.(quad.IRI)
			if f.starts, err = r.texts(starts); err != nil {
				return nil, err
			}
			if f.ends, err = r.texts(ends); err != nil {
				return nil, err
			}
			for _, pn := range places {
				p, err := r.place(pn, pCode)
				if err != nil {
					return nil, err
				}
				f.places = append(f.places, p)
			}
			if h := f.happening(); h != nil {
				out = append(out, h)
			}
		}
		return out, nil
	}
}

// place reads a place node with the country it lies in.
func (r *reader) place(n, pCode node) (place, error) {
	v, err := r.value(n)
	if err != nil {
		return place{}, err
	}
	iri := quad.IRI(str(v))
	if p := newPlace(iri, ""); p.isCountry() {
		return p, nil
	}
	var code node
	err = r.out(n, pCode, func(l link) error { // any article's will do
		code = l.o
		return errStop
	})
	if err != nil || code == 0 {
		return newPlace(iri, ""), err
	}
	c, err := r.value(code)
	return newPlace(iri, str(c)), err
}
