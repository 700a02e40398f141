package schema

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

func TestLookupPersonVariants(t *testing.T) {
	tests := []struct {
		names   []string
		want    string // canonical name
		country string
	}{
		{[]string{"Sergey Lavrov", "Sergei Lavrov", "sergey lavrov", "SERGEI LAVROV", "Sergei Viktorovich Lavrov"}, "Sergey Lavrov", "RUS"},
		{[]string{"Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Tayyip Erdogan"}, "Recep Tayyip Erdogan", "TUR"},
		{[]string{"Kim Jong-un", "Kim Jong Un", "kim jong un", "Kim Jong-eun"}, "Kim Jong-un", "PRK"},
		{[]string{"Mohammed bin Salman", "Muhammad bin Salman", "MBS", "Mohammad bin Salman"}, "Mohammed bin Salman", "SAU"},
		{[]string{"Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"}, "Volodymyr Zelensky", "UKR"},
		{[]string{"Vladimir Putin", "Vladimir V. Putin", "Vladimir Vladimirovich Putin"}, "Vladimir Putin", "RUS"},
		{[]string{"Dmitry Medvedev", "Dmitri Medvedev", "Dmitriy Medvedev"}, "Dmitry Medvedev", "RUS"},
		{[]string{"Xi Jinping", "XI JINPING"}, "Xi Jinping", "CHN"},
		{[]string{"Muammar Gaddafi", "Moammar Gadhafi", "Muammar Qaddafi"}, "Muammar Gaddafi", "LBY"},
		{[]string{"Ali Khamenei", "Ayatollah Ali Khamenei", "Seyyed Ali Khamenei"}, "Ali Khamenei", "IRN"},
		{[]string{"António Guterres", "Antonio Guterres"}, "António Guterres", IGO},
		{[]string{"Jens Stoltenberg"}, "Jens Stoltenberg", "NOR"},
		{[]string{"Luiz Inácio Lula da Silva", "Lula", "Lula da Silva"}, "Luiz Inácio Lula da Silva", "BRA"},
		{[]string{"Andrés Manuel López Obrador", "AMLO", "Andres Manuel Lopez Obrador"}, "Andrés Manuel López Obrador", "MEX"},
		{[]string{"Joko Widodo", "Jokowi"}, "Joko Widodo", "IDN"},
		{[]string{"Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi", "Abdel-Fattah el-Sissi"}, "Abdel Fattah al-Sisi", "EGY"},
		{[]string{"Mahmoud Abbas", "Abu Mazen"}, "Mahmoud Abbas", "PSE"},
		{[]string{"Ahmed al-Sharaa", "Abu Mohammed al-Julani", "Abu Mohammad al-Jolani"}, "Ahmed al-Sharaa", "SYR"},
		{[]string{"Tedros Adhanom Ghebreyesus", "Tedros Adhanom"}, "Tedros Adhanom Ghebreyesus", IGO},
		{[]string{"Benjamin Netanyahu", "Bibi Netanyahu"}, "Benjamin Netanyahu", "ISR"},
	}
	for _, tt := range tests {
		for _, name := range tt.names {
			ps := LookupPerson(name)
			if len(ps) != 1 {
				t.Errorf("LookupPerson(%q): %d people, want 1 (%s)", name, len(ps), tt.want)
				continue
			}
			if ps[0].Name != tt.want || ps[0].Country != tt.country {
				t.Errorf("LookupPerson(%q) = %s (%s), want %s (%s)", name, ps[0].Name, ps[0].Country, tt.want, tt.country)
			}
		}
	}
}

func TestLookupPersonNoBareSurnames(t *testing.T) {
	for _, name := range []string{"Putin", "Lavrov", "Trump", "Biden", "Merkel", "Macron", "Erdogan", "Kim", "Abdullah", ""} {
		if ps := LookupPerson(name); len(ps) > 0 {
			t.Errorf("LookupPerson(%q) = %s, want nobody", name, ps[0].Name)
		}
	}
}

func TestLookupPersonShared(t *testing.T) {
	// A name two people share returns both, the one whose canonical name
	// it is first, then the one who held a post more recently.
	tests := []struct {
		name string
		want []string
	}{
		{"King Abdullah", []string{"Abdullah II", "Abdullah bin Abdulaziz"}},
		{"George Bush", []string{"George W. Bush", "George H. W. Bush"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range LookupPerson(tt.name) {
			got = append(got, p.Name)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("LookupPerson(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRoleAt(t *testing.T) {
	tests := []struct {
		name, date string
		title, of  string
		ok         bool
	}{
		{"Vladimir Putin", "2005-06-01", "President", "", true},
		{"Vladimir Putin", "2010-01-01", "Prime Minister", "", true},
		{"Vladimir Putin", "2025-02-27", "President", "", true},
		{"Vladimir Putin", "", "President", "", true},
		{"Vladimir Putin", "1990-01-01", "", "", false},
		{"Dmitry Medvedev", "2012-05-20", "Prime Minister", "", true}, // both cover May 2012: the later start wins
		{"Dmitry Medvedev", "2012-04-30", "President", "", true},
		{"Dmitry Medvedev", "", "Vice Chairman", "Russian Security Council", true},
		{"Benjamin Netanyahu", "2016-01-01", "Prime Minister", "", true}, // also Foreign Minister then
		{"Benjamin Netanyahu", "2022-01-01", "Opposition Leader", "", true},
		{"Mohammed bin Salman", "2019-03-01", "Crown Prince", "", true},
		{"Mohammed bin Salman", "2023-03-01", "Prime Minister", "", true},
		{"António Guterres", "2000-01-01", "Prime Minister", "PRT", true},
		{"António Guterres", "2010-01-01", "High Commissioner", "UN Refugee Agency", true},
		{"António Guterres", "2020-01", "Secretary-General", "United Nations", true},
		{"Jens Stoltenberg", "", "Finance Minister", "", true},
		{"Sergey Lavrov", "2025-02-27", "Foreign Minister", "", true},
		{"Sergey Lavrov", "not a date", "", "", false},
		{"Donald Trump", "2023-06-01", "", "", false},
		{"Donald Trump", "2025-06-01", "President", "", true},
	}
	for _, tt := range tests {
		ps := LookupPerson(tt.name)
		if len(ps) != 1 {
			t.Fatalf("LookupPerson(%q): %d people", tt.name, len(ps))
		}
		r, ok := ps[0].RoleAt(tt.date)
		if ok != tt.ok || r.Title != tt.title || r.Of != tt.of {
			t.Errorf("%s.RoleAt(%q) = %q of %q, %v; want %q of %q, %v", tt.name, tt.date, r.Title, r.Of, ok, tt.title, tt.of, tt.ok)
		}
	}
}

func TestMatchPerson(t *testing.T) {
	tests := []struct {
		text string
		n    int
		want string
	}{
		{"Sergei Lavrov said on Monday", 2, "Sergey Lavrov"},
		{"Kim Jong Un inspected", 3, "Kim Jong-un"},
		{"Kim Jong - un inspected", 4, "Kim Jong-un"},
		{"Mohammed bin Salman met", 3, "Mohammed bin Salman"},
		{"MBS met", 1, "Mohammed bin Salman"},
		{"mbs met", 0, ""}, // an all-capitals alias wants capitals
		{"jokowi said", 0, ""},
		{"Lavrov said", 0, ""},
		{"George W. Bush said", 3, "George W. Bush"},
	}
	for _, tt := range tests {
		n, ps := matchPerson(strings.Fields(tt.text))
		got := ""
		if len(ps) > 0 {
			got = ps[0].Name
		}
		if n != tt.n || got != tt.want {
			t.Errorf("matchPerson(%q) = %d, %q; want %d, %q", tt.text, n, got, tt.n, tt.want)
		}
	}
}

// Titles a role may have that titles.json does not list (yet).
var extraRoleTitles = map[string]bool{
	"Security Council Secretary": true, // Russia, Ukraine, Iran
	"Chief Cabinet Secretary":    true, // Japan
	"Vice Premier":               true, // China
	"Chief Adviser":              true, // Bangladesh
	"State Counsellor":           true, // Myanmar
	"Commissioner-General":       true, // UNRWA
	"Administrator":              true, // UNDP
	"Executive Secretary":        true, // UNFCCC
	"Chief Minister":             true, // Indian states
	"Home Minister":              true, // India
}

// Single-word names: nicknames, initialisms and people known by one name.
var oneWordNames = map[string]bool{
	"mbs": true, "mbz": true, "amlo": true, "dsk": true, "sby": true,
	"lula": true, "jokowi": true, "suharto": true, "sugiono": true,
	"hemedti": true, "hemeti": true, "timochenko": true, "prachanda": true,
	"akihito": true, "naruhito": true, "vajiralongkorn": true, "akd": true, "ppk": true, "farmajo": true, "akk": true,
}

// Names or aliases that several people share: really distinct people
// whom news names alike.
var sharedPersonNames = map[string]string{
	"king abdullah": "Abdullah II of Jordan and Abdullah bin Abdulaziz of Saudi Arabia",
	"george bush":   "George W. Bush (listed first) and his father George H. W. Bush",
}

var roleDate = regexp.MustCompile(`^(19[4-9]\d|20[0-2]\d)(-(0[1-9]|1[0-2]))?$`)

func TestPeopleData(t *testing.T) {
	people := allPeople()
	if len(people) < 800 {
		t.Errorf("%d people, want at least 800", len(people))
	}
	owner := make(map[string]string) // folded name → canonical name
	for _, p := range people {
		where := p.Name
		if p.Name == "" || strings.TrimSpace(p.Name) != p.Name {
			t.Errorf("%q: bad name", p.Name)
		}
		if _, ok := CountryByISO3(p.Country); !ok && p.Country != IGO {
			t.Errorf("%s: unknown country %q", where, p.Country)
		}
		for _, s := range append([]string{p.Name}, p.Aliases...) {
			key := FoldName(s)
			if key == "" {
				t.Errorf("%s: name %q folds to nothing", where, s)
				continue
			}
			if !strings.Contains(key, " ") && !oneWordNames[key] {
				t.Errorf("%s: one-word name %q (a bare surname?)", where, s)
			}
			if o, ok := owner[key]; ok && o != p.Name {
				if _, shared := sharedPersonNames[key]; !shared {
					t.Errorf("%q names both %s and %s", s, o, p.Name)
				}
			}
			owner[key] = p.Name
		}
		checkRoles(t, p)
	}
}

// checkRoles checks a person's roles: known titles and organisations,
// well-formed dates in order, and a country that fits the latest role.
func checkRoles(t *testing.T, p Person) {
	t.Helper()
	prev := ""
	for _, r := range p.Roles {
		where := fmt.Sprintf("%s: %s %s..%s", p.Name, r.Title, r.From, r.To)
		if _, ok := lookupTitle(r.Title); !ok && !extraRoleTitles[r.Title] {
			t.Errorf("%s: title not in titles.json", where)
		}
		if !roleDate.MatchString(r.From) || r.To != "" && !roleDate.MatchString(r.To) {
			t.Errorf("%s: bad date", where)
			continue
		}
		from, _ := parseRoleDate(r.From, false)
		if to, ok := parseRoleDate(r.To, true); ok && to < from {
			t.Errorf("%s: ends before it starts", where)
		}
		if r.From < prev {
			t.Errorf("%s: roles out of order", where)
		}
		prev = r.From
		if r.Of == "" && p.Country == IGO {
			t.Errorf("%s: a role of an IGO official needs Of", where)
		}
		if r.Of != "" {
			if _, err := roleOfCountry(r.Of); err != nil {
				t.Errorf("%s: %v", where, err)
			}
			if r.Of == p.Country {
				t.Errorf("%s: Of repeats the country", where)
			}
		}
	}
	latest, ok := p.RoleAt("")
	if !ok {
		return
	}
	c, _ := roleOfCountry(latest.Of)
	if (c == IGO) != (p.Country == IGO) {
		t.Errorf("%s: country %s, but the latest role is %s of %q", p.Name, p.Country, latest.Title, latest.Of)
	}
}

// roleOfCountry returns the country a role's Of stands for: itself for an
// ISO3 code, an organisation's country (IGO for inter-governmental
// bodies), or empty for an organisation of no state.
func roleOfCountry(of string) (string, error) {
	if _, ok := CountryByISO3(of); ok {
		return of, nil
	}
	for _, o := range Organizations() {
		if o.Name == of {
			return o.Country, nil
		}
	}
	return "", fmt.Errorf("of %q is neither a country code nor an organisation's name", of)
}

// TestPeopleCoverage checks that every country the lexicon means to cover
// has its leaders, and reports the counts.
func TestPeopleCoverage(t *testing.T) {
	byCountry := make(map[string]int)
	roles := 0
	for _, p := range allPeople() {
		byCountry[p.Country]++
		roles += len(p.Roles)
	}
	t.Logf("%d people, %d roles, %d countries (and IGO: %d)", len(allPeople()), roles, len(byCountry)-1, byCountry[IGO])
	g20 := strings.Fields("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA")
	for _, c := range g20 {
		if byCountry[c] < 10 {
			t.Errorf("G20 member %s: %d people, want at least 10", c, byCountry[c])
		}
	}
	others := strings.Fields(`UKR ISR PSE IRN IRQ SYR LBN JOR EGY ARE QAT KWT BHR OMN YEM
		PRK TWN PAK AFG BGD LKA VNM THA PHL MYS SGP MMR KHM NZL
		POL NLD BEL AUT CHE SWE NOR DNK FIN IRL ESP PRT GRC CYP CZE SVK HUN ROU BGR
		EST LVA LTU SRB XKX HRV SVN MKD ALB MNE MDA BLR GEO ARM AZE KAZ UZB
		NGA ETH KEN DZA MAR TUN LBY SDN SSD SOM COD RWA UGA ZWE GHA SEN CIV MLI BFA NER
		VEN COL CUB CHL PER ECU BOL URY NIC SLV HTI`)
	for _, c := range others {
		if byCountry[c] < 2 {
			t.Errorf("%s: %d people, want at least 2", c, byCountry[c])
		}
	}
}

func ExampleLookupPerson() {
	p := LookupPerson("Sergei Lavrov")[0]
	r, _ := p.RoleAt("2025-02-27")
	fmt.Println(p.Name, p.Country, r.Title, r.From)
	// Output: Sergey Lavrov RUS Foreign Minister 2004-03
}
