package graph

import (
	"context"
	"fmt"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

var exportFixtures = []string{"riyadh", "crimea", "istanbul", "ankara"}

func openExportFixtures(t testing.TB) *Store {
	t.Helper()
	s, _ := openTemp(t)
	for _, name := range exportFixtures {
		if _, err := s.Write(context.Background(), loadFixture(t, name)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func network(t testing.TB, s *Store, q NetworkQuery) *Network {
	t.Helper()
	n, err := s.Network(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

var putinEgo = NetworkQuery{Actor: "person/vladimir-putin", Depth: 1}

func TestExportActorNetwork(t *testing.T) {
	s := openExportFixtures(t)
	n := network(t, s, NetworkQuery{})
	edge := func(src, typ, tgt string) *NetworkEdge {
		for i, e := range n.Edges {
			if e.Source == src && e.Type == typ && e.Target == tgt {
				return &n.Edges[i]
			}
		}
		return nil
	}
	e := edge("person/sergey-lavrov", "consultedWith", "person/marco-rubio")
	if e == nil {
		t.Fatalf("no consultation edge from Lavrov to Rubio in %+v", n.Edges)
	}
	if e.Weight != 1 || e.Root != "04" || e.CAMEO != "Consult" || e.QuadClass != 1 ||
		e.First != "2025-02-18" || e.Last != "2025-02-18" || len(e.Articles) != 3 || len(e.Spells) != 1 {
		t.Errorf("Lavrov → Rubio: %+v", e)
	}
	for _, e := range n.Edges {
		if e.Weight < 1 || len(e.Events) != e.Weight || e.ID != e.Source+"--"+e.Type+"--"+e.Target {
			t.Errorf("edge %+v: weight, events and ID disagree", e)
		}
	}
	// The negated Russia–Ukraine consultation is no edge.
	if e := edge("country/RUS", "consultedWith", "country/UKR"); e != nil {
		t.Errorf("a negated event made an edge: %+v", e)
	}
	checkNetwork(t, n)
}

// checkNetwork checks that IDs are unique and every edge joins two nodes.
func checkNetwork(t *testing.T, n *Network) {
	t.Helper()
	nodes := map[string]bool{}
	for _, nd := range n.Nodes {
		if nodes[nd.ID] {
			t.Errorf("node %s twice", nd.ID)
		}
		nodes[nd.ID] = true
	}
	edges := map[string]bool{}
	for _, e := range n.Edges {
		if edges[e.ID] {
			t.Errorf("edge %s twice", e.ID)
		}
		edges[e.ID] = true
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge %s joins a node that is not there", e.ID)
		}
	}
}

func TestExportFilters(t *testing.T) {
	s := openExportFixtures(t)
	all := network(t, s, NetworkQuery{})
	ids := func(n *Network) map[string]bool {
		out := map[string]bool{}
		for _, nd := range n.Nodes {
			out[nd.ID] = true
		}
		return out
	}

	// The ego network at depth 1: Putin and whom he dealt with, and the
	// edges among them; depth 2 reaches further, within the whole graph.
	ego := network(t, s, putinEgo)
	checkNetwork(t, ego)
	egoIDs := ids(ego)
	if !egoIDs["person/vladimir-putin"] || !egoIDs["person/donald-trump"] {
		t.Errorf("Putin's ego network: %v", egoIDs)
	}
	for _, e := range all.Edges {
		if e.Source == "person/vladimir-putin" && !egoIDs[e.Target] || e.Target == "person/vladimir-putin" && !egoIDs[e.Source] {
			t.Errorf("ego network misses the edge %s", e.ID)
		}
		if egoIDs[e.Source] && egoIDs[e.Target] && !containsEdge(ego, e.ID) {
			t.Errorf("ego network misses the edge %s between two of its actors", e.ID)
		}
	}
	deep := network(t, s, NetworkQuery{Actor: "person/vladimir-putin", Depth: 3})
	if len(deep.Nodes) < len(ego.Nodes) || len(deep.Nodes) > len(all.Nodes) {
		t.Errorf("depth 3: %d nodes, depth 1 %d, whole graph %d", len(deep.Nodes), len(ego.Nodes), len(all.Nodes))
	}
	if _, err := s.Network(context.Background(), NetworkQuery{Actor: "person/nobody"}); err == nil {
		t.Errorf("an ego network of an unknown actor: no error")
	}

	// Dates, type and kind narrow the events; undated ones drop out with
	// dates.
	since := network(t, s, NetworkQuery{Since: "2025-01-01"})
	for _, e := range since.Edges {
		if e.First < "2025-01-01" || e.First == "" {
			t.Errorf("--since 2025: edge %s from %q", e.ID, e.First)
		}
	}
	if len(since.Edges) == 0 || len(since.Edges) >= len(all.Edges) {
		t.Errorf("--since 2025: %d edges of %d", len(since.Edges), len(all.Edges))
	}
	until := network(t, s, NetworkQuery{Until: "2014-12-31"})
	for _, e := range until.Edges {
		if e.Last > "2014-12-31" || e.Last == "" {
			t.Errorf("--until 2014: edge %s until %q", e.ID, e.Last)
		}
	}
	consult := network(t, s, NetworkQuery{Type: schema.EventType{Code: "04"}})
	if len(consult.Edges) == 0 {
		t.Errorf("--type 04: no edges")
	}
	for _, e := range consult.Edges {
		if e.Root != "04" {
			t.Errorf("--type 04: edge %s", e.ID)
		}
	}
	people := network(t, s, NetworkQuery{Kind: "person"})
	if len(people.Nodes) == 0 {
		t.Errorf("--kind person: no nodes")
	}
	for _, nd := range people.Nodes {
		if nd.Kind != "person" {
			t.Errorf("--kind person: node %s", nd.ID)
		}
	}

	// --min-weight keeps the heavier edges, and the events graph the
	// events behind them.
	heavy := network(t, s, NetworkQuery{MinWeight: 2})
	for _, e := range heavy.Edges {
		if e.Weight < 2 {
			t.Errorf("--min-weight 2: edge %s of weight %d", e.ID, e.Weight)
		}
	}
	checkNetwork(t, heavy)
	heavyEvents := network(t, s, NetworkQuery{Shape: EventNetwork, MinWeight: 2})
	checkNetwork(t, heavyEvents)
	for _, nd := range heavyEvents.Nodes {
		if nd.Kind != "event" && !ids(heavy)[nd.ID] {
			t.Errorf("--min-weight 2 --graph events: actor %s is not in the actors graph", nd.ID)
		}
	}
}

func containsEdge(n *Network, id string) bool {
	for _, e := range n.Edges {
		if e.ID == id {
			return true
		}
	}
	return false
}

// TestEventNetwork checks the bipartite graph: its actors are the actor
// graph's, every edge joins an actor and an event, and every event has
// a source and a target.
func TestEventNetwork(t *testing.T) {
	s := openExportFixtures(t)
	actors := network(t, s, NetworkQuery{})
	events := network(t, s, NetworkQuery{Shape: EventNetwork})
	checkNetwork(t, events)
	kinds := map[string]string{}
	nActors := 0
	for _, nd := range events.Nodes {
		kinds[nd.ID] = nd.Kind
		if nd.Kind != "event" {
			nActors++
		} else if nd.Event == nil || nd.Event.Code == "" || nd.Event.Evidence == "" {
			t.Errorf("event node %s: %+v", nd.ID, nd.Event)
		}
	}
	if nActors != len(actors.Nodes) {
		t.Errorf("events graph has %d actors, the actors graph %d", nActors, len(actors.Nodes))
	}
	sides := map[string][2]int{}
	for _, e := range events.Edges {
		switch {
		case e.Type == "source" && kinds[e.Target] == "event" && kinds[e.Source] != "event":
			c := sides[e.Target]
			c[0]++
			sides[e.Target] = c
		case e.Type == "target" && kinds[e.Source] == "event" && kinds[e.Target] != "event":
			c := sides[e.Source]
			c[1]++
			sides[e.Source] = c
		default:
			t.Errorf("edge %s does not join an actor and an event", e.ID)
		}
	}
	for id, kind := range kinds {
		if kind == "event" && (sides[id][0] == 0 || sides[id][1] == 0) {
			t.Errorf("event %s lacks a source or a target: %v", id, sides[id])
		}
	}
}

func TestMergeSpells(t *testing.T) {
	got := mergeSpells([]Spell{{"2025-03-01", "2025-03-31"}, {"2014-03-16", "2014-03-16"}, {"2025-03-10", "2025-04-02"}, {"2014-02-27", "2014-03-18"}})
	want := []Spell{{"2014-02-27", "2014-03-18"}, {"2025-03-01", "2025-04-02"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("mergeSpells = %v, want %v", got, want)
	}
}
