// Package schema is diplograph's vocabulary: the Go types that extraction
// produces and the graph stores, the IRIs and predicates of the graph model,
// the CAMEO event codes with their labels, Goldstein scores and PLOVER
// classes, the event-type vocabulary of every --type flag, and the
// gazetteers (countries, places, inter-governmental bodies, seats of
// government) that actor recognition reads.
//
// Everything here is data or pure functions over data; nothing does I/O.
//
//	c, ok := schema.LookupCAMEO("046") // c.Label == "Engage in negotiation", c.PLOVER.Type == "CONSULT"
//	t, err := schema.ParseEventType("make a visit") // t.Code == "042"; "SANCTION" gives t.PLOVER
//	iri := schema.ActorIRI("country/RUS") // <dg:country/RUS>
package schema
