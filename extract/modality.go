package extract

import (
	"github.com/diplograph/diplograph/schema"
)

// negators in the trigger's clause before it deny the event.
var negators = setOf("not", "n't", "never", "no", "without", "neither", "nor", "denied", "deny", "denies",
	"refused", "refuses", "refuse", "declined", "declines", "failed", "fails", "skipping", "skipped",
	"boycotted", "boycotting")

// modals and plan words before the trigger make it only possible or planned.
var hypotheticals = setOf("will", "would", "could", "might", "may", "should", "must", "shall", "can", "'ll",
	"if", "unless", "whether", "plan", "plans", "planned", "planning", "aim", "aims", "aimed", "intend",
	"intends", "intended", "expected", "scheduled", "set", "ready", "willing", "hope", "hopes", "hoped",
	"want", "wants", "wanted", "seek", "seeks", "sought", "try", "tries", "tried", "invitation", "offered",
	"offer", "proposed", "propose", "eventual", "future", "possible", "potential", "upcoming",
	"prospect", "threatened", "threatening", "threatens", "threaten", "vowed", "pledged", "promised",
	"agreed", "agree", "agreeing", "urged", "urge", "pressed", "called", "asked", "demanded", "need")

// cancelled after a nominal trigger: "a signing ceremony ... were scrapped".
var cancellers = setOf("scrapped", "cancelled", "canceled", "postponed", "called", "off", "suspended", "delayed")

// modality decides whether the text asserts the event; it sets negated or
// hypoth on the candidate and reports a future reading (for dates).
func (c *sentCtx) modality(cand *candidate, r *rule, t, cs int) bool {
	from := cs
	if from > 0 && (c.word(from-1) == "if" || c.word(from-1) == "unless") {
		cand.hypoth = true
	}
	future := false
	for k := from; k < t; k++ {
		w := c.word(k)
		if w == "no" && c.word(k+1) == "longer" {
			cand.negated = true
			continue
		}
		if negators[w] {
			// "No Ukrainian officials were present at the talks" denies the
			// talks only for those officials; the event stays denied as a
			// whole, a reader must not get an edge from it.
			cand.negated = true
			continue
		}
		if !hypotheticals[w] {
			continue
		}
		switch w {
		case "will", "'ll", "shall":
			future = true
			if !r.announced {
				cand.hypoth = true
			}
		case "would":
			if !r.announced {
				cand.hypoth = true
			}
		case "agreed", "agree", "agreeing", "vowed", "pledged", "promised", "urged", "urge", "pressed",
			"called", "asked", "demanded", "threatened", "threatening", "threatens", "threaten", "invitation",
			"offered", "offer", "proposed", "propose", "want", "wants", "wanted", "need":
			// The content of a promise, demand or threat has not happened:
			// "agreed to restore relations", "threatened to veto them".
			if c.infinitiveBetween(k, t) {
				cand.hypoth = true
			}
		default:
			cand.hypoth = true
		}
	}
	// "A working lunch and a signing ceremony ... were scrapped."
	if r.noun {
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
	}
	for _, tx := range c.timexes {
		if tx.future && tx.i >= cs && tx.i < c.clauseEnd(t) {
			future = true
			cand.hypoth = true
		}
	}
	return future || cand.hypoth
}

// infinitiveBetween: "to" (or "on" for "agreed on") between k and the
// trigger at t, so the trigger is the content of the verb at k.
func (c *sentCtx) infinitiveBetween(k, t int) bool {
	for n := k + 1; n < t; n++ {
		if c.word(n) == "to" {
			return true
		}
	}
	return false
}

// date picks the time expression of the trigger's clause: the nearest one
// after the trigger, else before it; a weekday resolves backwards from the
// publication date, or forwards for a planned event.
func (c *sentCtx) date(t, end, cs, ce int, future bool) string {
	var best *timex
	for n := range c.timexes {
		tx := &c.timexes[n]
		inClause := tx.i >= cs && tx.i < ce
		opening := tx.i <= 2 && cs <= 3 // "On Sunday, Blinken ..."
		if !inClause && !opening || c.triggerBetween(t, tx.i) && !opening {
			continue
		}
		if best == nil || tx.i >= end && (best.i < end || tx.i < best.i) || tx.i < t && best.i < t && tx.i > best.i {
			best = tx
		}
	}
	if best == nil {
		return ""
	}
	if best.value == "" && best.weekday >= 0 {
		return day(weekdayDate(c.d.published, best.weekday, future))
	}
	return best.value
}

// mergeCandidates makes one event of several mentions of the same
// happening in the article: same code, same parties, compatible date and
// place ("talks between Russian and U.S. diplomats in Saudi Arabia" and
// "last week's U.S.-Russian talks in Riyadh").
func mergeCandidates(d *document, cands []candidate) []candidate {
	var out []candidate
	for _, c := range cands {
		merged := false
		for n := range out {
			o := &out[n]
			if o.rule.code != c.rule.code || o.negated != c.negated || o.hypoth != c.hypoth {
				continue
			}
			if !sameSet(append(append([]string{}, o.source...), o.target...), append(append([]string{}, c.source...), c.target...)) {
				continue
			}
			if o.date != "" && c.date != "" && o.date != c.date {
				continue
			}
			p, ok := d.mergePlaces(o.place, c.place)
			if !ok {
				continue
			}
			o.place = p
			if o.date == "" {
				o.date = c.date
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, c)
		}
	}
	return out
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
		code, _ := schema.LookupCAMEO(c.rule.code)
		start, end := d.norm.origSpan(s.start, s.end)
		ts, te := d.norm.origSpan(s.tokens[c.t].start, s.tokens[c.tEnd-1].end)
		ev := schema.Event{
			ID:        "event/" + schema.ShortHash(d.docID()+"\x00"+c.rule.id+"\x00"+itoa(ts)),
			CAMEO:     code.Code,
			Root:      code.Root,
			Label:     code.Label,
			Source:    nonNil(c.source),
			Target:    nonNil(c.target),
			Place:     c.place,
			Date:      c.date,
			Negated:   c.negated || c.hypoth,
			Modality:  schema.ModalityAsserted,
			Sentence:  c.sent,
			Evidence:  d.art.Text[start:end],
			Start:     start,
			End:       end,
			Trigger:   d.art.Text[ts:te],
			Rule:      c.rule.id,
			Goldstein: code.Goldstein,
			QuadClass: code.QuadClass,
		}
		switch {
		case c.negated:
			ev.Modality = schema.ModalityNegated
		case c.hypoth:
			ev.Modality = schema.ModalityHypothetical
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
