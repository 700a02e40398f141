package schema

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testDict is a small actor dictionary in the forms the Phoenix files use.
const testDict = `# A test dictionary.
FREEDONIA_  [ITA]
+FREEDONIAN_
+FREDONIA

RUFUS_T._FIREFLY_  # leader
+FIREFLY_
+PRESIDENT_FIREFLY
	[ITAELI 19000101-330930]
	[ITAGOV 19331001-20051231]
	[ITAGOVMIL >060101]
	[ITAELI]
AMBASSADOR_TRENTINO_
	[SYLGOV <051231]
ZEPPO_MARX_	[ITAMED 900101-991231] [---]
SEA_OF_FREEDONIA [---]
IRREGULARS_ [ITAREB]
<!-- an XML comment -->
TEASDALE_ <!-- inline --> [ITAELI]
<!-- a comment
over two lines -->
CHICOLINI_
	[USRSPY]
---STOP---
NOT_READ_ [ITA]
`

func readTestDict(t *testing.T, text string) *ActorDictionary {
	t.Helper()
	d, err := ReadActorDictionary(strings.NewReader(text), "test.actors")
	if err != nil {
		t.Fatalf("ReadActorDictionary: %v", err)
	}
	return d
}

func TestActorDictionaryLookup(t *testing.T) {
	d := readTestDict(t, testDict)
	tests := []struct {
		name, date           string
		ok                   bool
		entry, code, c, role string
	}{
		{"Freedonia", "", true, "FREEDONIA", "ITA", "ITA", ""},
		{"freedonian", "2020-01-01", true, "FREEDONIA", "ITA", "ITA", ""},
		{"Rufus T. Firefly", "1920-06-01", true, "RUFUS T. FIREFLY", "ITAELI", "ITA", "ELI"},
		{"Rufus T Firefly", "1933-10-01", true, "RUFUS T. FIREFLY", "ITAGOV", "ITA", "GOV"},  // bounds are inclusive
		{"RUFUS_T._FIREFLY", "1933-09-30", true, "RUFUS T. FIREFLY", "ITAELI", "ITA", "ELI"}, // underscores are spaces
		{"President Firefly", "2025-02-27", true, "RUFUS T. FIREFLY", "ITAGOVMIL", "ITA", "GOV"},
		{"Firefly", "2005-12-31", true, "RUFUS T. FIREFLY", "ITAGOV", "ITA", "GOV"},
		{"Firefly", "2006-01-01", true, "RUFUS T. FIREFLY", "ITAGOVMIL", "ITA", "GOV"},
		{"Firefly", "", true, "RUFUS T. FIREFLY", "ITAELI", "ITA", "ELI"},           // no date: the undated code
		{"Firefly", "not a date", true, "RUFUS T. FIREFLY", "ITAELI", "ITA", "ELI"}, // as no date
		{"Ambassador Trentino", "2000-01-01", true, "AMBASSADOR TRENTINO", "SYLGOV", "", "GOV"},
		{"Ambassador Trentino", "2010-01-01", true, "AMBASSADOR TRENTINO", "", "", ""}, // no code then, none undated
		{"Ambassador Trentino", "", true, "AMBASSADOR TRENTINO", "SYLGOV", "", "GOV"},  // no date: the last dated code
		{"Zeppo Marx", "1995-05-05", true, "ZEPPO MARX", "ITAMED", "ITA", "MED"},
		{"Zeppo Marx", "2001-05-05", true, "ZEPPO MARX", NullActorCode, "", ""},
		{"Sea of Freedonia", "", true, "SEA OF FREEDONIA", NullActorCode, "", ""},
		{"Teasdale", "", true, "TEASDALE", "ITAELI", "ITA", "ELI"},
		{"Chicolini", "", true, "CHICOLINI", "USRSPY", "SUN", "SPY"},
		{"Not Read", "", false, "", "", "", ""},
		{"Groucho", "", false, "", "", "", ""},
		{"", "", false, "", "", "", ""},
	}
	for _, tt := range tests {
		a, ok := d.Lookup(tt.name, tt.date)
		if ok != tt.ok || a.Name != tt.entry || a.Code != tt.code || a.Country != tt.c || a.Role != tt.role {
			t.Errorf("Lookup(%q, %q) = %q %q %q %q, %v; want %q %q %q %q, %v", tt.name, tt.date,
				a.Name, a.Code, a.Country, a.Role, ok, tt.entry, tt.code, tt.c, tt.role, tt.ok)
		}
	}
	a, _ := d.Lookup("Firefly", "")
	if want := []string{"FIREFLY", "PRESIDENT FIREFLY"}; strings.Join(a.Synonyms, "|") != strings.Join(want, "|") {
		t.Errorf("Synonyms = %q, want %q", a.Synonyms, want)
	}
	if a.Source != "test.actors:6" {
		t.Errorf("Source = %q, want test.actors:6", a.Source)
	}
	want := DictionaryStats{Actors: 8, Synonyms: 4, Codes: 12}
	if got := d.Stats(); got != want {
		t.Errorf("Stats = %+v, want %+v", got, want)
	}
}

func TestActorDictionaryMatch(t *testing.T) {
	d := readTestDict(t, testDict)
	tests := []struct {
		text string
		n    int
		code string
	}{
		{"Rufus T. Firefly declared war", 3, "ITAGOVMIL"},
		{"President Firefly declared war", 2, "ITAGOVMIL"},
		{"Freedonian troops", 1, "ITA"},
		{"the Freedonian troops", 0, ""},
		{"Sea of Freedonia", 3, NullActorCode},
	}
	for _, tt := range tests {
		n, a, ok := d.Match(strings.Fields(tt.text), "2024-01-01")
		if n != tt.n || a.Code != tt.code || ok != (tt.n > 0) {
			t.Errorf("Match(%q) = %d, %q, %v; want %d, %q", tt.text, n, a.Code, ok, tt.n, tt.code)
		}
	}
}

func TestActorDictionaryDuplicateNames(t *testing.T) {
	// The same name in two entries: the one with a code for the date wins,
	// then one with an undated code, then the first.
	d := readTestDict(t, "JOHN_SMITH_\n\t[AAAGOV 100101-141231]\nJOHN_SMITH_\n\t[BBBGOV 150101-191231]\nJOHN_SMITH_ [CCC]\n")
	for _, tt := range []struct{ date, code string }{
		{"2012-01-01", "AAAGOV"}, {"2016-01-01", "BBBGOV"}, {"2022-01-01", "CCC"}, {"", "CCC"},
	} {
		if a, _ := d.Lookup("John Smith", tt.date); a.Code != tt.code {
			t.Errorf("Lookup(John Smith, %q) = %q, want %q", tt.date, a.Code, tt.code)
		}
	}
}

func TestActorDictionaryRead(t *testing.T) {
	// Read adds files to one dictionary; a failed read changes nothing.
	var d ActorDictionary
	if _, ok := d.Lookup("Freedonia", ""); ok {
		t.Fatal("the zero dictionary finds something")
	}
	if err := d.Read(strings.NewReader(testDict), "a"); err != nil {
		t.Fatal(err)
	}
	if err := d.Read(strings.NewReader("SYLVANIA_ [SYL]\n"), "b"); err != nil {
		t.Fatal(err)
	}
	if err := d.Read(strings.NewReader("MARXLAND_ [MRX]\n[BAD CODE LINE\n"), "c"); err == nil {
		t.Fatal("no error for an unclosed bracket")
	}
	for name, want := range map[string]bool{"Freedonia": true, "Sylvania": true, "Marxland": false} {
		if _, ok := d.Lookup(name, ""); ok != want {
			t.Errorf("Lookup(%q) = %v, want %v", name, ok, want)
		}
	}
	if got := d.Stats().Actors; got != 9 {
		t.Errorf("Actors = %d, want 9", got)
	}
}

func TestActorDictionaryDates(t *testing.T) {
	// Malformed dates that occur in real dictionaries are read the way
	// PETRARCH reads them, with a warning.
	d := readTestDict(t, `A_
	[AAAGOV 9008223-911221]
B_
	[BBBGOV >201005011]
C_
	[CCCOCC 1920030320-20060520]
D_
	[DDDGOV 20121204]
E_
	[EEEGOV 20121207-20120802]
	[EEE]
F_
	[FFFGOV 130231-141231]
	[FFF]
G_
	[GGGGOV > 140608]
H_
	[HHHGOV 0101-0202]
	[HHH]
I_	[IIIGOV 150101-151231] text after the code
`)
	tests := []struct{ name, date, code string }{
		{"A", "1990-08-22", "AAAGOV"}, // 7 digits: YYMMDD of the first 6
		{"A", "1990-08-21", ""},
		{"B", "2010-05-01", "BBBGOV"}, // 9 digits: YYYYMMDD of the first 8
		{"B", "2010-04-30", ""},
		{"C", "2005-01-01", "CCCOCC"},
		{"D", "2012-12-04", "DDDGOV"}, // a bare date opens a range
		{"D", "2012-12-03", ""},
		{"E", "2012-10-01", "EEE"}, // a backward range is dropped
		{"F", "2014-01-01", "FFF"}, // 31 February is dropped
		{"G", "2014-06-08", "GGGGOV"},
		{"H", "2001-02-01", "HHH"}, // too short
		{"I", "2015-06-01", "IIIGOV"},
	}
	for _, tt := range tests {
		if a, _ := d.Lookup(tt.name, tt.date); a.Code != tt.code {
			t.Errorf("Lookup(%q, %q) = %q, want %q", tt.name, tt.date, a.Code, tt.code)
		}
	}
	w := d.Warnings()
	if len(w) != 8 {
		t.Errorf("%d warnings, want 8:\n%s", len(w), strings.Join(w, "\n"))
	}
	for _, s := range w {
		if !strings.HasPrefix(s, "test.actors:") {
			t.Errorf("warning %q does not name file:line", s)
		}
	}
	if w[0] != "test.actors:2: date 9008223 has 7 digits; read as YYMMDD 900822" {
		t.Errorf("first warning = %q", w[0])
	}
}

func TestStripXMLComments(t *testing.T) {
	tests := []struct {
		in         string
		inBlock    bool
		out        string
		endInBlock bool
	}{
		{"A_ [AAA]", false, "A_ [AAA]", false},
		{"A_ <!-- c --> [AAA]", false, "A_   [AAA]", false},
		{"<!-- c -->A_<!-- d -->[AAA]", false, " A_ [AAA]", false},
		{"A_ <!-- open", false, "A_ ", true},
		{"still inside", true, "", true},
		{"end --> A_ [AAA]", true, "  A_ [AAA]", false},
		{"--> <!-- -->", true, "   ", false},
	}
	for _, tt := range tests {
		out, in := stripXMLComments(tt.in, tt.inBlock)
		if out != tt.out || in != tt.endInBlock {
			t.Errorf("stripXMLComments(%q, %v) = %q, %v; want %q, %v", tt.in, tt.inBlock, out, in, tt.out, tt.endInBlock)
		}
	}
}

func TestActorDictionaryWindows1252(t *testing.T) {
	d := readTestDict(t, "COTE_D\x92IVOIRE_ [CIV]\n+ZURICH_\x96BASEL [CHE]\n")
	for _, name := range []string{"Cote d'Ivoire", "Côte d’Ivoire", "Cote dIvoire"} {
		if a, ok := d.Lookup(name, ""); !ok || a.Country != "CIV" {
			t.Errorf("Lookup(%q) = %+v, %v", name, a, ok)
		}
	}
	a, _ := d.Lookup("Cote d'Ivoire", "")
	if a.Name != "COTE D’IVOIRE" {
		t.Errorf("Name = %q, want the decoded COTE D’IVOIRE", a.Name)
	}
	if len(cp1252High) != 32 {
		t.Errorf("cp1252High has %d runes, want 32", len(cp1252High))
	}
}

func TestActorDictionaryErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"\t[RUSGOV]\n", "x.actors:1: code [RUSGOV] before any actor"},
		{"# header\n+PUTIN_\n", "x.actors:2: synonym +PUTIN_ before any actor"},
		{"PUTIN_\n\t[RUSGOV 000101-991231\n", "x.actors:2: unclosed ["},
		{"PUTIN_\n\t[RUS-GOV]\n", `x.actors:2: bad code "RUS-GOV"`},
		{"PUTIN_\n\t[]\n", "x.actors:2: empty code []"},
		{"PUTIN_\n\t[RUSGOV 0001O1-991231]\n", `x.actors:2: bad date "0001O1"`},
		{"PUTIN_\n\t[RUSGOV >]\n", "x.actors:2: missing date"},
		{"PUTIN_\n+\n", "x.actors:2: empty synonym"},
		{"PUTIN_ ]\n", "x.actors:1: stray bracket"},
		{"AFGHANISTAN_ [AFG]\nMINISTER_ [~GOV]\n", "x.actors:2: agent code in an actor dictionary"},
		{"!X! = A, B\nMINISTER_ [GOV]\n", `x.actors:2: agent code "GOV" wants one ~`},
		{"!X! = A, B\nMINISTER_ [~GOV\n", "x.actors:2: unclosed ["},
		{"!X! = A, B\nMINISTER_ {MINISTERS [~GOV]\n", "x.actors:2: unclosed {"},
		{"!X! = A, B\n+MINISTER\n", "x.actors:2: synonym line in an agents dictionary"},
		{"!X = A, B\n", "x.actors:1: bad substitution set name"},
		{"!X! = ,\n", "x.actors:1: empty substitution set"},
		{"!X! = A\n[~GOV]\n", "x.actors:2: code without an agent phrase"},
		{"!X! = A\n!X MINISTER [~GOV]\n", "x.actors:2: unclosed substitution marker"},
		{"LONG_ [AAA]\n" + strings.Repeat("A", maxDictLine+1) + "\n", "x.actors:2: line longer than"},
		{strings.Repeat("A ", 65) + "[AAA]\n", "x.actors:1: phrase of 65 words, at most 64"},
		{"!X! = A, B, C, D\n!X!!X!!X!!X!!X! [~GOV]\n", "x.actors:2: substitution sets make more than 256 phrases"},
	}
	for _, tt := range tests {
		_, err := ReadActorDictionary(strings.NewReader(tt.text), "x.actors")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ReadActorDictionary(%.40q) error = %v, want %q...", tt.text, err, tt.want)
		}
	}
}

// testAgents is a small agents dictionary in the forms Phoenix.agents.txt
// uses.
const testAgents = `# Agents.
!PERSON! = MAN, MEN, WOMAN, WOMEN
!MINIST! = MINISTER, MINISTRY

FOREIGN_MINISTER [~GOV] # a comment
!MINIST!_OF_DEFENCE [~GOVMIL]
CONGRESS!PERSON! [~LEG]
POLICE {} [~COP]
THIEF {THIEVES} [~CRM]
ARMY [~MIL]
WITNESS [~CVL]
CHURCH [~CHR]
HUMAN_RIGHTS_BODY [NGO~]
TYPO_AGENT [~ENV}
NO_CODE_AGENT
!UNDEFINED! AGENT [~GOV]
<Combine rule = "LAWGOVATGMIL => GOV">
<CombineBlock>
NGMNGO +> NGM
</CombineBlock>
FOREIGN_MINISTER [~ELI]
`

func TestAgents(t *testing.T) {
	d := readTestDict(t, testAgents)
	tests := []struct {
		phrase string
		ok     bool
		code   string
		prefix bool
	}{
		{"foreign minister", true, "GOV", false},
		{"Foreign_Ministers", true, "GOV", false}, // the first definition wins over [~ELI]
		{"minister of defence", true, "GOVMIL", false},
		{"ministry of defence", true, "GOVMIL", false},
		{"ministers of defence", false, "", false}, // substituted phrases get no plurals
		{"congresswoman", true, "LEG", false},
		{"congressmen", true, "LEG", false},
		{"police", true, "COP", false},
		{"polices", false, "", false},
		{"thieves", true, "CRM", false},
		{"thiefs", false, "", false},
		{"armies", true, "MIL", false},
		{"witnesses", true, "CVL", false},
		{"churches", true, "CHR", false},
		{"human rights bodies", true, "NGO", true},
		{"typo agent", true, "ENV", false},
		{"no code agent", false, "", false},
		{"undefined agent", false, "", false},
	}
	for _, tt := range tests {
		a, ok := d.Agent(tt.phrase)
		if ok != tt.ok || a.Code != tt.code || a.Prefix != tt.prefix {
			t.Errorf("Agent(%q) = %+v, %v; want %q (prefix %v), %v", tt.phrase, a, ok, tt.code, tt.prefix, tt.ok)
		}
	}
	n, a, ok := d.MatchAgent(strings.Fields("foreign ministers met"))
	if n != 2 || !ok || a.Phrase != "FOREIGN MINISTERS" {
		t.Errorf("MatchAgent = %d, %+v, %v", n, a, ok)
	}
	if d.Stats().Actors != 0 {
		t.Errorf("an agents file read %d actors", d.Stats().Actors)
	}
	if w := d.Warnings(); len(w) != 3 {
		t.Errorf("%d warnings, want 3 (}, no code, undefined set):\n%s", len(w), strings.Join(w, "\n"))
	}
}

func TestSplitActorCode(t *testing.T) {
	tests := []struct{ code, country, role string }{
		{"RUSGOV", "RUS", "GOV"},
		{"RUS", "RUS", ""},
		{"AFGGOVAGR", "AFG", "GOV"},
		{"USAELI", "USA", "ELI"},
		{"IGOUNO", IGO, ""},
		{"IGOWSTNAT", IGO, ""},
		{"IGOUNOMED", IGO, "MED"},
		{"USRARM", "SUN", ""},
		{"ROMGOV", "ROU", "GOV"},
		{"KSVGOV", "XKX", "GOV"},
		{"MNCUSA", "", ""},
		{"NGOHLH", "", "HLH"},
		{"KNTGOV", "", "GOV"}, // not a country
		{NullActorCode, "", ""},
		{"", "", ""},
		{"AB", "", ""},
	}
	for _, tt := range tests {
		c, r := splitActorCode(tt.code)
		if c != tt.country || r != tt.role {
			t.Errorf("splitActorCode(%q) = %q, %q; want %q, %q", tt.code, c, r, tt.country, tt.role)
		}
	}
}

// phoenixDir holds the Phoenix dictionaries (MIT licence) the tests read
// when they are there; they are not part of the repository.
const phoenixDir = "../../shared/dictionaries"

func openPhoenix(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(phoenixDir, name))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not found: the Phoenix dictionaries are not checked in; put them in %s to run this test", name, phoenixDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestPhoenixDictionaries(t *testing.T) {
	files := []struct {
		name                     string
		actors, synonyms, agents int // at least
	}{
		{"Phoenix.Countries.actors.txt", 15000, 5000, 0},
		{"Phoenix.International.actors.txt", 5000, 50, 0},
		{"Phoenix.agents.txt", 0, 0, 3000},
	}
	var all ActorDictionary
	for _, f := range files {
		fh := openPhoenix(t, f.name)
		start := time.Now()
		err := all.Read(fh, f.name)
		elapsed := time.Since(start)
		fh.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		t.Logf("%s read in %v", f.name, elapsed.Round(time.Millisecond))
	}
	s := all.Stats()
	t.Logf("all three: %+v", s)
	for _, w := range all.Warnings() {
		t.Logf("warning: %s", w)
	}
	if s.Actors < 20000 || s.Synonyms < 5000 || s.Agents < 3000 {
		t.Errorf("Stats = %+v, want at least 20000 actors, 5000 synonyms, 3000 agents", s)
	}

	tests := []struct {
		name, date, code, country, role string
	}{
		{"Vladimir Putin", "2025-02-27", "RUSGOV", "RUS", "GOV"},
		{"Putin", "2025-02-27", "RUSGOV", "RUS", "GOV"},
		{"Vladimir V. Putin", "2010-01-01", "RUSGOV", "RUS", "GOV"},
		{"Vladimir Putin", "1990-01-01", "RUSELI", "RUS", "ELI"},
		{"Hamid Karzai", "2005-01-01", "AFGGOV", "AFG", "GOV"},
		{"Afghanistan", "2025-02-27", "AFG", "AFG", ""},
		{"Kabul", "", "AFG", "AFG", ""},
		{"Recep Tayyip Erdoğan", "2010-01-01", "TURGOV", "TUR", "GOV"},
		{"NATO", "", "IGOWSTNAT", IGO, ""},
		{"United Nations", "", "IGOUNO", IGO, ""},
		{"Indian Ocean", "", NullActorCode, "", ""},
	}
	for _, tt := range tests {
		a, ok := all.Lookup(tt.name, tt.date)
		if !ok || a.Code != tt.code || a.Country != tt.country || a.Role != tt.role {
			t.Errorf("Lookup(%q, %q) = %q %q %q, %v; want %q %q %q", tt.name, tt.date, a.Code, a.Country, a.Role, ok, tt.code, tt.country, tt.role)
		}
	}
	for phrase, code := range map[string]string{"foreign minister": "GOV", "rebels": "REB", "police": "COP", "minister of defence": "GOVMIL"} {
		if a, ok := all.Agent(phrase); !ok || a.Code != code {
			t.Errorf("Agent(%q) = %+v, %v; want %s", phrase, a, ok, code)
		}
	}
}

func BenchmarkReadActorDictionary(b *testing.B) {
	fh := openPhoenix(b, "Phoenix.Countries.actors.txt")
	data, err := os.ReadFile(fh.Name())
	fh.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadActorDictionary(strings.NewReader(string(data)), "Countries"); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzReadActorDictionary(f *testing.F) {
	for _, s := range []string{
		testDict,
		testAgents,
		"A_ [AAA]\n+B_\n\t[AAAGOV 000101-991231]\n\t[AAAELI >120101]\n\t[AAAMIL <991231]\n",
		"A_\t[IGOUNO 000101-080801] [---] # two codes\n",
		"A_\n\t[AAA 9008223-911221]\n\t[AAA 20121204]\n",
		"\t[AAA]\n",
		"A_\n\t[AAA",
		"<!-- open\nA_ [AAA]\n",
		"!X! = A, B\n!X!_C {} [~GOV]\nD!X! [IGO~]\n",
		"!X! = \n",
		"A_ [\xff\xfe]\n",
		"A_ [AAA > ]\n",
		"---STOP---",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := ReadActorDictionary(strings.NewReader(text), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz:") {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		for _, w := range d.Warnings() {
			if !strings.HasPrefix(w, "fuzz:") {
				t.Errorf("warning %q does not name the file", w)
			}
		}
		for _, e := range d.entries {
			if _, ok := d.Lookup(e.name, ""); !ok && FoldName(e.name) != "" {
				t.Errorf("Lookup(%q) failed for an entry's own name", e.name)
			}
			for _, c := range e.codes {
				if c.dated && c.from > c.to {
					t.Errorf("%s: code %s from %d to %d", e.name, c.code, c.from, c.to)
				}
			}
		}
		for _, a := range d.agents {
			if a.Code == "" {
				t.Errorf("agent %q has no code", a.Phrase)
			}
		}
		d.Lookup(text, "2020-02-29")
		d.Match(strings.Fields(text), "")
		d.MatchAgent(strings.Fields(text))
	})
}

func ExampleReadActorDictionary() {
	const dict = `VLADIMIR_PUTIN_
+PRESIDENT_PUTIN_
	[RUSELI 700101-990809]
	[RUSGOV >080508]
	[RUSELI]
`
	d, err := ReadActorDictionary(strings.NewReader(dict), "example.actors")
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := d.Lookup("President Putin", "2025-02-27")
	fmt.Println(a.Name, a.Code, a.Country, a.Role)
	// Output: VLADIMIR PUTIN RUSGOV RUS GOV
}
