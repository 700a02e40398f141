package extract

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// unit is an argument candidate: a span of a sentence that stands for one
// or more actors (a person with the title in front of the name, a country
// adjective on "diplomats", "the two leaders").
type unit struct {
	i, j   int
	actors []string // actor IDs as event participants
	m      *mention // the mention, if one
	place  string   // the place actor, when the unit is a place
	// capital: a capital or seat of government, which as a verb's subject
	// or object stands for its country's government.
	capital bool
	poss    bool // followed by "'s"
}

// buildUnits turns a sentence's resolved mentions into argument units.
func (d *document) buildUnits(si int) []unit {
	var us []unit
	ms := d.mentions[si]
	s := &d.sents[si]
	// Title spans belong to the person after them.
	inTitle := make([]bool, len(s.tokens))
	for _, m := range ms {
		if m.kind == mPerson && m.from < m.i {
			for k := m.from; k < m.i; k++ {
				inTitle[k] = true
			}
		}
	}
	for _, m := range ms {
		if m.kind < 0 || m.actor == "" && m.kind != mPlace {
			continue
		}
		if m.kind != mPerson && inTitle[m.i] {
			continue
		}
		u := unit{i: m.i, j: m.j, m: m}
		switch m.kind {
		case mPerson:
			u.i = m.from
			u.actors = []string{m.actor}
		case mCountry, mDemonym:
			u.actors = []string{m.actor}
		case mOrg:
			u.actors = []string{m.actor}
			u.capital = m.ent.orgType == "seat"
		case mPlace:
			u.place = m.actor
			u.actors = []string{m.actor}
			if m.ent.capital && m.ent.country != "" {
				u.capital = true
			}
		}
		if u.j < len(s.tokens) && (s.tokens[u.j].lower == "'s" || s.tokens[u.j].lower == "'") {
			u.poss = true
		}
		us = append(us, u)
	}
	sortUnits(us)
	return us
}

func sortUnits(us []unit) {
	for i := 1; i < len(us); i++ {
		for j := i; j > 0 && us[j].i < us[j-1].i; j-- {
			us[j], us[j-1] = us[j-1], us[j]
		}
	}
}

// groupWords: "the two leaders", "both countries", "the three nations".
var groupNouns = map[string]schema.Kind{
	"leaders": schema.KindPerson, "presidents": schema.KindPerson, "men": schema.KindPerson,
	"ministers": schema.KindPerson, "countries": schema.KindCountry, "nations": schema.KindCountry,
	"sides": schema.KindCountry, "governments": schema.KindCountry, "allies": schema.KindCountry,
	"states": schema.KindCountry, "rivals": schema.KindCountry, "neighbors": schema.KindCountry,
	"neighbours": schema.KindCountry, "armies": schema.KindCountry, "militaries": schema.KindCountry,
	"delegations": schema.KindCountry, "powers": schema.KindCountry, "capitals": schema.KindCountry,
}

var groupNumbers = map[string]int{"two": 2, "both": 2, "three": 3, "four": 4}

// pair is a group of actors the text coordinated ("Biden and Xi",
// "Finland and Sweden"): what "the two leaders" and "the two countries"
// later refer to.
type pair struct {
	pos    int // byte offset where the group ends
	people bool
	ids    []string
}

// groupUnits resolves "the two leaders" and "the two countries" to the
// latest group of that many actors of that kind the text coordinated
// before them, else to the last actors of that kind mentioned.
func (d *document) groupUnits(si int, pairs []pair, prior []candidate) []unit {
	s := &d.sents[si]
	var out []unit
	for k := 0; k+1 < len(s.tokens); k++ {
		n, ok := groupNumbers[s.tokens[k].lower]
		if !ok {
			continue
		}
		// "the two Nordic countries", "the two regional rivals"
		h := k + 1
		for h < len(s.tokens) && h <= k+3 {
			if _, ok := groupNouns[s.tokens[h].lower]; ok {
				break
			}
			h++
		}
		if h >= len(s.tokens) || h > k+3 {
			continue
		}
		kind := groupNouns[s.tokens[h].lower]
		ids := d.pairInSentence(pairs, si, s.tokens[k].start, kind, n)
		if ids == nil && kind == schema.KindPerson {
			ids = d.frequentPeople(prior, pairs, s.tokens[k].start, s.tokens[h].lower, n)
		}
		if ids == nil && kind == schema.KindCountry {
			ids = d.frequentPair(prior, n)
		}
		if ids == nil {
			ids = d.pairBefore(pairs, s.tokens[k].start, kind, n)
		}
		if ids == nil {
			ids = d.recentActors(si, s.tokens[k].start, kind, n)
		}
		if len(ids) < n {
			continue
		}
		// "the two countries' foreign ministers": still the countries.
		out = append(out, unit{i: k, j: h + 1, actors: ids})
	}
	return out
}

// pairInSentence is a coordinated group of the same sentence before pos:
// "Turkey dropped its objection to Finland and Sweden joining NATO,
// signing an agreement with the two Nordic countries".
func (d *document) pairInSentence(pairs []pair, si, pos int, kind schema.Kind, n int) []string {
	s := d.sents[si]
	var in []pair
	for _, p := range pairs {
		if p.pos >= s.start && p.pos <= pos {
			in = append(in, p)
		}
	}
	return d.pairBefore(in, pos, kind, n)
}

// frequentPair is the pair of countries most often on two sides of the
// earlier events: the story's two countries ("urged the two countries to
// resolve their differences").
func (d *document) frequentPair(prior []candidate, n int) []string {
	if n != 2 {
		return nil
	}
	counts := map[[2]string]int{}
	last := map[[2]string]int{}
	for k, c := range prior {
		if c.negated || c.hypoth {
			continue
		}
		cs := d.countrySet(append(append([]string{}, c.source...), c.target...))
		var codes []string
		for _, x := range cs {
			if len(x) == 3 && x != schema.IGO {
				codes = append(codes, x)
			}
		}
		if len(codes) != 2 {
			continue
		}
		if codes[0] > codes[1] {
			codes[0], codes[1] = codes[1], codes[0]
		}
		key := [2]string{codes[0], codes[1]}
		counts[key]++
		last[key] = k
	}
	var best [2]string
	bestN := 0
	for key, c := range counts {
		if c > bestN || c == bestN && last[key] > last[best] {
			best, bestN = key, c
		}
	}
	if bestN < 2 {
		return nil
	}
	return []string{"country/" + best[0], "country/" + best[1]}
}

// frequentPeople is the pair of people most often together in the earlier
// events and "A and B" phrases, whose roles fit the noun ("the two
// ministers" are ministers, "the two leaders" heads of state or
// government); ties go to the latest.
func (d *document) frequentPeople(prior []candidate, pairs []pair, pos int, noun string, n int) []string {
	if n != 2 {
		return nil
	}
	counts := map[[2]string]int{}
	last := map[[2]string]int{}
	add := func(ids []string, at int) {
		var ps []string
		for _, id := range ids {
			if strings.HasPrefix(id, "person/") && d.roleFits(id, noun) {
				ps = appendUnique(ps, id)
			}
		}
		if len(ps) != 2 {
			return
		}
		if ps[0] > ps[1] {
			ps[0], ps[1] = ps[1], ps[0]
		}
		key := [2]string{ps[0], ps[1]}
		counts[key]++
		last[key] = at
	}
	for _, c := range prior {
		if !c.negated && !c.hypoth {
			add(append(append([]string{}, c.source...), c.target...), d.sents[c.sent].tokens[c.t].start)
		}
	}
	for _, p := range pairs {
		if p.pos <= pos && p.people {
			add(p.ids, p.pos)
		}
	}
	var best [2]string
	bestN := 0
	for key, c := range counts {
		if c > bestN || c == bestN && last[key] > last[best] {
			best, bestN = key, c
		}
	}
	if bestN == 0 {
		return nil
	}
	return []string{best[0], best[1]}
}

// roleFits: a person can be one of "the two ministers", "the two leaders".
func (d *document) roleFits(id, noun string) bool {
	a := d.actors.get(id)
	if a == nil {
		return false
	}
	if len(a.Roles) == 0 {
		return noun == "men" || noun == "leaders"
	}
	for _, r := range a.Roles {
		t := strings.ToLower(r.Title)
		switch noun {
		case "ministers":
			if strings.Contains(t, "minister") || strings.Contains(t, "secretary") || strings.Contains(t, "diplomat") {
				return true
			}
		case "presidents":
			if strings.Contains(t, "president") {
				return true
			}
		case "leaders":
			if f := strings.Fields(t); len(f) > 0 && leaderTitles[f[0]] {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// pairBefore finds the latest coordinated group of n actors of a kind
// before pos; people stand for their countries when countries are asked.
func (d *document) pairBefore(pairs []pair, pos int, kind schema.Kind, n int) []string {
	for k := len(pairs) - 1; k >= 0; k-- {
		p := pairs[k]
		if p.pos > pos || len(p.ids) != n {
			continue
		}
		if kind == schema.KindPerson && p.people {
			return p.ids
		}
		if kind == schema.KindCountry && !p.people {
			return p.ids
		}
	}
	if kind != schema.KindCountry {
		return nil
	}
	for k := len(pairs) - 1; k >= 0; k-- {
		p := pairs[k]
		if p.pos > pos || len(p.ids) != n || !p.people {
			continue
		}
		var ids []string
		for _, id := range p.ids {
			if c := d.actorCountry(id); c != "" {
				ids = appendUnique(ids, "country/"+c)
			}
		}
		if len(ids) == n {
			return ids
		}
	}
	return nil
}

// recentActors returns the last n distinct actors of a kind mentioned
// before offset pos (in this sentence or earlier ones), oldest first.
func (d *document) recentActors(si, pos int, kind schema.Kind, n int) []string {
	var ids []string
	seen := map[string]bool{}
	for s := si; s >= 0 && s >= si-3 && len(ids) < n; s-- {
		ms := d.mentions[s]
		for k := len(ms) - 1; k >= 0 && len(ids) < n; k-- {
			m := ms[k]
			if m.actor == "" || s == si && d.sents[s].tokens[m.i].start >= pos {
				continue
			}
			id := m.actor
			a := d.actors.get(id)
			if a == nil {
				continue
			}
			if kind == schema.KindCountry && a.Kind != schema.KindCountry {
				if m.kind == mPlace && m.ent.capital {
					id = "country/" + m.ent.country
				} else {
					continue
				}
			} else if kind != schema.KindCountry && a.Kind != kind {
				continue
			}
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	for l, r := 0, len(ids)-1; l < r; l, r = l+1, r-1 {
		ids[l], ids[r] = ids[r], ids[l]
	}
	return ids
}
