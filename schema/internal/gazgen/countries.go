package main

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph/schema"
)

// wcCountry is one entry of world-countries' countries.json (the fields
// the generator uses).
type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string                           `json:"cca2"`
	CCA3         string                           `json:"cca3"`
	AltSpellings []string                         `json:"altSpellings"`
	Capital      []string                         `json:"capital"`
	Demonyms     map[string]struct{ F, M string } `json:"demonyms"`
	Independent  *bool                            `json:"independent"`
}

// override is one entry of data/curated/countries.json.
type override struct {
	ISO2       string   `json:"iso2"`
	Name       string   `json:"name"`
	Official   string   `json:"official"`
	Capital    *string  `json:"capital"`
	Names      []string `json:"names"`
	ShortForms []string `json:"short_forms"`
	Demonyms   []string `json:"demonyms"`
	// Plurals replaces the generated plurals when it is not nil; an empty
	// list means the demonyms have no plural noun ("the Dutch").
	Plurals    []string `json:"plurals"`
	Drop       []string `json:"drop"`
	Historical bool     `json:"historical"`
	PlaceOf    string   `json:"place_of"`
}

// loadOverrides reads the curated country corrections, keyed by ISO3.
// Keys starting with "_" are comments.
func loadOverrides(path string) (map[string]override, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	out := make(map[string]override, len(raw))
	for k, v := range raw {
		if strings.HasPrefix(k, "_") {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(string(v)))
		dec.DisallowUnknownFields()
		var o override
		if err := dec.Decode(&o); err != nil {
			return nil, fmt.Errorf("parsing %s: entry %s: %w", path, k, err)
		}
		out[k] = o
	}
	return out, nil
}

// partlyRecognised are states that world-countries does not mark
// independent but whose capitals news treats as national capitals.
var partlyRecognised = []string{"PSE", "TWN", "XKX"}

// buildCountries merges ISO 3166-1, world-countries and the overrides into
// the country list, sorted by ISO3. It also returns the set of states
// (independent ones and partlyRecognised) whose capitals are national
// capitals.
func buildCountries(iso isoData, wcJSON []byte, ov map[string]override) ([]schema.Country, map[string]bool, error) {
	var wcs []wcCountry
	if err := json.Unmarshal(wcJSON, &wcs); err != nil {
		return nil, nil, fmt.Errorf("parsing world-countries countries.json: %w", err)
	}
	byCCA3 := make(map[string]wcCountry, len(wcs))
	byCCA2 := make(map[string]wcCountry, len(wcs))
	for _, w := range wcs {
		byCCA3[w.CCA3] = w
		byCCA2[w.CCA2] = w
	}
	var out []schema.Country
	independent := make(map[string]bool) // ISO3 of independent states
	seen := make(map[string]bool)
	for _, ic := range iso.countries {
		w, ok := byCCA3[ic.Alpha3]
		if !ok {
			return nil, nil, fmt.Errorf("world-countries has no %s (%s)", ic.Alpha3, ic.Name)
		}
		c := fromSources(ic, w)
		if w.Independent != nil && *w.Independent {
			independent[c.ISO3] = true
		}
		out = append(out, c)
		seen[ic.Alpha3] = true
	}
	// Codes outside ISO 3166-1: Kosovo, historical states.
	for code, o := range ov {
		if seen[code] {
			continue
		}
		if o.ISO2 == "" || o.Name == "" {
			return nil, nil, fmt.Errorf("override %s: not in ISO 3166-1, so it needs iso2 and name", code)
		}
		ic := isoCountry{Alpha2: o.ISO2, Alpha3: code, Name: o.Name, OfficialName: o.Official}
		var c schema.Country
		if w, ok := byCCA2[o.ISO2]; ok {
			c = fromSources(ic, w)
		} else {
			c = schema.Country{ISO3: code, ISO2: o.ISO2, Name: o.Name, Official: o.Official, Names: []string{o.Name}}
		}
		out = append(out, c)
	}
	for i := range out {
		if o, ok := ov[out[i].ISO3]; ok {
			applyOverride(&out[i], o)
		}
	}
	dropSharedDemonyms(out, independent)
	for i := range out {
		c := &out[i]
		if o, ok := ov[c.ISO3]; ok && o.Plurals != nil {
			c.Plurals = dedupe(o.Plurals)
		} else {
			c.Plurals = plurals(c.Demonyms)
		}
		tidy(c)
	}
	slices.SortFunc(out, func(a, b schema.Country) int { return strings.Compare(a.ISO3, b.ISO3) })
	for i := 1; i < len(out); i++ {
		if out[i].ISO3 == out[i-1].ISO3 {
			return nil, nil, fmt.Errorf("country %s listed twice", out[i].ISO3)
		}
	}
	for _, code := range partlyRecognised {
		independent[code] = true
	}
	return out, independent, nil
}

// fromSources builds a country from its ISO 3166-1 entry and its
// world-countries entry.
func fromSources(ic isoCountry, w wcCountry) schema.Country {
	c := schema.Country{
		ISO3:     ic.Alpha3,
		ISO2:     ic.Alpha2,
		Name:     w.Name.Common,
		Official: w.Name.Official,
	}
	if len(w.Capital) > 0 {
		c.Capital = w.Capital[0]
	}
	add := func(s string) {
		s = strings.TrimPrefix(s, "the ") // "the State of Eritrea"
		if !usableName(s, ic.Alpha2) {
			return
		}
		if hasLower(s) {
			c.Names = append(c.Names, s)
		} else {
			c.ShortForms = append(c.ShortForms, s)
		}
	}
	add(c.Name)
	add(c.Official)
	add(ic.Name)
	add(ic.CommonName)
	add(ic.OfficialName)
	for _, s := range w.AltSpellings {
		add(s)
	}
	if d, ok := w.Demonyms["eng"]; ok {
		for _, s := range []string{d.M, d.F} {
			for _, part := range splitDemonym(s) {
				c.Demonyms = append(c.Demonyms, part)
			}
		}
	}
	return c
}

// usableName reports whether a name from the sources is worth indexing for
// English news text: not the bare ISO alpha-2 code, not an inverted
// catalogue form ("Korea, Republic of"), not a qualified form ("Sint
// Maarten (Dutch part)"), and in Latin letters (no native scripts or IPA).
func usableName(s, iso2 string) bool {
	if len([]rune(s)) < 2 || s == iso2 || strings.ContainsAny(s, ",()") {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) && (!unicode.Is(unicode.Latin, r) || (r >= 0x250 && r <= 0x2AF)) {
			return false
		}
	}
	return true
}

// hasLower reports whether s has a lower-case letter.
func hasLower(s string) bool {
	return strings.IndexFunc(s, unicode.IsLower) >= 0
}

// splitDemonym splits world-countries' combined demonyms ("Antiguan,
// Barbudan", "Kittitian or Nevisian").
func splitDemonym(s string) []string {
	s = strings.ReplaceAll(s, " or ", ", ")
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// applyOverride applies one curated correction: first it drops the
// names, short forms and demonyms the sources give that it lists under
// drop, then it replaces and adds.
func applyOverride(c *schema.Country, o override) {
	if len(o.Drop) > 0 {
		drop := make(map[string]bool)
		for _, d := range o.Drop {
			drop[schema.FoldName(d)] = true
		}
		dropped := func(s string) bool { return drop[schema.FoldName(s)] }
		c.Names = slices.DeleteFunc(c.Names, dropped)
		c.ShortForms = slices.DeleteFunc(c.ShortForms, dropped)
		c.Demonyms = slices.DeleteFunc(c.Demonyms, dropped)
	}
	if o.Name != "" {
		c.Name = o.Name
	}
	if o.Official != "" {
		c.Official = o.Official
		c.Names = append(c.Names, o.Official)
	}
	if o.Capital != nil {
		c.Capital = *o.Capital
	}
	c.Names = append(c.Names, o.Names...)
	c.ShortForms = append(c.ShortForms, o.ShortForms...)
	c.Demonyms = append(c.Demonyms, o.Demonyms...)
	c.Historical = o.Historical
	c.PlaceOf = o.PlaceOf
}

// dropSharedDemonyms removes from dependent territories the demonyms that
// an independent state also has ("French" of the French Southern Lands,
// "American" of the Northern Mariana Islands), so that "French" means
// France.
func dropSharedDemonyms(cs []schema.Country, independent map[string]bool) {
	owned := make(map[string]bool)
	for _, c := range cs {
		if independent[c.ISO3] {
			for _, d := range c.Demonyms {
				owned[schema.FoldName(d)] = true
			}
		}
	}
	for i := range cs {
		if independent[cs[i].ISO3] {
			continue
		}
		cs[i].Demonyms = slices.DeleteFunc(cs[i].Demonyms, func(d string) bool { return owned[schema.FoldName(d)] })
	}
}

// plurals makes the plural nouns of the demonyms: "Russian" → "Russians",
// "Israeli" → "Israelis". Demonyms that are only adjectives or take no -s
// ("Chinese", "British", "Swiss", "Dutch", "Malagasy") get none.
func plurals(demonyms []string) []string {
	var out []string
	for _, d := range demonyms {
		low := strings.ToLower(d)
		noPlural := false
		for _, suf := range []string{"ese", "sh", "ch", "ss", "x", "y", "z"} {
			if strings.HasSuffix(low, suf) {
				noPlural = true
			}
		}
		if !noPlural {
			out = append(out, d+"s")
		}
	}
	return dedupe(out)
}

// tidy puts the display name first among the names, moves all-capital
// names to the short forms, and removes duplicates: within each list, and
// demonyms or short forms that are also names.
func tidy(c *schema.Country) {
	names := []string{c.Name}
	for _, n := range c.Names {
		if hasLower(n) {
			names = append(names, n)
		} else {
			c.ShortForms = append(c.ShortForms, n)
		}
	}
	c.Names = dedupe(names)
	inNames := make(map[string]bool)
	for _, n := range c.Names {
		inNames[schema.FoldName(n)] = true
	}
	notName := func(s string) bool { return inNames[schema.FoldName(s)] }
	c.ShortForms = dedupe(slices.DeleteFunc(c.ShortForms, notName))
	c.Demonyms = dedupe(slices.DeleteFunc(c.Demonyms, notName))
	c.Plurals = dedupe(slices.DeleteFunc(c.Plurals, notName))
}

// dedupe removes empty strings and later duplicates (compared exactly, so
// "U.S." and "US" both stay: they differ in how they are written).
func dedupe(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := ss[:0:0]
	for _, s := range ss {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}

// writeCountries writes the generated countries file.
func writeCountries(path string, src []string, cs []schema.Country) error {
	doc := struct {
		Sources   []string         `json:"sources"`
		Countries []schema.Country `json:"countries"`
	}{src, cs}
	b, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		return fmt.Errorf("encoding countries: %w", err)
	}
	b = append(b, '\n')
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("writing countries: %w", err)
	}
	return nil
}
