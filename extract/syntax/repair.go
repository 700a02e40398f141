package syntax

import "strings"

// Repairs for two errors the greedy parser makes often on news text, each
// against a rule of UD grammar rather than a statistic:
//
//   - A sentence needs a predicate: "The council called on Israel to halt"
//     tagged "called" VBN and read it as a participle modifying the root
//     noun. When the root is a noun with such a participle right after it,
//     the participle is the finite verb and the noun its subject.
//   - Conjuncts are alike: a noun joined by "and" to a verb that has a
//     nominal dependent before the noun ("expelled the envoy and two
//     diplomats") is a conjunct of that nominal.
func repair(ws []Word) {
	repairHeadless(ws)
	repairConjuncts(ws)
	repairLists(ws)
	repairTimes(ws)
}

// repairLists: "list" joins the items of a list that is not in a sentence
// (a signature, an address); in a sentence with a verb, a nominal joined
// that way after a comma is an apposition ("Sergey Lavrov, Russia's
// foreign minister").
func repairLists(ws []Word) {
	hasVerb := false
	for _, w := range ws {
		if w.UPOS == "VERB" {
			hasVerb = true
		}
	}
	if !hasVerb {
		return
	}
	for i := range ws {
		if ws[i].Rel == "list" && isNominal(ws[i]) && i > 0 && ws[i].Head-1 < i {
			ws[i].Rel = "appos"
		}
	}
}

// timeWords head temporal phrases.
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"yesterday": true, "today": true, "tonight": true,
}

// repairTimes: a time phrase ("on Monday", "in March") hanging on the
// noun of a verb's phrase ("expelled by the government on Monday") tells
// when the verb's event happened: it modifies the verb.
//
// Likewise a place or time phrase ("in Paris", "at the summit") hanging on
// a person's name that is a verb's object ("met Narendra Modi in Paris"):
// names take no such modifiers; the meeting happened there.
func repairTimes(ws []Word) {
	for i := range ws {
		w := ws[i]
		if w.Rel != "nmod" || w.Head == 0 {
			continue
		}
		onName := ws[w.Head-1].UPOS == "PROPN" && ws[w.Head-1].Rel == "obj" && locativeCase(ws, i)
		if !timeWords[strings.ToLower(w.Form)] && !onName {
			continue
		}
		h := w.Head - 1
		switch ws[h].Rel {
		case "obl", "obl:agent", "obj":
		default:
			continue
		}
		v := ws[h].Head - 1
		if v >= 0 && ws[v].UPOS == "VERB" {
			ws[i].Head, ws[i].Rel = v+1, "obl"
		}
	}
}

func isNominal(w Word) bool { return w.UPOS == "NOUN" || w.UPOS == "PROPN" || w.UPOS == "PRON" }

func repairHeadless(ws []Word) {
	root := -1
	for i, w := range ws {
		if w.Head == 0 {
			root = i
		}
	}
	if root < 0 || !isNominal(ws[root]) || ws[root].UPOS == "PRON" {
		return
	}
	for i := range ws {
		if ws[i].Head == root+1 && (ws[i].Rel == "nsubj" || ws[i].Rel == "cop") {
			return // a nominal predicate with its own subject or copula
		}
	}
	for v := root + 1; v < len(ws); v++ {
		w := ws[v]
		if w.Head != root+1 || w.Rel != "acl" || w.XPOS != "VBN" {
			continue
		}
		if hasDependent(ws, v, "aux:pass") || hasByAgent(ws, v) {
			return // a real passive participle: "the deal signed by ..."
		}
		// The verb takes the root's place; the noun becomes its subject
		// and the noun's other dependents after the verb move with it.
		ws[v].Head, ws[v].Rel = 0, "root"
		ws[v].XPOS, ws[v].UPOS = "VBD", "VERB"
		ws[v].Feats = strings.Replace(ws[v].Feats, "VerbForm=Part", "Mood=Ind|VerbForm=Fin", 1)
		ws[root].Head, ws[root].Rel = v+1, "nsubj"
		for i := range ws {
			if ws[i].Head == root+1 && i > v {
				ws[i].Head = v + 1
				if ws[i].Rel == "obl:agent" {
					ws[i].Rel = "obl"
				}
			}
		}
		return
	}
}

// hasByAgent: word k has an agent introduced by "by".
func hasByAgent(ws []Word, k int) bool {
	for i, w := range ws {
		if w.Head == k+1 && (w.Rel == "obl:agent" || w.Rel == "obl") {
			for _, c := range ws[:i] {
				if c.Head == i+1 && c.Rel == "case" && strings.EqualFold(c.Form, "by") {
					return true
				}
			}
		}
	}
	return false
}

func hasDependent(ws []Word, k int, rel string) bool {
	for _, w := range ws {
		if w.Head == k+1 && w.Rel == rel {
			return true
		}
	}
	return false
}

func repairConjuncts(ws []Word) {
	for i := range ws {
		w := ws[i]
		if w.Rel != "conj" || !isNominal(w) || w.Head == 0 {
			continue
		}
		h := w.Head - 1
		if ws[h].UPOS != "VERB" || !hasDependent(ws, i, "cc") {
			continue
		}
		// The nearest nominal object of the verb before the conjunct.
		best := -1
		for k := h + 1; k < i; k++ {
			if ws[k].Head == h+1 && (ws[k].Rel == "obj" || ws[k].Rel == "iobj") && isNominal(ws[k]) {
				best = k
			}
		}
		if best >= 0 {
			ws[i].Head = best + 1
		}
	}
}

// locativeCase: word i's phrase opens with "in", "at" or "on".
func locativeCase(ws []Word, i int) bool {
	for j := 0; j < i; j++ {
		if ws[j].Head == i+1 && ws[j].Rel == "case" {
			switch strings.ToLower(ws[j].Form) {
			case "in", "at", "on":
				return true
			}
		}
	}
	return false
}
