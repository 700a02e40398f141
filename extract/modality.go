package extract

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// Modality is read from the trigger's verb group ("did not meet", "would
// travel", "refused to sign", "agreed to restore") or, for a nominal
// trigger, from its clause ("No Ukrainian officials were present at the
// talks", "without reaching an agreement") and its governing verb
// ("called off the talks", "halting the annexation").

// negWords deny what follows them in a verb group or clause.
var negWords = setOf("not", "n't", "never", "no", "without", "neither", "nor", "cannot")

// modalWords make a verb group only possible or future.
var modalWords = setOf("will", "would", "could", "might", "may", "should", "must", "shall", "can", "'ll", "'d")

// auxWords may stand in a verb group between the subject and the verb.
var auxWords = setOf("be", "been", "being", "is", "are", "was", "were", "am", "have", "has", "had",
	"do", "does", "did", "to", "also", "still", "already", "now", "then", "just", "yet", "jointly",
	"formally", "officially", "repeatedly", "again", "reportedly", "once", "first", "finally", "later",
	"ever", "further", "personally", "directly", "quickly", "immediately", "soon", "eventually", "again")

// refuseWords before "to" deny the act: "refused to attend".
var refuseWords = setOf("refused", "refuses", "refuse", "refusing", "declined", "declines", "decline",
	"failed", "fails", "fail", "stopped", "unwilling", "reluctant", "unable")

// intentWords before "to" make the act a plan, promise, demand or threat
// that has not happened: "agreed to restore", "threatened to veto".
var intentWords = setOf("agreed", "agree", "agrees", "agreeing", "pledged", "pledge", "pledges",
	"promised", "promise", "promises", "vowed", "vow", "vows", "threatened", "threaten", "threatens",
	"threatening", "plan", "plans", "planned", "planning", "aim", "aims", "aimed", "aiming",
	"intend", "intends", "intended", "expected", "expect", "scheduled", "set", "ready", "willing",
	"hope", "hopes", "hoped", "hoping", "want", "wants", "wanted", "seek", "seeks", "sought", "seeking",
	"try", "tries", "tried", "trying", "urged", "urge", "urges", "pressed", "press", "asked", "ask",
	"called", "demanded", "invitation", "invited", "offered", "offer", "proposed", "propose",
	"prepared", "preparing", "due", "likely", "unlikely", "able", "attempt", "attempted", "attempts",
	"effort", "efforts", "bid", "move", "decided", "decision", "order", "ordered", "need", "needs",
	"allowed", "permission", "push", "pushed", "pushing", "encouraged", "appealed", "appeal",
	"wish", "wishes", "intention", "promise", "pledge", "commitment", "committed",
	"agreement", "agreements", "deal", "deals", "accord", "plan", "proposal", "proposals", "way",
	"chance", "opportunity", "time", "right", "authority", "mandate")

// nounPlanVerbs governing a nominal trigger make it a plan: "planned
// talks", "demanded negotiations", "sought a meeting".
var nounPlanVerbs = setOf("plan", "plans", "planned", "planning", "propose", "proposed", "proposes",
	"seek", "seeks", "sought", "seeking", "want", "wants", "wanted", "expect", "expected", "expects",
	"schedule", "scheduled", "prepare", "prepared", "preparing", "promise", "promised", "pledge",
	"pledged", "offer", "offered", "hope", "hoped", "hopes", "demand", "demanded", "demands", "urge",
	"urged", "urges", "request", "requested", "await", "awaited", "awaiting", "consider", "considered",
	"considering", "discuss", "discussed", "mull", "mulled", "weigh", "weighed")

// stopWords governing a nominal trigger cancel it: "called off the
// talks", "halting the annexation", "put on hold its plans to annex".
var stopWords = setOf("halt", "halted", "halting", "halts", "stop", "stopped", "stopping", "suspend",
	"suspended", "suspending", "abandon", "abandoned", "abandoning", "drop", "dropped", "dropping",
	"shelve", "shelved", "shelving", "cancel", "cancelled", "canceled", "cancelling", "scrap",
	"scrapped", "scrapping", "skip", "skipped", "skipping", "boycott", "boycotted", "boycotting",
	"postpone", "postponed", "postponing", "delay", "delayed", "rule", "ruled", "deny", "denied",
	"denies", "denying", "rejected", "reject", "rejecting", "avoid", "avoided", "avoiding", "prevent",
	"prevented", "preventing", "hold", "off")

// cancellers after a nominal trigger: "a signing ceremony ... were scrapped".
var cancellers = setOf("scrapped", "cancelled", "canceled", "postponed", "off", "suspended", "delayed", "shelved", "aborted")

// planNouns before a nominal trigger make it future: "eventual peace talks".
var planNouns = setOf("eventual", "future", "possible", "potential", "upcoming", "planned", "proposed",
	"prospective", "would-be", "expected", "next", "new")

// modality decides whether the text asserts the event; it sets negated or
// hypoth on the candidate and reports a future reading (for dates).
func (c *sentCtx) modality(cand *candidate, r *rule, t, cs int) bool {
	if cs > 0 && (c.word(cs-1) == "if" || c.word(cs-1) == "unless" || c.word(cs-1) == "whether") {
		cand.hypoth = true
	}
	var future bool
	if r.noun {
		future = c.nounModality(cand, t, cs)
	} else {
		future = c.verbModality(cand, r, t)
	}
	for _, tx := range c.timexes {
		if tx.future && tx.i >= cs && tx.i < c.clauseEnd(t) && !c.triggerBetween(t, tx.i) {
			future = true
			cand.hypoth = true
		}
	}
	return future || cand.hypoth
}

// verbGroup returns the start of the verb group ending before t: modals,
// auxiliaries, negation, adverbs, infinitival "to".
func (c *sentCtx) verbGroup(t int) int {
	k := t - 1
	for k >= 0 {
		w := c.word(k)
		if modalWords[w] || negWords[w] || auxWords[w] || c.s.tokens[k].tag == "RB" {
			k--
			continue
		}
		break
	}
	return k + 1
}

func (c *sentCtx) verbModality(cand *candidate, r *rule, t int) bool {
	future := false
	vg := c.verbGroup(t)
	for k := vg; k < t; k++ {
		w := c.word(k)
		switch {
		case negWords[w]:
			cand.negated = true
			if k > vg && (c.word(k-1) == "could" || c.word(k-1) == "would" || c.word(k-1) == "will") || w == "cannot" {
				cand.refused = true
			}
		case w == "will" || w == "'ll" || w == "shall":
			future = true
			if !r.announced {
				cand.hypoth = true
			}
		case w == "would":
			if !r.announced {
				cand.hypoth = true
			}
		case modalWords[w]:
			cand.hypoth = true
		case w == "to" && k > 0:
			c.governed(cand, k-1)
		}
	}
	// "stopped short of criticizing".
	if vg >= 2 && c.word(vg-1) == "of" && c.word(vg-2) == "short" {
		cand.negated = true
	}
	// "No longer": "they no longer have any arms embargoes".
	if vg > 1 && c.word(vg-2) == "no" && c.word(vg-1) == "longer" {
		cand.negated = true
	}
	// The subject denied: "No Ukrainian officials met ...".
	if c.subjectNegated(t) {
		cand.negated = true
	}
	return future
}

// governed reads the word governing an infinitive ("refused to", "agreed
// to", "invitation to", "pressed Beijing to").
func (c *sentCtx) governed(cand *candidate, k int) {
	// "urged the Kremlin leader to pull his troops out of Ukraine and open
	// negotiations": the second infinitive shares the first one's governor.
	if c.word(k) == "and" || c.word(k) == "or" {
		for n := k - 1; n >= 0 && n >= k-15; n-- {
			w := c.word(n)
			if w == ";" || w == "." || w == "," && n < k-1 && c.word(n+1) != "and" {
				break
			}
			if w == "to" && n > 0 {
				k = n - 1
				break
			}
		}
	}
	for n := k; n >= 0 && n >= k-4; n-- {
		w := c.word(n)
		if refuseWords[w] {
			cand.negated = true
			cand.refused = true
			return
		}
		if intentWords[w] {
			cand.hypoth = true
			return
		}
		if w == "," || w == ";" || strings.HasPrefix(c.s.tokens[n].tag, "VB") && n < k {
			return
		}
	}
}

// subjectNegated: the clause's subject is denied ("No Ukrainian officials",
// "Neither side").
func (c *sentCtx) subjectNegated(t int) bool {
	for k := c.clauseStart(t); k < t; k++ {
		w := c.word(k)
		if w == "no" && c.word(k+1) != "longer" || w == "neither" || w == "none" {
			return true
		}
		if strings.HasPrefix(c.s.tokens[k].tag, "VB") {
			return false
		}
	}
	return false
}

func (c *sentCtx) nounModality(cand *candidate, t, cs int) bool {
	future := false
	// Negation and modals anywhere in the clause before the noun.
	for k := cs; k < t; k++ {
		w := c.word(k)
		switch {
		case negWords[w] && !(w == "no" && c.word(k+1) == "longer"):
			cand.negated = true
		case w == "will" || w == "'ll" || w == "shall":
			future, cand.hypoth = true, true
		case modalWords[w]:
			cand.hypoth = true
		}
	}
	// The verb governing the noun phrase, and words inside it.
	for k := t - 1; k >= cs && k >= t-6; k-- {
		w := c.word(k)
		if stopWords[w] {
			cand.negated = true
			break
		}
		if planNouns[w] && k >= t-2 {
			cand.hypoth = true
		}
		if w == "to" {
			c.governed(cand, k-1)
			break
		}
		if strings.HasPrefix(c.s.tokens[k].tag, "VB") {
			// "planned talks", "refused talks", "called off the talks",
			// "declined to join Western sanctions".
			switch {
			case refuseWords[w]:
				cand.negated = true
			case nounPlanVerbs[w]:
				cand.hypoth = true
			case k > 0 && c.word(k-1) == "to":
				c.governed(cand, k-2)
			}
			break
		}
	}
	// "A working lunch and a signing ceremony ... were scrapped."
	for k := t + 1; k < len(c.s.tokens) && k < t+12; k++ {
		w := c.word(k)
		if w == "." || w == ";" {
			break
		}
		if cancellers[w] && (c.word(k-1) == "were" || c.word(k-1) == "was" || c.word(k-1) == "been" || w == "off") {
			cand.negated = true
			break
		}
	}
	return future
}

// date picks the time expression of the trigger's clause: the nearest one
// after the trigger, else before it; a weekday resolves backwards from the
// publication date, or forwards for a planned event.
func (c *sentCtx) date(t, end, cs, ce int, future, noun bool) string {
	if cs > 0 && c.word(cs-1) == "when" && !c.timexIn(cs, ce) {
		// "in 2018, when he met Trump", "The fighting began on Wednesday,
		// when India struck": a when-clause shares the time of the clause
		// it hangs on.
		if tx := c.lastTimexIn(c.clauseStart(cs-1), cs-1); tx != nil {
			return c.resolveTimex(tx, future)
		}
	}
	if cs > 1 && c.word(cs-1) == "which" && (c.word(cs-2) == "at" || c.word(cs-2) == "during" || c.word(cs-2) == "in") && !c.timexIn(cs, ce) {
		// "a meeting ... in November, at which the two leaders agreed".
		if tx := c.lastTimexIn(0, cs-2); tx != nil {
			return c.resolveTimex(tx, future)
		}
	}
	if cs > 0 && (c.word(cs-1) == "after" || c.word(cs-1) == "before") && !c.timexIn(cs, ce) {
		// "in 2014, after Moscow annexed Crimea": the year (not the day)
		// of the main clause.
		if tx := c.coarseTimexIn(c.clauseStart(cs-1), cs-1); tx != "" {
			return tx
		}
	}
	if t > 0 && c.s.tokens[t].tag == "VBG" && c.word(t-1) == "," && !c.timexIn(t, ce) {
		// "held talks ... on Monday, agreeing to restart cooperation": a
		// participle adjunct shares its main clause's time.
		if tx := c.lastTimexIn(c.clauseStart(t-1), t-1); tx != nil {
			return c.resolveTimex(tx, future)
		}
	}
	ce = c.extendRelative(end, ce)
	perfect := c.perfect(t)
	var pre, post *timex
	for n := range c.timexes {
		tx := &c.timexes[n]
		if c.word(tx.i) == "since" && !perfect {
			continue // "the first meeting since 2021" dates nothing
		}
		if tx.sinceEnd > 0 && !(t > tx.sinceStart && t < tx.sinceEnd) {
			continue // "since Biden took office in January" dates the taking office
		}
		if tx.i > 0 && c.word(tx.i-1) == "from" && tx.i > 1 && strings.HasPrefix(c.s.tokens[tx.i-2].tag, "NN") {
			continue // "a pact from 2001" dates the pact, not the event
		}
		if tx.i > end && c.participleBefore(tx.i, end) {
			continue // "a contract, awarded in 2016," dates the contract
		}
		inClause := tx.i >= cs && tx.i < ce
		// "On Sunday, Blinken ...", "At their first summit, held in
		// Singapore in June last year, the two leaders signed ...".
		opening := tx.i <= 2 && cs <= 3 || tx.i < c.openingEnd() && t > c.openingEnd()
		if !inClause && !opening || c.triggerBetween(t, tx.i) && !opening || c.inRelative(tx.i, t) {
			continue
		}
		switch {
		case tx.i < t && (pre == nil || tx.i > pre.i) && (opening || !c.verbBefore(cs, tx.i)):
			pre = tx
		case tx.i >= end && (post == nil || tx.i < post.i):
			post = tx
		}
	}
	// A time between the subject and the verb ("Australia on Wednesday
	// scrapped") binds closer than one after the object.
	best := pre
	if best == nil || best.i <= 2 && post != nil && cs > 3 {
		best = post
	}
	if best == nil {
		if d := c.duringDate(end, ce); d != "" {
			return d
		}
		if c.announcedRule && cs > 0 && c.word(cs-1) == "that" {
			// "May announced on Wednesday that Britain would expel":
			// the announcement's day is the measure's.
			if tx := c.lastTimexIn(c.clauseStart(cs-1), cs-1); tx != nil {
				return c.resolveTimex(tx, false)
			}
		}
		return ""
	}
	return c.resolveTimex(best, future)
}

// resolveTimex gives a weekday its date by the event's tense.
func (c *sentCtx) resolveTimex(tx *timex, future bool) string {
	if tx.value == "" && tx.weekday >= 0 {
		return day(weekdayDate(c.d.published, tx.weekday, future))
	}
	return tx.value
}

// lastTimexIn is the last time expression in [from, to), or nil.
func (c *sentCtx) lastTimexIn(from, to int) *timex {
	var best *timex
	for n := range c.timexes {
		tx := &c.timexes[n]
		if tx.i >= from && tx.i < to && c.word(tx.i) != "since" {
			best = tx
		}
	}
	return best
}

// verbBefore: a verb other than a reporting verb stands in [cs, k), so a
// time expression at k belongs to that verb ("annexed Crimea in 2014 and
// invaded Ukraine in 2022").
func (c *sentCtx) verbBefore(cs, k int) bool {
	for n := cs; n < k; n++ {
		t := c.s.tokens[n]
		if strings.HasPrefix(t.tag, "VB") && t.tag != "VBG" && t.tag != "VBN" && !reportingVerbs[t.lower] && !auxWords[t.lower] && !modalWords[t.lower] {
			return true
		}
	}
	return false
}

// extendRelative lets a relative clause on the trigger's noun date it:
// "talks in Beijing that began on Monday".
func (c *sentCtx) extendRelative(end, ce int) int {
	if ce < len(c.s.tokens) && ce <= end+4 && (c.word(ce) == "that" || c.word(ce) == "which") {
		switch c.word(ce + 1) {
		case "began", "started", "opened", "ended", "concluded", "lasted", "took", "was", "were", "closed":
			return c.clauseEnd(ce + 1)
		}
	}
	return ce
}

// participleBefore: the time expression follows a past participle set off
// by a comma (", awarded in 2016,").
func (c *sentCtx) participleBefore(k, end int) bool {
	for n := k - 1; n >= 0 && n >= k-3; n-- {
		if c.s.tokens[n].tag == "VBN" && n > 0 && c.word(n-1) == "," {
			// Right after the trigger ("their first summit, held in ...")
			// the participle describes the event itself.
			return n-1 > end
		}
	}
	return false
}

// openingEnd is the comma closing an opening prepositional phrase ("At
// their first summit, ..., the two leaders signed"), or 0.
func (c *sentCtx) openingEnd() int {
	if len(c.s.tokens) == 0 || c.s.tokens[0].tag != "IN" {
		return 0
	}
	last := 0
	for k, t := range c.s.tokens {
		if t.text == "," {
			last = k
			// The main clause starts after the last comma before a subject
			// and verb.
			if c.startsClause(k+1) || c.unitAt(k+1) != nil {
				return k
			}
		}
		participle := k > 0 && c.word(k-1) == "," // "At their summit, held in ...": prose may tag it VBD
		if strings.HasPrefix(t.tag, "VB") && t.tag != "VBN" && t.tag != "VBG" && !participle {
			return last
		}
	}
	return 0
}

// inRelative: token k lies in a ", who ... ," or ", which ... ," clause
// that does not contain the trigger t.
func (c *sentCtx) inRelative(k, t int) bool {
	for n := k - 1; n >= 0; n-- {
		w := c.word(n)
		if (w == "who" || w == "which") && n > 0 && c.word(n-1) == "," {
			for m := n + 1; m < len(c.s.tokens); m++ {
				if c.word(m) == "," || c.word(m) == "." {
					return m > k && !(t > n && t < m)
				}
			}
			return false
		}
		if w == "," || w == ";" {
			return false
		}
	}
	return false
}

// duringDate dates an event "during the ceremony", "at the summit" by the
// earlier event it names.
func (c *sentCtx) duringDate(end, ce int) string {
	for k := end; k+2 < ce; k++ {
		if c.word(k) != "during" && c.word(k) != "at" {
			continue
		}
		n := k + 1
		for n < ce && (c.s.tokens[n].tag == "DT" || c.s.tokens[n].tag == "JJ") {
			n++
		}
		roots, ok := eventNouns[c.word(n)]
		if !ok && c.word(n) != "ceremony" {
			continue
		}
		for p := len(c.prior) - 1; p >= 0; p-- {
			pc := c.prior[p]
			if pc.date != "" && !pc.negated && !pc.hypoth && (c.word(n) == "ceremony" && rootIn(pc.code, []string{"05", "04"}) || c.word(n) != "ceremony" && rootIn(pc.code, roots)) {
				return pc.date
			}
		}
	}
	return ""
}

func (c *sentCtx) timexIn(from, to int) bool {
	for _, tx := range c.timexes {
		if tx.i >= from && tx.i < to {
			return true
		}
	}
	return false
}

// coarseTimexIn returns a year or month time expression in [from, to).
func (c *sentCtx) coarseTimexIn(from, to int) string {
	for _, tx := range c.timexes {
		if tx.i >= from && tx.i < to && (len(tx.value) == 4 || len(tx.value) == 7) {
			return tx.value
		}
	}
	return ""
}

// perfect: the trigger's verb group (or, for a noun, the governing verb's)
// is in the perfect, the aspect that takes "since" ("has fought rebels
// since 2015", "had spoken five times since").
func (c *sentCtx) perfect(t int) bool {
	for k := t - 1; k >= 0 && k >= t-8; k-- {
		switch c.word(k) {
		case "has", "have", "had", "'ve":
			return true
		case ".", ";", ",":
			return false
		}
	}
	return false
}

// mergeCandidates makes one event of several mentions of the same
// happening in the article: same kind of act, the same parties (or the
// same countries: "Israel signed" and "Netanyahu signed"), compatible date
// and place ("talks between Russian and U.S. diplomats in Saudi Arabia"
// and "last week's U.S.-Russian talks in Riyadh"). The merged event keeps
// the first mention's evidence, the union of the parties, and the most
// specific place and date.
func mergeCandidates(d *document, cands []candidate) []candidate {
	var out []candidate
	for _, c := range cands {
		merged := false
		for n := range out {
			o := &out[n]
			if o.negated != c.negated || o.hypoth != c.hypoth {
				continue
			}
			if mergeClass(o.code) != mergeClass(c.code) {
				if sameReading(o, &c) && moreSpecific(c.code, o.code) {
					// "Meeting Ruto on a visit to Kenya, Modi ...": one
					// happening read twice, as a consultation and as a visit.
					o.code, o.rule = c.code, c.rule
					o.also = append(o.also, c)
					merged = true
					break
				}
				continue
			}
			if !d.sameParties(o, &c) {
				continue
			}
			date, ok := mergeDates(o.date, c.date)
			if !ok || !sameOccasion(o, &c) {
				continue
			}
			p, ok := d.mergePlaces(o.place, c.place)
			if !ok {
				continue
			}
			o.place, o.date = p, date
			for _, id := range c.source {
				if !contains(o.target, id) {
					o.source = appendUnique(o.source, id)
				}
			}
			for _, id := range c.target {
				if !contains(o.source, id) {
					o.target = appendUnique(o.target, id)
				}
			}
			o.also = append(o.also, c)
			merged = true
			break
		}
		if !merged {
			out = append(out, c)
		}
	}
	return out
}

// sameOccasion: two mentions with the same parties are one happening
// only with some sign of it: both dated alike, the same place, the same
// word ("talks" again), or the later one definite ("the talks"). "Moscow
// recalled its ambassador in March" and "Russia responded by ordering
// out 10 U.S. diplomats" stay two events.
func sameOccasion(a, b *candidate) bool {
	switch {
	case a.date != "" && b.date != "":
		return true // mergeDates checked they agree
	case a.place != "" && a.place == b.place:
		return true
	case a.rule.lemma == b.rule.lemma:
		return true
	case b.definite:
		return true
	}
	return false
}

// sameReading: two candidates of one sentence with exactly the same
// source and target.
func sameReading(a, b *candidate) bool {
	return a.sent == b.sent && sameSet(a.source, b.source) && sameSet(a.target, b.target)
}

// moreSpecific: code a says more than code b of the same root ("042"
// make a visit over "040" consult).
func moreSpecific(a, b string) bool {
	return len(a) >= 3 && len(b) >= 3 && a[:2] == b[:2] && strings.HasSuffix(b, "0") && !strings.HasSuffix(a, "0")
}

// mergeClass groups codes that name one happening: a meeting is also
// talks, a summit, a hosted visit.
func mergeClass(code string) string {
	switch code {
	case "040", "044", "046":
		return "04meet"
	}
	return code
}

// sameParties: the parties are the same actors, or stand for the same
// countries (people counted as their country), or one side's parties
// are all among the other's.
func (d *document) sameParties(a, b *candidate) bool {
	code, _ := schema.LookupCAMEO(a.code)
	if !code.Symmetric && !strings.HasPrefix(a.code, "04") {
		// A directed act: the same source and the same target.
		return d.sameSide(a.source, b.source) && d.sameSide(a.target, b.target)
	}
	pa := append(append([]string{}, a.source...), a.target...)
	pb := append(append([]string{}, b.source...), b.target...)
	return d.sameSide(pa, pb)
}

// sameSide: the same actors, one set inside the other, or the same
// countries when no person of one set is missing from the other (so
// "Blinken met Xi" and "Blinken held talks with Wang Yi" stay two events).
func (d *document) sameSide(pa, pb []string) bool {
	if sameSet(pa, pb) || subset(pa, pb) || subset(pb, pa) {
		return true
	}
	if len(pa) > 0 && len(pb) > 0 && (subsetOrEqual(pa, pb) || subsetOrEqual(pb, pa)) {
		return true // "its ambassador to the United States" and "... and Australia"
	}
	ca, cb := d.countrySet(pa), d.countrySet(pb)
	if len(ca) == 0 || !sameSet(ca, cb) {
		return false
	}
	persons := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			if strings.HasPrefix(id, "person/") {
				out = append(out, id)
			}
		}
		return out
	}
	qa, qb := persons(pa), persons(pb)
	return len(qa) == 0 || len(qb) == 0 || subsetOrEqual(qa, qb) || subsetOrEqual(qb, qa)
}

func subsetOrEqual(a, b []string) bool {
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

func subset(a, b []string) bool {
	if len(a) < 2 {
		return false
	}
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

// countrySet maps actors to their countries (an actor with none stands
// for itself).
func (d *document) countrySet(ids []string) []string {
	var out []string
	for _, id := range ids {
		c := d.actorCountry(id)
		if c == "" {
			c = id
		}
		out = appendUnique(out, c)
	}
	return out
}

// mergeDates: equal, one missing, or one interval inside the other (the
// narrower wins).
func mergeDates(a, b string) (string, bool) {
	switch {
	case a == b || b == "":
		return a, true
	case a == "":
		return b, true
	}
	af, at, err1 := bounds(a)
	bf, bt, err2 := bounds(b)
	if err1 != nil || err2 != nil {
		return "", false
	}
	if !af.After(bf) && !at.Before(bt) {
		return b, true // b inside a
	}
	if !bf.After(af) && !bt.Before(at) {
		return a, true
	}
	return "", false
}

// mergePlaces: equal, one missing, or a city inside the other's country;
// the more specific wins.
func (d *document) mergePlaces(a, b string) (string, bool) {
	switch {
	case a == b || b == "":
		return a, true
	case a == "":
		return b, true
	}
	pa, pb := d.actors.get(a), d.actors.get(b)
	if pa == nil || pb == nil {
		return "", false
	}
	if pa.Kind == schema.KindCountry && pb.Country == pa.Country {
		return b, true
	}
	if pb.Kind == schema.KindCountry && pa.Country == pb.Country {
		return a, true
	}
	return "", false
}

// toEvents renders candidates as schema events.
func (d *document) toEvents(cands []candidate) []schema.Event {
	out := make([]schema.Event, 0, len(cands))
	for _, c := range cands {
		s := d.sents[c.sent]
		code, _ := schema.LookupCAMEO(c.code)
		start, end := d.norm.origSpan(s.start, s.end)
		ts, te := d.norm.origSpan(s.tokens[c.t].start, s.tokens[c.tEnd-1].end)
		ev := schema.Event{
			ID:         "event/" + schema.ShortHash(d.docID()+"\x00"+c.rule.id+"\x00"+itoa(ts)),
			CAMEO:      code.Code,
			Root:       code.Root,
			Label:      code.Label,
			Source:     nonNil(c.source),
			Target:     nonNil(c.target),
			Place:      c.place,
			Date:       c.date,
			DateSource: c.dateSource,
			Negated:    c.negated || c.hypoth,
			Modality:   schema.ModalityAsserted,
			Sentence:   c.sent,
			Evidence:   d.art.Text[start:end],
			Start:      start,
			End:        end,
			Trigger:    d.art.Text[ts:te],
			Rule:       c.rule.id,
			Goldstein:  code.Goldstein,
			QuadClass:  code.QuadClass,
		}
		if !code.PLOVER.IsZero() {
			p := code.PLOVER
			ev.PLOVER = &p
		}
		switch {
		case c.negated:
			ev.Modality = schema.ModalityNegated
		case c.hypoth:
			ev.Modality = schema.ModalityHypothetical
		}
		for _, a := range c.also {
			if a.sent == c.sent {
				continue // the same sentence is already the evidence
			}
			as := d.sents[a.sent]
			es, ee := d.norm.origSpan(as.start, as.end)
			ts, te := d.norm.origSpan(as.tokens[a.t].start, as.tokens[a.tEnd-1].end)
			ev.Also = append(ev.Also, schema.Evidence{Sentence: a.sent, Text: d.art.Text[es:ee], Start: es, End: ee,
				Trigger: d.art.Text[ts:te], Rule: a.rule.id})
		}
		out = append(out, ev)
	}
	return out
}

func nonNil(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

func (d *document) docID() string {
	if d.art.ID != "" {
		return d.art.ID
	}
	return d.art.Text
}
