package schema

import (
	"fmt"
	"sort"
	"strings"
)

// EventType is an event-type filter as a user writes it (--type): a CAMEO
// code or root, a CAMEO label or a PLOVER event type. The zero value
// selects every event.
type EventType struct {
	// Code is the CAMEO code or root the filter selects, with everything
	// under it ("04": 040..046; "042": 042 and any 042x).
	Code string
	// PLOVER is the PLOVER event type the filter selects instead: every
	// CAMEO code that maps to it ("SANCTION": 16x but 163, which PLOVER
	// calls COERCE).
	PLOVER string
}

// IsZero reports whether t selects every event.
func (t EventType) IsZero() bool { return t.Code == "" && t.PLOVER == "" }

// String writes t as ParseEventType reads it back.
func (t EventType) String() string {
	if t.PLOVER != "" {
		return t.PLOVER
	}
	return t.Code
}

// Match reports whether an event coded code is of type t.
func (t EventType) Match(code string) bool {
	switch {
	case t.Code != "":
		return strings.HasPrefix(code, t.Code)
	case t.PLOVER != "":
		p, ok := LookupPLOVER(code)
		return ok && p.Type == t.PLOVER
	default:
		return true
	}
}

// Codes returns the codes of the CAMEO table that t selects, sorted.
func (t EventType) Codes() []CAMEO {
	var out []CAMEO
	for _, c := range CAMEOCodes() {
		if t.Match(c.Code) {
			out = append(out, c)
		}
	}
	return out
}

// Roots returns the CAMEO roots t selects codes under, sorted; none for
// the zero type.
func (t EventType) Roots() []string {
	if t.Code != "" {
		return []string{t.Code[:2]}
	}
	if t.PLOVER == "" {
		return nil
	}
	var out []string
	for _, c := range t.Codes() {
		if len(out) == 0 || out[len(out)-1] != c.Root {
			out = append(out, c.Root)
		}
	}
	return out
}

// ParseEventType reads a user's event-type filter. In order, s may be:
//
//   - a CAMEO code or root: "046", "04" (the code and every code under it);
//   - a PLOVER event type, in any case: "SANCTION", "consult" (every code
//     the CAMEO-to-PLOVER table maps to it);
//   - a CAMEO label, in any case, spaces and punctuation aside: "make a
//     visit", "Engage in negotiation" (the code; a label a root shares with
//     its x0 code, such as "Consult", means the root).
//
// An empty s is the zero EventType. Anything else is an error that lists
// the closest codes, labels and PLOVER types.
func ParseEventType(s string) (EventType, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return EventType{}, nil
	}
	if strings.Trim(s, "0123456789") == "" {
		_, inCAMEO := cameoTable[s]
		_, inPLOVER := ploverTable[s] // 1213, 1214: four-digit codes only PLOVER's table names
		if inCAMEO || inPLOVER {
			return EventType{Code: s}, nil
		}
		return EventType{}, fmt.Errorf("%q is not a CAMEO code (%s)", s, suggestTypes(s))
	}
	up := strings.ToUpper(s)
	for _, p := range PLOVERTypes() {
		if p == up {
			return EventType{PLOVER: p}, nil
		}
	}
	if code, ok := labelIndex[labelKey(s)]; ok {
		return EventType{Code: code}, nil
	}
	return EventType{}, fmt.Errorf("%q is not a CAMEO code, CAMEO label or PLOVER type (%s)", s, suggestTypes(s))
}

// labelKey folds a label for lookup: lower case, letters and digits only,
// single spaces ("Return, release" and "return release" meet).
func labelKey(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	return strings.Join(f, " ")
}

// labelIndex maps a folded label to its code; a label several codes share
// goes to the shortest (a root before its x0 code), then the lowest.
var labelIndex = func() map[string]string {
	idx := make(map[string]string, len(cameoTable))
	for _, c := range CAMEOCodes() { // sorted: "04" before "040"
		k := labelKey(c.Label)
		if prev, ok := idx[k]; !ok || len(c.Code) < len(prev) {
			idx[k] = c.Code
		}
	}
	return idx
}()

// suggestTypes lists the filters closest to s. For digits: the nearest
// code above it. For words: labels that contain s or are near it in
// spelling, and PLOVER types near it.
func suggestTypes(s string) string {
	if strings.Trim(s, "0123456789") == "" {
		for p := s[:len(s)-1]; len(p) >= 2; p = p[:len(p)-1] {
			if c, ok := cameoTable[p]; ok {
				return fmt.Sprintf("did you mean %s %s? \"diplograph cameo %s\" lists the codes under it", c.Code, c.Label, c.Code)
			}
		}
		return `see "diplograph cameo" for the codes, labels and PLOVER types`
	}
	key := labelKey(s)
	type cand struct {
		text string
		dist int
	}
	var cands []cand
	seen := map[string]bool{}
	add := func(text string, dist int) {
		if !seen[text] {
			seen[text] = true
			cands = append(cands, cand{text, dist})
		}
	}
	for _, c := range CAMEOCodes() {
		lk := labelKey(c.Label)
		switch d := EditDistance(key, lk); {
		case key != "" && strings.Contains(lk, key):
			add(fmt.Sprintf("%q (%s)", c.Label, c.Code), 1)
		case d <= max(2, len(key)/4):
			add(fmt.Sprintf("%q (%s)", c.Label, c.Code), d)
		}
	}
	for _, p := range PLOVERTypes() {
		if d := EditDistance(strings.ToUpper(key), p); d <= max(2, len(p)/3) {
			add(p, d)
		}
	}
	if len(cands) == 0 {
		return `see "diplograph cameo" for the codes, labels and PLOVER types`
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].dist < cands[j].dist })
	if len(cands) > 5 {
		cands = cands[:5]
	}
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = c.text
	}
	return "did you mean " + strings.Join(out, ", ") + "?"
}

// EditDistance is the Levenshtein distance between a and b, in runes:
// the one measure behind every "did you mean" of the CLI.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
