package schema

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/cayleygraph/quad"
)

// Namespace is the IRI namespace of diplograph's own terms and nodes. The
// store writes IRIs in the short form "dg:..." (as it writes "schema:name"
// and "rdf:type"); exporters expand them with this namespace.
const (
	Prefix    = "dg:"
	Namespace = "https://diplograph.org/ns/"
)

// Well-known namespaces used in short IRIs.
const (
	SchemaPrefix    = "schema:"
	SchemaNamespace = "http://schema.org/"
	RDFPrefix       = "rdf:"
	RDFNamespace    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// Predicates of the graph model (docs/schema.md describes each), typed
// constants: quad.IRI values no one can reassign.
const (
	// Shared by every node kind.
	PredType = quad.IRI("rdf:type")
	PredName = quad.IRI("schema:name")

	// Actors.
	PredAlias   = quad.IRI("schema:alternateName")
	PredCountry = quad.IRI("dg:country") // actor -> country node
	PredCode    = quad.IRI("dg:code")    // country -> "RUS", cameo code -> "046"
	// PredCountryCode is the actor's country as a literal ("RUS", "IGO"),
	// written for every actor that has one, so filters need no hop.
	PredCountryCode = quad.IRI("dg:countryCode")
	PredRole        = quad.IRI("dg:role")  // person -> role node
	PredTitle       = quad.IRI("dg:title") // role -> "Foreign Minister"
	PredOf          = quad.IRI("dg:of")    // role -> country or organisation
	PredDate        = quad.IRI("dg:date")  // role, event -> "2025-02-27"

	// PredNameKey is a folded form (FoldName) of an actor's name, of each
	// alias and of a person's surname, so that a name typed in any case or
	// accent is found by an exact lookup instead of a scan.
	PredNameKey = quad.IRI("dg:nameKey")

	// Articles.
	PredHeadline  = quad.IRI("schema:headline")
	PredURL       = quad.IRI("schema:url")
	PredPublished = quad.IRI("schema:datePublished")
	PredSHA256    = quad.IRI("dg:sha256")
	PredSource    = quad.IRI("dg:sourcePath")
	PredDocID     = quad.IRI("dg:documentId")
	PredDateline  = quad.IRI("dg:dateline")   // article -> place
	PredMentions  = quad.IRI("dg:mentions")   // article -> actor
	PredAuthor    = quad.IRI("schema:author") // article -> byline name (a literal: metadata, not an actor)
	PredAgency    = quad.IRI("dg:agency")     // article -> dateline agency ("AP")

	// Events.
	PredCAMEO       = quad.IRI("dg:cameo")       // event -> cameo code node
	PredRoot        = quad.IRI("dg:root")        // event, code -> root code node
	PredEvSource    = quad.IRI("dg:source")      // event -> actor
	PredEvTarget    = quad.IRI("dg:target")      // event -> actor
	PredParticipant = quad.IRI("dg:participant") // event -> every source and target
	PredPlace       = quad.IRI("dg:place")       // event -> place or country
	PredDateStart   = quad.IRI("dg:dateStart")   // event -> first day "YYYY-MM-DD"
	PredDateEnd     = quad.IRI("dg:dateEnd")     // event -> last day "YYYY-MM-DD"
	PredNegated     = quad.IRI("dg:negated")     // event -> true/false
	PredModality    = quad.IRI("dg:modality")
	PredEvidence    = quad.IRI("dg:evidence")  // event -> sentence text
	PredSentence    = quad.IRI("dg:sentence")  // event -> sentence index
	PredTrigger     = quad.IRI("dg:trigger")   // event -> trigger text
	PredRule        = quad.IRI("dg:rule")      // event -> lexicon rule ID
	PredGoldstein   = quad.IRI("dg:goldstein") // event, code -> score
	PredQuadClass   = quad.IRI("dg:quadClass") // code -> 1..4
	// The event's PLOVER event type, mode and context (literals:
	// "CONSULT", "visit", "diplomatic"), when PLOVER codes its CAMEO code.
	PredPLOVERType    = quad.IRI("dg:ploverType")
	PredPLOVERMode    = quad.IRI("dg:ploverMode")
	PredPLOVERContext = quad.IRI("dg:ploverContext")
	PredReportedIn    = quad.IRI("dg:reportedIn") // event, report -> article
	// An event node is one happening; each article's account of it is a
	// report node with the evidence.
	PredReport = quad.IRI("dg:report") // event -> report node
	// PredMatchKey is "ROOT PARTICIPANT... YYYY-MM" (CAMEO root, sorted
	// actor IDs and a month of the event's date; one per month the date
	// spans) on asserted dated events: Write finds the stored events that
	// may be the same happening through it.
	PredMatchKey = quad.IRI("dg:matchKey")

	// Statements (CAMEO 010-019) are kept apart from events: their own
	// node class and predicates, and no actor-to-actor edges.
	PredSpeaker   = quad.IRI("dg:speaker")   // statement -> actor who said it
	PredAddressee = quad.IRI("dg:addressee") // statement -> actor told
)

// Node classes, the objects of rdf:type.
const (
	ClassArticle      = quad.IRI("schema:NewsArticle")
	ClassEvent        = quad.IRI("schema:Event")
	ClassPerson       = quad.IRI("schema:Person")
	ClassOrganization = quad.IRI("schema:Organization")
	ClassCountry      = quad.IRI("schema:Country")
	ClassPlace        = quad.IRI("schema:Place")
	ClassRole         = quad.IRI("schema:Role")
	ClassCAMEO        = quad.IRI("dg:CAMEOCode")
	ClassReport       = quad.IRI("dg:Report")
	ClassStatement    = quad.IRI("dg:Statement")
)

// KindClass returns the rdf:type class of an actor kind.
func KindClass(k Kind) quad.IRI {
	switch k {
	case KindPerson:
		return ClassPerson
	case KindOrganization:
		return ClassOrganization
	case KindCountry:
		return ClassCountry
	default:
		return ClassPlace
	}
}

// ActorIRI is the node IRI of an actor ID: "country/RUS" -> <dg:country/RUS>.
func ActorIRI(id string) quad.IRI { return quad.IRI(Prefix + id) }

// IDOfIRI is the inverse of ActorIRI, ArticleIRI and EventIRI: it strips
// the dg: prefix.
func IDOfIRI(iri quad.IRI) string {
	s := string(iri)
	if len(s) > len(Prefix) && s[:len(Prefix)] == Prefix {
		return s[len(Prefix):]
	}
	return s
}

// ArticleIRI is the node IRI of an article, derived from its identity so
// that re-ingesting the same article finds the same node.
func ArticleIRI(docID string) quad.IRI {
	return quad.IRI(Prefix + "article/" + ShortHash(docID))
}

// EventIRI is the node IRI of an event ID.
func EventIRI(id string) quad.IRI { return quad.IRI(Prefix + id) }

// HappeningIRI is the node IRI of an event that several reports may
// share, derived from what identifies the happening (its match key, date
// and place), so that articles reporting it alike give it the same node
// whatever order they are stored in.
func HappeningIRI(key string) quad.IRI {
	return quad.IRI(Prefix + "event/" + ShortHash(key))
}

// ReportIRI is the node IRI of one article's report of an event, from the
// extractor's event ID ("event/x" gives <dg:report/x>).
func ReportIRI(eventID string) quad.IRI {
	id := eventID
	if len(id) > len("event/") && id[:len("event/")] == "event/" {
		id = id[len("event/"):]
	}
	return quad.IRI(Prefix + "report/" + id)
}

// CAMEOIRI is the node IRI of a CAMEO code or root ("046", "04").
func CAMEOIRI(code string) quad.IRI { return quad.IRI(Prefix + "cameo/" + code) }

// RoleIRI is the node IRI of a role: one node per person, title and
// organisation, shared by every article that states it.
func RoleIRI(personID string, r Role) quad.IRI {
	return quad.IRI(Prefix + "role/" + ShortHash(personID+"\x00"+r.Title+"\x00"+r.Of))
}

// ShortHash is the first 16 hex digits of the SHA-256 of s: short,
// deterministic, and collision-free in practice for node names.
func ShortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// ExpandIRI turns a short IRI ("dg:x", "schema:name", "rdf:type") into a
// full one; other IRIs are returned unchanged.
func ExpandIRI(iri quad.IRI) quad.IRI {
	s := string(iri)
	for _, ns := range [...][2]string{
		{Prefix, Namespace}, {SchemaPrefix, SchemaNamespace}, {RDFPrefix, RDFNamespace},
	} {
		if len(s) > len(ns[0]) && s[:len(ns[0])] == ns[0] {
			return quad.IRI(ns[1] + s[len(ns[0]):])
		}
	}
	return iri
}
