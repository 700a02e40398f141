package export_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/diplograph/diplograph/export"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

func ExampleExport() {
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

	// Lavrov's ego network for Graphviz, on standard output.
	var dot strings.Builder
	opts := export.Options{Format: export.FormatDOT, Query: graph.NetworkQuery{Actor: "person/sergey-lavrov"}}
	net, err := export.Export(ctx, st, opts, func(_ string, write func(io.Writer) error) error { return write(&dot) })
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(net.Nodes), "nodes,", len(net.Edges), "edge")
	fmt.Println(strings.SplitN(dot.String(), "\n", 2)[0])
	// Output:
	// 2 nodes, 1 edge
	// // diplograph actors and their interactions; within 1 hop(s) of person/sergey-lavrov
}
