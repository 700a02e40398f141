package schema

//go:generate go run ./internal/plovergen -in ../../shared/plover/CAMEO2PLOVER-2021.txt -out plover_table.go

import "sort"

// PLOVER is an event's class in PLOVER (Political Language Ontology for
// Verifiable Event Records), the ontology that succeeds CAMEO in current
// event data: what happened (Type), how (Mode) and in which domain
// (Context), as the Open Event Data Alliance's CAMEO-to-PLOVER table gives
// them for a CAMEO code (plover_table.go, generated from that table, CC
// BY-SA 4.0).
type PLOVER struct {
	Type    string `json:"type"`              // "CONSULT", "SANCTION"
	Mode    string `json:"mode,omitempty"`    // "visit", "expel"
	Context string `json:"context,omitempty"` // "diplomatic"; several are joined by "; "
}

// IsZero reports whether p names no PLOVER type.
func (p PLOVER) IsZero() bool { return p.Type == "" }

// LookupPLOVER returns the PLOVER class of a CAMEO code. A code the table
// does not map takes its nearest parent's ("0211" falls back to "021",
// then "02"). CAMEO's comments and appeals (roots 01 and 02) have no PLOVER
// class: PLOVER does not code them, and ok is false.
func LookupPLOVER(code string) (p PLOVER, ok bool) {
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if p, ok := ploverTable[c]; ok {
			return p, true
		}
	}
	return PLOVER{}, false
}

// PLOVERTypes returns the PLOVER event types the table uses, sorted.
func PLOVERTypes() []string {
	seen := map[string]bool{}
	for _, p := range ploverTable {
		seen[p.Type] = true
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
