package schema

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Türkiye", "turkiye"},
		{"U.S.", "us"},
		{"St. Petersburg", "st petersburg"},
		{"Nagorno-Karabakh", "nagorno karabakh"},
		{"Washington, D.C.", "washington dc"},
		{"Sana’a", "sanaa"},
		{"  Côte  d'Ivoire ", "cote divoire"},
		{"Łódź", "lodz"},
		{"Hà Nội", "ha noi"},
		{"OPEC+", "opec+"},
		{"G-20", "g 20"},
		{"Zürich", "zurich"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := FoldName(tt.in); got != tt.want {
			t.Errorf("FoldName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFoldName(f *testing.F) {
	for _, s := range []string{"Türkiye", "U.S.", "Washington, D.C.", "Nagorno-Karabakh", "e\u0301", "İstanbul", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := FoldName(s)
		if again := FoldName(got); again != got {
			t.Errorf("FoldName(%q) = %q, but FoldName of that = %q", s, got, again)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Errorf("FoldName(%q) = %q: stray spaces", s, got)
		}
		if !utf8.ValidString(got) {
			t.Errorf("FoldName(%q) = %q: invalid UTF-8", s, got)
		}
	})
}

func TestTitles(t *testing.T) {
	tests := []struct {
		text    string
		n       int
		title   string
		country string
	}{
		{"Secretary of State Marco Rubio", 3, "Secretary of State", "USA"},
		{"Foreign Secretary David Lammy", 2, "Foreign Secretary", "GBR"},
		{"foreign minister Sergei Lavrov", 2, "Foreign Minister", ""},
		{"Chancellor Friedrich Merz", 1, "Chancellor", ""},
		{"U.N. Secretary-General Antonio Guterres", 2, "UN Secretary-General", ""},
		{"spokeswoman Maria Zakharova", 1, "Spokeswoman", ""},
		{"Crown Prince Mohammed", 2, "Crown Prince", ""},
		{"Supreme Leader Ali Khamenei", 2, "Supreme Leader", ""},
		{"national security adviser", 3, "National Security Adviser", ""},
		{"Marco Rubio", 0, "", ""},
	}
	for _, tt := range tests {
		n, ti, ok := matchTitle(strings.Fields(tt.text))
		if n != tt.n || ok != (tt.n > 0) || ti.Title != tt.title || ti.Country != tt.country {
			t.Errorf("matchTitle(%q) = %d, %+v, %v; want %d, %q (%q)", tt.text, n, ti, ok, tt.n, tt.title, tt.country)
		}
	}
	if ti, ok := lookupTitle("top diplomat"); !ok || ti.Title != "Top Diplomat" {
		t.Errorf("lookupTitle(top diplomat) = %+v, %v", ti, ok)
	}
}

// TestCounts fails when a regeneration loses data.
func TestCounts(t *testing.T) {
	counts := map[string]int{}
	for _, p := range Places() {
		counts[p.Type]++
	}
	tests := []struct {
		what string
		got  int
		min  int
	}{
		{"countries", len(Countries()), 249},
		{"places", len(Places()), 20000},
		{"cities", counts[PlaceCity], 20000},
		{"regions, states and territories", counts[PlaceRegion] + counts[PlaceState] + counts[PlaceTerritory], 300},
		{"supranational areas", counts[PlaceSupranational], 30},
		{"organizations", len(Organizations()), 250},
		{"titles", len(allTitles()), 150},
	}
	for _, tt := range tests {
		if tt.got < tt.min {
			t.Errorf("%d %s, want at least %d", tt.got, tt.what, tt.min)
		}
	}
	var capitals int
	for _, p := range Places() {
		if p.Capital {
			capitals++
		}
	}
	if capitals < 190 {
		t.Errorf("%d capitals, want at least 190", capitals)
	}
}

// TestData checks the consistency of the embedded data.
func TestData(t *testing.T) {
	countries := Countries()
	iso2 := map[string]bool{}
	for i, c := range countries {
		if i > 0 && countries[i-1].ISO3 >= c.ISO3 {
			t.Errorf("countries not sorted by ISO3 at %s", c.ISO3)
		}
		if len(c.ISO3) != 3 || len(c.ISO2) != 2 || c.Name == "" || len(c.Names) == 0 || c.Names[0] != c.Name {
			t.Errorf("country %+v: bad codes or names", c)
		}
		if iso2[c.ISO2] {
			t.Errorf("ISO2 %s used twice", c.ISO2)
		}
		iso2[c.ISO2] = true
		if c.PlaceOf != "" {
			if _, ok := CountryByISO3(c.PlaceOf); !ok {
				t.Errorf("%s: PlaceOf %s is not a country", c.ISO3, c.PlaceOf)
			}
		}
	}
	for _, code := range []string{"TWN", "PSE", "XKX", "SUN", "VAT", "HKG", "MAC"} {
		if _, ok := CountryByISO3(code); !ok {
			t.Errorf("no country %s", code)
		}
	}
	if c, _ := CountryByISO3("SUN"); !c.Historical {
		t.Errorf("SUN is not historical")
	}
	known := func(code string) bool { _, ok := CountryByISO3(code); return ok }
	placeTypes := []string{PlaceCity, PlaceRegion, PlaceState, PlaceTerritory, PlaceSupranational}
	seen := map[string]bool{}
	for _, p := range Places() {
		if !slices.Contains(placeTypes, p.Type) {
			t.Errorf("place %q: type %q", p.Name, p.Type)
		}
		if (p.Country == "") != (p.Type == PlaceSupranational) || (p.Country != "" && !known(p.Country)) {
			t.Errorf("place %q: country %q with type %s", p.Name, p.Country, p.Type)
		}
		key := fmt.Sprint(FoldName(p.Name), "/", p.Country, "/", p.Type)
		if seen[key] {
			t.Errorf("place %s listed twice", key)
		}
		seen[key] = true
	}
	orgTypes := []string{"igo", "court", "seat", "government", "legislature", "ministry", "military", "intelligence", "police", "party", "armed-group", "bank", "news-agency", "company", "ngo", "religious"}
	for _, o := range Organizations() {
		if !slices.Contains(orgTypes, o.Type) {
			t.Errorf("organization %q: type %q", o.Name, o.Type)
		}
		if o.Country != "" && o.Country != IGO && !known(o.Country) {
			t.Errorf("organization %q: country %q", o.Name, o.Country)
		}
	}
	for _, ti := range allTitles() {
		if ti.Country != "" && !known(ti.Country) {
			t.Errorf("title %q: country %q", ti.Title, ti.Country)
		}
	}
}

// TestStoplist: place names that are ordinary words are left out of the
// gazetteer, other famous ones kept.
func TestStoplist(t *testing.T) {
	places := map[string]bool{}
	for _, p := range Places() {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			places[FoldName(n)] = true
		}
	}
	for _, name := range []string{"Of", "Police", "Mobile", "Reading", "Bath", "Split", "Nice", "Victoria", "Florence", "Vladimir", "Austin"} {
		if places[FoldName(name)] {
			t.Errorf("%q is a place of the gazetteer", name)
		}
	}
	for _, name := range []string{"Shanghai", "Phoenix", "Mecca", "Perm", "Oxford", "Muscat", "Wellington", "Sydney"} {
		if !places[FoldName(name)] {
			t.Errorf("%q is no place of the gazetteer", name)
		}
	}
}

func TestReturnedSlicesAreCopies(t *testing.T) {
	cs := Countries()
	cs[0].Name = "changed"
	if Countries()[0].Name == "changed" {
		t.Error("Countries returned the shared slice")
	}
	ps := Places()
	ps[0] = Place{}
	if Places()[0].Name == "" {
		t.Error("Places returned the shared slice")
	}
}
