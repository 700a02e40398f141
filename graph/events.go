package graph

import (
	"context"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// EventQuery selects events. Actors and places are given by ID
// (LookupActor finds them from names); every field set narrows the list.
type EventQuery struct {
	// Actor keeps the events the actor takes part in.
	Actor string
	// Between and And keep the events with one on each side (source and
	// target, either way round).
	Between, And string
	// Type keeps the events of one type (schema.ParseEventType: a CAMEO
	// code or root, a CAMEO label, a PLOVER type); zero keeps all.
	Type schema.EventType
	// Place keeps the events at the place.
	Place string
	// Since and Until ("YYYY-MM-DD") keep the events that overlap them.
	Since, Until string
	// All keeps denied and hypothetical events too; by default only
	// asserted ones are listed.
	All bool
	// OldestFirst lists in date order; by default the newest come first.
	// Undated events come last either way.
	OldestFirst bool
	// Limit is the most events to return, 0 for all.
	Limit int
	// Reports adds each event's reports (evidence, article, rule).
	Reports bool
}

// Events lists events, newest first (see EventQuery). It starts from the
// narrowest index it can (the pair's or actor's events, the place's, the
// CAMEO root's) and reads only those events' own quads.
func (s *Store) Events(ctx context.Context, q EventQuery) ([]Event, error) {
	var out []Event
	err := s.read(ctx, "list events", func(r *reader, v *vocab) error {
		es, err := r.events(v, q)
		if err != nil {
			return err
		}
		cache := actorCache{}
		for _, e := range es {
			if err := r.fillEvent(v, cache, e, q.Reports); err != nil {
				return err
			}
			out = append(out, *e)
		}
		return nil
	})
	return out, err
}

// events finds and sorts the events of q, unnamed.
func (r *reader) events(v *vocab, q EventQuery) ([]*Event, error) {
	actor := func(id string) (node, error) {
		n, ok, err := r.actorByID(v, id)
		if err == nil && !ok {
			err = &NotFoundError{Name: id}
		}
		return n, err
	}
	var a, b, c, p node
	var err error
	if q.Between != "" || q.And != "" {
		if a, err = actor(q.Between); err != nil {
			return nil, err
		}
		if b, err = actor(q.And); err != nil {
			return nil, err
		}
	}
	if q.Actor != "" {
		if c, err = actor(q.Actor); err != nil {
			return nil, err
		}
	}
	if q.Place != "" {
		if p, err = actor(q.Place); err != nil {
			return nil, err
		}
	}

	// Candidates from the most selective index at hand.
	var cands []node
	switch {
	case a != 0:
		ea, err := r.eventCandidates(v, a)
		if err != nil {
			return nil, err
		}
		eb, err := r.eventCandidates(v, b)
		if err != nil {
			return nil, err
		}
		inB := make(map[node]bool, len(eb))
		for _, e := range eb {
			inB[e] = true
		}
		for _, e := range ea {
			if inB[e] {
				cands = append(cands, e)
			}
		}
	case c != 0:
		cands, err = r.eventCandidates(v, c)
	case p != 0:
		cands, err = r.subjectsOf(v.place, p)
	case len(q.Type.Roots()) == 1: // a PLOVER type may span several roots
		root, err2 := r.id(schema.CAMEOIRI(q.Type.Roots()[0]))
		if err2 != nil {
			return nil, err2
		}
		cands, err = r.subjectsOf(v.root, root)
	default:
		cands, err = r.subjectsOf(v.typ, v.event)
	}
	if err != nil {
		return nil, err
	}

	var out []*Event
	for _, n := range cands {
		e, err := r.loadEvent(v, n)
		if err != nil {
			return nil, err
		}
		switch {
		case len(e.articles) == 0: // a CAMEO code pointing to its root
		case !q.All && !e.Asserted():
		case !e.overlaps(q.Since, q.Until), !e.hasType(q.Type):
		case a != 0 && !opposite(e, a, b):
		case c != 0 && !containsNode(append(append([]node{}, e.sources...), e.targets...), c):
		case p != 0 && e.place != p:
			at, err := r.eventAt(v, e, p)
			if err != nil {
				return nil, err
			}
			if !at {
				continue
			}
			fallthrough
		default:
			if err := r.setID(e); err != nil { // sortEvents breaks ties by ID
				return nil, err
			}
			out = append(out, e)
		}
	}
	sortEvents(out, q.OldestFirst)
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

// opposite reports whether a and b are on opposite sides of the event.
func opposite(e *Event, a, b node) bool {
	as, at := e.side(a)
	bs, bt := e.side(b)
	return as && bt || at && bs
}

// eventAt reports whether any report puts the event at p (loadEvent keeps
// only the first place).
func (r *reader) eventAt(v *vocab, e *Event, p node) (bool, error) {
	found := false
	err := r.out(e.node, v.place, func(l link) error {
		if l.o == p {
			found = true
			return errStop
		}
		return nil
	})
	return found, err
}

// eventNode finds an event node by ID ("event/x", "dg:event/x",
// "<dg:event/x>"), or by the ID of one of its reports.
func (r *reader) eventNode(v *vocab, id string) (node, error) {
	id = strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">")
	id = strings.TrimPrefix(id, schema.Prefix)
	if !strings.HasPrefix(id, "report/") {
		return r.id(schema.EventIRI(id))
	}
	rep, err := r.id(schema.EventIRI(id)) // dg:report/x
	if err != nil || rep == 0 {
		return 0, err
	}
	es, err := r.subjectsOf(v.report, rep)
	if err != nil || len(es) == 0 {
		return 0, err
	}
	return es[0], nil
}
