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

// first returns the best candidate for a name, or fails the test.
func first(t *testing.T, name string) GazetteerEntry {
	t.Helper()
	es := LookupName(name)
	if len(es) == 0 {
		t.Fatalf("LookupName(%q): no entries", name)
	}
	return es[0]
}

func TestLookupNameCountries(t *testing.T) {
	tests := []struct {
		name string
		iso3 string
		form NameForm
	}{
		{"U.S.", "USA", FormShort},
		{"US", "USA", FormShort},
		{"USA", "USA", FormShort},
		{"America", "USA", FormName},
		{"United States", "USA", FormName},
		{"Americans", "USA", FormPlural},
		{"Emirati", "ARE", FormDemonym},
		{"UAE", "ARE", FormShort},
		{"Emirates", "ARE", FormName},
		{"Filipino", "PHL", FormDemonym},
		{"S. Korea", "KOR", FormShort},
		{"South Korean", "KOR", FormDemonym},
		{"N. Korea", "PRK", FormShort},
		{"DPRK", "PRK", FormShort},
		{"Democratic People's Republic of Korea", "PRK", FormName},
		{"North Korean", "PRK", FormDemonym},
		{"Russian", "RUS", FormDemonym},
		{"Russians", "RUS", FormPlural},
		{"Russian Federation", "RUS", FormName},
		{"Britain", "GBR", FormName},
		{"Great Britain", "GBR", FormName},
		{"UK", "GBR", FormShort},
		{"U.K.", "GBR", FormShort},
		{"British", "GBR", FormDemonym},
		{"Turkiye", "TUR", FormName},
		{"Türkiye", "TUR", FormName},
		{"Turkey", "TUR", FormName},
		{"Ivory Coast", "CIV", FormName},
		{"Côte d'Ivoire", "CIV", FormName},
		{"Czech Republic", "CZE", FormName},
		{"Czechia", "CZE", FormName},
		{"Burma", "MMR", FormName},
		{"Myanmar", "MMR", FormName},
		{"PRC", "CHN", FormShort},
		{"Chinese", "CHN", FormDemonym},
		{"Israeli", "ISR", FormDemonym},
		{"Israelis", "ISR", FormPlural},
		{"Saudi", "SAU", FormDemonym},
		{"Dutch", "NLD", FormDemonym},
		{"Swiss", "CHE", FormDemonym},
		{"Iranian", "IRN", FormDemonym},
		{"Palestinian", "PSE", FormDemonym},
		{"Palestinian territories", "PSE", FormName},
		{"State of Palestine", "PSE", FormName},
		{"Taiwanese", "TWN", FormDemonym},
		{"Afghan", "AFG", FormDemonym},
		{"Kosovar", "XKX", FormDemonym},
		{"Kosovo", "XKX", FormName},
		{"Soviet", "SUN", FormDemonym},
		{"Soviet Union", "SUN", FormName},
		{"Vatican", "VAT", FormName},
		{"Holy See", "VAT", FormName},
		{"French", "FRA", FormDemonym},
		{"Indian", "IND", FormDemonym},
	}
	for _, tt := range tests {
		e := first(t, tt.name)
		if e.Kind != KindCountry || e.Country != tt.iso3 || e.Form != tt.form {
			t.Errorf("LookupName(%q)[0] = %s %s (%s), want country %s (%s)", tt.name, e.Kind, e.Country, e.Form, tt.iso3, tt.form)
		}
	}
}

func TestLookupNameCase(t *testing.T) {
	tests := []struct {
		name  string
		match bool
	}{
		{"us", false},     // the pronoun, not the US
		{"US", true},      // listed as "US": no lower case
		{"who", false},    // not the World Health Organization
		{"turkey", false}, // the bird
		{"Turkey", true},
		{"TURKEY", true}, // an all-capitals headline or dateline
		{"ISTANBUL", true},
		{"chad", false},
		{"Nato", true}, // listed as "Nato" too (British style)
	}
	for _, tt := range tests {
		if got := len(LookupName(tt.name)) > 0; got != tt.match {
			t.Errorf("LookupName(%q) matched = %v, want %v", tt.name, got, tt.match)
		}
	}
}

func TestCapitals(t *testing.T) {
	tests := []struct{ iso3, capital string }{
		{"RUS", "Moscow"},
		{"USA", "Washington"},
		{"GBR", "London"},
		{"CHN", "Beijing"},
		{"UKR", "Kyiv"},
	}
	for _, tt := range tests {
		c, ok := CountryByISO3(tt.iso3)
		if !ok {
			t.Fatalf("CountryByISO3(%q): not found", tt.iso3)
		}
		if c.Capital != tt.capital {
			t.Errorf("%s capital = %q, want %q", tt.iso3, c.Capital, tt.capital)
		}
		p, ok := first(t, c.Capital).AsPlace()
		if !ok || p.Country != tt.iso3 || !p.Capital {
			t.Errorf("LookupName(%q)[0] = %+v, want the capital of %s", c.Capital, p, tt.iso3)
		}
	}
}

func TestLookupNamePlaces(t *testing.T) {
	tests := []struct {
		name    string
		place   string // canonical name
		country string
		typ     string
	}{
		{"Washington", "Washington", "USA", PlaceCity},
		{"Washington, D.C.", "Washington", "USA", PlaceCity},
		{"Kyiv", "Kyiv", "UKR", PlaceCity},
		{"Kiev", "Kyiv", "UKR", PlaceCity},
		{"St. Petersburg", "Saint Petersburg", "RUS", PlaceCity},
		{"St Petersburg", "Saint Petersburg", "RUS", PlaceCity},
		{"Istanbul", "Istanbul", "TUR", PlaceCity},
		{"Riyadh", "Riyadh", "SAU", PlaceCity},
		{"Geneva", "Geneva", "CHE", PlaceCity},
		{"Genève", "Geneva", "CHE", PlaceCity},
		{"Helsinki", "Helsinki", "FIN", PlaceCity},
		{"Hanoi", "Hanoi", "VNM", PlaceCity},
		{"Madrid", "Madrid", "ESP", PlaceCity},
		{"Salisbury", "Salisbury", "GBR", PlaceCity},
		{"Ashdod", "Ashdod", "ISR", PlaceCity},
		{"Mashhad", "Mashhad", "IRN", PlaceCity},
		{"Tripoli", "Tripoli", "LBY", PlaceCity},
		{"Odessa", "Odesa", "UKR", PlaceCity},
		{"Kharkiv", "Kharkiv", "UKR", PlaceCity},
		{"New York", "New York City", "USA", PlaceCity},
		{"Crimea", "Crimea", "UKR", PlaceRegion},
		{"Donbas", "Donbas", "UKR", PlaceRegion},
		{"West Bank", "West Bank", "PSE", PlaceTerritory},
		{"Gaza Strip", "Gaza Strip", "PSE", PlaceTerritory},
		{"Gaza", "Gaza", "PSE", PlaceCity},
		{"Golan Heights", "Golan Heights", "SYR", PlaceTerritory},
		{"Nagorno Karabakh", "Nagorno-Karabakh", "AZE", PlaceRegion},
		{"Xinjiang", "Xinjiang", "CHN", PlaceRegion},
		{"Tibet", "Tibet", "CHN", PlaceRegion},
		{"Scotland", "Scotland", "GBR", PlaceRegion},
		{"Alaska", "Alaska", "USA", PlaceState},
		{"Texas", "Texas", "USA", PlaceState},
		{"Quebec", "Quebec", "CAN", PlaceRegion},
		{"Uttar Pradesh", "Uttar Pradesh", "IND", PlaceState},
		{"Chechnya", "Chechnya", "RUS", PlaceRegion},
		{"Middle East", "Middle East", "", PlaceSupranational},
		{"South China Sea", "South China Sea", "", PlaceSupranational},
	}
	for _, tt := range tests {
		for _, e := range LookupName(tt.name) {
			if e.Kind != KindPlace {
				continue
			}
			p, _ := e.AsPlace()
			if p.Name != tt.place || p.Country != tt.country || p.Type != tt.typ {
				t.Errorf("LookupName(%q): first place = %s, %s (%s), want %s, %s (%s)", tt.name, p.Name, p.Country, p.Type, tt.place, tt.country, tt.typ)
			}
			break
		}
	}
}

func TestKievAndKyivAreOnePlace(t *testing.T) {
	a, b := first(t, "Kiev"), first(t, "Kyiv")
	if a != b {
		t.Errorf("Kiev = %+v, Kyiv = %+v: want the same place", a, b)
	}
}

// TestHongKongIsAPlaceInChina checks that the territories news treats as
// Chinese places say so.
func TestHongKongIsAPlaceInChina(t *testing.T) {
	for _, code := range []string{"HKG", "MAC"} {
		c, ok := CountryByISO3(code)
		if !ok || c.PlaceOf != "CHN" || c.Capital != "" {
			t.Errorf("CountryByISO3(%q) = %+v, want PlaceOf CHN and no capital", code, c)
		}
		var place bool
		for _, e := range LookupName(c.Name) {
			if p, ok := e.AsPlace(); ok && p.Country == "CHN" && p.Type == PlaceTerritory {
				place = true
			}
		}
		if !place {
			t.Errorf("LookupName(%q): no territory in CHN", c.Name)
		}
	}
}

func TestLookupNameOrganizations(t *testing.T) {
	tests := []struct {
		name, org, country, typ string
	}{
		{"NATO", "NATO", IGO, "igo"},
		{"U.N. Security Council", "UN Security Council", IGO, "igo"},
		{"UN Security Council", "UN Security Council", IGO, "igo"},
		{"Group of 20", "Group of 20", IGO, "igo"},
		{"G20", "Group of 20", IGO, "igo"},
		{"G-20", "Group of 20", IGO, "igo"},
		{"G7", "Group of Seven", IGO, "igo"},
		{"European Union", "European Union", IGO, "igo"},
		{"EU", "European Union", IGO, "igo"},
		{"E.U.", "European Union", IGO, "igo"},
		{"UN", "United Nations", IGO, "igo"},
		{"U.N.", "United Nations", IGO, "igo"},
		{"IAEA", "International Atomic Energy Agency", IGO, "igo"},
		{"OPEC+", "OPEC+", IGO, "igo"},
		{"OPEC", "Organization of the Petroleum Exporting Countries", IGO, "igo"},
		{"Kremlin", "Kremlin", "RUS", "seat"},
		{"White House", "White House", "USA", "seat"},
		{"State Department", "State Department", "USA", "ministry"},
		{"Pentagon", "Pentagon", "USA", "ministry"},
		{"Downing Street", "Downing Street", "GBR", "seat"},
		{"Élysée", "Elysee", "FRA", "seat"},
		{"Elysee", "Elysee", "FRA", "seat"},
		{"Bundestag", "Bundestag", "DEU", "legislature"},
		{"Duma", "State Duma", "RUS", "legislature"},
		{"Hamas", "Hamas", "PSE", "armed-group"},
		{"Hezbollah", "Hezbollah", "LBN", "armed-group"},
		{"Houthis", "Houthis", "YEM", "armed-group"},
		{"IRGC", "Islamic Revolutionary Guard Corps", "IRN", "military"},
		{"ISIS", "Islamic State", "", "armed-group"},
		{"FSB", "Federal Security Service", "RUS", "intelligence"},
		{"MI6", "Secret Intelligence Service", "GBR", "intelligence"},
		{"Federal Reserve", "Federal Reserve", "USA", "bank"},
		{"Xinhua", "Xinhua", "CHN", "news-agency"},
		{"Reuters", "Reuters", "", "news-agency"},
		{"AFP", "Agence France-Presse", "", "news-agency"},
	}
	for _, tt := range tests {
		e := first(t, tt.name)
		o, ok := e.AsOrganization()
		if !ok || o.Name != tt.org || o.Country != tt.country || o.Type != tt.typ {
			t.Errorf("LookupName(%q)[0] = %s %q, want organization %q (%q, %s)", tt.name, e.Kind, e.Name, tt.org, tt.country, tt.typ)
		}
	}
}

func TestMatchName(t *testing.T) {
	tests := []struct {
		text string
		n    int
		name string // best candidate's canonical name
		kind Kind
	}{
		{"U.N. Security Council voted", 3, "UN Security Council", KindOrganization},
		{"Washington , D.C. , on Monday", 3, "Washington", KindPlace},
		{"Washington said", 1, "Washington", KindPlace},
		{"South Korean officials", 2, "South Korea", KindCountry},
		{"South China Sea dispute", 3, "South China Sea", KindPlace},
		{"Gaza Strip", 2, "Gaza Strip", KindPlace},
		{"Gaza City", 2, "Gaza", KindPlace},
		{"Moscow , Russia", 1, "Moscow", KindPlace},
		{"Democratic People's Republic of Korea said", 5, "North Korea", KindCountry},
		{"Islamic State group", 3, "Islamic State", KindOrganization},
		{"us and them", 0, "", ""},
		{"said on Monday", 0, "", ""},
	}
	for _, tt := range tests {
		n, es := MatchName(strings.Fields(tt.text))
		if n != tt.n {
			t.Errorf("MatchName(%q) spans %d words, want %d", tt.text, n, tt.n)
			continue
		}
		if n == 0 {
			continue
		}
		if es[0].Name != tt.name || es[0].Kind != tt.kind {
			t.Errorf("MatchName(%q)[0] = %s %q, want %s %q", tt.text, es[0].Kind, es[0].Name, tt.kind, tt.name)
		}
	}
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
		n, ti, ok := MatchTitle(strings.Fields(tt.text))
		if n != tt.n || ok != (tt.n > 0) || ti.Title != tt.title || ti.Country != tt.country {
			t.Errorf("MatchTitle(%q) = %d, %+v, %v; want %d, %q (%q)", tt.text, n, ti, ok, tt.n, tt.title, tt.country)
		}
	}
	if ti, ok := LookupTitle("top diplomat"); !ok || ti.Title != "Top Diplomat" {
		t.Errorf("LookupTitle(top diplomat) = %+v, %v", ti, ok)
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
		{"titles", len(Titles()), 150},
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
	for _, ti := range Titles() {
		if ti.Country != "" && !known(ti.Country) {
			t.Errorf("title %q: country %q", ti.Title, ti.Country)
		}
	}
}

// TestStoplist checks that common words and first names are not places,
// and that big cities whose names are also words are kept.
func TestStoplist(t *testing.T) {
	dropped := []string{"Of", "Police", "Mobile", "Reading", "Bath", "Split", "Nice", "Victoria", "Florence", "Vladimir", "Austin"}
	for _, name := range dropped {
		for _, e := range LookupName(name) {
			if e.Kind == KindPlace && FoldName(e.Name) == FoldName(name) {
				t.Errorf("LookupName(%q) gives place %s in %s", name, e.Name, e.Country)
			}
		}
	}
	kept := []string{"Shanghai", "Phoenix", "Mecca", "Perm", "Oxford", "Muscat", "Wellington", "Sydney"}
	for _, name := range kept {
		if _, ok := first(t, name).AsPlace(); !ok {
			t.Errorf("LookupName(%q): not a place", name)
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

func BenchmarkMatchName(b *testing.B) {
	words := strings.Fields("The U.N. Security Council met in New York on Monday as Russian and Ukrainian envoys traded blame over strikes near Zaporizhzhia , the IAEA said .")
	LookupName("warm up")
	b.ResetTimer()
	for b.Loop() {
		for i := 0; i < len(words); {
			n, _ := MatchName(words[i:])
			i += max(n, 1)
		}
	}
}

func ExampleLookupName() {
	for _, e := range LookupName("Kiev")[:1] {
		p, _ := e.AsPlace()
		fmt.Println(e.Kind, p.Name, p.Country, p.Capital)
	}
	e := LookupName("Emirati")[0]
	fmt.Println(e.Kind, e.Country, e.Form)
	// Output:
	// place Kyiv UKR true
	// country ARE demonym
}

func ExampleMatchName() {
	n, es := MatchName([]string{"U.N.", "Security", "Council", "said"})
	fmt.Println(n, es[0].Name, es[0].Country)
	// Output: 3 UN Security Council IGO
}
