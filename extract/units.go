package extract

import "github.com/diplograph/diplograph/schema"

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
	us = append(us, d.groupUnits(si)...)
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
	"neighbours": schema.KindCountry,
}

var groupNumbers = map[string]int{"two": 2, "both": 2, "three": 3, "four": 4}

// groupUnits resolves "the two leaders" and "the two countries" to the
// last actors of that kind mentioned before them.
func (d *document) groupUnits(si int) []unit {
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
		ids := d.recentActors(si, s.tokens[k].start, kind, n)
		if len(ids) < n {
			continue
		}
		// "the two countries' foreign ministers": still the countries.
		out = append(out, unit{i: k, j: h + 1, actors: ids})
	}
	return out
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
