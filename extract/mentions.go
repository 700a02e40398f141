package extract

import (
	"strings"
	"unicode"
)

// mkind is what a mention names.
type mkind int

const (
	mCountry mkind = iota // a country by name or short form
	mDemonym              // a country by its adjective
	mPlace
	mOrg
	mPerson
	mPartial // a surname or first name, resolved against the article's people
	mTitle   // a title without a name ("the Kremlin leader"), resolved to a person
)

// mention is one span of a sentence that names an actor.
type mention struct {
	sent int // index into document.sents
	i, j int // token span [i, j) in the sentence
	kind mkind
	ent  entry  // gazetteer reading, for countries, places and organisations
	text string // surface form
	// For people: the title in front of or beside the name and what it
	// belongs to.
	title   string
	titleOf string // actor ID
	from    int    // first token of the title in front of the name (= i without one)
	country string // ISO3 the mention implies, when known
	// people is set for a country adjective on a people noun ("Russian
	// diplomats"): the country acting.
	people bool
	actor  string // resolved actor ID
}

func (m *mention) isCountryRef() bool {
	return m.kind == mCountry || m.kind == mDemonym
}

// findMentions runs the recognisers over one sentence in order: gazetteer
// names, institutions of a country ("Russia's Foreign Ministry"), named
// organisations, then people.
func (x *Extractor) findMentions(d *document, si int) []*mention {
	s := &d.sents[si]
	used := make([]bool, len(s.tokens))
	var ms []*mention
	ms = append(ms, x.gazetteerMentions(d, s, si, used)...)
	ms = x.institutionMentions(s, si, ms, used)
	ms = append(ms, orgNameMentions(s, si, ms, used)...)
	ms = append(ms, x.personMentions(d, s, si, ms, used)...)
	ms = append(ms, titleMentions(s, si, ms, used)...)
	out := ms[:0]
	for _, m := range ms {
		if m.kind >= 0 {
			out = append(out, m)
		}
	}
	sortMentions(out)
	return out
}

func sortMentions(ms []*mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].i < ms[j-1].i; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// gazetteerMentions finds the longest gazetteer name at each position.
func (x *Extractor) gazetteerMentions(d *document, s *sentence, si int, used []bool) []*mention {
	var out []*mention
	keys := make([]string, len(s.tokens))
	for i, t := range s.tokens {
		keys[i] = foldKey(t.text)
	}
	for i := 0; i < len(s.tokens); i++ {
		if !startsName(s.tokens[i].text) {
			continue
		}
		for l := min(x.lex.maxLen, len(s.tokens)-i); l >= 1; l-- {
			if keys[i+l-1] == "" || keys[i+l-1] == "s" && l > 1 {
				continue // a name never ends on punctuation or a possessive
			}
			key := strings.Join(keys[i:i+l], "")
			es := x.lex.lookup(key)
			if len(es) == 0 || !x.acceptName(s, i, l, es[0]) {
				continue
			}
			if p := i - 1; es[0].ref == refOrg && p >= 0 && !used[p] && isCapitalized(s.tokens[p].text) && !notNames[s.tokens[p].lower] && !x.isGazetteerWord(s, p) {
				// "Supreme National Security Council" is not the US one: a
				// longer name the organisation recogniser will read whole.
				break
			}
			m := &mention{sent: si, i: i, j: i + l, ent: d.chooseReading(es), text: spanText(s, i, i+l)}
			if e, ok := stateAfterCity(out, s, i, es); ok {
				m.ent = e // "Atlanta, Georgia": the state, not the country
			}
			switch es[0].ref {
			case refCountry:
				m.kind = mCountry
			case refDemonym:
				m.kind = mDemonym
				m.people = es[0].plural || i+l < len(s.tokens) && peopleNouns[s.tokens[i+l].lower]
			case refPlace:
				m.kind = mPlace
			default:
				m.kind = mOrg
			}
			m.country = es[0].country
			for k := i; k < i+l; k++ {
				used[k] = true
			}
			out = append(out, m)
			i += l - 1
			break
		}
	}
	return out
}

// stateAfterCity picks, in "Atlanta, Georgia" or "Perth, Scotland", the
// reading of the name after the comma that is a place in the city's
// country.
func stateAfterCity(before []*mention, s *sentence, i int, es []entry) (entry, bool) {
	if i < 2 || s.tokens[i-1].text != "," || len(before) == 0 {
		return entry{}, false
	}
	city := before[len(before)-1]
	if city.j != i-1 || city.kind != mPlace {
		return entry{}, false
	}
	for _, e := range es {
		if e.ref == refPlace && e.country == city.ent.country && e.id != city.ent.id {
			return e, true
		}
	}
	return entry{}, false
}

// chooseReading picks among the readings of an ambiguous place name: a
// capital first, then one in the dateline's country ("Victoria" in a
// story from Canada), else the gazetteer's order.
func (d *document) chooseReading(es []entry) entry {
	best := es[0]
	if best.ref != refPlace || best.capital || d.datelineCountry == "" {
		return best
	}
	for _, e := range es {
		if e.ref == refPlace && e.country == d.datelineCountry {
			return e
		}
	}
	return best
}

// acceptName rejects gazetteer hits that are ordinary words in context: a
// small place written like a common word, a short form in lower case, a
// town whose name is also a personal name standing inside one ("Ararat
// Mirzoyan", "Andres Manuel Lopez Obrador").
func (x *Extractor) acceptName(s *sentence, i, l int, e entry) bool {
	t := s.tokens[i]
	if l == 1 && e.ref == refPlace && (!e.capital || i > 0 && nameWord(s, i-1) && !x.isGazetteerWord(s, i-1)) && x.insidePersonName(s, i) {
		return false // "Ararat Mirzoyan"; "Denzel Washington, the actor"
	}
	if l == 1 && e.ref == refPlace && !e.capital && e.population < 100000 && !strings.HasPrefix(t.tag, "NNP") {
		return false
	}
	// "US" the country, not "us"; all-caps short forms must be all caps.
	if l == 1 && len(t.text) <= 3 && strings.ToUpper(t.text) != t.text {
		return isCapitalized(t.text) && len(t.text) > 2
	}
	return true
}

// insidePersonName: the token stands beside another name word in a run
// that reads as a person's name: a title in front of it, or prose's entity
// label PERSON on it.
func (x *Extractor) insidePersonName(s *sentence, i int) bool {
	nb := func(k int) bool {
		return k >= 0 && k < len(s.tokens) && nameWord(s, k) && !x.isGazetteerWord(s, k)
	}
	if !nb(i-1) && !nb(i+1) {
		return false
	}
	start := i
	for start > 0 && nb(start-1) {
		start--
	}
	end := i + 1
	for end < len(s.tokens) && nb(end) {
		end++
	}
	if start > 0 && titleHeads[s.tokens[start-1].lower] {
		return true
	}
	// "Getachew Reda, a spokesman for ...", "Lopez Obrador said".
	return introducesPerson(s, end) || isKnownPerson(spanText(s, start, end)) || hasPersonLabel(s, start, end)
}

// isGazetteerWord: the token alone is a gazetteer name ("Gaza" in
// "Gaza Strip" is still a place next to "Strip").
func (x *Extractor) isGazetteerWord(s *sentence, k int) bool {
	return len(x.lex.lookup(foldKey(s.tokens[k].text))) > 0
}

// startsName: a name begins with a capital letter or a digit ("G20").
func startsName(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

func spanText(s *sentence, i, j int) string {
	if i >= j {
		return ""
	}
	return s.text[s.tokens[i].start-s.start : s.tokens[j-1].end-s.start]
}

// institutionMentions turns a country reference followed by an institution
// noun into an organisation of that country: "Russia's Foreign Ministry",
// "the Russian central bank", "U.S. Embassy".
func (x *Extractor) institutionMentions(s *sentence, si int, ms []*mention, used []bool) []*mention {
	out := ms[:0:0]
	for _, m := range ms {
		if !(m.isCountryRef() || m.kind == mPlace && m.ent.capital) || m.ent.country == "" {
			out = append(out, m)
			continue
		}
		k := m.j
		if k < len(s.tokens) && (s.tokens[k].lower == "'s" || s.tokens[k].lower == "'") {
			k++
		}
		n := matchSeq(s, k, orgNouns, used)
		if n > 0 && k+n < len(s.tokens) && !orgHeads[s.tokens[k+n-1].lower] && modifiesNext(s.tokens[k+n]) {
			n = 0 // "a Turkish military offensive": an adjective, not the institution
		}
		if n == 0 {
			out = append(out, m)
			continue
		}
		c, ok := x.lex.countries[m.ent.country]
		if !ok {
			out = append(out, m)
			continue
		}
		name := c.demonym + " " + titleCase(s, k, k+n)
		org := &mention{sent: si, i: m.i, j: k + n, kind: mOrg, text: spanText(s, m.i, k+n), country: c.country,
			ent: entry{ref: refOrg, id: "organization/" + slug(name), name: name, kind: "organization", country: c.country, orgType: "institution"}}
		for t := m.i; t < k+n; t++ {
			used[t] = true
		}
		out = append(out, org)
	}
	return out
}

// modifiesNext: the token after a noun makes that noun a modifier (a noun
// or adjective follows, not a verb, preposition or punctuation).
func modifiesNext(t token) bool {
	return strings.HasPrefix(t.tag, "NN") || strings.HasPrefix(t.tag, "JJ")
}

// matchSeq returns the length of the longest of seqs matching the lower-
// cased tokens at k, or 0.
func matchSeq(s *sentence, k int, seqs [][]string, used []bool) int {
	best := 0
	for _, seq := range seqs {
		if k+len(seq) > len(s.tokens) || len(seq) <= best {
			continue
		}
		ok := true
		for n, w := range seq {
			if s.tokens[k+n].lower != w || used[k+n] {
				ok = false
				break
			}
		}
		if ok {
			best = len(seq)
		}
	}
	return best
}

// titleCase writes tokens i..j with their first letters upper-cased:
// "foreign ministry" -> "Foreign Ministry"; short function words stay.
func titleCase(s *sentence, i, j int) string {
	parts := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		w := s.tokens[k].text
		if w == "of" || w == "the" || w == "and" || w == "for" {
			parts = append(parts, w)
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		parts = append(parts, string(r))
	}
	return strings.Join(parts, " ")
}

// orgNameMentions finds capitalised names ending in an organisation head
// noun ("Supreme National Security Council", "Kurdistan Workers' Party",
// "British Council"); a country adjective in front gives the country.
func orgNameMentions(s *sentence, si int, ms []*mention, used []bool) []*mention {
	var out []*mention
	for h := len(s.tokens) - 1; h >= 0; h-- {
		t := s.tokens[h]
		if used[h] || !isCapitalized(t.text) {
			continue
		}
		if placeHeads[t.lower] {
			if m := placeNameMention(s, si, h, used); m != nil {
				out = append(out, m)
				h = m.i
			}
			continue
		}
		if m := ministryOf(s, si, h, ms, used); m != nil {
			out = append(out, m)
			h = m.i
			continue
		}
		if !orgHeads[t.lower] {
			continue
		}
		i := h
		for i > 0 {
			p := s.tokens[i-1]
			if !used[i-1] && (isCapitalized(p.text) && !notNames[p.lower] || (p.lower == "of" || p.lower == "for" || p.lower == "'" || p.lower == "'s") && i-2 >= 0 && isCapitalized(s.tokens[i-2].text)) {
				i--
				continue
			}
			break
		}
		for i < h && (s.tokens[i].lower == "of" || s.tokens[i].lower == "and" || s.tokens[i].lower == "'" || s.tokens[i].lower == "'s") {
			i++
		}
		country := ""
		// A country adjective right in front belongs to the name.
		start := i
		for _, m := range ms {
			if m.j == i && m.kind == mDemonym {
				start, country = m.i, m.ent.country
				m.kind = -1 // absorbed
			}
		}
		if h-start < 1 || h-i <= 1 && allTitleWords(s, i, h) && start == i {
			continue
		}
		org := &mention{sent: si, i: start, j: h + 1, kind: mOrg, text: spanText(s, start, h+1), country: country}
		org.ent = entry{ref: refOrg, id: "organization/" + slug(org.text), name: org.text, kind: "organization", country: country}
		for k := start; k <= h; k++ {
			used[k] = true
		}
		out = append(out, org)
		h = start
	}
	return out
}

func allTitleWords(s *sentence, i, j int) bool {
	for k := i; k < j; k++ {
		if !titleWords[s.tokens[k].lower] && !titleHeads[s.tokens[k].lower] {
			return false
		}
	}
	return true
}

// placeNameMention reads a place the gazetteer lacks by its head noun:
// "Galwan Valley", "Pangong Lake", "Second Thomas Shoal".
func placeNameMention(s *sentence, si, h int, used []bool) *mention {
	i := h
	for i > 0 && !used[i-1] && isCapitalized(s.tokens[i-1].text) && !notNames[s.tokens[i-1].lower] && !titleHeads[s.tokens[i-1].lower] {
		i--
	}
	if i == h {
		return nil
	}
	for k := i; k <= h; k++ {
		used[k] = true
	}
	name := spanText(s, i, h+1)
	return &mention{sent: si, i: i, j: h + 1, kind: mPlace, text: name,
		ent: entry{ref: refPlace, id: placeID("", name), name: name, kind: "place"}}
}

// ministryOf reads "India's Ministry of External Affairs", "the Ministry
// of Defence": a capitalised "Ministry/Department/Office of" name ending
// at h, with the country in front when there is one.
func ministryOf(s *sentence, si, h int, ms []*mention, used []bool) *mention {
	k := h
	for k > 0 && !used[k-1] && isCapitalized(s.tokens[k-1].text) {
		k--
	}
	if k < 2 || s.tokens[k-1].lower != "of" {
		return nil
	}
	head := s.tokens[k-2]
	switch head.lower {
	case "ministry", "department", "office", "secretariat":
	default:
		return nil
	}
	if !isCapitalized(head.text) || used[k-2] {
		return nil
	}
	start, country := k-2, ""
	n := start
	if n > 0 && (s.tokens[n-1].lower == "'s" || s.tokens[n-1].lower == "'") {
		n--
	}
	if m := mentionEndingAt(ms, n); m != nil && (m.kind == mCountry || m.kind == mDemonym) {
		country = m.ent.country
	}
	for x := start; x <= h; x++ {
		used[x] = true
	}
	name := spanText(s, start, h+1)
	id := "organization/" + slug(name)
	if country != "" {
		id = "organization/" + strings.ToLower(country) + "-" + slug(name)
	}
	return &mention{sent: si, i: start, j: h + 1, kind: mOrg, text: name, country: country,
		ent: entry{ref: refOrg, id: id, name: name, kind: "organization", country: country, orgType: "ministry"}}
}
