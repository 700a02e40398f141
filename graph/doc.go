// Package graph stores diplograph's knowledge graph in a Cayley quad store
// and reads it back: it turns one article's extraction result into quads
// (Quads), writes them idempotently (Store.Write), and answers Gizmo
// queries (Store.Query) and summaries (Store.Stats).
//
// Each article is a named graph: every quad it contributes carries the
// article's IRI as its label, so re-ingesting a changed article replaces
// exactly its own quads, while the actors it shares with other articles
// keep theirs. The model (node kinds, IRIs, predicates, example queries) is
// described in docs/schema.md.
//
// An event several articles report is one event node with a report node
// per article (see happening.go). The read API behind the commands
// (LookupActor, Actors, Relations, Events, Describe) walks Cayley's
// indexes directly, so its cost follows the nodes it reads, not the size
// of the store.
//
// A store is a directory holding Cayley's bolt database:
//
//	st, err := graph.Open(ctx, "news.graph", graph.Options{})
//	if err != nil { ... }
//	defer st.Close()
//	rep, err := st.Write(ctx, result) // rep.Status: new, unchanged or replaced
//	err = st.Query(ctx, `g.V("<dg:person/sergey-lavrov>").Out("<dg:consultedWith>").All()`, 0,
//		func(v any) error { fmt.Println(v); return nil })
package graph
