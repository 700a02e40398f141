package schema

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// NameForm says how a name in the index refers to its entry.
type NameForm string

// The forms of a name.
const (
	FormName    NameForm = "name"    // a noun name: "Russia", "Kyiv", "Kremlin"
	FormShort   NameForm = "short"   // an abbreviation: "U.S.", "UK", "NATO", "DPR"
	FormDemonym NameForm = "demonym" // an adjective or singular noun: "Russian", "Emirati"
	FormPlural  NameForm = "plural"  // a plural noun for a people: "Russians"
)

// GazetteerEntry is one thing a name in the gazetteer can stand for.
type GazetteerEntry struct {
	// Kind is KindCountry, KindPlace or KindOrganization.
	Kind Kind
	// Index is the entry's position in Countries(), Places() or
	// Organizations(), by Kind.
	Index int
	// Name is the entry's canonical name ("Russia", "Kyiv", "NATO").
	Name string
	// Country is the ISO3 code the entry belongs to: a country's own code
	// (see Country.PlaceOf for Hong Kong and Macau), a place's country, an
	// organisation's country or IGO; empty for supranational areas and
	// organisations of no state.
	Country string
	// Form is how the name that was looked up refers to the entry.
	Form NameForm
}

// AsCountry returns the country the entry is, if it is one.
func (e GazetteerEntry) AsCountry() (Country, bool) {
	if e.Kind != KindCountry {
		return Country{}, false
	}
	return loadGazetteer().countries[e.Index], true
}

// AsPlace returns the place the entry is, if it is one.
func (e GazetteerEntry) AsPlace() (Place, bool) {
	if e.Kind != KindPlace {
		return Place{}, false
	}
	return loadGazetteer().places[e.Index], true
}

// AsOrganization returns the organisation the entry is, if it is one.
func (e GazetteerEntry) AsOrganization() (Organization, bool) {
	if e.Kind != KindOrganization {
		return Organization{}, false
	}
	return loadGazetteer().orgs[e.Index], true
}

// LookupName returns what a name written in text may refer to: countries
// (by name, short form, demonym or plural), places (by name or alias) and
// organisations (by name or alias), best candidate first.
//
// The name is compared in folded form (see FoldName), so case, accents,
// apostrophes, full stops and hyphens do not matter, with two exceptions
// that keep ordinary words from matching: a listed form written without
// lower-case letters ("US", "U.S.", "NATO", "G7") matches only text without
// lower-case letters, so "us" and "who" match nothing; and a listed form
// that starts with a capital ("Turkey", "Reading") matches only text that
// starts with one, so "turkey" does not.
//
// The candidates are ranked: countries first (territories that are places
// of another country, then former states, last among them), then
// organisations, then places: national capitals first, then by population,
// where a region, state or territory without a population counts as a
// city of one million. So "Washington" gives the US capital before any
// other Washington, "Georgia" the country before the US state, and "New
// York" the city before the state.
//
// The gazetteer functions are safe for concurrent use. The embedded data
// is parsed and indexed once, on first use (under 0.1 s).
func LookupName(name string) []GazetteerEntry {
	return loadGazetteer().names.lookup(FoldName(name), name)
}

// MatchName finds the longest gazetteer name at the start of a sequence of
// words (tokens as written in the text, punctuation tokens included) and
// returns how many words it spans and its candidates, ranked as
// LookupName ranks them; n is 0 when no name starts there. An extractor
// calls it at each token to tag names greedily, longest first:
//
//	for i := 0; i < len(words); {
//		n, cands := schema.MatchName(words[i:])
//		if n == 0 {
//			i++
//			continue
//		}
//		// words[i:i+n] names cands[0] (or another candidate in context).
//		i += n
//	}
//
// It joins the words with spaces and folds them, extending one word at a
// time while the folded text is still the beginning of some indexed name,
// so each call costs a few map look-ups however large the gazetteer is. A
// word that folds to nothing (",") only extends a match that goes on
// ("Washington , D.C."); it is never counted at the end of one.
func MatchName(words []string) (n int, entries []GazetteerEntry) {
	return loadGazetteer().names.match(words)
}

// LookupTitle returns the job title written as name ("foreign minister",
// "Secretary-General"), compared in folded form and ignoring case.
func LookupTitle(name string) (Title, bool) {
	g := loadGazetteer()
	refs := g.titleIdx.keys[FoldName(name)]
	if len(refs) == 0 {
		return Title{}, false
	}
	return g.titles[refs[0].index], true
}

// MatchTitle finds the longest job title at the start of a sequence of
// words, as MatchName does for names, and returns how many words it spans.
func MatchTitle(words []string) (n int, t Title, ok bool) {
	g := loadGazetteer()
	n, refs := g.titleIdx.longest(words)
	if n == 0 {
		return 0, Title{}, false
	}
	return n, g.titles[refs[0].index], true
}

// caseRule is how a listed form constrains the case of the text it matches.
type caseRule uint8

const (
	caseAny     caseRule = iota // starts lower-case: "mainland China"
	caseInitial                 // starts with a capital: the text must too
	caseUpper                   // no lower-case letters: the text must have none
)

// ruleOf returns the case rule of a listed form.
func ruleOf(form string) caseRule {
	if strings.IndexFunc(form, unicode.IsLower) < 0 {
		return caseUpper
	}
	if r, ok := firstLetter(form); ok && unicode.IsUpper(r) {
		return caseInitial
	}
	return caseAny
}

// allows reports whether text written as surface may match a form with
// this rule.
func (c caseRule) allows(surface string) bool {
	switch c {
	case caseUpper:
		return strings.IndexFunc(surface, unicode.IsLower) < 0
	case caseInitial:
		r, ok := firstLetter(surface)
		return ok && !unicode.IsLower(r)
	}
	return true
}

func firstLetter(s string) (rune, bool) {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return r, true
		}
	}
	return 0, false
}

// ref is one index entry: which record a folded key names, how, and the
// loosest case rule among the listed forms that fold to that key.
type ref struct {
	kind  Kind
	index int
	form  NameForm
	rule  caseRule
}

// nameIndex maps folded names to the records they name, and records every
// word-boundary prefix of a key so that matching can stop early.
type nameIndex struct {
	keys     map[string][]ref
	prefixes map[string]bool
	maxWords int
	resolve  func(ref) GazetteerEntry
}

// add indexes one listed form of a record.
func (x *nameIndex) add(form string, r ref) {
	key := FoldName(form)
	if key == "" {
		return
	}
	r.rule = ruleOf(form)
	refs := x.keys[key]
	for i, old := range refs {
		if old.kind == r.kind && old.index == r.index {
			refs[i].rule = min(old.rule, r.rule)
			return
		}
	}
	x.keys[key] = append(refs, r)
	words := strings.Split(key, " ")
	x.maxWords = max(x.maxWords, len(words))
	for i := 1; i < len(words); i++ {
		x.prefixes[strings.Join(words[:i], " ")] = true
	}
}

// lookup returns the entries for a folded key whose case rules allow the
// surface text.
func (x *nameIndex) lookup(key, surface string) []GazetteerEntry {
	var out []GazetteerEntry
	for _, r := range x.keys[key] {
		if r.rule.allows(surface) {
			out = append(out, x.resolve(r))
		}
	}
	return out
}

// longest returns the longest run of words whose folded text is a key, and
// its refs (case rules not applied).
func (x *nameIndex) longest(words []string) (int, []ref) {
	var (
		best     int
		bestRefs []ref
		prev     string
	)
	for k := 1; k <= len(words); k++ {
		key := FoldName(strings.Join(words[:k], " "))
		if key == "" {
			return best, bestRefs
		}
		if key != prev {
			if refs := x.keys[key]; len(refs) > 0 {
				best, bestRefs = k, refs
			}
			if !x.prefixes[key] {
				break
			}
			prev = key
		}
		if k > 2*x.maxWords+2 {
			break // a long run of words that fold to nothing
		}
	}
	return best, bestRefs
}

// match is longest with the case rules applied to the matched words.
func (x *nameIndex) match(words []string) (int, []GazetteerEntry) {
	for n := len(words); n > 0; {
		n, _ = x.longest(words[:n])
		if n == 0 {
			return 0, nil
		}
		surface := strings.Join(words[:n], " ")
		if es := x.lookup(FoldName(surface), surface); len(es) > 0 {
			return n, es
		}
		n-- // the longest match failed on case; try a shorter one
	}
	return 0, nil
}

// buildNameIndex indexes every name, short form, demonym and plural of the
// countries, and every name and alias of the places and organisations, and
// ranks each key's entries.
func buildNameIndex(g *gazetteer) nameIndex {
	x := nameIndex{keys: make(map[string][]ref), prefixes: make(map[string]bool)}
	formOf := func(s string) NameForm {
		if strings.IndexFunc(s, unicode.IsLower) < 0 {
			return FormShort
		}
		return FormName
	}
	for i, c := range g.countries {
		for _, s := range c.Names {
			x.add(s, ref{kind: KindCountry, index: i, form: FormName})
		}
		for _, s := range c.ShortForms {
			x.add(s, ref{kind: KindCountry, index: i, form: FormShort})
		}
		for _, s := range c.Demonyms {
			x.add(s, ref{kind: KindCountry, index: i, form: FormDemonym})
		}
		for _, s := range c.Plurals {
			x.add(s, ref{kind: KindCountry, index: i, form: FormPlural})
		}
	}
	for i, o := range g.orgs {
		for _, s := range append([]string{o.Name}, o.Aliases...) {
			x.add(s, ref{kind: KindOrganization, index: i, form: formOf(s)})
		}
	}
	for i, p := range g.places {
		for _, s := range append([]string{p.Name}, p.Aliases...) {
			x.add(s, ref{kind: KindPlace, index: i, form: formOf(s)})
		}
	}
	for _, refs := range x.keys {
		slices.SortStableFunc(refs, func(a, b ref) int { return compareRefs(g, a, b) })
	}
	x.resolve = func(r ref) GazetteerEntry {
		e := GazetteerEntry{Kind: r.kind, Index: r.index, Form: r.form}
		switch r.kind {
		case KindCountry:
			e.Name, e.Country = g.countries[r.index].Name, g.countries[r.index].ISO3
		case KindPlace:
			e.Name, e.Country = g.places[r.index].Name, g.places[r.index].Country
		case KindOrganization:
			e.Name, e.Country = g.orgs[r.index].Name, g.orgs[r.index].Country
		}
		return e
	}
	return x
}

// regionWeight is the population a region, state or territory without a
// population counts as when ranking places of the same name.
const regionWeight = 1_000_000

// compareRefs orders candidates of one name as LookupName documents.
func compareRefs(g *gazetteer, a, b ref) int {
	if c := cmp.Compare(kindRank(a.kind), kindRank(b.kind)); c != 0 {
		return c
	}
	switch a.kind {
	case KindCountry:
		rank := func(r ref) int {
			c := g.countries[r.index]
			switch {
			case c.Historical:
				return 2
			case c.PlaceOf != "":
				return 1
			}
			return 0
		}
		if c := cmp.Compare(rank(a), rank(b)); c != 0 {
			return c
		}
	case KindPlace:
		pa, pb := g.places[a.index], g.places[b.index]
		if pa.Capital != pb.Capital {
			if pa.Capital {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(placeWeight(pb), placeWeight(pa)); c != 0 {
			return c
		}
	}
	return cmp.Compare(a.index, b.index)
}

// kindRank orders the kinds of candidates: countries, organisations,
// places.
func kindRank(k Kind) int {
	switch k {
	case KindCountry:
		return 0
	case KindOrganization:
		return 1
	}
	return 2
}

// placeWeight is the population a place is ranked by.
func placeWeight(p Place) int {
	if p.Type != PlaceCity && p.Population == 0 {
		return regionWeight
	}
	return p.Population
}

// buildTitleIndex indexes the job titles; case is ignored.
func buildTitleIndex(titles []Title) nameIndex {
	x := nameIndex{keys: make(map[string][]ref), prefixes: make(map[string]bool)}
	for i, t := range titles {
		x.add(t.Title, ref{index: i})
	}
	return x
}
