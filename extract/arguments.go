package extract

import (
	"strings"
)

// arguments finds who, whom, where and when for the trigger at tokens
// [t, end) and whether the text asserts it.
func (c *sentCtx) arguments(r *rule, t, end int) (candidate, bool) {
	cand := candidate{rule: r, sent: c.si, t: t, tEnd: end}
	cs, ce := c.clauseStart(t), c.clauseEnd(end-1)
	passive := !r.noun && c.isPassive(t)

	var subj, obj, agent, between []string
	var objPlace *unit
	if r.noun {
		subj = c.nounParties(t, cs)
	} else {
		subj = c.subject(t, cs)
	}
	obj, objPlace = c.object(r, end, ce)
	between = c.betweenParties(end, ce)
	if passive || r.noun {
		agent = c.byAgent(end, ce)
	}
	switch {
	case passive && len(agent) > 0:
		cand.source, cand.target = agent, subj
	case passive:
		cand.target = subj
	case len(between) >= 2 && r.frame == frameMeet:
		cand.source, cand.target = between[:1], between[1:]
		if len(subj) > 0 && !sameSet(subj, between) {
			// "hosted talks between A and B": the subject is the host.
			cand.source, cand.target = between[:1], between[1:]
		}
	case r.noun && len(agent) > 0:
		cand.source, cand.target = agent, obj
	default:
		cand.source, cand.target = subj, obj
	}
	if len(between) >= 2 && r.frame != frameMeet && len(cand.target) == 0 {
		cand.target = between
	}
	switch r.frame {
	case frameVisit, frameTake:
		if objPlace != nil {
			cand.place = objPlace.place
			if len(cand.target) == 0 {
				if cc := c.d.countryActor(c.x.lex, objPlace.m.ent.country); cc != "" {
					cand.target = []string{cc}
				}
			}
		}
	}
	if r.frame == frameMeet && len(cand.target) == 0 && len(cand.source) >= 2 {
		cand.source, cand.target = cand.source[:1], cand.source[1:]
	}
	if r.frame == frameVisit && len(cand.target) == 0 && len(cand.source) > 0 {
		// "at the close of a two-day visit": a visit with no destination in a
		// story datelined abroad is a visit to the dateline's country.
		if dc := c.d.datelineCountry; dc != "" && c.d.actorCountry(cand.source[0]) != dc {
			cand.target = []string{c.d.countryActor(c.x.lex, dc)}
		}
	}
	cand.source = removeAll(cand.source, cand.target)
	if len(cand.source) == 0 && len(cand.target) == 0 {
		return cand, false
	}
	if len(cand.source) == 0 && !passive && !strings.HasPrefix(r.code, "18") && !strings.HasPrefix(r.code, "19") {
		return cand, false
	}
	// An act with no one acted upon is an edge to nowhere; only a show of
	// force stands alone.
	if len(cand.target) == 0 && !strings.HasPrefix(r.code, "15") {
		return cand, false
	}
	if r.frame == frameMeet && len(cand.source)+len(cand.target) < 2 {
		return cand, false
	}
	if cand.place == "" {
		cand.place = c.place(t, end, cs, ce)
	}
	future := c.modality(&cand, r, t, cs)
	cand.date = c.date(t, end, cs, ce, future)
	return cand, true
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func removeAll(ids, drop []string) []string {
	var out []string
	for _, id := range ids {
		if !contains(drop, id) {
			out = append(out, id)
		}
	}
	return out
}

// isPassive: a past participle after a form of "be" ("were expelled"), or
// right after a noun and before "by" ("a deal brokered by China").
func (c *sentCtx) isPassive(t int) bool {
	if c.s.tokens[t].tag != "VBN" && c.s.tokens[t].tag != "VBD" {
		return false
	}
	for k := t - 1; k >= 0 && k >= t-3; k-- {
		switch c.word(k) {
		case "was", "were", "is", "are", "be", "been", "being", "got", "get":
			return true
		}
		if c.s.tokens[k].tag != "RB" {
			break
		}
	}
	return c.word(t+1) == "by" && t > 0 && strings.HasPrefix(c.s.tokens[t-1].tag, "NN")
}

// subject finds the actor doing the verb at t: the nearest actor group to
// its left in the clause that is not inside a prepositional phrase or the
// object of another verb; "X, who ..." takes X; a pronoun takes the
// subject it refers to.
func (c *sentCtx) subject(t, cs int) []string {
	for k := t - 1; k >= cs-1 && k >= 0; k-- {
		w := c.word(k)
		if (w == "who" || w == "which") && k > 0 && c.word(k-1) == "," {
			for n := len(c.units) - 1; n >= 0; n-- {
				if c.units[n].j == k-1 || c.units[n].j == k-1 && c.units[n].poss {
					first, last := c.group(n)
					return c.groupActors(first, last, true)
				}
			}
			return nil
		}
		if k < cs {
			break
		}
		if w == "he" || w == "she" || w == "it" || w == "they" {
			if id := c.pronoun(w); id != "" {
				return []string{id}
			}
			return nil
		}
		for n := len(c.units) - 1; n >= 0; n-- {
			u := c.units[n]
			if u.j-1 != k && !(u.poss && u.j == k) {
				continue
			}
			if p, _ := c.prepBefore(u.i, cs); p != "" {
				if !(p == "of" && c.afterPeopleNoun(u.i)) {
					continue
				}
			}
			if c.afterVerb(u.i) {
				continue
			}
			if u.place != "" && !u.capital {
				continue
			}
			first, last := c.group(n)
			return c.groupActors(first, last, true)
		}
	}
	return nil
}

// afterPeopleNoun: "the leaders of the United States, France and Germany".
func (c *sentCtx) afterPeopleNoun(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if c.word(k) == "of" {
			return peopleNouns[c.word(k-1)]
		}
	}
	return false
}

// pronoun resolves "he", "she", "it", "they" to the nearest earlier main
// subject of the right kind.
func (c *sentCtx) pronoun(w string) string {
	for n := len(c.prevSubjects) - 1; n >= 0 && n >= len(c.prevSubjects)-3; n-- {
		id := c.prevSubjects[n]
		if id == "" {
			continue
		}
		person := strings.HasPrefix(id, "person/")
		if (w == "he" || w == "she") == person {
			return id
		}
	}
	return ""
}

// mainSubject is the sentence's first actor before its first verb.
func (c *sentCtx) mainSubject() string { return c.mainSubjectBefore(len(c.s.tokens)) }

// mainSubjectBefore is the first actor before the first verb, if both come
// before token end.
func (c *sentCtx) mainSubjectBefore(end int) string {
	for k, t := range c.s.tokens {
		if k >= end {
			break
		}
		if strings.HasPrefix(t.tag, "VB") && t.tag != "VBG" && t.tag != "VBN" {
			break
		}
		for _, u := range c.units {
			if u.i == k && len(u.actors) == 1 && (u.place == "" || u.capital) {
				if p, _ := c.prepBefore(u.i, 0); p == "" {
					return c.unitActors(u, true)[0]
				}
			}
		}
	}
	return ""
}

// nounParties finds the parties of a nominal event: a possessor ("Trump's
// call"), names compounded in front ("U.S.-Russian talks"), or the subject
// of a light verb whose object the noun is ("held talks", "made a visit").
func (c *sentCtx) nounParties(t, cs int) []string {
	k := t - 1
	for k >= 0 {
		tag := c.s.tokens[k].tag
		if tag == "JJ" || tag == "CD" || tag == "DT" || c.word(k) == "-" || tag == "NN" && c.unitEndingAt(k+1) < 0 || tag == "VBN" {
			if c.unitEndingAt(k+1) >= 0 {
				break
			}
			k--
			continue
		}
		break
	}
	var parties []string
	for k >= 0 {
		n := c.unitEndingAt(k + 1)
		if n < 0 && (c.word(k) == "'s" || c.word(k) == "'") {
			n = c.unitEndingAt(k)
		}
		if n < 0 {
			break
		}
		first, last := c.group(n)
		parties = append(parties, c.groupActors(first, last, true)...)
		k = c.units[first].i - 1
		if k >= 0 && (c.word(k) == "-" || c.word(k) == "and") {
			k--
			continue
		}
		break
	}
	if len(parties) > 0 {
		return parties
	}
	// Light verbs: "held talks", "made a state visit", "had a call".
	for k := t - 1; k >= cs && k >= t-6; k-- {
		switch strings.TrimSuffix(c.word(k), "ing") {
		case "held", "hold", "had", "have", "made", "make", "conduct", "conducted", "began", "begin",
			"open", "opened", "resume", "resumed", "spent", "spend", "join", "joined", "paid", "pay",
			"start", "started", "launch", "launched", "wrap", "wrapped", "end", "ended", "hosted", "host":
			return c.subject(k, cs)
		}
		if c.word(k) == "during" || c.word(k) == "on" && strings.HasPrefix(c.word(t), "visit") {
			// "during a visit to Qatar, Lavrov said": the sentence's subject.
			if id := c.mainSubjectBefore(k); id != "" {
				return []string{id}
			}
			return c.mainActorAfter(t)
		}
	}
	return nil
}

// mainActorAfter is the first actor unit after token t not in a phrase.
func (c *sentCtx) mainActorAfter(t int) []string {
	for n, u := range c.units {
		if u.i <= t {
			continue
		}
		if p, _ := c.prepBefore(u.i, t); p != "" {
			continue
		}
		if u.place != "" && !u.capital {
			continue
		}
		first, last := c.group(n)
		return c.groupActors(first, last, true)
	}
	return nil
}

func (c *sentCtx) unitEndingAt(j int) int {
	for n := len(c.units) - 1; n >= 0; n-- {
		if c.units[n].j == j {
			return n
		}
	}
	return -1
}

// targetPreps introduce a target for every rule.
var targetPreps = setOf("with", "against", "toward", "towards", "on", "into", "at")

// object finds the target after the trigger: a direct object or a phrase
// with one of the rule's prepositions. Places after "in"/"at" are places,
// not targets, except for visits and annexations, which return them.
func (c *sentCtx) object(r *rule, end, ce int) ([]string, *unit) {
	var place *unit
	for n, u := range c.units {
		if u.i < end || u.i >= ce {
			continue
		}
		p, _ := c.prepBefore(u.i, end)
		isPlace := u.place != "" && !(u.capital && p == "")
		switch {
		case p == "" || contains(r.preps, p) || targetPreps[p] && !(isPlace && (p == "at" || p == "on")):
			if isPlace && (r.frame == frameVisit || r.frame == frameTake) {
				if place == nil {
					place = &c.units[n]
				}
				if r.frame == frameTake {
					if from := c.fromParty(u.j, ce); len(from) > 0 {
						return from, place
					}
				}
				continue
			}
			if isPlace && p == "" {
				continue
			}
			if p == "" && u.poss {
				continue // "Australia's decision": the possessor is not the object
			}
			first, last := c.group(n)
			return c.groupActors(first, last, true), place
		case (p == "in" || p == "to") && isPlace && r.frame == frameVisit:
			if place == nil {
				place = &c.units[n]
			}
		}
	}
	return nil, place
}

// fromParty reads "from Ukraine" after an annexed place.
func (c *sentCtx) fromParty(j, ce int) []string {
	if c.word(j) != "from" {
		return nil
	}
	if n := c.unitStartingAt(j+1, j+3); n >= 0 {
		return c.unitActors(c.units[n], true)
	}
	return nil
}

func (c *sentCtx) unitStartingAt(from, to int) int {
	for n, u := range c.units {
		if u.i >= from && u.i <= to {
			return n
		}
	}
	return -1
}

// betweenParties reads "between A and B" after the trigger.
func (c *sentCtx) betweenParties(end, ce int) []string {
	for k := end; k < ce && k < end+4; k++ {
		if c.word(k) != "between" {
			continue
		}
		var ids []string
		for n, u := range c.units {
			if u.i <= k || u.i > k+12 || u.i >= ce {
				continue
			}
			first, last := c.group(n)
			ids = append(ids, c.groupActors(first, last, true)...)
			// "between A and B": two groups joined by "and".
			if last+1 < len(c.units) && c.units[last+1].i <= c.units[last].j+8 && c.word(c.units[last].j) == "and" {
				continue
			}
			break
		}
		return ids
	}
	return nil
}

// byAgent reads "by X" after a passive verb or a noun.
func (c *sentCtx) byAgent(end, ce int) []string {
	for k := end; k < ce && k < end+3; k++ {
		if c.word(k) != "by" {
			continue
		}
		if n := c.unitStartingAt(k+1, k+4); n >= 0 {
			first, last := c.group(n)
			return c.groupActors(first, last, true)
		}
	}
	return nil
}

// place finds where the event happened: "in X" or "at X" in the clause,
// after the trigger or, for a sentence opening "In Riyadh,", before it.
// A seat of government stands for its capital ("at the White House").
func (c *sentCtx) place(t, end, cs, ce int) string {
	best := ""
	for _, u := range c.units {
		if u.i < cs && !(u.i <= 2 && c.word(0) == "in") || u.i >= ce || u.i > t && c.triggerBetween(t, u.i) {
			continue
		}
		p, _ := c.prepBefore(u.i, max(cs-1, 0))
		if p != "in" && p != "at" && !(p == "on" && u.place != "") {
			continue
		}
		id := u.place
		if id == "" && u.m != nil && u.m.kind == mCountry {
			id = u.m.actor
		}
		if id == "" && u.capital && u.m != nil && u.m.kind == mOrg {
			id = c.d.capitalActor(c.x.lex, u.m.ent.country)
		}
		if id == "" {
			continue
		}
		if u.i >= end {
			return id
		}
		if best == "" {
			best = id
		}
	}
	return best
}

// actorCountry is the country code of an actor ID.
func (d *document) actorCountry(id string) string {
	if a := d.actors.get(id); a != nil {
		return a.Country
	}
	return ""
}

// capitalActor adds the capital of a country as a place and returns it.
func (d *document) capitalActor(lx *lexicon, code string) string {
	e, ok := lx.capitals[code]
	if !ok {
		return ""
	}
	d.actors.add(e, len(d.sents))
	return e.id
}
