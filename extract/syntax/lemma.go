package syntax

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// lemmatizer maps a word and its PTB tag to its lemma: first through a
// table of the treebank's words whose lemma is not their own folded form,
// then, for words the treebank never had, through suffix rules learned from
// it ("-ied" VBD -> "-y"), the longest matching suffix winning.
type lemmatizer struct {
	exceptions map[string]string // xpos + "\x00" + lower form -> lemma
	rules      map[string]suffixRule
	maxSuffix  int
}

// suffixRule removes strip bytes from the end of the folded form and adds
// add.
type suffixRule struct {
	strip int
	add   string
}

func lemmaKey(xpos, lower string) string { return xpos + "\x00" + lower }

// lemma returns the lemma of form with tags upos and xpos.
func (l *lemmatizer) lemma(form, upos, xpos string) string {
	lower := strings.ToLower(form)
	if lem, ok := l.exceptions[lemmaKey(xpos, lower)]; ok {
		return lem
	}
	if upos == "PROPN" || strings.HasPrefix(xpos, "NNP") {
		return form
	}
	for n := min(l.maxSuffix, utf8.RuneCountInString(lower)-1); n >= 1; n-- {
		if r, ok := l.rules[lemmaKey(xpos, suffix(lower, n))]; ok && r.strip <= len(lower) {
			return lower[:len(lower)-r.strip] + r.add
		}
	}
	return lower
}

// learnLemmas builds the lemmatizer from treebank words.
func learnLemmas(sents []Sentence) *lemmatizer {
	const maxSuffix = 5
	type count map[string]int
	byWord := map[string]count{}
	bySuffix := map[string]map[suffixRule]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Lemma == "" || w.XPOS == "" {
				continue
			}
			lower := strings.ToLower(w.Form)
			k := lemmaKey(w.XPOS, lower)
			if byWord[k] == nil {
				byWord[k] = count{}
			}
			byWord[k][w.Lemma]++
			if w.UPOS == "PROPN" {
				continue
			}
			r, ok := ruleFor(lower, strings.ToLower(w.Lemma))
			if !ok {
				continue
			}
			for n := 1; n <= maxSuffix && n < utf8.RuneCountInString(lower); n++ {
				sk := lemmaKey(w.XPOS, suffix(lower, n))
				if bySuffix[sk] == nil {
					bySuffix[sk] = map[suffixRule]int{}
				}
				bySuffix[sk][r]++
			}
		}
	}
	l := &lemmatizer{exceptions: map[string]string{}, rules: map[string]suffixRule{}, maxSuffix: maxSuffix}
	for k, c := range byWord {
		lem := mostFrequent(c)
		xpos, lower, _ := strings.Cut(k, "\x00")
		proper := strings.HasPrefix(xpos, "NNP")
		if lem == lower || (proper && strings.EqualFold(lem, lower)) {
			continue // the default gives it: the folded form, or a proper noun's own
		}
		l.exceptions[k] = lem
	}
	for k, c := range bySuffix {
		best, total := suffixRule{}, 0
		bestN := -1
		for r, n := range c {
			total += n
			if n > bestN || (n == bestN && lessRule(r, best)) {
				best, bestN = r, n
			}
		}
		// A rule must be frequent and dominant, and do something, to
		// be worth keeping.
		if bestN >= 3 && float64(bestN) >= 0.6*float64(total) && (best.strip > 0 || best.add != "") {
			l.rules[k] = best
		}
	}
	return l
}

func lessRule(a, b suffixRule) bool {
	if a.strip != b.strip {
		return a.strip < b.strip
	}
	return a.add < b.add
}

// ruleFor is the suffix rule that turns form into lemma, if they share a
// prefix.
func ruleFor(form, lemma string) (suffixRule, bool) {
	i := 0
	for i < len(form) && i < len(lemma) && form[i] == lemma[i] {
		i++
	}
	if i == 0 {
		return suffixRule{}, false
	}
	return suffixRule{strip: len(form) - i, add: lemma[i:]}, true
}

func mostFrequent(c map[string]int) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best := keys[0]
	for _, k := range keys {
		if c[k] > c[best] {
			best = k
		}
	}
	return best
}
