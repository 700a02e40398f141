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

func ExampleStore_Query() {
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

	rep, err := st.Write(ctx, schema.Result{
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
	fmt.Println(rep.Status)

	print := func(v any) error { fmt.Println(v); return nil }
	// Whom did Lavrov consult, and in which event?
	err = st.Query(ctx, `g.V("<dg:person/sergey-lavrov>").In("<dg:source>").Tag("event")
		.Out("<dg:target>").Out("<schema:name>").All()`, 0, print)
	if err != nil {
		log.Fatal(err)
	}
	// A count is a value, not a path: emit it.
	err = st.Query(ctx, `g.Emit(g.V().Has("<rdf:type>", "<schema:Event>").Count())`, 0, print)
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// new
	// map[event:<dg:event/b4401bcc0d200d00> id:Marco Rubio]
	// 1
}
