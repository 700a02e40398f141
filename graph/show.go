package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// Description is everything the store knows about one node; exactly one
// of Actor, Event, Article and Node is set, as Type says.
type Description struct {
	Type    string         `json:"type"` // "actor", "event", "article" or "node"
	Actor   *ActorDetail   `json:"actor,omitempty"`
	Event   *Event         `json:"event,omitempty"`
	Article *ArticleDetail `json:"article,omitempty"`
	Node    *NodeDetail    `json:"node,omitempty"`
}

// ActorDetail is an actor with its roles, articles, events and relations.
type ActorDetail struct {
	ActorSummary
	ArticleList []ArticleRef `json:"article_list"`
	// EventList holds the actor's events, asserted or not, newest first
	// (at most the number Describe was given); Events counts the asserted
	// ones.
	EventList []Event    `json:"event_list"`
	Relations []Relation `json:"relations"`
}

// ArticleDetail is an article with the actors it names and the events it
// reports.
type ArticleDetail struct {
	ArticleRef
	DocumentID string     `json:"document_id,omitempty"`
	Source     string     `json:"source,omitempty"`
	Dateline   *ActorRef  `json:"dateline,omitempty"`
	Actors     []ActorRef `json:"actors"`
	Events     []Event    `json:"events"`
}

// NodeDetail is any other node (a role, a CAMEO code, a report): its
// statements as subject, and how many statements point to it.
type NodeDetail struct {
	ID         string         `json:"id"`
	Properties []Property     `json:"properties"`
	Incoming   map[string]int `json:"incoming,omitempty"`
}

// Property is a predicate with its distinct objects.
type Property struct {
	Predicate string   `json:"predicate"`
	Values    []string `json:"values"`
}

// Describe finds a node by ID (an actor, event, report, article or any
// other node, as "person/sergey-lavrov", "dg:event/x" or "<dg:cameo/04>")
// or an actor by name (as LookupActor does) and reads what the store
// knows about it. maxEvents caps the events listed for an actor (0: all).
func (s *Store) Describe(ctx context.Context, ref string, maxEvents int) (Description, error) {
	var d Description
	err := s.read(ctx, fmt.Sprintf("show %q", ref), func(r *reader, v *vocab) error {
		id := strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(ref), "<"), ">"), schema.Prefix)
		cache := actorCache{}
		if strings.HasPrefix(id, "event/") || strings.HasPrefix(id, "report/") {
			n, err := r.eventNode(v, id)
			if err != nil {
				return err
			}
			ok, err := r.hasType(v, n, v.event)
			if err != nil {
				return err
			}
			if ok {
				e, err := r.loadEvent(v, n)
				if err == nil {
					err = r.fillEvent(v, cache, e, true)
				}
				d = Description{Type: "event", Event: e}
				return err
			}
		}
		if strings.HasPrefix(id, "article/") {
			n, err := r.id(quad.IRI(schema.Prefix + id))
			if err != nil {
				return err
			}
			if ok, err := r.hasType(v, n, v.article); err != nil || ok {
				if ok {
					var a ArticleDetail
					a, err = r.articleDetail(v, cache, n)
					d = Description{Type: "article", Article: &a}
				}
				return err
			}
		}
		n, ok, err := r.actorByID(v, id)
		if err != nil {
			return err
		}
		if !ok && strings.Contains(id, "/") && !strings.Contains(id, " ") {
			other, err := r.id(quad.IRI(schema.Prefix + id))
			if err != nil {
				return err
			}
			if other != 0 {
				nd, err := r.nodeDetail(other)
				d = Description{Type: "node", Node: &nd}
				return err
			}
		}
		if !ok {
			if n, err = r.lookupActor(v, ref); err != nil {
				return err
			}
		}
		a, err := r.actorDetail(v, cache, n, maxEvents)
		d = Description{Type: "actor", Actor: &a}
		return err
	})
	return d, err
}

// hasType reports whether node n has rdf:type class.
func (r *reader) hasType(v *vocab, n, class node) (bool, error) {
	if n == 0 || class == 0 {
		return false, nil
	}
	found := false
	err := r.out(n, v.typ, func(l link) error {
		if l.o == class {
			found = true
			return errStop
		}
		return nil
	})
	return found, err
}

func (r *reader) actorDetail(v *vocab, cache actorCache, n node, maxEvents int) (ActorDetail, error) {
	notAsserted, err := r.notAssertedEvents(v)
	if err != nil {
		return ActorDetail{}, err
	}
	sum, err := r.summary(v, cache, n, notAsserted, true)
	if err != nil {
		return ActorDetail{}, err
	}
	d := ActorDetail{ActorSummary: sum, ArticleList: []ArticleRef{}, EventList: []Event{}}
	arts, err := r.subjectsOf(v.mentions, n)
	if err != nil {
		return d, err
	}
	for _, an := range arts {
		a, err := r.article(v, an)
		if err != nil {
			return d, err
		}
		d.ArticleList = append(d.ArticleList, a)
	}
	sortArticles(d.ArticleList)
	slicesReverse(d.ArticleList)
	es, err := r.events(v, EventQuery{Actor: sum.ID, All: true, Limit: maxEvents})
	if err != nil {
		return d, err
	}
	for _, e := range es {
		if err := r.fillEvent(v, cache, e, false); err != nil {
			return d, err
		}
		d.EventList = append(d.EventList, *e)
	}
	d.Relations, err = r.relations(v, cache, map[node]*Event{}, n, RelationQuery{}, nil)
	return d, err
}

func slicesReverse[T any](xs []T) {
	for i, j := 0, len(xs)-1; i < j; i, j = i+1, j-1 {
		xs[i], xs[j] = xs[j], xs[i]
	}
}

func (r *reader) articleDetail(v *vocab, cache actorCache, n node) (ArticleDetail, error) {
	ref, err := r.article(v, n)
	if err != nil {
		return ArticleDetail{}, err
	}
	d := ArticleDetail{ArticleRef: ref, Actors: []ActorRef{}, Events: []Event{}}
	docID, err := r.id(schema.PredDocID)
	if err != nil {
		return d, err
	}
	src, err := r.id(schema.PredSource)
	if err != nil {
		return d, err
	}
	dl, err := r.id(schema.PredDateline)
	if err != nil {
		return d, err
	}
	if d.DocumentID, err = r.preferred(n, docID); err != nil {
		return d, err
	}
	if d.Source, err = r.preferred(n, src); err != nil {
		return d, err
	}
	if places, err := r.objects(n, dl); err != nil {
		return d, err
	} else if len(places) > 0 {
		p, err := r.actor(v, cache, places[0])
		if err != nil {
			return d, err
		}
		d.Dateline = &p
	}
	actors, err := r.objects(n, v.mentions)
	if err != nil {
		return d, err
	}
	if d.Actors, err = r.actors(v, cache, actors); err != nil {
		return d, err
	}
	sort.Slice(d.Actors, func(i, j int) bool { return d.Actors[i].Name < d.Actors[j].Name })
	subjects, err := r.subjectsOf(v.reportedIn, n)
	if err != nil {
		return d, err
	}
	var es []*Event
	for _, sn := range subjects {
		if ok, err := r.hasType(v, sn, v.event); err != nil {
			return d, err
		} else if !ok {
			continue
		}
		e, err := r.loadEvent(v, sn)
		if err == nil {
			err = r.setID(e)
		}
		if err != nil {
			return d, err
		}
		es = append(es, e)
	}
	sortEvents(es, true)
	for _, e := range es {
		if err := r.fillEvent(v, cache, e, true); err != nil {
			return d, err
		}
		// Only this article's reports.
		mine := e.Reports[:0]
		for _, rep := range e.Reports {
			if rep.Article.ID == ref.ID {
				mine = append(mine, rep)
			}
		}
		e.Reports = mine
		if len(mine) > 0 {
			e.Evidence = mine[0].Evidence
		}
		d.Events = append(d.Events, *e)
	}
	return d, nil
}

func (r *reader) nodeDetail(n node) (NodeDetail, error) {
	iri, err := r.iri(n)
	if err != nil {
		return NodeDetail{}, err
	}
	d := NodeDetail{ID: schema.IDOfIRI(iri), Incoming: map[string]int{}}
	byPred := map[node][]node{}
	var preds []node
	err = r.outAll(n, nil, func(l link) error {
		if _, ok := byPred[l.p]; !ok {
			preds = append(preds, l.p)
		}
		if !containsNode(byPred[l.p], l.o) {
			byPred[l.p] = append(byPred[l.p], l.o)
		}
		return nil
	})
	if err != nil {
		return d, err
	}
	for _, p := range preds {
		pv, err := r.value(p)
		if err != nil {
			return d, err
		}
		vals, err := r.values(byPred[p])
		if err != nil {
			return d, err
		}
		prop := Property{Predicate: str(pv)}
		for _, x := range vals {
			prop.Values = append(prop.Values, str(x))
		}
		sort.Strings(prop.Values)
		d.Properties = append(d.Properties, prop)
	}
	sort.Slice(d.Properties, func(i, j int) bool { return d.Properties[i].Predicate < d.Properties[j].Predicate })
	// Incoming statements, counted by predicate: a CAMEO root can have
	// thousands.
	inPreds := map[node]int{}
	err = r.inAll(n, func(l link) error {
		inPreds[l.p]++
		return nil
	})
	if err != nil {
		return d, err
	}
	for p, c := range inPreds {
		pv, err := r.value(p)
		if err != nil {
			return d, err
		}
		d.Incoming[str(pv)] += c
	}
	return d, nil
}
