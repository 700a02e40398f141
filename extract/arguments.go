package extract

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// arguments finds who, whom, where and when for the trigger at tokens
// [t, end) and whether the text asserts it.
func (c *sentCtx) arguments(r *rule, t, end int) (candidate, bool) {
	cand := candidate{rule: r, sent: c.si, t: t, tEnd: end, code: r.code}
	cs, ce := c.clauseStart(t), c.clauseEnd(end-1)
	passive := !r.noun && c.isPassive(t)
	if r.passiveOnly && !passive {
		return cand, false
	}
	if r.actorObject && !passive && c.unitStartingAt(end, end+1) < 0 && !c.pronounObject(end) {
		return cand, false // "called for", "received aid"
	}
	if r.phone && c.clauseHas(cs, ce, "phone", "telephone", "video", "videoconference") {
		cand.code = "041"
	}

	var subj, obj, agent, between []string
	var objPlace *unit
	// strict: the subject came from the tree alone, so the window
	// heuristics for the object are held to the tree too.
	strict := false
	if r.noun {
		subj = c.nounParties(t, cs)
	} else if subj = c.subject(t, cs); len(subj) == 0 {
		subj, strict = c.treeSubject(t)
	}
	obj, objPlace = c.object(r, t, end, ce, strict)
	if !r.noun && len(obj) == 0 {
		obj, _ = c.treeObject(r, t)
	}
	between = c.betweenParties(end, ce)
	if passive && !r.noun {
		agent = c.treeAgent(t)
	}
	if len(agent) == 0 && (passive || r.noun) {
		agent = c.byAgent(end, ce)
	}
	switch {
	case passive && len(agent) > 0:
		cand.source, cand.target = agent, subj
	case passive:
		cand.target = subj
		if strings.HasPrefix(r.code, "17") {
			// "have been detained in China": held by the country they are in.
			if id := c.locationCountry(end, ce); id != "" {
				cand.source = []string{id}
			}
		}
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
	cand.definite = r.noun && c.definite(t)
	if r.noun && len(cand.source)+len(cand.target) == 0 && cand.definite {
		// "The summit opened on Wednesday evening", "the talks in
		// Istanbul": the happening named before, with its parties.
		if p := c.priorOfClass(cand.code); p != nil && c.subjectAmong(t, cs, p) {
			cand.source = append([]string(nil), p.source...)
			cand.target = append([]string(nil), p.target...)
		}
	}
	if r.frame == frameVisit && objPlace == nil {
		// "visited Riyadh": the capital is both the destination's country
		// and the place.
		if n := c.unitStartingAt(end, end+2); n >= 0 && c.units[n].place != "" {
			objPlace = &c.units[n]
		}
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
	if r.needPlace && objPlace == nil && !c.countryObject(cand.target) {
		return cand, false
	}
	if r.frame == frameMeet && len(cand.target) == 0 && len(cand.source) >= 2 {
		cand.source, cand.target = cand.source[:1], cand.source[1:]
	}
	if len(cand.target) == 0 && len(cand.source) > 0 {
		switch {
		case r.counterpart:
			// "Moscow recalled its ambassador": from the other side.
			if id := c.d.counterpart(c.x.lex, cand.source); id != "" {
				cand.target = []string{id}
			}
		case intentRoots[r.code[:2]]:
			// "Trump said Kim had promised not to resume tests": a promise,
			// appeal or refusal made to the one who reports it.
			if id := c.reporter(t); id != "" && !contains(cand.source, id) {
				cand.target = []string{id}
			}
		}
	}
	if r.frame == frameVisit && len(cand.target) == 0 && len(cand.source) > 0 {
		// "at the close of a two-day visit": a visit with no destination in a
		// story datelined abroad is a visit to the dateline's country.
		if dc := c.d.datelineCountry; dc != "" && c.d.actorCountry(cand.source[0]) != dc {
			cand.target = []string{c.d.countryActor(c.x.lex, dc)}
		}
	}
	cand.source = removeAll(cand.source, cand.target)
	if len(cand.target) == 0 && (strings.HasPrefix(r.code, "18") || strings.HasPrefix(r.code, "19")) && r.noTarget == "" {
		// "struck what it called terrorist camps in Pakistan".
		if id := c.locationCountry(end, ce); id != "" && !contains(cand.source, id) && !contains(c.d.countrySet(cand.source), c.d.actorCountry(id)) {
			cand.target = []string{id}
		}
	}
	if len(cand.target) == 0 && len(cand.source) >= 2 && c.reciprocal(cs, ce) {
		// "the two sides traded strikes on each other".
		cand.source, cand.target = cand.source[:1], cand.source[1:]
	}
	if len(cand.target) == 0 && r.noTarget != "" {
		cand.code = r.noTarget
	}
	if len(cand.source) == 0 && len(cand.target) == 0 {
		return cand, false
	}
	if len(cand.source) == 0 && !(strings.HasPrefix(cand.code, "18") && c.personTarget(cand.target)) && !(strings.HasPrefix(cand.code, "19") && !r.noun) {
		return cand, false
	}
	if r.needIn && c.locationCountry(end, ce) == "" {
		return cand, false
	}
	// An act with no one acted upon is an edge to nowhere; only a show of
	// force stands alone.
	if len(cand.target) == 0 && !strings.HasPrefix(cand.code, "15") {
		return cand, false
	}
	if r.frame == frameMeet && len(cand.source)+len(cand.target) < 2 {
		return cand, false
	}
	if cand.place == "" {
		cand.place = c.place(r, t, end, cs, ce)
	}
	future := c.modality(&cand, r, t, cs)
	if !cand.negated && !cand.hypoth && !r.announced && !r.noun && c.treeHypothetical(t) {
		// "would be glad to welcome Modi": a modal over the verb that
		// governs the trigger leaves it unasserted.
		cand.hypoth, future = true, true
	}
	if cand.refused && intentRoots[r.code[:2]] && r.code[:2] == "03" {
		// "Washington could not agree to that", "failed to agree on
		// penalties": a refusal is itself an act, CAMEO 12 reject.
		cand.code, cand.negated, cand.hypoth = "120", false, false
		if len(cand.target) == 0 || sameSet(c.d.countrySet(cand.target), c.d.countrySet(cand.source)) {
			// Not the one who reports the refusal: the other side.
			cand.target = nil
			if id := c.d.counterpart(c.x.lex, cand.source); id != "" {
				cand.target = []string{id}
			}
		}
	}
	c.announcedRule = r.announced
	cand.date = c.date(t, end, cs, ce, future, r.noun)
	if cand.date != "" {
		cand.dateSource = schema.DateStated
	}
	cand.perfect = !r.noun && c.treePerfect(t)
	if cand.date == "" && cand.place != "" && !cand.hypoth {
		// "In Riyadh, Moscow and Washington agreed": the occasion named by
		// its place a sentence or two before ("last week's talks in
		// Riyadh") gives the date.
		for n := len(c.prior) - 1; n >= 0; n-- {
			p := c.prior[n]
			if p.sent < c.si-2 {
				break
			}
			if p.place == cand.place && p.date != "" && !p.negated && !p.hypoth {
				cand.date, cand.dateSource = p.date, schema.DateAnchored
				break
			}
		}
	}
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
			// "Seoul said it would withdraw", "Nicaragua said on Saturday
			// that it was severing": the one who said it.
			if rv := c.reportingVerbBefore(k); rv >= 0 {
				if ids := c.subject(rv, c.clauseStart(rv)); len(ids) == 1 && strings.HasPrefix(ids[0], "person/") == (w == "he" || w == "she") {
					return ids
				}
			}
			if id := c.mainSubjectBefore(k); id != "" && strings.HasPrefix(id, "person/") == (w == "he" || w == "she") {
				return []string{id} // "Putin ..., when he met Trump"
			}
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
			// A list is judged by its first member: in "objection to
			// Finland and Sweden", Sweden is in the phrase too.
			if first, _ := c.group(n); first != n {
				u = c.units[first]
			}
			if p, k := c.prepBefore(u.i, cs); p != "" {
				// "Militants in the Gaza Strip fired": people from a place.
				fromPlace := (p == "in" || p == "from") && u.place != "" && k > 0 && peopleNouns[c.word(k-1)]
				if !(p == "of" && c.afterPeopleNoun(u.i)) && !fromPlace {
					continue
				}
			} else if u.place != "" && !u.capital {
				continue
			}
			if c.afterVerb(u.i) {
				continue
			}
			if c.modifierUnit(n) {
				continue
			}
			first, last := c.group(n)
			return c.groupActors(first, last, true)
		}
	}
	return nil
}

// modifierUnit: "Iran-aligned" in "Iran-aligned Houthi rebels" modifies
// the actor after it; "Saudi-led coalition", with no actor after, stays.
func (c *sentCtx) modifierUnit(n int) bool {
	u := c.units[n]
	if c.word(u.j) != "-" || u.j+1 >= len(c.s.tokens) || isCapitalized(c.s.tokens[u.j+1].text) {
		return false
	}
	return n+1 < len(c.units) && c.units[n+1].i <= u.j+3 || !c.subjectPosition(u.i)
}

// subjectPosition: nothing but determiners and adjectives before token i
// back to the clause start or a comma: "Saudi-led coalition has fought"
// (the coalition acts), not "discussed the Kenyan-led mission".
func (c *sentCtx) subjectPosition(i int) bool {
	for k := i - 1; k >= 0; k-- {
		t := c.s.tokens[k]
		switch {
		case t.tag == "DT" || t.tag == "JJ" || t.tag == "CD":
			continue
		case t.text == "," || t.lower == "and" || clauseStarters[t.lower]:
			return true
		default:
			return false
		}
	}
	return true
}

// reportingVerbBefore finds a reporting verb governing the clause that
// starts at k ("said on Saturday that it"), or -1.
func (c *sentCtx) reportingVerbBefore(k int) int {
	for n := k - 1; n >= 0 && n >= k-6; n-- {
		w := c.word(n)
		if reportingVerbs[w] {
			return n
		}
		if w == "that" || c.isTimexAt(n) || c.s.tokens[n].tag == "IN" || c.s.tokens[n].tag == "NNP" || c.s.tokens[n].tag == "RB" || c.s.tokens[n].tag == "JJ" || c.s.tokens[n].tag == "NN" {
			continue
		}
		return -1
	}
	return -1
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
	if k >= 0 && (c.word(k) == "their" || c.word(k) == "both") {
		// "their first summit": the group the clause is about.
		if ids := c.subject(t, cs); len(ids) >= 2 {
			return ids
		}
		if ids := c.groupAfter(t); len(ids) >= 2 {
			return ids
		}
	}
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
	// Light verbs: "held talks", "made a state visit", "had a call". The
	// phrase may open the clause ("after talks in Beijing"), so look one
	// word before the clause too.
	for k := t - 1; k >= cs-1 && k >= 0 && k >= t-6; k-- {
		if k < cs && !clauseStarters[c.word(k)] && c.word(k) != "during" && c.word(k) != "following" {
			break
		}
		switch strings.TrimSuffix(c.word(k), "ing") {
		case "held", "hold", "had", "have", "made", "make", "conduct", "conducted", "began", "begin",
			"open", "opened", "resume", "resumed", "spent", "spend", "join", "joined", "paid", "pay",
			"start", "started", "launch", "launched", "wrap", "wrapped", "end", "ended", "hosted", "host",
			"staged", "stage", "carried", "carry", "responded", "respond", "retaliated", "placed",
			"placing", "complete", "completed", "concluded", "attended", "attend":
			return c.subject(k, cs)
		}
		if (c.word(k) == "in" || c.word(k) == "after" || c.word(k) == "at" || c.word(k) == "with") && k <= 1 {
			// "In a phone call on Wednesday, Jaishankar told Wang Yi ...",
			// "After talks in Abu Dhabi, the two leaders ...": the main
			// clause's subject and its object.
			if ids := c.mainParties(t); len(ids) > 0 {
				return ids
			}
		}
		if c.word(k) == "in" && k > cs {
			// "took control of the region in a one-day offensive".
			return c.subject(k, cs)
		}
		if (c.word(k) == "after" || c.word(k) == "following") && k > 1 {
			// "The agreement was announced ... by the three countries after
			// talks in Beijing": the parties of the clause it follows.
			if ids := c.subject(k, c.clauseStart(k)); len(ids) >= 2 {
				return ids
			}
			if ids := c.byAgent(c.clauseStart(k), k); len(ids) >= 2 {
				return ids
			}
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

// mainParties is the main clause's subject after an opening phrase, and
// its direct object when that is an actor.
func (c *sentCtx) mainParties(t int) []string {
	subj := c.mainActorAfter(t)
	if len(subj) == 0 {
		return nil
	}
	for n, u := range c.units {
		if u.i <= t || contains(subj, c.unitActors(u, true)[0]) {
			continue
		}
		if c.afterVerb(u.i) {
			first, last := c.group(n)
			return append(subj, c.groupActors(first, last, true)...)
		}
	}
	return subj
}

// groupAfter is the first group of two or more actors after t that is
// not in a prepositional phrase ("At their first summit, ..., the two
// leaders signed").
func (c *sentCtx) groupAfter(t int) []string {
	for n, u := range c.units {
		if u.i <= t {
			continue
		}
		if p, _ := c.prepBefore(u.i, t); p != "" {
			continue
		}
		first, last := c.group(n)
		if ids := c.groupActors(first, last, true); len(ids) >= 2 {
			return ids
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
var targetPreps = setOf("with", "against", "toward", "towards", "into")

// object finds the target after the trigger: a direct object or a phrase
// with one of the rule's prepositions. Places after "in"/"at" are places,
// not targets, except for visits and annexations, which return them.
func (c *sentCtx) object(r *rule, t, end, ce int, strict bool) ([]string, *unit) {
	var place *unit
	for n := 0; n < len(c.units); n++ {
		u := c.units[n]
		if u.i < end || u.i >= ce {
			continue
		}
		if strict && !c.treeAllowsArgument(t, u) {
			continue // the tree puts it in another phrase: "spoke to reporters on a tour of Kenya"
		}
		if first, last := c.group(n); first == n && last > n {
			// A list is judged by its first member: "firms in China,
			// Turkey and the UAE" is all in the phrase.
			if p, _ := c.prepBefore(u.i, end); p != "" && !contains(r.preps, p) && !targetPreps[p] {
				n = last
				continue
			}
		}
		if r.counterpart && strings.HasPrefix(c.unitActors(u, true)[0], "person/") {
			continue // "recalled its ambassador, Anatoly Antonov": the envoy
		}
		p, _ := c.prepBefore(u.i, end)
		if p == "" && c.word(u.i-1) == "and" {
			// "into the sea between the Korean Peninsula and Japan": the
			// second conjunct is in the first one's phrase.
			if m := c.unitEndingAt(u.i - 1); m >= 0 {
				p, _ = c.prepBefore(c.units[m].i, end)
			}
		}
		if r.counterpart && p != "" && !contains(r.preps, p) {
			continue // "a complaint filed with the WTO" is not the target
		}
		if r.noun && p == "" && !u.capital {
			continue // a noun takes no direct object: "their summit, ..., the two leaders signed"
		}
		isPlace := u.place != "" && !(u.capital && p == "")
		if c.modifierUnit(n) {
			continue
		}
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
			if p == "" && u.poss && !possessiveTarget[r.code[:2]] {
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
	if ids := c.anaphoricObject(end, ce); len(ids) > 0 {
		return ids, place
	}
	if c.pronounObject(end) {
		if id := c.lastPerson(end); id != "" {
			return []string{id}, place
		}
	}
	if id := c.possessiveObject(end, ce); id != "" && !r.counterpart {
		return []string{id}, place // not "recalled its ambassador": its own envoy
	}
	if ids := c.nominalAgent(end, ce); len(ids) > 0 {
		return ids, place // "welcomed the decision by the Qatari leadership"
	}
	if r.lemma == "welcome" {
		return nil, place // "welcomed the deal": whose deal is not said
	}
	if ids := c.eventObject(end, ce); len(ids) > 0 {
		return ids, place
	}
	return nil, place
}

// nominalAgent reads "the decision by X", "the move by X" right after the
// trigger: the act's author is what is aimed at.
func (c *sentCtx) nominalAgent(end, ce int) []string {
	k := end
	for k < ce && k < end+4 && c.word(k) != "by" {
		if !(c.s.tokens[k].tag == "DT" || c.s.tokens[k].tag == "JJ" || strings.HasPrefix(c.s.tokens[k].tag, "NN")) {
			return nil
		}
		k++
	}
	if c.word(k) != "by" || k == end {
		return nil
	}
	if n := c.unitStartingAt(k+1, k+4); n >= 0 {
		first, last := c.group(n)
		return c.groupActors(first, last, true)
	}
	return nil
}

// possessiveTarget: for praise, demands and criticism, the owner of the
// thing criticised is the target ("condemned Russia's air strikes").
var possessiveTarget = setOf("05", "10", "11", "12", "13", "14")

// eventNouns name earlier events as objects ("criticized the
// conversation", "denounced the raid", "rejected the accusation"), by
// the CAMEO roots they can refer to.
var eventNouns = map[string][]string{
	"conversation": {"04"}, "call": {"04"}, "meeting": {"04"}, "talks": {"04"}, "summit": {"04"},
	"visit": {"04"}, "trip": {"04"}, "deal": {"03", "05"}, "agreement": {"03", "05"},
	"accord": {"03", "05"}, "treaty": {"05"}, "pact": {"05", "03"}, "raid": {"17", "18", "19"},
	"attack": {"18", "19"}, "attacks": {"18", "19"}, "strike": {"19"}, "strikes": {"19"},
	"invasion": {"19"}, "offensive": {"19"}, "incursion": {"19"}, "bombing": {"18", "19"},
	"shelling": {"19"}, "assault": {"18", "19"}, "test": {"15"}, "launch": {"15"}, "drills": {"15"},
	"exercises": {"15"}, "accusation": {"11"}, "accusations": {"11"}, "allegation": {"11"},
	"allegations": {"11"}, "remarks": {"11", "01"}, "remark": {"11", "01"}, "criticism": {"11"},
	"sanctions": {"16", "17"}, "measures": {"16", "17"}, "expulsion": {"16", "17"},
	"expulsions": {"16", "17"}, "arrest": {"17"}, "detention": {"17"}, "decision": {""},
	"move": {""}, "threat": {"13"}, "threats": {"13"}, "demand": {"10"}, "demands": {"10"},
	"veto": {"12"}, "deployment": {"15", "07"}, "killing": {"18"}, "poisoning": {"18"},
}

// eventObject resolves an event noun object to the source of the latest
// event it can name: in "Zelensky criticized the conversation" the target
// is the one who held it.
func (c *sentCtx) eventObject(end, ce int) []string {
	for k := end; k < ce && k < end+4; k++ {
		w := c.word(k)
		roots, ok := eventNouns[w]
		if !ok {
			if c.s.tokens[k].tag == "DT" || c.s.tokens[k].tag == "JJ" || c.s.tokens[k].tag == "PRP$" {
				continue
			}
			return nil
		}
		for n := len(c.prior) - 1; n >= 0; n-- {
			p := c.prior[n]
			if p.negated || p.hypoth || !rootIn(p.code, roots) {
				continue
			}
			return p.source
		}
		return nil
	}
	return nil
}

func rootIn(code string, roots []string) bool {
	for _, r := range roots {
		if r == "" || strings.HasPrefix(code, r) {
			return true
		}
	}
	return false
}

// lastPerson is the latest person mentioned before token end, in this
// sentence or the previous ones, who is not the clause's subject.
func (c *sentCtx) lastPerson(end int) string {
	subj := c.subject(end-1, c.clauseStart(end-1))
	for si := c.si; si >= 0 && si >= c.si-2; si-- {
		ms := c.d.mentions[si]
		for n := len(ms) - 1; n >= 0; n-- {
			m := ms[n]
			if si == c.si && m.i >= end || m.kind != mPerson || m.actor == "" || contains(subj, m.actor) {
				continue
			}
			return m.actor
		}
	}
	return ""
}

// anaphoricObject resolves "invaded the country", "pressed the bloc":
// the latest country (or inter-governmental body) named before that is
// not the subject.
func (c *sentCtx) anaphoricObject(end, ce int) []string {
	k := end
	for k < ce && k < end+3 && (c.s.tokens[k].tag == "RB" || c.word(k) == "to") {
		k++
	}
	if c.word(k) != "the" {
		return nil
	}
	noun := c.word(k + 1)
	var want func(*mention) bool
	switch noun {
	case "country", "nation", "kingdom", "republic":
		want = func(m *mention) bool { return m.kind == mCountry || m.kind == mDemonym }
	case "bloc", "alliance", "union", "organization", "organisation", "council":
		want = func(m *mention) bool { return m.kind == mOrg && m.ent.country == "IGO" }
	default:
		return nil
	}
	subj := c.subject(end-1, c.clauseStart(end-1))
	for si := c.si; si >= 0 && si >= c.si-2; si-- {
		ms := c.d.mentions[si]
		for n := len(ms) - 1; n >= 0; n-- {
			m := ms[n]
			if si == c.si && m.i >= k || !want(m) || m.actor == "" {
				continue
			}
			id := m.actor
			if m.kind == mDemonym {
				id = "country/" + m.ent.country
			}
			if contains(subj, id) || c.d.actorCountry(id) != "" && contains(c.d.countrySet(subj), c.d.actorCountry(id)) {
				continue
			}
			return []string{id}
		}
	}
	return nil
}

// possessiveObject reads "stormed its embassy", "expelled their
// diplomats": the possessive refers to the sentence's main actor.
func (c *sentCtx) possessiveObject(end, ce int) string {
	for k := end; k < ce && k < end+3; k++ {
		switch c.word(k) {
		case "its", "their":
			if id := c.mainSubject(); id != "" && !strings.HasPrefix(id, "person/") {
				return id
			}
			return ""
		case "the", "a", "an":
			continue
		}
		if c.s.tokens[k].tag != "RB" && c.s.tokens[k].tag != "JJ" {
			return ""
		}
	}
	return ""
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
	from := end
	if n := c.unitStartingAt(end+1, end+2); n >= 0 && (c.word(end) == "in" || c.word(end) == "at") && c.units[n].place != "" {
		from = c.units[n].j // "talks in Madrid between A and B"
	}
	for k := from; k < ce && k < from+2; k++ {
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
	limit := end + 3
	if ce-end > 3 && ce < len(c.s.tokens) && (c.word(ce) == "after" || c.word(ce) == "following") {
		limit = ce // the whole clause before "after talks"
	}
	for k := end; k < ce && k < limit; k++ {
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
func (c *sentCtx) place(r *rule, t, end, cs, ce int) string {
	best := ""
	for _, u := range c.units {
		if u.i < cs && !(u.i <= 2 && c.word(0) == "in") || u.i >= ce || u.i > t && c.triggerBetween(t, u.i) || u.i < t && c.triggerBefore(u.i, cs) && !(u.i < c.openingEnd() && t > c.openingEnd()) {
			continue
		}
		p, _ := c.prepBefore(u.i, max(cs-1, 0))
		if p != "in" && p != "at" && !(p == "on" && u.place != "") && !(p == "into" && (strings.HasPrefix(r.code, "18") || strings.HasPrefix(r.code, "19"))) {
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
	if best == "" && cs > 1 && c.word(cs-1) == "where" && c.word(cs-2) == "," {
		// "in Yemen, where a Saudi-led coalition has fought": the place the
		// relative clause hangs on.
		if n := c.unitEndingAt(cs - 2); n >= 0 {
			u := c.units[n]
			if u.place != "" {
				return u.place
			}
			if u.m != nil && u.m.kind == mCountry {
				return u.m.actor
			}
		}
	}
	return best
}

// triggerBefore: another trigger stands in the clause before token k, so
// a phrase at k belongs to it ("the talks in Istanbul followed an
// understanding reached during Trump's call": Istanbul is the talks').
func (c *sentCtx) triggerBefore(k, cs int) bool {
	for _, o := range c.triggers {
		if o >= cs && o < k {
			return true
		}
	}
	return false
}

// locationCountry is the country of the first "in X" place or country in
// [end, ce).
func (c *sentCtx) locationCountry(end, ce int) string {
	for _, u := range c.units {
		if u.i < end || u.i >= ce {
			continue
		}
		if p, _ := c.prepBefore(u.i, end); p != "in" && p != "inside" {
			continue
		}
		if u.m == nil || u.m.ent.country == "" || u.m.ent.country == "IGO" {
			continue
		}
		if u.m.kind == mCountry || u.m.kind == mPlace {
			return c.d.countryActor(c.x.lex, u.m.ent.country)
		}
	}
	return ""
}

// reciprocal: "each other", "one another", "traded", "exchanged".
func (c *sentCtx) reciprocal(cs, ce int) bool {
	for k := cs; k < ce; k++ {
		w := c.word(k)
		if (w == "each" || w == "one") && (c.word(k+1) == "other" || c.word(k+1) == "another") || w == "traded" || w == "exchanged" || w == "trade" {
			return true
		}
	}
	return false
}

// pronounObject: "shoved him", "accusing her".
func (c *sentCtx) pronounObject(end int) bool {
	w := c.word(end)
	return w == "him" || w == "her"
}

// personTarget: an assault's victim is named ("the killing of Alexander
// Litvinenko"): the event stands even when the attacker is unknown.
func (c *sentCtx) personTarget(ids []string) bool {
	for _, id := range ids {
		if strings.HasPrefix(id, "person/") {
			return true
		}
	}
	return false
}

// definite: the nominal trigger is introduced as known ("the talks",
// "this meeting", "Thursday's talks", "last week's summit").
func (c *sentCtx) definite(t int) bool {
	for k := t - 1; k >= 0 && k >= t-4; k-- {
		w := c.word(k)
		switch {
		case w == "the" || w == "this" || w == "that" || w == "these" || w == "those":
			return true
		case w == "'s" && k > 0 && (weekdayNames[c.word(k-1)] > 0 || c.word(k-1) == "sunday" || c.word(k-1) == "week" || c.word(k-1) == "month"):
			return true
		case c.s.tokens[k].tag == "JJ" || c.s.tokens[k].tag == "NN" || c.s.tokens[k].tag == "NNP" || w == "-":
			continue
		default:
			return false
		}
	}
	return false
}

// subjectAmong: the clause has no actor subject, or it is one of the
// earlier event's parties ("Putin is skipping the summit" is not about
// the summit's parties).
func (c *sentCtx) subjectAmong(t, cs int, p *candidate) bool {
	parties := append(append([]string{}, p.source...), p.target...)
	countries := c.d.countrySet(parties)
	for _, id := range c.subject(t, cs) {
		if !contains(parties, id) && !contains(countries, c.d.actorCountry(id)) {
			return false
		}
	}
	return true
}

// priorOfClass is the latest earlier event of the same kind.
func (c *sentCtx) priorOfClass(code string) *candidate {
	for n := len(c.prior) - 1; n >= 0; n-- {
		if mergeClass(c.prior[n].code) == mergeClass(code) && !c.prior[n].negated && !c.prior[n].hypoth {
			return &c.prior[n]
		}
	}
	return nil
}

// clauseHas reports whether any of words stands in tokens [cs, ce).
func (c *sentCtx) clauseHas(cs, ce int, words ...string) bool {
	for k := cs; k < ce; k++ {
		if containsWord(words, c.word(k)) {
			return true
		}
	}
	return false
}

// intentRoots are codes whose target is often the interlocutor left
// unsaid: promises and refusals.
var intentRoots = setOf("03", "12")

// countryObject: the target is a country (for "reached Vietnam").
func (c *sentCtx) countryObject(ids []string) bool {
	for _, id := range ids {
		if strings.HasPrefix(id, "country/") {
			return true
		}
	}
	return false
}

// reporter is the subject of the reporting verb the trigger's clause
// depends on: Trump in "Trump said Kim had promised".
func (c *sentCtx) reporter(t int) string {
	for k := t - 1; k > 0; k-- {
		if reportingVerbs[c.word(k)] || c.word(k) == "told" {
			if ids := c.subject(k, c.clauseStart(k)); len(ids) == 1 {
				return ids[0]
			}
			return ""
		}
	}
	return ""
}

// counterpart is the country most mentioned in the article other than the
// source's: the other side of a bilateral story.
func (d *document) counterpart(lx *lexicon, source []string) string {
	own := map[string]bool{}
	for _, id := range source {
		own[d.actorCountry(id)] = true
	}
	counts := map[string]int{}
	for _, ms := range d.mentions {
		for _, m := range ms {
			if m.best() && m.ent.country != "" && !own[m.ent.country] && m.ent.country != "IGO" {
				counts[m.ent.country]++
			}
		}
	}
	best, n := "", 0
	for c, k := range counts {
		if k > n || k == n && c < best {
			best, n = c, k
		}
	}
	if best == "" {
		return ""
	}
	return d.countryActor(lx, best)
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
