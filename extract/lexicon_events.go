package extract

import (
	"sort"
	"strings"
)

// frame says how a trigger finds its arguments beyond subject and object.
type frame int

const (
	frameAct   frame = iota // subject acts on object: "Russia expelled 23 British diplomats"
	frameMeet               // parties meet: subject + "with X", "between A and B"
	frameVisit              // subject goes to a place: target is the place's country
	frameTake               // subject takes a place: "annexed Crimea (from Ukraine)"
)

// rule is one entry of the trigger lexicon.
type rule struct {
	id    string // stable ID, recorded on every event it produces
	lemma string // head word: verb lemma or noun
	noun  bool
	code  string // CAMEO code
	frame frame
	// object, when set, must appear within a few words after the trigger
	// ("impose" only with "sanctions", "sign" with "agreement").
	object []string
	// prt is a particle that must follow the verb ("order out", "call off").
	prt string
	// preps introduce the target in addition to the direct object.
	preps []string
	// announced: a future form still reports the act ("Russia said it would
	// expel 23 diplomats" is the expulsion announced).
	announced bool
	// needPlace: the rule fires only with a place or country as its object
	// ("reached Vietnam", not "reached an agreement").
	needPlace bool
	// counterpart: with no target in the sentence, the act is aimed at the
	// article's other main country ("Moscow recalled its ambassador").
	counterpart bool
	// phone: the act becomes a phone call (041) when "phone", "telephone"
	// or "video" stands in its clause ("spoke with Putin by telephone").
	phone bool
	// actorObject: the rule fires only with an actor right after the verb
	// ("called Putin", "received Ruto"), not "called for", "received aid".
	actorObject bool
	// after: the noun fires only after one of these words ("missile test").
	after []string
	// window is how far object words may follow (default 5).
	window int
	// noTarget is the code when nothing is aimed at: "fired a missile into
	// the sea" is a show of force (150), "fired rockets into Israel" an
	// attack (190).
	noTarget string
	// passiveOnly: the verb fires only in the passive ("was beaten").
	passiveOnly bool
	// needIn: the verb fires only with a place after "in" ("was held in
	// Beijing").
	needIn bool
	// forms are irregular forms beyond those verbForms derives, from a
	// verb dictionary ("sped" for "speed").
	forms []string
}

// irregular verb forms the inflector cannot derive.
var irregular = map[string][]string{
	"meet": {"met"}, "speak": {"spoke", "spoken"}, "fight": {"fought"}, "strike": {"struck", "stricken"},
	"break": {"broke", "broken"}, "cut": {"cut"}, "send": {"sent"}, "free": {"freed"},
	"hold": {"held"}, "lead": {"led"}, "shoot": {"shot"}, "seize": {"seized"},
	"wage": {"waged"}, "fire": {"fired"}, "storm": {"stormed"}, "fly": {"flew", "flown"},
	"beat": {"beaten", "beat"}, "freeze": {"froze", "frozen"}, "withdraw": {"withdrew", "withdrawn"},
	"bar": {"barred", "barring"}, "kill": {"killed"}, "force": {"forced"}, "ban": {"banned", "banning"}, "shove": {"shoved"},
	"test-fire": {"test-fired", "test-fires", "test-firing"}, "sentence": {"sentenced"},
	"sit": {"sat", "sitting"}, "land": {"landed"}, "ink": {"inked"},
}

// verbForms returns the inflected forms of a regular English verb.
func verbForms(lemma string) []string {
	forms := []string{lemma}
	forms = append(forms, irregular[lemma]...)
	if len(lemma) < 2 {
		return forms
	}
	last := lemma[len(lemma)-1]
	switch {
	case strings.HasSuffix(lemma, "ee"):
		forms = append(forms, lemma+"s", lemma+"d", lemma+"ing") // "agreeing", "freeing"
	case strings.HasSuffix(lemma, "e"):
		forms = append(forms, lemma+"s", lemma+"d", lemma[:len(lemma)-1]+"ing")
	case last == 'y' && !strings.ContainsRune("aeiou", rune(lemma[len(lemma)-2])):
		stem := lemma[:len(lemma)-1]
		forms = append(forms, stem+"ies", stem+"ied", lemma+"ing")
	case strings.HasSuffix(lemma, "s") || strings.HasSuffix(lemma, "sh") || strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "x"):
		forms = append(forms, lemma+"es", lemma+"ed", lemma+"ing")
	default:
		forms = append(forms, lemma+"s", lemma+"ed", lemma+"ing")
		if doubles(lemma) {
			d := lemma + string(last)
			forms = append(forms, d+"ed", d+"ing")
		}
	}
	return forms
}

// doubles: a final consonant-vowel-consonant doubles before -ed/-ing
// ("expel" -> "expelled"); both spellings are accepted where usage varies.
func doubles(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	v := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	c1, c2, c3 := w[n-3], w[n-2], w[n-1]
	return !v(c1) && v(c2) && !v(c3) && strings.IndexByte("wxy", c3) < 0
}

// nounForms: the noun and its plural.
func nounForms(n string) []string {
	if strings.HasSuffix(n, "s") {
		return []string{n}
	}
	if strings.HasSuffix(n, "y") {
		return []string{n, n[:len(n)-1] + "ies"}
	}
	return []string{n, n + "s"}
}

// triggerIndex maps a lower-cased word form to the rules it may fire.
type triggerIndex map[string][]*rule

func newTriggerIndex(rules []rule) triggerIndex {
	ix := triggerIndex{}
	for i := range rules {
		r := &rules[i]
		forms := verbForms(r.lemma)
		if r.noun {
			forms = nounForms(r.lemma)
		}
		forms = append(forms, r.forms...)
		for _, f := range forms {
			ix[f] = append(ix[f], r)
		}
	}
	// The most specific reading of a word is tried first: a particle or a
	// required object ("call on", "called ... a killer") before the bare
	// verb ("called Putin").
	for f, rs := range ix {
		sort.SliceStable(rs, func(i, j int) bool { return specificity(rs[i]) > specificity(rs[j]) })
		ix[f] = rs
	}
	return ix
}

func specificity(r *rule) int {
	n := 0
	if r.prt != "" {
		n += 2
	}
	if len(r.object) > 0 || len(r.after) > 0 {
		n++
	}
	return n
}
