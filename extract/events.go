package extract

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// candidate is an event before it becomes a schema.Event.
type candidate struct {
	rule           *rule
	sent           int
	t, tEnd        int // trigger tokens
	source, target []string
	place          string
	date           string
	// dateSource says where date came from (schema.DateStated, ...).
	dateSource string
	// perfect: the verb is in a perfect tense ("has imposed", "had
	// attacked"), a background event before the story.
	perfect         bool
	negated, hypoth bool
	// code overrides the rule's code ("spoke ... by telephone" is 041).
	code string
	// definite: a nominal trigger introduced as known ("the talks").
	definite bool
	// refused: the text says the actor would not or could not do it
	// ("refused to sign", "could not agree", "failed to agree").
	refused bool
	// also are later mentions of the same happening merged into this one.
	also []candidate
}

// findEvents codes the events of every body sentence.
func (x *Extractor) findEvents(d *document) []schema.Event {
	var cands []candidate
	var subjects []string // main subject per sentence, for pronouns
	var pairs []pair      // coordinated groups so far, for "the two leaders"
	for si := range d.sents {
		s := &d.sents[si]
		if s.headline {
			subjects = append(subjects, "")
			continue
		}
		units := d.buildUnits(si)
		timexes := findTimexes(s, d.published, d.hasPublished)
		ctx := &sentCtx{d: d, x: x, si: si, s: s, units: units, timexes: timexes, prevSubjects: subjects, prior: cands}
		pairs = append(pairs, ctx.coordinatedGroups()...)
		ctx.units = append(ctx.units, d.groupUnits(si, pairs, cands)...)
		sortUnits(ctx.units)
		subjects = append(subjects, ctx.mainSubject())
		type hit struct {
			k        int
			readings []reading
		}
		var hits []hit
		for k := 0; k < len(s.tokens); k++ {
			if rs := x.matchTrigger(s, k); len(rs) > 0 {
				hits = append(hits, hit{k, rs})
				// An infinitive is part of the verb phrase before it ("signed
				// agreements to establish relations ... on Tuesday"): it does
				// not take the phrases that follow from that verb.
				if k == 0 || s.tokens[k-1].lower != "to" {
					ctx.triggers = append(ctx.triggers, k)
				}
				k = rs[0].end - 1
			}
		}
		for _, h := range hits {
			for _, rd := range h.readings {
				if c, ok := ctx.arguments(rd.rule, h.k, rd.end); ok {
					cands = append(cands, c)
					break
				}
			}
		}
	}
	d.leadPlace(cands)
	cands = mergeCandidates(d, cands)
	d.storyDates(cands)
	return d.toEvents(cands)
}

// statementCodes maps reporting verbs to CAMEO statement codes.
var statementCodes = map[string]string{
	"said": "010", "says": "010", "say": "010", "told": "010", "tells": "010", "announced": "010",
	"announces": "010", "stated": "010", "added": "010", "noted": "010", "insisted": "010",
	"stressed": "010", "confirmed": "010", "claimed": "010", "declared": "010", "wrote": "010",
	"tweeted": "010", "posted": "010", "denied": "016", "denies": "016", "acknowledged": "015",
	"admitted": "015", "regretted": "012", "welcomed": "018",
}

// findStatements codes who said something: CAMEO 010-019, kept apart from
// the events. "X told Y" aims the statement at Y.
func (x *Extractor) findStatements(d *document) []schema.Event {
	var cands []candidate
	var subjects []string
	for si := range d.sents {
		s := &d.sents[si]
		if s.headline {
			subjects = append(subjects, "")
			continue
		}
		ctx := &sentCtx{d: d, x: x, si: si, s: s, units: d.buildUnits(si), prevSubjects: subjects}
		subjects = append(subjects, ctx.mainSubject())
		for k, t := range s.tokens {
			code, ok := statementCodes[t.lower]
			if !ok || !strings.HasPrefix(t.tag, "VB") {
				continue
			}
			cs := ctx.clauseStart(k)
			src := ctx.subject(k, cs)
			if len(src) == 0 {
				continue
			}
			c := candidate{rule: &statementRule, sent: si, t: k, tEnd: k + 1, code: code, source: src}
			if t.lower == "told" || t.lower == "tells" {
				if n := ctx.unitStartingAt(k+1, k+1); n >= 0 {
					c.target = ctx.unitActors(ctx.units[n], true)
				}
			}
			c.negated = negWords[ctx.word(k-1)]
			cands = append(cands, c)
		}
	}
	return d.toEvents(cands)
}

// statementRule is the rule every statement records.
var statementRule = rule{id: "010.say", lemma: "say", code: "010"}

// leadPlace gives the dateline's place to the article's lead event when
// the lead sentence names none: "MADRID — Turkey dropped its objection
// ..." happened in Madrid. So does an event the text places "here".
func (d *document) leadPlace(cands []candidate) {
	if d.dateline == nil {
		return
	}
	lead := -1
	for si, s := range d.sents {
		if !s.headline {
			lead = si
			break
		}
	}
	for n := range cands {
		c := &cands[n]
		if c.place != "" || c.negated || c.hypoth {
			continue
		}
		if c.sent == lead || d.saysHere(c.sent) {
			c.place = d.dateline.id
		}
	}
}

// saysHere: the sentence places its event at the dateline ("talks here").
func (d *document) saysHere(si int) bool {
	for _, t := range d.sents[si].tokens {
		if t.lower == "here" {
			return true
		}
	}
	return false
}

// sentCtx is what argument finding reads for one sentence.
type sentCtx struct {
	d            *document
	x            *Extractor
	si           int
	s            *sentence
	units        []unit
	timexes      []timex
	prevSubjects []string
	triggers     []int // token index of every trigger in the sentence
	// prior are the events coded before this sentence, for "the
	// conversation", "the raid".
	prior []candidate
	// announcedRule is set while dating a rule whose announcement is the
	// act (expulsions, sanctions).
	announcedRule bool
}

// triggerBetween reports whether another trigger stands between the
// trigger at t and token k, so a phrase at k belongs to that one.
func (c *sentCtx) triggerBetween(t, k int) bool {
	for _, o := range c.triggers {
		if o != t && (t < o && o < k || k < o && o < t) {
			return true
		}
	}
	return false
}

// reading is one rule a trigger word may fire, with where the trigger
// ends (after a particle or a required object).
type reading struct {
	rule *rule
	end  int
}

// matchTrigger returns the rules the word at k may fire, most specific
// first; argument finding tries them in turn ("welcomed Ruto" hosts,
// "welcomed the decision" praises).
func (x *Extractor) matchTrigger(s *sentence, k int) []reading {
	t := s.tokens[k]
	rules := x.triggers[t.lower]
	if len(rules) == 0 {
		return nil
	}
	isNoun := strings.HasPrefix(t.tag, "NN") || t.tag == "JJ" && nominalInTree(s, k)
	isVerb := strings.HasPrefix(t.tag, "VB") || t.tag == "JJ" && strings.HasSuffix(t.lower, "ed")
	var out, fallback []reading
	for _, r := range rules {
		end := k + 1
		if r.prt != "" {
			switch {
			case k+1 < len(s.tokens) && s.tokens[k+1].lower == r.prt:
				end = k + 2
			case !r.noun && treeParticle(s, k, r.prt):
				// "called on Monday for Putin to face trial".
			default:
				continue
			}
		}
		if len(r.object) > 0 {
			e, ok := x.objectEnd(s, k, end, r)
			if !ok && !(!r.noun && treeObjectWord(s, k, r.object)) {
				continue
			}
			if ok {
				end = e
			}
		}
		if !r.noun && (isAttributive(s, k) || reducedRelative(s, k)) {
			continue
		}
		if len(r.after) > 0 && (k == 0 || !containsWord(r.after, s.tokens[k-1].lower)) {
			continue
		}
		switch {
		case r.noun && isNoun || !r.noun && isVerb:
			out = append(out, reading{r, end})
		case !r.noun && len(r.object) > 0:
			fallback = append(fallback, reading{r, end}) // a required object makes the reading safe
		}
	}
	if len(out) == 0 {
		return fallback
	}
	return out
}

// objectEnd finds a rule's required object word after the trigger (or
// before it, in a relative clause: "the restrictions it imposed") and
// extends the trigger over it when it is a trigger of the same root
// itself ("imposed sanctions", "adopted a package of sanctions").
func (x *Extractor) objectEnd(s *sentence, k, end int, r *rule) (int, bool) {
	win := r.window
	if win == 0 {
		win = 5
	}
	o := wordWithin(s, end, win, r.object)
	if o < 0 && (k >= 2 && containsWord(r.object, s.tokens[k-2].lower) || k >= 3 && containsWord(r.object, s.tokens[k-3].lower) && s.tokens[k-1].tag == "VBD") {
		o = k
	}
	if o < 0 {
		return 0, false
	}
	for n := end; n < len(s.tokens) && n <= o+3; n++ {
		for _, r2 := range x.triggers[s.tokens[n].lower] {
			if r2.noun && r2.code[:2] == r.code[:2] {
				end = n + 1
			}
		}
	}
	if x.triggers[s.tokens[o].lower] != nil && o+1 > end {
		end = o + 1
	}
	return end, true
}

// reducedRelative: a participle right after a noun with no "by" agent
// describes the noun ("businesses accused of helping"), it does not
// report its subject acting.
func reducedRelative(s *sentence, k int) bool {
	if k == 0 || s.tokens[k].tag != "VBN" {
		return false
	}
	if len(s.words) > 0 && (s.words[k].Head == 0 || hasSubject(s, k)) {
		// The tree makes it the clause's verb: "the two leaders agreed"
		// tagged as a participle is still their act.
		return false
	}
	prev := s.tokens[k-1]
	if !strings.HasPrefix(prev.tag, "NN") || strings.HasPrefix(prev.tag, "NNP") {
		return false
	}
	for n := k + 1; n < len(s.tokens) && n <= k+4; n++ {
		if s.tokens[n].lower == "by" {
			return false
		}
	}
	return true
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// wordWithin returns the index of the first of words within n tokens
// from from, or -1.
func wordWithin(s *sentence, from, n int, words []string) int {
	for k := from; k < len(s.tokens) && k < from+n; k++ {
		w := s.tokens[k].lower
		if w == "." || w == ";" {
			return -1
		}
		for _, o := range words {
			if w == o {
				return k
			}
		}
	}
	return -1
}

// isAttributive reports an adjectival participle: "the occupied West Bank", "the
// jailed opposition leader" describe, they do not report an act.
func isAttributive(s *sentence, k int) bool {
	if k == 0 || k+1 >= len(s.tokens) {
		return false
	}
	t := s.tokens[k]
	if t.tag != "VBN" && t.tag != "JJ" && !strings.HasSuffix(t.lower, "ed") {
		return false
	}
	p := s.tokens[k-1]
	next := s.tokens[k+1]
	return (p.tag == "DT" || p.tag == "PRP$" || p.lower == "'s") && (strings.HasPrefix(next.tag, "NN") || strings.HasPrefix(next.tag, "JJ"))
}

// clause boundary words: a new clause starts after them.
var clauseStarters = setOf("that", "after", "before", "when", "while", "because", "although", "though",
	"if", "unless", "whereas", "since", "until", "as", "where", "whether", "so")

func (c *sentCtx) word(k int) string {
	if k < 0 || k >= len(c.s.tokens) {
		return ""
	}
	return c.s.tokens[k].lower
}

// clauseStart finds where the clause containing token k starts.
func (c *sentCtx) clauseStart(k int) int {
	for i := k - 1; i >= 0; i-- {
		w := c.word(i)
		if w == ";" || w == ":" || w == "\"" && i < k-1 {
			return i + 1
		}
		if clauseStarters[w] && !(w == "since" && c.isTimexAt(i)) && !(w == "as" && !c.verbWithin(i+1, 3)) {
			return i + 1
		}
		if (w == "who" || w == "which") && i > 0 && c.word(i-1) == "," {
			return i - 1
		}
		if (w == "and" || w == "but") && i < k-1 && c.startsClause(i+1) && (i > 0 && c.word(i-1) == "," || c.unitEndingAt(i) < 0) {
			return i + 1 // "..., and Iranian President Raisi made a visit"
		}
	}
	return 0
}

// clauseEnd finds where the clause containing token k ends (exclusive).
func (c *sentCtx) clauseEnd(k int) int {
	for i := k + 1; i < len(c.s.tokens); i++ {
		w := c.word(i)
		switch {
		case w == ";" || w == "." || w == ":":
			return i
		case clauseStarters[w] && w != "as" && !(w == "since" && c.isTimexAt(i)) && w != "that":
			return i
		case w == "that" && i > k+1:
			return i
		case w == "," && (c.word(i+1) == "which" || c.word(i+1) == "who" || c.word(i+1) == "but" || c.word(i+1) == "while" || c.word(i+1) == "saying" || c.word(i+1) == "according"):
			return i
		case w == "but" || w == "and" && (c.startsClause(i+1) || c.finiteVerb(i+1)):
			return i
		}
	}
	return len(c.s.tokens)
}

// verbWithin: a finite verb stands within n tokens from k ("as they
// clashed"), so the word before k opens a clause, not a phrase ("as
// leaders").
func (c *sentCtx) verbWithin(k, n int) bool {
	for i := k; i < len(c.s.tokens) && i < k+n; i++ {
		switch c.s.tokens[i].tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// finiteVerb: a finite verb at k starts a coordinated verb phrase ("...
// drills around the island and suspended talks").
func (c *sentCtx) finiteVerb(k int) bool {
	for k < len(c.s.tokens) && c.s.tokens[k].tag == "RB" {
		k++
	}
	if k >= len(c.s.tokens) {
		return false
	}
	switch c.s.tokens[k].tag {
	case "VBD", "VBZ", "VBP":
		return true
	}
	return false
}

// startsClause: after "and", an actor followed by a verb starts a new
// clause ("... and Moscow recalled ...").
func (c *sentCtx) startsClause(k int) bool {
	for k < len(c.s.tokens) && (c.word(k) == "the" || c.word(k) == "a" || c.word(k) == "an") {
		k++
	}
	u := c.unitAt(k)
	if u == nil {
		return false
	}
	n := u.j
	for n < len(c.s.tokens) && (c.s.tokens[n].tag == "RB" || c.word(n) == "also") {
		n++
	}
	return n < len(c.s.tokens) && strings.HasPrefix(c.s.tokens[n].tag, "VB") && c.s.tokens[n].tag != "VBG"
}

func (c *sentCtx) isTimexAt(k int) bool {
	for _, tx := range c.timexes {
		if tx.i == k {
			return true
		}
	}
	return false
}

func (c *sentCtx) unitAt(k int) *unit {
	for n := range c.units {
		if c.units[n].i == k {
			return &c.units[n]
		}
	}
	return nil
}

// group collects the units coordinated with the one at index n ("Moscow
// and Washington", "the United States, France and Germany", "U.S.-Russian").
func (c *sentCtx) group(n int) (first, last int) {
	first, last = n, n
	for last+1 < len(c.units) && c.coordinated(c.units[last], c.units[last+1]) {
		last++
	}
	for first > 0 && c.coordinated(c.units[first-1], c.units[first]) {
		first--
	}
	return first, last
}

// coordinated: only "and", "or", a comma or a hyphen between two units.
// A comma joins only inside a list that ends in "and" ("the United States,
// France and Germany"), and never after an opening phrase ("In Riyadh,
// Moscow and Washington agreed").
func (c *sentCtx) coordinated(a, b unit) bool {
	if b.i < a.j {
		return false
	}
	gap := b.i - a.j
	if gap == 0 || gap > 2 {
		return false
	}
	comma := false
	for k := a.j; k < b.i; k++ {
		switch c.word(k) {
		case "and", "or", "-", "&":
		case ",":
			comma = true
		default:
			return false
		}
	}
	if comma && gap == 1 {
		if p, k := c.prepBefore(a.i, 0); p != "" && k == 0 {
			return false
		}
		if !c.listEndsWithAnd(b) {
			return false
		}
	}
	return !(a.place != "" && !a.capital) && !(b.place != "" && !b.capital)
}

// listEndsWithAnd: from unit b, the list continues by commas to an "and".
func (c *sentCtx) listEndsWithAnd(b unit) bool {
	for n := range c.units {
		u := c.units[n]
		if u.i < b.j {
			continue
		}
		w := c.word(u.i - 1)
		if u.i-b.j > 2 || w != "," && w != "and" && w != "or" {
			return false
		}
		if w == "and" || w == "or" || c.word(b.j) == "and" {
			return true
		}
		b = u
	}
	return c.word(b.j) == "and"
}

// coordinatedGroups lists the sentence's groups of two or more actors of
// one kind joined by "and".
func (c *sentCtx) coordinatedGroups() []pair {
	var out []pair
	for n := 0; n < len(c.units); n++ {
		first, last := c.group(n)
		n = last
		if first == last {
			continue
		}
		ids := c.groupActors(first, last, true)
		people := true
		for _, id := range ids {
			if !strings.HasPrefix(id, "person/") {
				people = false
			}
		}
		if !people {
			for _, id := range ids {
				if !strings.HasPrefix(id, "country/") {
					ids = nil
					break
				}
			}
		}
		if len(ids) >= 2 {
			out = append(out, pair{pos: c.s.tokens[c.units[last].j-1].end, people: people, ids: ids})
		}
	}
	return out
}

// groupActors returns the participants of units first..last.
func (c *sentCtx) groupActors(first, last int, asActor bool) []string {
	var ids []string
	for n := first; n <= last; n++ {
		for _, id := range c.unitActors(c.units[n], asActor) {
			ids = appendUnique(ids, id)
		}
	}
	return ids
}

// unitActors: as an actor, a capital or seat of government stands for its
// country's government ("Moscow said" is Russia).
func (c *sentCtx) unitActors(u unit, asActor bool) []string {
	if asActor && u.m != nil && u.m.kind == mPlace && u.m.ent.country != "" {
		// "Moscow said", "militants in the Gaza Strip fired": the place's
		// country acts.
		if id := c.d.countryActor(c.x.lex, u.m.ent.country); id != "" {
			return []string{id}
		}
	}
	return u.actors
}

func appendUnique(ids []string, id string) []string {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

// countryActor makes sure the country exists as an actor and returns its ID.
func (d *document) countryActor(lx *lexicon, code string) string {
	e, ok := lx.countries[code]
	if !ok {
		return ""
	}
	d.actors.add(e, len(d.sents))
	return e.id
}

// prepBefore returns the preposition governing the unit at token i: the
// nearest "in", "with", ... before it, skipping determiners, adjectives and
// numbers, or "" when the unit is not in a prepositional phrase.
func (c *sentCtx) prepBefore(i, limit int) (string, int) {
	for k := i - 1; k >= limit && k >= 0; k-- {
		t := c.s.tokens[k]
		switch {
		case t.lower == "of" && k == i-1 && k > 0 && placeNouns[c.word(k-1)]:
			continue // "the island of Bali", "the city of Ashdod"
		case complementizers[t.lower]:
			return "", -1 // "demanded that Washington stop": a clause, not a phrase
		case t.tag == "IN" || t.tag == "TO" || t.lower == "between" || t.lower == "into":
			return t.lower, k
		case t.tag == "DT" || t.tag == "JJ" || t.tag == "CD" || t.tag == "PRP$" || t.lower == "'s" || t.tag == "RB" || t.tag == "VBN" && k < i-1 || t.tag == "POS" || t.lower == "-":
			continue
		case strings.HasPrefix(t.tag, "NN") && k < i-1:
			// "the Indonesian island of Bali": keep looking through the noun.
			continue
		default:
			return "", -1
		}
	}
	return "", -1
}

// complementizers open a clause; prose tags some of them as prepositions.
var complementizers = setOf("that", "whether", "if", "because", "although", "though", "while",
	"whereas", "unless", "than", "so")

// placeNouns introduce a place name with "of".
var placeNouns = setOf("island", "city", "town", "village", "region", "province", "state", "capital",
	"port", "resort", "district", "enclave", "territory", "county", "oblast", "area", "coast")

// reportingVerbs take a clause, not an object: in "said Blinken would
// travel" Blinken is the subject of "travel".
var reportingVerbs = setOf("said", "says", "say", "saying", "believed", "believes", "thought", "think",
	"announced", "announces", "added", "noted", "insisted", "stressed", "confirmed", "argued",
	"claimed", "hoped", "expected", "knew", "suggested", "reported", "reports", "stated", "declared",
	"acknowledged", "admitted", "warned", "predicted", "feared", "assured", "explained", "indicated",
	"alleged", "charged", "signaled", "signalled", "revealed", "recalled", "tweeted", "wrote", "posted")

// afterVerb: the unit is a verb's object (nothing but modifiers between).
func (c *sentCtx) afterVerb(i int) bool {
	for k := i - 1; k >= 0; k-- {
		t := c.s.tokens[k]
		switch {
		case strings.HasPrefix(t.tag, "VB"):
			if reportingVerbs[t.lower] {
				return false
			}
			return t.tag != "VBN" || c.word(k+1) != "by"
		case t.tag == "DT" || t.tag == "JJ" || t.tag == "CD" || t.tag == "PRP$" || t.tag == "RB":
			continue
		default:
			return false
		}
	}
	return false
}

// hasSubject: the tree gives the word at k a subject.
func hasSubject(s *sentence, k int) bool {
	for _, w := range s.words {
		if w.Head == k+1 && strings.HasPrefix(w.Rel, "nsubj") {
			return true
		}
	}
	return false
}

// nominalInTree: the tree uses the adjective at k as a noun, in an
// argument's place ("launched an offensive against Syria").
func nominalInTree(s *sentence, k int) bool {
	if len(s.words) == 0 {
		return false
	}
	switch s.words[k].Rel {
	case "obj", "nsubj", "nsubj:pass", "obl", "nmod", "iobj":
		return true
	}
	return false
}
