package extract

import (
	"strings"
)

// personMentions finds personal names: runs of capitalised words not
// claimed by the gazetteer, with the title in front of them ("Russian
// Foreign Minister Sergey Lavrov") or in an appositive after them
// ("Valentina Matvienko, the speaker of the Russian parliament's upper
// house"). A lone surname becomes a partial mention, resolved later
// against the article's full names.
func (x *Extractor) personMentions(d *document, s *sentence, si int, ms []*mention, used []bool) []*mention {
	var out []*mention
	for i := 0; i < len(s.tokens); i++ {
		if used[i] || !nameWord(s, i) || isParticle(s.tokens[i]) {
			continue
		}
		j := i + 1
		for j < len(s.tokens) && !used[j] {
			if nameWord(s, j) {
				j++
				continue
			}
			// Particles inside a name: "bin", "von der", "Al".
			p := j
			for p < len(s.tokens) && !used[p] && isParticle(s.tokens[p]) {
				p++
			}
			if p == j || p >= len(s.tokens) || used[p] || !nameWord(s, p) {
				break
			}
			j = p + 1
		}
		core := &mention{sent: si, i: i, j: j, from: i, kind: mPartial, text: spanText(s, i, j)}
		i = j - 1
		// A lone capitalised word only ever resolves to a person named in
		// full elsewhere, so the tagger's doubt ("Albanese said", tagged
		// an adjective) costs nothing; a longer run must be a proper noun.
		if core.j-core.i > 1 && !hasProperTag(s, core.i, core.j) {
			continue
		}
		if core.j < len(s.tokens) && s.tokens[core.j].tag == "NNS" && !isKnownPerson(core.text) {
			continue // "the Gulf Arab states": a modifier, not a person
		}
		if core.j-core.i == 1 && monthNames[s.tokens[core.i].lower] > 0 && core.i > 0 {
			switch s.tokens[core.i-1].lower {
			case "in", "since", "until", "by", "from", "early", "late", "mid", "of", "last", "next", "this":
				continue // "in May": the month, not Theresa May
			}
		}
		title, of, country, from, ok := x.titleBefore(d, s, core.i, ms)
		if ok {
			core.from = from
		} else {
			title, of, country, ok = x.appositiveTitle(s, core.j, ms)
		}
		if country == "" {
			country = ledByCountry(s, core.from, ms)
		}
		switch {
		case ok && core.j-core.i == 1:
			core.title, core.titleOf, core.country = title, of, country
		case ok:
			core.kind = mPerson
			core.title, core.titleOf, core.country = title, of, country
		case core.j-core.i >= 2 && (hasPersonLabel(s, core.i, core.j) || introducesPerson(s, core.j) || isKnownPerson(core.text)):
			core.kind = mPerson
		case core.j-core.i >= 3:
			continue // a long capitalised run with no sign of a person
		}
		out = append(out, core)
	}
	return out
}

// ledByCountry reads "Iran's delegation was led by X" and the elliptical
// "and Saudi Arabia's by X": the person leads that country's side.
func ledByCountry(s *sentence, from int, ms []*mention) string {
	if from < 2 || s.tokens[from-1].lower != "by" {
		return ""
	}
	k := from - 2
	if s.tokens[k].lower == "led" || s.tokens[k].lower == "headed" {
		for n := k - 1; n >= 0 && n >= k-6; n-- {
			if m := mentionEndingAt(ms, n+1); m != nil && (m.kind == mCountry || m.kind == mDemonym) {
				return m.ent.country
			}
			if m := mentionEndingAt(ms, n); m != nil && m.kind == mCountry && s.tokens[n].lower == "'s" {
				return m.ent.country
			}
		}
		return ""
	}
	if s.tokens[k].lower == "'s" {
		if m := mentionEndingAt(ms, k); m != nil && m.kind == mCountry {
			return m.ent.country
		}
	}
	return ""
}

// nameWord: a capitalised word that can be part of a personal name.
func nameWord(s *sentence, i int) bool {
	t := s.tokens[i]
	if isArabicSurname(t) {
		return true
	}
	if !isCapitalized(t.text) || notNames[t.lower] || titleHeads[t.lower] || titleWords[t.lower] {
		return false
	}
	if strings.ContainsAny(t.text, "0123456789") {
		return false
	}
	// An all-capitals word longer than a syllable is an acronym, not a name.
	if len(t.text) > 3 && strings.ToUpper(t.text) == t.text {
		return false
	}
	return true
}

func isParticle(t token) bool { return nameParticles[t.lower] }

// isArabicSurname: "al-Zayani", "el-Sisi" are whole names in lower case.
func isArabicSurname(t token) bool {
	return (strings.HasPrefix(t.text, "al-") || strings.HasPrefix(t.text, "el-")) && len(t.text) > 4 && isCapitalized(t.text[3:])
}

// hasProperTag: prose tags at least one word a proper noun, so a sentence
// opening with a capitalised verb or adjective is not taken for a name.
func hasProperTag(s *sentence, i, j int) bool {
	for k := i; k < j; k++ {
		if strings.HasPrefix(s.tokens[k].tag, "NNP") || strings.HasSuffix(s.tokens[k].ner, "PERSON") {
			return true
		}
	}
	return false
}

func hasPersonLabel(s *sentence, i, j int) bool {
	for k := i; k < j; k++ {
		if strings.HasSuffix(s.tokens[k].ner, "PERSON") {
			return true
		}
	}
	return false
}

// introducesPerson: the words after a name that wire copy uses for people
// ("X said", "X, who", "X, a former colonel").
func introducesPerson(s *sentence, j int) bool {
	if j >= len(s.tokens) {
		return false
	}
	switch s.tokens[j].lower {
	case "said", "says", "told", "added", "noted", "wrote", "tweeted":
		return true
	case ",":
		if j+1 < len(s.tokens) {
			switch s.tokens[j+1].lower {
			case "who", "the", "a", "an", "whose":
				return true
			}
		}
	}
	return false
}

// titleBefore reads the title in front of a name, right to left: title
// words, the country or organisation they belong to, a possessive
// ("China's top diplomat, Wang Yi"). It returns the title as written, the
// actor ID it belongs to and the country that implies.
func (x *Extractor) titleBefore(d *document, s *sentence, i int, ms []*mention) (title, of, country string, from int, ok bool) {
	k := i - 1
	if k >= 1 && s.tokens[k].text == "," {
		k-- // "China's top diplomat, Wang Yi"
	}
	var words []string
	headSeen := false
	for k >= 0 {
		t := s.tokens[k]
		if m := mentionEndingAt(ms, k+1); m != nil && (m.kind == mCountry || m.kind == mDemonym || m.kind == mOrg || m.kind == mPlace && m.ent.capital) {
			if !headSeen {
				break
			}
			of, country = m.ent.id, m.ent.country
			if m.kind == mDemonym || m.kind == mPlace {
				of = "country/" + m.ent.country
			}
			k = m.i - 1
			break
		}
		if t.lower == "'s" || t.lower == "'" {
			k--
			continue
		}
		if titleHeads[t.lower] || titleWords[t.lower] || isTitleJoin(s, k) {
			if titleHeads[t.lower] {
				headSeen = true
			}
			words = append(words, t.text)
			k--
			continue
		}
		if (t.lower == "its" || t.lower == "their") && headSeen {
			if m := lastCountryActor(ms, k); m != nil {
				of, country = "country/"+m.ent.country, m.ent.country
			}
		}
		break
	}
	if !headSeen {
		return "", "", "", i, false
	}
	title = cleanTitle(words)
	if title == "" {
		return "", "", "", i, false
	}
	if country == "" {
		country = x.impliedCountry(d, title)
	}
	return title, of, country, k + 1, true
}

// isTitleJoin: "of" or "for" inside a title ("Secretary of State",
// "Minister for Foreign Affairs"), with title words on both sides.
func isTitleJoin(s *sentence, k int) bool {
	t := s.tokens[k]
	if t.lower != "of" && t.lower != "for" || k == 0 || k+1 >= len(s.tokens) {
		return false
	}
	p, n := s.tokens[k-1].lower, s.tokens[k+1].lower
	return (titleHeads[p] || titleWords[p]) && (titleHeads[n] || titleWords[n])
}

// cleanTitle reverses the collected words and drops the words that are not
// part of the office ("former", "then-").
func cleanTitle(rev []string) string {
	var parts []string
	for n := len(rev) - 1; n >= 0; n-- {
		w := rev[n]
		if titleSkip[strings.ToLower(w)] && len(parts) == 0 {
			continue
		}
		parts = append(parts, w)
	}
	for len(parts) > 0 && (parts[len(parts)-1] == "of" || parts[len(parts)-1] == "for") {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, " ")
}

// appositiveTitle reads ", the speaker of the Russian parliament's upper
// house," after a name.
func (x *Extractor) appositiveTitle(s *sentence, j int, ms []*mention) (title, of, country string, ok bool) {
	if j+2 >= len(s.tokens) || s.tokens[j].text != "," {
		return "", "", "", false
	}
	k := j + 1
	switch s.tokens[k].lower {
	case "the", "a", "an", "his", "her", "its":
		k++
	default:
		return "", "", "", false
	}
	var words []string
	headAt := -1
	for ; k < len(s.tokens); k++ {
		t := s.tokens[k]
		if t.text == "," || t.text == "." || t.lower == "who" {
			break
		}
		if m := mentionStartingAt(ms, k); m != nil && country == "" {
			if m.kind == mCountry || m.kind == mDemonym || m.kind == mOrg {
				of, country = m.ent.id, m.ent.country
				if m.kind == mDemonym {
					of = "country/" + m.ent.country
				}
			}
			if headAt < 0 {
				k = m.j - 1
				continue
			}
		}
		if headAt < 0 && (titleHeads[t.lower] || titleWords[t.lower]) {
			words = append(words, t.text)
			if titleHeads[t.lower] {
				headAt = k
			}
		} else if headAt < 0 && len(words) > 0 {
			words = words[:0] // "a former Russian security officer": keep the last run
		}
	}
	if headAt < 0 {
		return "", "", "", false
	}
	rev := make([]string, len(words))
	for n, w := range words {
		rev[len(words)-1-n] = w
	}
	return cleanTitle(rev), of, country, true
}

func mentionEndingAt(ms []*mention, j int) *mention {
	for _, m := range ms {
		if m.j == j && m.kind >= 0 {
			return m
		}
	}
	return nil
}

func mentionStartingAt(ms []*mention, i int) *mention {
	for _, m := range ms {
		if m.i == i && m.kind >= 0 {
			return m
		}
	}
	return nil
}

// lastCountryActor is the nearest country, capital or country organisation
// before token k: what "its" in "recalled its ambassador" refers to.
func lastCountryActor(ms []*mention, k int) *mention {
	var best *mention
	for _, m := range ms {
		if m.j <= k && m.ent.country != "" && m.ent.country != "IGO" && (m.best() || m.kind == mOrg) {
			best = m
		}
	}
	return best
}

// best reports whether the mention stands for its country (a country, an
// adjective, a capital).
func (m *mention) best() bool {
	return m.kind == mCountry || m.kind == mDemonym || m.kind == mPlace && m.ent.capital
}

// titleCountries are offices that name one country by themselves.
var titleCountries = map[string]string{
	"secretary of state": "USA", "house speaker": "USA", "defense secretary": "USA",
	"treasury secretary": "USA", "commerce secretary": "USA", "national security adviser": "",
	"foreign secretary": "GBR", "home secretary": "GBR", "chancellor of the exchequer": "GBR",
	"supreme leader": "", "crown prince": "",
}

// impliedCountry is the country of a title written without one: an office
// only one country has, else the US for "President" (wire style names the
// US president without nationality), else the dateline's country.
func (x *Extractor) impliedCountry(d *document, title string) string {
	lt := strings.ToLower(title)
	if c, ok := titleCountries[lt]; ok {
		return c
	}
	if lt == "president" {
		return "USA"
	}
	return d.datelineCountry
}

// titleMentions finds titles standing for a person named elsewhere: "the
// Kremlin leader", "the Israeli leader", "the chancellor", "Russia's
// foreign minister" (when no name follows).
func titleMentions(s *sentence, si int, ms []*mention, used []bool) []*mention {
	var out []*mention
	for h := 0; h < len(s.tokens); h++ {
		t := s.tokens[h]
		if used[h] || !titleHeads[t.lower] || t.lower == "general" || t.lower == "head" {
			continue
		}
		// A name right after the title makes it a titled name, handled
		// by personMentions.
		if h+1 < len(s.tokens) && (nameWord(s, h+1) || s.tokens[h+1].text == "," && h+2 < len(s.tokens) && nameWord(s, h+2)) {
			continue
		}
		if h+1 < len(s.tokens) && s.tokens[h+1].lower == "of" {
			continue // "the head of the delegation": the office, not the person
		}
		k := h - 1
		var words []string
		words = append(words, t.text)
		for k >= 0 && !used[k] && (titleWords[s.tokens[k].lower] || titleHeads[s.tokens[k].lower]) {
			words = append(words, s.tokens[k].text)
			k--
		}
		ref := mentionEndingAt(ms, k+1)
		if ref != nil && (ref.kind == mCountry || ref.kind == mDemonym || ref.kind == mOrg || ref.kind == mPlace && ref.ent.capital) {
			k = ref.i - 1
		} else {
			ref = nil
		}
		if k >= 0 && (s.tokens[k].lower == "'s") && ref == nil {
			continue
		}
		for k >= 1 && (s.tokens[k].tag == "JJ" || s.tokens[k].tag == "JJS") && s.tokens[k-1].lower == "the" {
			k-- // "the first South Korean leader", "the new Israeli premier"
		}
		if k < 0 || s.tokens[k].lower != "the" && !(ref != nil && k+1 < len(s.tokens) && s.tokens[ref.j].lower == "'s") {
			continue
		}
		m := &mention{sent: si, i: h, j: h + 1, from: k + 1, kind: mTitle, text: spanText(s, k+1, h+1), title: cleanTitle(words)}
		if ref != nil {
			m.country = ref.ent.country
			m.titleOf = ref.ent.id
		}
		out = append(out, m)
	}
	return out
}

// leaderTitles are the offices "the leader" refers to.
var leaderTitles = setOf("president", "prime", "premier", "chancellor", "king", "queen", "emir", "sultan",
	"leader", "crown", "monarch", "ayatollah", "dictator")

func isKnownPerson(name string) bool {
	_, ok := knownPerson(name)
	return ok
}
