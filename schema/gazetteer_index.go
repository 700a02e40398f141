package schema

import (
	"strings"
	"unicode"
)

// lookupTitle returns the job title written as name ("foreign minister",
// "Secretary-General"), compared in folded form and ignoring case.
func lookupTitle(name string) (Title, bool) {
	g := loadGazetteer()
	refs := g.titleIdx.keys[FoldName(name)]
	if len(refs) == 0 {
		return Title{}, false
	}
	return g.titles[refs[0].index], true
}

// matchTitle finds the longest job title at the start of a sequence of
// words and returns how many words it spans.
func matchTitle(words []string) (n int, t Title, ok bool) {
	g := loadGazetteer()
	n, refs := g.titleIdx.longest(words)
	if n == 0 {
		return 0, Title{}, false
	}
	return n, g.titles[refs[0].index], true
}

// caseRule is how a listed form constrains the case of the text it matches.
type caseRule uint8

const (
	caseAny     caseRule = iota // starts lower-case: "mainland China"
	caseInitial                 // starts with a capital: the text must too
	caseUpper                   // no lower-case letters: the text must have none
)

// ruleOf returns the case rule of a listed form.
func ruleOf(form string) caseRule {
	if strings.IndexFunc(form, unicode.IsLower) < 0 {
		return caseUpper
	}
	if r, ok := firstLetter(form); ok && unicode.IsUpper(r) {
		return caseInitial
	}
	return caseAny
}

// allows reports whether text written as surface may match a form with
// this rule.
func (c caseRule) allows(surface string) bool {
	switch c {
	case caseUpper:
		return strings.IndexFunc(surface, unicode.IsLower) < 0
	case caseInitial:
		r, ok := firstLetter(surface)
		return ok && !unicode.IsLower(r)
	}
	return true
}

func firstLetter(s string) (rune, bool) {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return r, true
		}
	}
	return 0, false
}

// ref is one index entry: which record a folded key names, how, and the
// loosest case rule among the listed forms that fold to that key.
type ref struct {
	kind  Kind
	index int
	rule  caseRule
}

// nameIndex maps folded names to the records they name, and records every
// word-boundary prefix of a key so that matching can stop early.
type nameIndex struct {
	keys     map[string][]ref
	prefixes map[string]bool
	maxWords int
}

// add indexes one listed form of a record.
func (x *nameIndex) add(form string, r ref) {
	key := FoldName(form)
	if key == "" {
		return
	}
	r.rule = ruleOf(form)
	refs := x.keys[key]
	for i, old := range refs {
		if old.kind == r.kind && old.index == r.index {
			refs[i].rule = min(old.rule, r.rule)
			return
		}
	}
	x.keys[key] = append(refs, r)
	words := strings.Split(key, " ")
	x.maxWords = max(x.maxWords, len(words))
	for i := 1; i < len(words); i++ {
		x.prefixes[strings.Join(words[:i], " ")] = true
	}
}

// longest returns the longest run of words whose folded text is a key, and
// its refs (case rules not applied).
func (x *nameIndex) longest(words []string) (int, []ref) {
	var (
		best     int
		bestRefs []ref
		prev     string
	)
	for k := 1; k <= len(words); k++ {
		key := FoldName(strings.Join(words[:k], " "))
		if key == "" {
			return best, bestRefs
		}
		if key != prev {
			if refs := x.keys[key]; len(refs) > 0 {
				best, bestRefs = k, refs
			}
			if !x.prefixes[key] {
				break
			}
			prev = key
		}
		if k > 2*x.maxWords+2 {
			break // a long run of words that fold to nothing
		}
	}
	return best, bestRefs
}

// buildTitleIndex indexes the job titles; case is ignored.
func buildTitleIndex(titles []Title) nameIndex {
	x := nameIndex{keys: make(map[string][]ref), prefixes: make(map[string]bool)}
	for i, t := range titles {
		x.add(t.Title, ref{index: i})
	}
	return x
}
