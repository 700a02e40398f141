package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/diplograph/diplograph/schema"
)

// RelationQuery asks for an actor's relations.
type RelationQuery struct {
	// Actor is the actor's ID ("person/sergey-lavrov"); LookupActor finds
	// it from a name.
	Actor string
	// Depth 2 adds the relations of each counterpart, the actors two hops
	// away; 0 and 1 mean direct relations only.
	Depth int
	// Since and Until ("YYYY-MM-DD") keep the events that overlap them;
	// undated events then drop out.
	Since, Until string
	// Type keeps the events of one type (schema.ParseEventType: a CAMEO
	// code or root, a CAMEO label, a PLOVER type); zero keeps all.
	Type schema.EventType
}

// Relation sums up what an actor did with one counterpart under one CAMEO
// code: how many happenings (not articles), when, how cooperative.
type Relation struct {
	Actor ActorRef `json:"actor"`
	// Via is the first hop of a depth-2 relation: Actor is then the
	// counterpart Via had, and Counterpart one of Via's.
	Via         *ActorRef `json:"via,omitempty"`
	Counterpart ActorRef  `json:"counterpart"`
	Code        string    `json:"code"`
	Root        string    `json:"root"`
	Label       string    `json:"label"`
	// Direction is "out" when the actor was the source, "in" when the
	// counterpart was, "both" when it went both ways.
	Direction string `json:"direction"`
	// Events counts distinct happenings, Dated those with a date; First
	// and Last are the dates of the earliest and latest.
	Events int    `json:"events"`
	Dated  int    `json:"dated"`
	First  string `json:"first,omitempty"`
	Last   string `json:"last,omitempty"`
	// Goldstein is the mean score of the events, -10 (conflict) to +10
	// (cooperation).
	Goldstein float64 `json:"goldstein"`
	// Articles counts the distinct articles reporting the events.
	Articles int `json:"articles"`
}

// Relations lists an actor's asserted interactions with each counterpart,
// grouped by CAMEO code: counterparts with the most events first, then by
// name; under each, codes with the most events first.
//
// It reads the actor's events through the object-predicate index
// (? dg:participant <actor>) and each event's quads through the subject
// index, so its cost grows with the actor's events, not with the store.
func (s *Store) Relations(ctx context.Context, q RelationQuery) ([]Relation, error) {
	var out []Relation
	err := s.read(ctx, fmt.Sprintf("relations of %s", q.Actor), func(r *reader, v *vocab) error {
		n, ok, err := r.actorByID(v, q.Actor)
		if err != nil {
			return err
		}
		if !ok {
			return &NotFoundError{Name: q.Actor}
		}
		cache := actorCache{}
		events := map[node]*Event{}
		first, err := r.relations(v, cache, events, n, q, nil)
		if err != nil {
			return err
		}
		out = first
		if q.Depth < 2 {
			return nil
		}
		seen := map[string]bool{}
		for _, rel := range first {
			if seen[rel.Counterpart.ID] {
				continue
			}
			seen[rel.Counterpart.ID] = true
			c, _, err := r.actorByID(v, rel.Counterpart.ID)
			if err != nil {
				return err
			}
			via := rel.Counterpart
			second, err := r.relations(v, cache, events, c, q, &via)
			if err != nil {
				return err
			}
			for _, rel2 := range second {
				if rel2.Counterpart.ID != rel.Actor.ID {
					out = append(out, rel2)
				}
			}
		}
		return nil
	})
	return out, err
}

// relKey groups an actor's events by counterpart and code.
type relKey struct {
	counterpart node
	code        string
}

type relAcc struct {
	events       map[node]*Event
	out, in      bool
	goldstein    float64
	articles     map[node]bool
	first, last  *Event
	dated, total int
}

// relations computes one actor's direct relations; events caches the
// events read so far (depth 2 reads many twice).
func (r *reader) relations(v *vocab, cache actorCache, events map[node]*Event, a node, q RelationQuery, via *ActorRef) ([]Relation, error) {
	self, err := r.actor(v, cache, a)
	if err != nil {
		return nil, err
	}
	ens, err := r.eventCandidates(v, a) // counterparts checks a is still there
	if err != nil {
		return nil, err
	}
	var todo []node
	for _, en := range ens {
		if events[en] == nil {
			todo = append(todo, en)
		}
	}
	loaded := make([]*Event, len(todo))
	err = r.parallel(len(todo), func(sub *reader, i int) (err error) {
		loaded[i], err = sub.loadEventOf(v, todo[i], v.relationPreds)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i, e := range loaded {
		events[todo[i]] = e
	}
	acc := map[relKey]*relAcc{}
	perCounterpart := map[node]int{}
	for _, en := range ens {
		e := events[en]
		if !e.Asserted() || !e.overlaps(q.Since, q.Until) || !e.hasType(q.Type) {
			continue
		}
		src, tgt := e.side(a)
		for _, c := range e.counterparts(a) {
			k := relKey{c, e.Code}
			ac := acc[k]
			if ac == nil {
				ac = &relAcc{events: map[node]*Event{}, articles: map[node]bool{}}
				acc[k] = ac
			}
			if ac.events[en] != nil {
				continue
			}
			ac.events[en] = e
			ac.total++
			perCounterpart[c]++
			cs, ct := e.side(c)
			ac.out = ac.out || src && ct
			ac.in = ac.in || tgt && cs
			ac.goldstein += e.Goldstein
			for _, l := range e.labels {
				ac.articles[l] = true
			}
			if e.Start == "" {
				continue
			}
			ac.dated++
			if ac.first == nil || e.Start < ac.first.Start || e.Start == ac.first.Start && e.End < ac.first.End {
				ac.first = e
			}
			if ac.last == nil || e.Start > ac.last.Start || e.Start == ac.last.Start && e.End > ac.last.End {
				ac.last = e
			}
		}
	}
	type row struct {
		rel Relation
		cp  node
	}
	// Name the counterparts, several at once when there are many.
	var unnamed []node
	for k := range acc {
		if _, ok := cache[k.counterpart]; !ok && !containsNode(unnamed, k.counterpart) {
			unnamed = append(unnamed, k.counterpart)
		}
	}
	named := make([]ActorRef, len(unnamed))
	err = r.parallel(len(unnamed), func(sub *reader, i int) (err error) {
		named[i], err = sub.actor(v, nil, unnamed[i])
		return err
	})
	if err != nil {
		return nil, err
	}
	for i, n := range unnamed {
		cache[n] = named[i]
	}
	rows := make([]row, 0, len(acc))
	for k, ac := range acc {
		cp := cache[k.counterpart]
		var some *Event
		for _, e := range ac.events {
			some = e
			break
		}
		rel := Relation{
			Actor: self, Via: via, Counterpart: cp,
			Code: k.code, Root: some.Root, Label: some.Label,
			Direction: direction(ac.out, ac.in),
			Events:    ac.total, Dated: ac.dated,
			Goldstein: round2(ac.goldstein / float64(ac.total)),
			Articles:  len(ac.articles),
		}
		if ac.first != nil {
			rel.First, rel.Last = ac.first.Date, ac.last.Date
		}
		rows = append(rows, row{rel, k.counterpart})
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i].rel, rows[j].rel
		na, nb := perCounterpart[rows[i].cp], perCounterpart[rows[j].cp]
		switch {
		case na != nb:
			return na > nb
		case a.Counterpart.Name != b.Counterpart.Name:
			return a.Counterpart.Name < b.Counterpart.Name
		case a.Counterpart.ID != b.Counterpart.ID:
			return a.Counterpart.ID < b.Counterpart.ID
		case a.Events != b.Events:
			return a.Events > b.Events
		}
		return a.Code < b.Code
	})
	out := make([]Relation, len(rows))
	for i, rw := range rows {
		out[i] = rw.rel
	}
	return out, nil
}

func direction(out, in bool) string {
	switch {
	case out && in:
		return "both"
	case in:
		return "in"
	default:
		return "out"
	}
}

func round2(f float64) float64 {
	if f < 0 {
		return -round2(-f)
	}
	return float64(int64(f*100+0.5)) / 100
}
