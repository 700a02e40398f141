package extract

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// candidate is an event before it becomes a schema.Event.
type candidate struct {
	rule            *rule
	sent            int
	t, tEnd         int // trigger tokens
	source, target  []string
	place           string
	date            string
	negated, hypoth bool
}

// findEvents codes the events of every body sentence.
func (x *Extractor) findEvents(d *document) []schema.Event {
	var cands []candidate
	var subjects []string // main subject per sentence, for pronouns
	for si := range d.sents {
		s := &d.sents[si]
		if s.headline {
			subjects = append(subjects, "")
			continue
		}
		units := d.buildUnits(si)
		timexes := findTimexes(s, d.published, d.hasPublished)
		ctx := &sentCtx{d: d, x: x, si: si, s: s, units: units, timexes: timexes, prevSubjects: subjects}
		subjects = append(subjects, ctx.mainSubject())
		type hit struct {
			r      *rule
			k, end int
		}
		var hits []hit
		for k := 0; k < len(s.tokens); k++ {
			if r, end := x.matchTrigger(s, k); r != nil {
				hits = append(hits, hit{r, k, end})
				ctx.triggers = append(ctx.triggers, k)
				k = end - 1
			}
		}
		for _, h := range hits {
			if c, ok := ctx.arguments(h.r, h.k, h.end); ok {
				cands = append(cands, c)
			}
		}
	}
	cands = mergeCandidates(d, cands)
	return d.toEvents(cands)
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

// matchTrigger returns the rule fired at token k and the end of the
// trigger (after a particle or required object), or nil.
func (x *Extractor) matchTrigger(s *sentence, k int) (*rule, int) {
	t := s.tokens[k]
	rules := x.triggers[t.lower]
	if len(rules) == 0 {
		return nil, 0
	}
	isNoun := strings.HasPrefix(t.tag, "NN")
	isVerb := strings.HasPrefix(t.tag, "VB") || t.tag == "JJ" && strings.HasSuffix(t.lower, "ed")
	var fallback *rule
	fallbackEnd := 0
	for _, r := range rules {
		end := k + 1
		if r.prt != "" {
			if k+1 >= len(s.tokens) || s.tokens[k+1].lower != r.prt {
				continue
			}
			end = k + 2
		}
		if len(r.object) > 0 && !hasWordWithin(s, end, 5, r.object) {
			continue
		}
		if r.noun && isNoun || !r.noun && isVerb {
			return r, end
		}
		if fallback == nil && !r.noun && len(r.object) > 0 {
			fallback, fallbackEnd = r, end // a required object makes the reading safe
		}
	}
	return fallback, fallbackEnd
}

func hasWordWithin(s *sentence, from, n int, words []string) bool {
	for k := from; k < len(s.tokens) && k < from+n; k++ {
		w := s.tokens[k].lower
		if w == "." || w == ";" {
			return false
		}
		for _, o := range words {
			if w == o {
				return true
			}
		}
	}
	return false
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
		if clauseStarters[w] && !(w == "since" && c.isTimexAt(i)) && !(w == "as" && c.word(i+1) != "" && c.unitAt(i+1) != nil && c.word(i-1) != ",") {
			return i + 1
		}
		if (w == "who" || w == "which") && i > 0 && c.word(i-1) == "," {
			return i - 1
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
		case w == "but" || w == "and" && c.startsClause(i+1):
			return i
		}
	}
	return len(c.s.tokens)
}

// startsClause: after "and", an actor followed by a verb starts a new
// clause ("... and Moscow recalled ...").
func (c *sentCtx) startsClause(k int) bool {
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
	if asActor && u.capital && u.m != nil && u.m.kind == mPlace {
		return []string{c.d.countryActor(c.x.lex, u.m.ent.country)}
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

// verbBefore: the unit is a verb's object (nothing but modifiers between).
func (c *sentCtx) afterVerb(i int) bool {
	for k := i - 1; k >= 0; k-- {
		t := c.s.tokens[k]
		switch {
		case strings.HasPrefix(t.tag, "VB"):
			return t.tag != "VBN" || c.word(k+1) != "by"
		case t.tag == "DT" || t.tag == "JJ" || t.tag == "CD" || t.tag == "PRP$" || t.tag == "RB":
			continue
		default:
			return false
		}
	}
	return false
}
