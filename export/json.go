package export

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// The JSON formats, Cytoscape's and D3's, share the nodes' and edges' data.

// jsonNode is a node's data in the JSON formats.
type jsonNode struct {
	ID           string        `json:"id"`
	Label        string        `json:"label"`
	Name         string        `json:"name"` // Cytoscape desktop's label column
	Kind         string        `json:"kind"`
	Country      string        `json:"country,omitempty"`
	Roles        []string      `json:"roles,omitempty"`
	IRI          string        `json:"iri"`
	Events       int           `json:"events"`
	ArticleCount int           `json:"article_count"`
	Articles     []string      `json:"articles"`
	First        string        `json:"first,omitempty"`
	Last         string        `json:"last,omitempty"`
	Spells       []graph.Spell `json:"spells,omitempty"`
	Color        string        `json:"color"`
	// Event nodes.
	Code      string   `json:"code,omitempty"`
	Root      string   `json:"root,omitempty"`
	CAMEO     string   `json:"cameo,omitempty"`
	Date      string   `json:"date,omitempty"`
	Goldstein *float64 `json:"goldstein,omitempty"`
	QuadClass int      `json:"quad_class,omitempty"`
	Place     string   `json:"place,omitempty"`
	PlaceID   string   `json:"place_id,omitempty"`
	Evidence  string   `json:"evidence,omitempty"`
}

func newJSONNode(n *graph.NetworkNode) jsonNode {
	j := jsonNode{ID: n.ID, Label: n.Label, Name: n.Label, Kind: n.Kind, Country: n.Country, Roles: n.Roles,
		IRI: string(schema.ExpandIRI(schema.ActorIRI(n.ID))), Events: n.Events,
		ArticleCount: len(n.Articles), Articles: nonNil(n.Articles), First: n.First, Last: n.Last,
		Spells: n.Spells, Color: nodeColor(n.Kind)}
	if e := n.Event; e != nil {
		g := e.Goldstein
		j.Code, j.Root, j.CAMEO, j.Date, j.Goldstein, j.QuadClass = e.Code, e.Root, e.CAMEO, e.Date, &g, e.QuadClass
		j.Evidence = e.Evidence
		if e.Place != nil {
			j.Place, j.PlaceID = e.Place.String(), e.Place.ID
		}
	}
	return j
}

// jsonEdge is an edge's data in the JSON formats.
type jsonEdge struct {
	ID       string `json:"id"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	Relation string `json:"relation"`
	// Interaction is Cytoscape desktop's edge type column.
	Interaction  string        `json:"interaction"`
	Label        string        `json:"label"`
	Root         string        `json:"root"`
	CAMEO        string        `json:"cameo"`
	QuadClass    int           `json:"quad_class"`
	Weight       int           `json:"weight"`
	Count        int           `json:"count"`
	Value        int           `json:"value,omitempty"` // D3's link strength
	First        string        `json:"first,omitempty"`
	Last         string        `json:"last,omitempty"`
	Spells       []graph.Spell `json:"spells,omitempty"`
	Goldstein    float64       `json:"goldstein"`
	ArticleCount int           `json:"article_count"`
	Articles     []string      `json:"articles"`
	Events       []string      `json:"events"`
	Color        string        `json:"color"`
}

func newJSONEdge(e *graph.NetworkEdge) jsonEdge {
	return jsonEdge{ID: e.ID, Source: e.Source, Target: e.Target, Relation: e.Type, Interaction: e.Type,
		Label: edgeLabel(e), Root: e.Root, CAMEO: e.CAMEO, QuadClass: e.QuadClass,
		Weight: e.Weight, Count: e.Weight, First: e.First, Last: e.Last, Spells: e.Spells,
		Goldstein: e.Goldstein, ArticleCount: len(e.Articles), Articles: nonNil(e.Articles),
		Events: nonNil(e.Events), Color: edgeColor(e.QuadClass)}
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// writeJSONList writes the items of a JSON array one per line.
func writeJSONList[T any](w *bufio.Writer, items []T, wrap func(T) any) error {
	w.WriteString("[")
	for i, it := range items {
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n  ")
		if err := writeJSON(w, wrap(it)); err != nil {
			return err
		}
	}
	if len(items) > 0 {
		w.WriteString("\n")
	}
	_, err := w.WriteString("]")
	return err
}

// writeJSON writes v on one line, without a trailing newline and without
// HTML escaping.
func writeJSON(w io.Writer, v any) error {
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, strings.TrimSuffix(buf.String(), "\n"))
	return err
}
