package extract

import "strings"

// Reading arguments off the dependency tree. Token indexes are 0-based;
// a word's Head is 1-based with 0 for the root, so head(k) returns -1 for
// the root.

// head is the index of token k's head, -1 for the root.
func (c *sentCtx) head(k int) int {
	if k < 0 || k >= len(c.s.words) {
		return -1
	}
	return c.s.words[k].Head - 1
}

// rel is token k's relation to its head.
func (c *sentCtx) rel(k int) string {
	if k < 0 || k >= len(c.s.words) {
		return ""
	}
	return c.s.words[k].Rel
}

// deps lists the dependents of token k with one of the relations (all
// dependents when none are given), in text order.
func (c *sentCtx) deps(k int, rels ...string) []int {
	var out []int
	for i := range c.s.words {
		if c.head(i) != k {
			continue
		}
		if len(rels) == 0 || containsWord(rels, c.rel(i)) {
			out = append(out, i)
		}
	}
	return out
}

// dep is the first dependent of k with one of the relations, or -1.
func (c *sentCtx) dep(k int, rels ...string) int {
	if ds := c.deps(k, rels...); len(ds) > 0 {
		return ds[0]
	}
	return -1
}

// caseOf is the preposition of a nominal dependent ("by" in "by the
// government"), lower case, or "".
func (c *sentCtx) caseOf(k int) string {
	if p := c.dep(k, "case"); p >= 0 {
		return c.s.tokens[p].lower
	}
	return ""
}

// treePassive: the verb at t has a passive auxiliary or subject, or is a
// participle modifying a noun ("a truce brokered by Qatar").
func (c *sentCtx) treePassive(t int) bool {
	if c.dep(t, "aux:pass", "nsubj:pass", "csubj:pass") >= 0 {
		return true
	}
	return c.rel(t) == "acl" && c.s.tokens[t].tag == "VBN"
}

// unitContaining is the index of the argument unit covering token k, or -1.
func (c *sentCtx) unitContaining(k int) int {
	for n, u := range c.units {
		if u.i <= k && k < u.j {
			return n
		}
	}
	return -1
}

// phraseActors are the actors a nominal phrase headed at k stands for:
// the unit covering its head, else one inside it that the head describes
// ("Russian officials", "Russia's envoy", "the leaders of A and B"), and
// those of every phrase coordinated with it.
func (c *sentCtx) phraseActors(k int) []string {
	var ids []string
	add := func(more []string) {
		for _, id := range more {
			ids = appendUnique(ids, id)
		}
	}
	add(c.headActors(k))
	for _, cj := range c.deps(k, "conj") {
		add(c.headActors(cj))
	}
	return ids
}

func (c *sentCtx) headActors(k int) []string {
	if n := c.unitContaining(k); n >= 0 {
		return c.unitActors(c.units[n], true)
	}
	if partitiveNouns[c.s.tokens[k].lower] || c.s.tokens[k].tag == "CD" {
		// "dozens of Russian diplomats", "two of its ships".
		for _, d := range c.deps(k, "nmod") {
			if c.caseOf(d) == "of" {
				return c.headActors(d)
			}
		}
	}
	if !peopleNouns[c.s.tokens[k].lower] && !institutionNouns[c.s.tokens[k].lower] {
		return nil
	}
	// "Russian diplomats", "Iran's foreign ministry", "officials from
	// Kenya", "the leaders of France and Germany".
	for _, d := range c.deps(k, "amod", "compound", "nmod:poss", "nmod") {
		if c.rel(d) == "nmod" && !containsWord([]string{"of", "from"}, c.caseOf(d)) {
			continue
		}
		if ids := c.phraseActors(d); len(ids) > 0 {
			return ids
		}
	}
	return nil
}

// partitiveNouns count or group what their "of" phrase names.
var partitiveNouns = setOf("dozens", "dozen", "hundreds", "thousands", "scores", "number", "group", "groups",
	"some", "several", "many", "most", "all", "members", "part", "handful", "majority")

// institutionNouns stand for a government when a country modifies them.
var institutionNouns = setOf("government", "ministry", "military", "army", "navy", "forces", "troops",
	"authorities", "administration", "cabinet", "parliament", "police", "embassy", "regime", "junta",
	"side", "delegation", "coast", "guard", "leadership", "state")

// subjectToken finds the token that is the subject of the verb at t,
// following the tree through control ("agreed to meet": the one who
// agreed; "urged Iran to stop": Iran), shared subjects of coordinated
// verbs ("expelled ... and closed") and relative clauses ("the envoy, who
// met ..."). passive reports that the verb is passive, so the subject is
// what was acted upon.
func (c *sentCtx) subjectToken(t int) (k int, ok bool) {
	v := t
	for steps := 0; steps < 8 && v >= 0; steps++ {
		if s := c.dep(v, "nsubj", "nsubj:pass", "nsubj:outer"); s >= 0 {
			if isRelativePronoun(c.s.tokens[s].lower) && strings.HasPrefix(c.rel(v), "acl") {
				return c.head(v), true
			}
			return s, true
		}
		switch r := c.rel(v); {
		case r == "xcomp":
			g := c.head(v)
			if o := c.dep(g, "obj", "iobj"); o >= 0 && o < v {
				return o, true // object control: "urged Iran to stop"
			}
			if o := c.dep(g, "obl"); o >= 0 && o < v && c.caseOf(o) == "on" {
				return o, true // "called on Israel to halt"
			}
			v = g
		case r == "conj" && c.verbal(c.head(v)):
			v = c.head(v)
		case r == "acl" || r == "acl:relcl":
			return c.head(v), true // "the truce brokered by Qatar", "forces loyal to"
		case r == "advcl" && c.s.tokens[v].tag == "VBG":
			v = c.head(v) // "..., accusing Kyiv of": the main clause's subject
		default:
			return -1, false
		}
	}
	return -1, false
}

func isRelativePronoun(w string) bool {
	return w == "who" || w == "which" || w == "that" || w == "whom"
}

// verbal: token k is a verb or a predicate with a copula.
func (c *sentCtx) verbal(k int) bool {
	return k >= 0 && (strings.HasPrefix(c.s.tokens[k].tag, "VB") || c.dep(k, "cop") >= 0)
}

// treeSubject returns the actors of the verb at t's subject, and ok when
// the tree gives one the pipeline can name. A pronoun is left to the
// discourse rules (ok false).
func (c *sentCtx) treeSubject(t int) ([]string, bool) {
	if len(c.s.words) == 0 {
		return nil, false
	}
	k, ok := c.subjectToken(t)
	if !ok || k < 0 {
		return nil, false
	}
	if tag := c.s.tokens[k].tag; tag == "PRP" || tag == "WP" || tag == "WDT" || tag == "EX" {
		return nil, false
	}
	ids := c.phraseActors(k)
	return ids, len(ids) > 0
}

// treeAgent reads a passive's "by" agent.
func (c *sentCtx) treeAgent(t int) []string {
	for _, d := range c.deps(t, "obl:agent", "obl") {
		if c.rel(d) == "obl:agent" || c.caseOf(d) == "by" {
			return c.phraseActors(d)
		}
	}
	return nil
}

// treeObject returns the actors of the verb at t's object: its direct or
// indirect object, or a phrase with one of the rule's prepositions
// ("imposed sanctions on Iran"), also one attached to the object noun
// ("sanctions on Iran"). ok is false when the tree has none the pipeline
// can name.
func (c *sentCtx) treeObject(r *rule, t int) ([]string, bool) {
	if len(c.s.words) == 0 {
		return nil, false
	}
	var cands []int
	for _, d := range c.deps(t, "obj", "iobj") {
		cands = append(cands, d)
		for _, n := range c.deps(d, "nmod") {
			if p := c.caseOf(n); contains(r.preps, p) || targetPreps[p] {
				cands = append(cands, n)
			}
		}
	}
	for _, d := range c.deps(t, "obl") {
		if p := c.caseOf(d); contains(r.preps, p) || targetPreps[p] || r.prt != "" && p == r.prt {
			cands = append(cands, d)
		}
	}
	for _, k := range cands {
		if tag := c.s.tokens[k].tag; tag == "PRP" {
			return nil, false
		}
		if n := c.unitContaining(k); n >= 0 && c.units[n].place != "" && !c.units[n].capital {
			continue // a place is where, not whom
		}
		ids := c.phraseActors(k)
		if len(ids) == 0 && (c.rel(k) == "obj" || c.rel(k) == "iobj") {
			// "released the crew of a U.S. Navy plane", "seized a
			// British-flagged tanker": the act is aimed at the owner.
			ids = c.ownerActors(k, 0)
		}
		if r.counterpart && len(ids) > 0 && strings.HasPrefix(ids[0], "person/") {
			continue // "recalled its ambassador, Anatoly Antonov": the envoy, not the other side
		}
		if len(ids) > 0 {
			return ids, true
		}
	}
	return nil, false
}

// treePerfect: the verb at t has the auxiliary "have" ("has imposed",
// "had attacked", "have been expelled").
func (c *sentCtx) treePerfect(t int) bool {
	for _, a := range c.deps(t, "aux") {
		if c.s.words[a].Lemma == "have" {
			return true
		}
	}
	return false
}

// treeParticle: the verb at k takes prt as a particle or as the
// preposition of one of its phrases, wherever it stands ("called on
// Monday for Putin to face trial").
func treeParticle(s *sentence, k int, prt string) bool {
	if len(s.words) == 0 {
		return false
	}
	for i, w := range s.words {
		if w.Head != k+1 {
			continue
		}
		switch w.Rel {
		case "compound:prt":
			if s.tokens[i].lower == prt {
				return true
			}
		case "obl", "obl:agent", "nmod", "xcomp", "ccomp", "advcl":
			for j, c := range s.words {
				if c.Head == i+1 && (c.Rel == "case" || c.Rel == "mark") && j < i && s.tokens[j].lower == prt && j > k {
					return true
				}
			}
		}
	}
	return false
}

// treeObjectWord: one of words heads the verb at k's object or a phrase
// of it, or a word those govern ("imposed on Tuesday a new round of
// sweeping sanctions": sanctions, under round).
func treeObjectWord(s *sentence, k int, words []string) bool {
	if len(s.words) == 0 {
		return false
	}
	var walk func(h, depth int) bool
	walk = func(h, depth int) bool {
		for i, w := range s.words {
			if w.Head != h+1 || i <= k {
				continue
			}
			switch w.Rel {
			case "obj", "iobj", "obl", "nmod", "compound", "nsubj:pass":
			default:
				continue
			}
			if containsWord(words, s.tokens[i].lower) || containsWord(words, s.words[i].Lemma) {
				return true
			}
			if depth < 2 && walk(i, depth+1) {
				return true
			}
		}
		return false
	}
	return walk(k, 0)
}

// treeAllowsArgument reports whether the tree lets unit u be an argument
// of the trigger at t: the path from the unit up to t crosses no clause
// and at most one noun modifier ("sanctions on Iran"). Without a tree
// every unit is allowed.
func (c *sentCtx) treeAllowsArgument(t int, u unit) bool {
	if len(c.s.words) == 0 {
		return true
	}
	nmods := 0
	for k, steps := u.i, 0; steps < len(c.s.words); steps++ {
		if k == t {
			return true
		}
		inUnit := k >= u.i && k < u.j // inside the unit itself: climb to its head
		switch rel := c.rel(k); {
		case inUnit:
		case rel == "nmod" || rel == "nmod:poss":
			if nmods++; nmods > 1 {
				return false
			}
		case strings.HasPrefix(rel, "acl"), strings.HasPrefix(rel, "advcl"), rel == "ccomp", rel == "parataxis",
			rel == "csubj", rel == "list":
			return false
		}
		h := c.head(k)
		if h < 0 {
			return true // t is not above the unit: the tree is no help here
		}
		k = h
	}
	return true
}

// ownerActors finds whose the thing at k is: the first actor among its
// modifiers ("a U.S. plane", "Iran's tanker", "British-flagged") and, for
// its "of" phrase, theirs ("the crew of a U.S. Navy plane"), depth first.
func (c *sentCtx) ownerActors(k, depth int) []string {
	if depth > 3 {
		return nil
	}
	if n := c.unitContaining(k); n >= 0 && depth > 0 {
		if u := c.units[n]; u.place != "" && !u.capital {
			return nil // a place says where the thing is, not whose
		}
		return c.unitActors(c.units[n], true)
	}
	for _, d := range c.deps(k, "amod", "compound", "nmod:poss", "nmod") {
		if c.rel(d) == "nmod" && c.caseOf(d) != "of" {
			continue
		}
		if ids := c.ownerActors(d, depth+1); len(ids) > 0 {
			return ids
		}
	}
	return nil
}

// treeHypothetical: the trigger at t, or an adjective or verb it
// complements ("glad to welcome", "ready to sign", "wants to meet"),
// carries a modal of the future or of possibility.
func (c *sentCtx) treeHypothetical(t int) bool {
	if len(c.s.words) == 0 {
		return false
	}
	v := t
	for steps := 0; steps < 3 && v >= 0; steps++ {
		for _, a := range c.deps(v, "aux") {
			switch c.s.tokens[a].lower {
			case "would", "will", "could", "might", "may", "should", "'ll", "wo", "shall":
				return true
			}
		}
		infinitive := c.rel(v) == "advcl" && c.dep(v, "mark") >= 0 && c.s.tokens[c.dep(v, "mark")].lower == "to" &&
			c.head(v) >= 0 && c.s.words[c.head(v)].UPOS == "ADJ"
		if c.rel(v) != "xcomp" && !infinitive {
			return false
		}
		v = c.head(v)
	}
	return false
}
