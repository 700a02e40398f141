package graph_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

func ExampleStore_Network() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "diplograph-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	st, err := graph.Open(ctx, filepath.Join(dir, "news.graph"), graph.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	_, err = st.Write(ctx, schema.Result{
		Document: schema.Document{ID: "https://example.org/riyadh", Title: "Lavrov and Rubio meet in Riyadh"},
		Actors: []schema.Actor{
			{ID: "person/sergey-lavrov", Name: "Sergey Lavrov", Kind: schema.KindPerson, Country: "RUS"},
			{ID: "person/marco-rubio", Name: "Marco Rubio", Kind: schema.KindPerson, Country: "USA"},
		},
		Events: []schema.Event{{
			ID: "event/example-1", CAMEO: "046", Root: "04", Label: "Engage in negotiation",
			Source: []string{"person/sergey-lavrov"}, Target: []string{"person/marco-rubio"},
			Date: "2025-02-18",
		}},
	})
	if err != nil {
		log.Fatal(err)
	}

	// Lavrov's ego network: the actors one hop away and the edges among
	// them, one per source, target and CAMEO root.
	net, err := st.Network(ctx, graph.NetworkQuery{Actor: "person/sergey-lavrov", Depth: 1})
	if err != nil {
		log.Fatal(err)
	}
	for _, n := range net.Nodes {
		fmt.Println(n.ID, n.Label, n.Kind)
	}
	for _, e := range net.Edges {
		fmt.Println(e.Source, e.Type, e.Target, e.Weight, e.First)
	}
	// Package export writes it for a tool: gexf, graphml, dot, cyjs, d3...
	// Output:
	// person/marco-rubio Marco Rubio person
	// person/sergey-lavrov Sergey Lavrov person
	// person/sergey-lavrov consultedWith person/marco-rubio 1 2025-02-18
}
