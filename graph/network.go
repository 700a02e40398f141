package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/diplograph/diplograph/schema"
)

// Networks are what the exports (package export) write for the tools
// people look at graphs with (Gephi, Cytoscape, yEd, Graphviz, Neo4j, D3):
// nodes and edges with attributes, which Store.Network reads. RDF stores
// take the quads themselves, which Store.NetworkQuads reads.

// NetworkShape is what a network's nodes are.
type NetworkShape string

const (
	// ActorNetwork has the actors as nodes and, for each source, target
	// and CAMEO root, one edge weighted by the number of happenings.
	ActorNetwork NetworkShape = "actors"
	// EventNetwork is bipartite: actors and events are nodes, and each
	// event has an edge from each source and to each target.
	EventNetwork NetworkShape = "events"
)

// NetworkQuery selects the part of the store a network holds. Only events
// that happened and have a source and a target count (not denied or
// hypothetical ones, not statements with no one on the other side); the
// zero value selects all of them, as an ActorNetwork.
type NetworkQuery struct {
	Shape NetworkShape
	// Actor, an actor ID ("person/vladimir-putin"; LookupActor finds it
	// from a name), makes an ego network: the actors at most Depth edges
	// away (1 if Depth is 0) and every edge between them. The other
	// filters apply first, so the hops follow the edges they keep.
	Actor string
	Depth int
	// Since and Until ("YYYY-MM-DD") keep the events that overlap them;
	// undated events then drop out.
	Since, Until string
	// Type keeps the events of one type (schema.ParseEventType); zero
	// keeps all.
	Type schema.EventType
	// Kind keeps the actors of one kind (and Actor, whatever its kind).
	Kind schema.Kind
	// MinWeight drops the actor edges with fewer happenings; an
	// EventNetwork keeps the events behind the edges that remain.
	MinWeight int
}

// all reports whether q selects every event.
func (q NetworkQuery) all() bool {
	return q.Actor == "" && q.Since == "" && q.Until == "" && q.Type.IsZero() && q.Kind == "" && q.MinWeight <= 1
}

// Network is a graph to export: nodes sorted by ID, edges by source,
// target and type, so the same store always gives the same file.
type Network struct {
	Shape NetworkShape
	Query NetworkQuery
	Nodes []NetworkNode
	Edges []NetworkEdge
}

// Spell is a stretch of days, "YYYY-MM-DD" to "YYYY-MM-DD", both included.
type Spell struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// NetworkNode is an actor or, in an EventNetwork, an event.
type NetworkNode struct {
	// ID is the store's ID: "person/sergey-lavrov", "event/f88db042c9d1f734".
	ID    string
	Label string
	// Kind is the actor's kind (person, organization, country, place) or
	// "event".
	Kind string
	// Country is an actor's country code ("RUS", "IGO"); Roles its current
	// roles ("Foreign Minister of Russia").
	Country string
	Roles   []string
	// Events counts the network's events the node takes part in (1 for an
	// event); Articles are the IDs of the articles that report them.
	Events   int
	Articles []string
	// First and Last are the first and last day of those events; Spells
	// the days they cover, none when one of them is undated (the node is
	// then there all the time).
	First, Last string
	Spells      []Spell
	// Event describes an event node.
	Event *NetworkEvent
}

// NetworkEvent is what an event node adds to a node.
type NetworkEvent struct {
	Code  string // the CAMEO code most reports give, "046"
	Root  string // "04"
	CAMEO string // the code's label, "Engage in negotiation"
	// Date is the date as reported: "2025-02-18", "2025-02", "2014", an
	// interval, or "" when undated.
	Date      string
	Goldstein float64
	QuadClass int
	Place     *ActorRef
	// Evidence is the sentence of the first report.
	Evidence string
}

// NetworkEdge is the happenings between a source and a target of one CAMEO
// root in an ActorNetwork, and an actor's part in an event (source: actor
// to event; target: event to actor) in an EventNetwork.
type NetworkEdge struct {
	// ID is Source--Type--Target.
	ID             string
	Source, Target string
	// Type is the relation ("consultedWith", the name of the root's
	// predicate in the store), or "source" or "target".
	Type      string
	Root      string // CAMEO root, "04"
	CAMEO     string // its label, "Consult"
	QuadClass int    // 1 verbal cooperation .. 4 material conflict
	// Weight counts the happenings (1 in an EventNetwork).
	Weight int
	// First and Last are the first and last day of the dated events;
	// Spells the days they cover, none when one is undated.
	First, Last string
	Spells      []Spell
	// Goldstein is the mean score of the events, -10 (conflict) to +10
	// (cooperation).
	Goldstein float64
	// Articles are the IDs of the articles reporting the events, Events
	// the events' IDs.
	Articles []string
	Events   []string
}

// Network reads the part of the store q selects as a network.
func (s *Store) Network(ctx context.Context, q NetworkQuery) (*Network, error) {
	var out *Network
	err := s.read(ctx, "export", func(r *reader, v *vocab) error {
		b, err := r.network(v, q)
		if err == nil {
			out = b.net
		}
		return err
	})
	return out, err
}

// netBuilder reads a network.
type netBuilder struct {
	r      *reader
	v      *vocab
	q      NetworkQuery
	cache  actorCache
	center node
	// events are the events read so far (nil: not selected), kinds the
	// kinds of the actors met.
	events map[node]*Event
	// edges are the actor edges, keyed by source, target and root.
	edges map[edgeKey]*edgeAcc
	// actors are the network's actors; kept the events behind its edges.
	actors map[node]bool
	kept   []*Event
	net    *Network
}

type edgeKey struct {
	s, t node
	root string
}

type edgeAcc struct {
	events []*Event
	seen   map[*Event]bool
}

// network reads the network q selects.
func (r *reader) network(v *vocab, q NetworkQuery) (*netBuilder, error) {
	if q.Shape == "" {
		q.Shape = ActorNetwork
	}
	if q.Shape != ActorNetwork && q.Shape != EventNetwork {
		return nil, fmt.Errorf("unknown network shape %q (want actors or events)", q.Shape)
	}
	if q.Depth < 1 {
		q.Depth = 1
	}
	if q.MinWeight < 1 {
		q.MinWeight = 1
	}
	b := &netBuilder{r: r, v: v, q: q, cache: actorCache{}, events: map[node]*Event{},
		edges: map[edgeKey]*edgeAcc{}, actors: map[node]bool{}}
	var err error
	if q.Actor != "" {
		err = b.ego()
	} else {
		err = b.whole()
	}
	if err != nil {
		return nil, err
	}
	b.net = &Network{Shape: q.Shape, Query: q}
	if err := b.build(); err != nil {
		return nil, err
	}
	return b, nil
}

// whole reads every event and keeps the edges heavy enough.
func (b *netBuilder) whole() error {
	all, err := b.r.subjectsOf(b.v.typ, b.v.event)
	if err != nil {
		return err
	}
	evs, err := b.load(all)
	if err != nil {
		return err
	}
	if err := b.aggregate(evs); err != nil {
		return err
	}
	for k, acc := range b.edges {
		if len(acc.events) >= b.q.MinWeight {
			b.actors[k.s], b.actors[k.t] = true, true
		}
	}
	return nil
}

// ego walks out from the actor Depth hops along the edges heavy enough,
// then keeps every such edge between the actors reached.
func (b *netBuilder) ego() error {
	c, ok, err := b.r.actorByID(b.v, b.q.Actor)
	if err != nil {
		return err
	}
	if !ok {
		return &NotFoundError{Name: b.q.Actor}
	}
	b.center = c
	b.actors[c] = true
	frontier := []node{c}
	var loaded []*Event
	for d := 0; len(frontier) > 0; d++ {
		var cands []node
		for _, a := range frontier {
			ns, err := b.r.eventCandidates(b.v, a)
			if err != nil {
				return err
			}
			cands = append(cands, ns...)
		}
		evs, err := b.load(cands)
		if err != nil {
			return err
		}
		loaded = append(loaded, evs...)
		if d == b.q.Depth {
			break
		}
		// The edges of the frontier are complete: every event of theirs
		// is read.
		b.edges = map[edgeKey]*edgeAcc{}
		if err := b.aggregate(loaded); err != nil {
			return err
		}
		onFrontier := make(map[node]bool, len(frontier))
		for _, a := range frontier {
			onFrontier[a] = true
		}
		var next []node
		for _, k := range sortedEdgeKeys(b.edges) {
			if len(b.edges[k].events) < b.q.MinWeight {
				continue
			}
			for _, pair := range [][2]node{{k.s, k.t}, {k.t, k.s}} {
				if onFrontier[pair[0]] && !b.actors[pair[1]] {
					b.actors[pair[1]] = true
					next = append(next, pair[1])
				}
			}
		}
		frontier = next
	}
	b.edges = map[edgeKey]*edgeAcc{}
	if err := b.aggregate(loaded); err != nil {
		return err
	}
	for k := range b.edges {
		if !b.actors[k.s] || !b.actors[k.t] {
			delete(b.edges, k)
		}
	}
	return nil
}

// load reads the events of ns not read yet and returns those of ns that
// pass the query, each once.
func (b *netBuilder) load(ns []node) ([]*Event, error) {
	var todo []node
	for _, n := range ns {
		if _, done := b.events[n]; !done && !containsNode(todo, n) {
			todo = append(todo, n)
		}
	}
	loaded := make([]*Event, len(todo))
	err := b.r.parallel(len(todo), func(sub *reader, i int) (err error) {
		loaded[i], err = sub.loadEvent(b.v, todo[i])
		return err
	})
	if err != nil {
		return nil, err
	}
	for i, e := range loaded {
		q := b.q
		if len(e.articles) == 0 || !e.Asserted() || !e.overlaps(q.Since, q.Until) || !e.hasType(q.Type) {
			e = nil
		} else if err := b.r.setID(e); err != nil {
			return nil, err
		}
		b.events[todo[i]] = e
	}
	var out []*Event
	seen := map[node]bool{}
	for _, n := range ns {
		if e := b.events[n]; e != nil && !seen[n] {
			seen[n] = true
			out = append(out, e)
		}
	}
	return out, nil
}

// keep reports whether an actor can be in the network: the center, or an
// actor of the kind asked for.
func (b *netBuilder) keep(n node) (bool, error) {
	if b.q.Kind == "" || n == b.center {
		return true, nil
	}
	a, err := b.r.actor(b.v, b.cache, n)
	return a.Kind == b.q.Kind, err
}

// pairs returns an event's source and target pairs whose actors can be in
// the network.
func (b *netBuilder) pairs(e *Event) ([][2]node, error) {
	var out [][2]node
	for _, s := range e.sources {
		for _, t := range e.targets {
			if s == t {
				continue
			}
			ks, err := b.keep(s)
			if err != nil {
				return nil, err
			}
			kt, err := b.keep(t)
			if err != nil {
				return nil, err
			}
			if ks && kt {
				out = append(out, [2]node{s, t})
			}
		}
	}
	return out, nil
}

// aggregate adds the events to the actor edges.
func (b *netBuilder) aggregate(evs []*Event) error {
	for _, e := range evs {
		ps, err := b.pairs(e)
		if err != nil {
			return err
		}
		for _, p := range ps {
			k := edgeKey{p[0], p[1], e.Root}
			acc := b.edges[k]
			if acc == nil {
				acc = &edgeAcc{seen: map[*Event]bool{}}
				b.edges[k] = acc
			}
			if !acc.seen[e] {
				acc.seen[e] = true
				acc.events = append(acc.events, e)
			}
		}
	}
	return nil
}

func sortedEdgeKeys(m map[edgeKey]*edgeAcc) []edgeKey {
	keys := make([]edgeKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.s != b.s {
			return a.s < b.s
		}
		if a.t != b.t {
			return a.t < b.t
		}
		return a.root < b.root
	})
	return keys
}

// build turns the kept edges into the network's nodes and edges.
func (b *netBuilder) build() error {
	r, v := b.r, b.v
	keys := sortedEdgeKeys(b.edges)
	// The network's events, and per actor the events it is in through a
	// kept edge; per event the actors on each side of its kept edges.
	perActor := map[node][]*Event{}
	sides := map[*Event]*[2][]node{}
	add := func(ns []node, n node) []node {
		if containsNode(ns, n) {
			return ns
		}
		return append(ns, n)
	}
	for _, k := range keys {
		acc := b.edges[k]
		if len(acc.events) < b.q.MinWeight || !b.actors[k.s] || !b.actors[k.t] {
			continue
		}
		for _, e := range acc.events {
			sd := sides[e]
			if sd == nil {
				sd = &[2][]node{}
				sides[e] = sd
				b.kept = append(b.kept, e)
			}
			sd[0], sd[1] = add(sd[0], k.s), add(sd[1], k.t)
			for _, a := range []node{k.s, k.t} {
				if !containsEvent(perActor[a], e) {
					perActor[a] = append(perActor[a], e)
				}
			}
		}
		src, err := r.actor(v, b.cache, k.s)
		if err != nil {
			return err
		}
		tgt, err := r.actor(v, b.cache, k.t)
		if err != nil {
			return err
		}
		if b.q.Shape == ActorNetwork {
			edge, err := b.edge(src.ID, relationName(k.root), tgt.ID, k.root, acc.events)
			if err != nil {
				return err
			}
			b.net.Edges = append(b.net.Edges, edge)
		}
	}
	sort.Slice(b.kept, func(i, j int) bool { return b.kept[i].ID < b.kept[j].ID })

	// The actors: those of the kept edges, and the center.
	var actors []node
	for a := range b.actors {
		if len(perActor[a]) > 0 || a == b.center {
			actors = append(actors, a)
		}
	}
	for _, a := range actors {
		nn, err := b.actorNode(a, perActor[a])
		if err != nil {
			return err
		}
		b.net.Nodes = append(b.net.Nodes, nn)
	}

	if b.q.Shape == EventNetwork {
		for _, e := range b.kept {
			if err := r.fillEvent(v, b.cache, e, false); err != nil {
				return err
			}
			nn, err := b.eventNode(e)
			if err != nil {
				return err
			}
			b.net.Nodes = append(b.net.Nodes, nn)
			sd := sides[e]
			for i, side := range sd {
				for _, a := range side {
					ref, err := r.actor(v, b.cache, a)
					if err != nil {
						return err
					}
					var edge NetworkEdge
					if i == 0 {
						edge, err = b.edge(ref.ID, "source", e.ID, e.Root, []*Event{e})
					} else {
						edge, err = b.edge(e.ID, "target", ref.ID, e.Root, []*Event{e})
					}
					if err != nil {
						return err
					}
					b.net.Edges = append(b.net.Edges, edge)
				}
			}
		}
	}
	sort.Slice(b.net.Nodes, func(i, j int) bool { return b.net.Nodes[i].ID < b.net.Nodes[j].ID })
	sort.Slice(b.net.Edges, func(i, j int) bool {
		x, y := b.net.Edges[i], b.net.Edges[j]
		if x.Source != y.Source {
			return x.Source < y.Source
		}
		if x.Target != y.Target {
			return x.Target < y.Target
		}
		return x.Type < y.Type
	})
	return nil
}

func containsEvent(es []*Event, e *Event) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// relationName is the relation of a CAMEO root: "consultedWith".
func relationName(root string) string {
	if p, ok := schema.RootRelation[root]; ok {
		return strings.TrimPrefix(string(p), schema.Prefix)
	}
	return "root" + root
}

// edge sums up events as an edge.
func (b *netBuilder) edge(src, typ, tgt, root string, evs []*Event) (NetworkEdge, error) {
	e := NetworkEdge{ID: src + "--" + typ + "--" + tgt, Source: src, Target: tgt, Type: typ, Root: root, Weight: len(evs)}
	if c, ok := schema.LookupCAMEO(root); ok {
		e.CAMEO, e.QuadClass = c.Label, c.QuadClass
	}
	sum := 0.0
	for _, ev := range evs {
		sum += ev.Goldstein
		e.Events = append(e.Events, ev.ID)
	}
	e.Goldstein = round2(sum / float64(len(evs)))
	sort.Strings(e.Events)
	var err error
	if e.Articles, err = b.articleIDs(evs); err != nil {
		return e, err
	}
	e.First, e.Last, e.Spells = spellsOf(evs)
	return e, nil
}

// articleIDs are the sorted IDs of the articles reporting the events.
func (b *netBuilder) articleIDs(evs []*Event) ([]string, error) {
	var ns []node
	for _, e := range evs {
		for _, a := range e.articles {
			if !containsNode(ns, a) {
				ns = append(ns, a)
			}
		}
	}
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		iri, err := b.r.iri(n)
		if err != nil {
			return nil, err
		}
		out = append(out, schema.IDOfIRI(iri))
	}
	sort.Strings(out)
	return out, nil
}

// spellsOf returns the first and last day of the dated events and the
// days they cover, merged; no spells when one event is undated.
func spellsOf(evs []*Event) (first, last string, spells []Spell) {
	undated := false
	for _, e := range evs {
		if e.Start == "" {
			undated = true
			continue
		}
		if first == "" || e.Start < first {
			first = e.Start
		}
		last = max(last, e.End)
		spells = append(spells, Spell{e.Start, e.End})
	}
	if undated {
		return first, last, nil
	}
	return first, last, mergeSpells(spells)
}

// mergeSpells sorts spells and joins those that overlap or touch (Gephi
// refuses overlapping intervals).
func mergeSpells(ss []Spell) []Spell {
	sort.Slice(ss, func(i, j int) bool {
		if ss[i].Start != ss[j].Start {
			return ss[i].Start < ss[j].Start
		}
		return ss[i].End < ss[j].End
	})
	var out []Spell
	for _, s := range ss {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// actorNode describes an actor and its events in the network.
func (b *netBuilder) actorNode(n node, evs []*Event) (NetworkNode, error) {
	r, v := b.r, b.v
	a, err := r.actor(v, b.cache, n)
	if err != nil {
		return NetworkNode{}, err
	}
	nn := NetworkNode{ID: a.ID, Label: a.String(), Kind: string(a.Kind), Events: len(evs)}
	if nn.Country, err = r.preferred(n, v.countryCode); err != nil {
		return nn, err
	}
	roles, err := r.roles(v, b.cache, n)
	if err != nil {
		return nn, err
	}
	for _, role := range roles {
		if role.Current {
			nn.Roles = append(nn.Roles, role.String())
		}
	}
	if nn.Articles, err = b.articleIDs(evs); err != nil {
		return nn, err
	}
	nn.First, nn.Last, nn.Spells = spellsOf(evs)
	return nn, nil
}

// eventNode describes an event (named by fillEvent).
func (b *netBuilder) eventNode(e *Event) (NetworkNode, error) {
	nn := NetworkNode{ID: e.ID, Kind: "event", Events: 1, Label: e.Label}
	if e.Date != "" {
		nn.Label += " (" + e.Date + ")"
	}
	ev := &NetworkEvent{Code: e.Code, Root: e.Root, CAMEO: e.Label, Date: e.Date,
		Goldstein: e.Goldstein, Place: e.Place, Evidence: e.Evidence}
	if c, ok := schema.LookupCAMEO(e.Root); ok {
		ev.QuadClass = c.QuadClass
	}
	nn.Event = ev
	var err error
	if nn.Articles, err = b.articleIDs([]*Event{e}); err != nil {
		return nn, err
	}
	nn.First, nn.Last, nn.Spells = spellsOf([]*Event{e})
	return nn, nil
}

// NetworkQuads reads the store's live quads, each with its label (the
// article that states it), in no particular order. With a query that
// filters anything it keeps only the quads about the network's nodes: its
// actors and events, their reports, articles, roles and CAMEO codes
// (relation edges and mentions only between those actors, relation edges
// only from those articles).
func (s *Store) NetworkQuads(ctx context.Context, q NetworkQuery) ([]quad.Quad, error) {
	var out []quad.Quad
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
		out, err = r.quadsOf(keep)
		return err
	})
	return out, err
}

// quadsOf reads the live quads keep passes (all if keep is nil).
func (r *reader) quadsOf(keep func(link) bool) ([]quad.Quad, error) {
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
	seen := map[node]bool{}
	var ns []node
	for _, l := range links {
		for _, n := range []node{l.s, l.p, l.o, l.l} {
			if !seen[n] && n != 0 {
				seen[n] = true
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
	}
	out := make([]quad.Quad, len(links))
	for i, l := range links {
		out[i] = quad.Quad{Subject: r.vals[l.s], Predicate: r.vals[l.p], Object: r.vals[l.o], Label: r.vals[l.l]}
	}
	return out, nil
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
