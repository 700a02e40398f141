package schema

import (
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The lexicon of prominent political figures, written by hand (see
// data/README.md).
//
//go:embed data/people.json
var peopleFile []byte

// PersonRole is a post a person held. From and To are "YYYY" or "YYYY-MM";
// To is empty while the post is held (as of 2025).
type PersonRole struct {
	// Title is the job title as wire copy writes it before the name
	// ("Foreign Minister", "Secretary of State", "Crown Prince"), one of
	// allTitles() where there is one.
	Title string `json:"title"`
	// Of is the organisation the post is in, as Organizations() names it
	// ("United Nations", "NATO", "Hezbollah", "Bank of England"), or the
	// ISO3 code of the country whose post it is when that is not the
	// person's Country ("PRT" for the Portuguese premiership of António
	// Guterres, whose Country is IGO); empty for a post of the government
	// of Country.
	Of   string `json:"of,omitempty"`
	From string `json:"from"`
	To   string `json:"to,omitempty"`
}

// Person is a political figure of international news from 2000 on: a head
// of state or government, a foreign or defence minister, a spokesman, a
// central banker, an official of an inter-governmental body, a leader of
// an opposition or armed group.
type Person struct {
	// Name is the common English form ("Sergey Lavrov", "Recep Tayyip
	// Erdogan"); Aliases other spellings and forms ("Sergei Lavrov",
	// "Recep Tayyip Erdoğan", "MBS"), never a bare surname.
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// Country is the ISO3 code of the person's country, or IGO when the
	// person's latest role is a post of an inter-governmental body (the
	// UN Secretary-General, but not Jens Stoltenberg, Norway's finance
	// minister after NATO).
	Country string `json:"country"`
	// Roles are the posts held, oldest first.
	Roles []PersonRole `json:"roles,omitempty"`
}

// allPeople returns every person (for tests), in the order of data/people.json. The slice
// is a copy, but the slices inside its elements are shared and must not be
// modified.
func allPeople() []Person { return slices.Clone(loadPeople().people) }

// LookupPerson finds the people a full name or alias names, compared in
// folded form (see FoldName), so "Sergei Lavrov", "sergey lavrov" and
// "Sergey LAVROV" find one entry and "Kim Jong Un" finds "Kim Jong-un".
// A bare surname finds nobody. When a name fits several people ("King
// Abdullah" is both the Jordanian and the late Saudi king) all are
// returned, best first: people whose canonical name it is before people
// for whom it is an alias, then those whose latest role is more recent.
// The Roles and Aliases of the results are shared and must not be
// modified.
func LookupPerson(name string) []Person {
	px := loadPeople()
	refs := px.index.keys[FoldName(name)]
	out := make([]Person, 0, len(refs))
	for _, r := range refs {
		out = append(out, px.people[r.index])
	}
	return out
}

// matchPerson finds the longest person's name at the start of a sequence
// of words, extending the match a word at a time, and returns how
// many words it spans and the people it may name, ranked as LookupPerson
// ranks them. A listed name that starts with a capital matches only text
// that starts with one.
func matchPerson(words []string) (n int, people []Person) {
	px := loadPeople()
	for limit := len(words); limit > 0; {
		n, refs := px.index.longest(words[:limit])
		if n == 0 {
			return 0, nil
		}
		surface := strings.Join(words[:n], " ")
		for _, r := range refs {
			if r.rule.allows(surface) {
				people = append(people, px.people[r.index])
			}
		}
		if len(people) > 0 {
			return n, people
		}
		limit = n - 1 // the longest name failed on case; try a shorter one
	}
	return 0, nil
}

// RoleAt returns the role the person held on date, a YYYY-MM-DD date (a
// YYYY-MM or YYYY date stands for its first day), or the latest role when
// date is empty: the one still held, or else the one that ended last.
//
// Roles dated only by year cover the whole year, so two roles may cover a
// date: a head of state's or government's post (President, Prime
// Minister, King, ...) is preferred to another one held at the same time
// (Prime Minister Netanyahu was also Foreign Minister), and otherwise the
// one taken up last (Medvedev in May 2012, President until the 7th and
// Prime Minister from the 8th, is Prime Minister). ok is false when the
// person held no listed role on that date or the date does not parse.
func (p Person) RoleAt(date string) (PersonRole, bool) {
	if len(p.Roles) == 0 {
		return PersonRole{}, false
	}
	if date == "" {
		best := 0
		for i, r := range p.Roles[1:] {
			if compareLatest(r, p.Roles[best]) > 0 {
				best = i + 1
			}
		}
		return p.Roles[best], true
	}
	day, ok := parseRoleDate(date, false)
	if !ok {
		return PersonRole{}, false
	}
	best := -1
	for i, r := range p.Roles {
		from, _ := parseRoleDate(r.From, false)
		to, ok := parseRoleDate(r.To, true)
		if !ok {
			to = openEnd
		}
		if day < from || day > to {
			continue
		}
		if best < 0 || compareCovering(r, p.Roles[best]) > 0 {
			best = i
		}
	}
	if best < 0 {
		return PersonRole{}, false
	}
	return p.Roles[best], true
}

// openEnd is the day number of a role still held.
const openEnd = 99999999

// compareLatest orders roles by how recently they were held: a role still
// held is later than any that ended, then the later end, then the higher
// post, then the later start.
func compareLatest(a, b PersonRole) int {
	end := func(r PersonRole) int {
		if d, ok := parseRoleDate(r.To, true); ok {
			return d
		}
		return openEnd
	}
	if c := cmp.Compare(end(a), end(b)); c != 0 {
		return c
	}
	return compareCovering(a, b)
}

// compareCovering orders two roles that both cover a date: the head of
// state's or government's post first, then the later start.
func compareCovering(a, b PersonRole) int {
	if ha, hb := headTitles[a.Title], headTitles[b.Title]; ha != hb {
		if ha {
			return 1
		}
		return -1
	}
	fa, _ := parseRoleDate(a.From, false)
	fb, _ := parseRoleDate(b.From, false)
	return cmp.Compare(fa, fb)
}

// headTitles are the posts of heads of state, government and
// inter-governmental bodies, which outrank a minister's post held at the
// same time.
var headTitles = map[string]bool{
	"President": true, "Prime Minister": true, "Chancellor": true,
	"Premier": true, "King": true, "Queen": true, "Emperor": true,
	"Emir": true, "Sultan": true, "Supreme Leader": true,
	"Crown Prince": true, "General Secretary": true, "Pope": true,
	"Secretary-General": true, "Leader": true,
}

// parseRoleDate turns "YYYY", "YYYY-MM" or "YYYY-MM-DD" into a day number
// YYYYMMDD. A year or month stands for its first day, or for its last when
// end is set; the last day of a month is taken as the 31st, which compares
// correctly with every real date.
func parseRoleDate(s string, end bool) (int, bool) {
	var y, m, d int
	var err error
	switch len(s) {
	case 4, 7, 10:
	default:
		return 0, false
	}
	if y, err = strconv.Atoi(s[:4]); err != nil || y < 0 {
		return 0, false
	}
	m, d = 1, 1
	if end {
		m, d = 12, 31
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return 0, false
		}
		if m, err = strconv.Atoi(s[5:7]); err != nil || m < 1 || m > 12 {
			return 0, false
		}
		if end {
			d = 31
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return 0, false
		}
		if d, err = strconv.Atoi(s[8:10]); err != nil || d < 1 || d > 31 {
			return 0, false
		}
	}
	return y*10000 + m*100 + d, true
}

// peopleLexicon is the parsed lexicon and its name index, built once.
type peopleLexicon struct {
	people []Person
	index  nameIndex
}

var loadPeople = sync.OnceValue(func() *peopleLexicon {
	px, err := parsePeople(peopleFile)
	if err != nil {
		panic(fmt.Errorf("schema: embedded people lexicon: %w", err))
	}
	return px
})

// parsePeople decodes the lexicon and indexes every name and alias.
func parsePeople(b []byte) (*peopleLexicon, error) {
	var f struct {
		People []Person `json:"people"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("parsing data/people.json: %w", err)
	}
	px := &peopleLexicon{
		people: f.People,
		index:  nameIndex{keys: make(map[string][]ref), prefixes: make(map[string]bool)},
	}
	for i, p := range px.people {
		for _, s := range append([]string{p.Name}, p.Aliases...) {
			px.index.add(s, ref{kind: KindPerson, index: i})
		}
	}
	// Rank each key's people: those whose Name it is first, then by how
	// recently they held a post.
	for key, refs := range px.index.keys {
		slices.SortStableFunc(refs, func(a, b ref) int {
			ca := FoldName(px.people[a.index].Name) == key
			cb := FoldName(px.people[b.index].Name) == key
			if ca != cb {
				if ca {
					return -1
				}
				return 1
			}
			ra, _ := px.people[a.index].RoleAt("")
			rb, _ := px.people[b.index].RoleAt("")
			return -compareLatest(ra, rb)
		})
	}
	return px, nil
}
