package extract

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/diplograph/diplograph/schema"
)

// refKind says what a gazetteer name refers to and how it was written.
type refKind int

const (
	refCountry refKind = iota // a country's noun name: "Russia", "U.S."
	refDemonym                // a country's adjective: "Russian", "Emirati"
	refPlace                  // a city, region or territory
	refOrg                    // an inter-governmental body, seat, ministry, party...
)

// entry is one thing a gazetteer name can refer to.
type entry struct {
	ref        refKind
	id         string // actor ID
	name       string // canonical display name
	kind       schema.Kind
	country    string // ISO3, IGO or empty
	capital    bool
	population int
	orgType    string // for organisations: igo, seat, news-agency, ...
	demonym    string // for countries: the adjective ("Russian")
	plural     bool   // a plural people noun ("Russians"): the country acting
}

// lexicon indexes every gazetteer name by its folded form.
type lexicon struct {
	names  map[string][]entry
	maxLen int // longest name in tokens
	// capitals maps a country code to its capital's entry.
	capitals map[string]entry
	// countries maps a country code to its country entry.
	countries map[string]entry
}

// foldKey folds a name for lookup: accents and case removed and everything
// but letters and digits dropped, so "U.S." = "US" and "Kurdistan Workers'
// Party" matches however the tokenizer split its apostrophe.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// nameTokens counts how many tokens prose is likely to make of a name, an
// upper bound for the matcher's window.
func nameTokens(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		n++
		n += strings.Count(f, "'") + strings.Count(f, "-")*2
	}
	return n
}

func newLexicon() *lexicon {
	lx := &lexicon{names: map[string][]entry{}, capitals: map[string]entry{}, countries: map[string]entry{}}
	for _, c := range schema.Countries() {
		if c.PlaceOf != "" {
			e := entry{ref: refPlace, id: placeID(c.PlaceOf, c.Name), name: c.Name, kind: schema.KindPlace, country: c.PlaceOf, population: 1}
			for _, n := range append(append([]string{c.Name}, c.Names...), c.ShortForms...) {
				lx.add(n, e)
			}
			continue
		}
		e := entry{ref: refCountry, id: "country/" + c.ISO3, name: c.Name, kind: schema.KindCountry, country: c.ISO3}
		if len(c.Demonyms) > 0 {
			e.demonym = c.Demonyms[0]
		} else {
			e.demonym = c.Name
		}
		lx.countries[c.ISO3] = e
		for _, n := range append(append([]string{c.Name, c.Official}, c.Names...), c.ShortForms...) {
			lx.add(n, e)
		}
		d := e
		d.ref = refDemonym
		for _, n := range c.Demonyms {
			lx.add(n, d)
		}
		d.plural = true
		for _, n := range c.Plurals {
			lx.add(n, d)
		}
	}
	for _, p := range schema.Places() {
		e := entry{ref: refPlace, id: placeID(p.Country, p.Name), name: p.Name, kind: schema.KindPlace,
			country: p.Country, capital: p.Capital, population: p.Population}
		if e.capital {
			if old, ok := lx.capitals[p.Country]; !ok || old.population < p.Population {
				lx.capitals[p.Country] = e
			}
		}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if p.Country == "" && groupOfStates(n) {
				continue // "Nordic countries" names the states, not a place
			}
			lx.add(n, e)
		}
	}
	for _, o := range schema.Organizations() {
		e := entry{ref: refOrg, id: "organization/" + slug(o.Name), name: o.Name, kind: schema.KindOrganization,
			country: o.Country, orgType: o.Type}
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			lx.add(n, e)
		}
	}
	for k, es := range lx.names {
		sort.SliceStable(es, func(i, j int) bool { return better(es[i], es[j]) })
		lx.names[k] = es
	}
	return lx
}

func (lx *lexicon) add(name string, e entry) {
	k := foldKey(name)
	if k == "" {
		return
	}
	for _, old := range lx.names[k] {
		if old.id == e.id && old.ref == e.ref {
			return
		}
	}
	lx.names[k] = append(lx.names[k], e)
	if n := nameTokens(name); n > lx.maxLen {
		lx.maxLen = n
	}
}

// better orders the readings of one name: countries and organisations
// before places; among places, capitals, then larger ones.
func better(a, b entry) bool {
	if a.ref != b.ref {
		return refRank(a.ref) < refRank(b.ref)
	}
	if a.capital != b.capital {
		return a.capital
	}
	return weight(a) > weight(b)
}

// weight ranks places: a region with no population counts as a city of a
// million, so "Bali" the island beats a town of that name.
func weight(e entry) int {
	if e.population == 0 {
		return 1000000
	}
	return e.population
}

func refRank(r refKind) int {
	switch r {
	case refCountry:
		return 0
	case refDemonym:
		return 1
	case refOrg:
		return 2
	default:
		return 3
	}
}

// groupOfStates: "Nordic countries", "Gulf states", "Baltic nations".
func groupOfStates(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) < 2 {
		return false
	}
	switch f[len(f)-1] {
	case "countries", "states", "nations":
		return true
	}
	return false
}

// lookup returns the readings of a folded key, best first.
func (lx *lexicon) lookup(key string) []entry { return lx.names[key] }

// placeID is the actor ID of a place: its country and a slug of its name,
// so that two Washingtons are two nodes.
func placeID(country, name string) string {
	if country == "" {
		return "place/" + slug(name)
	}
	return "place/" + country + "/" + slug(name)
}

// slug turns a name into an ID part: lower case, accents removed, words
// joined by hyphens ("Sergey Lavrov" -> "sergey-lavrov").
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '.':
		default:
			dash = true
		}
	}
	return b.String()
}
