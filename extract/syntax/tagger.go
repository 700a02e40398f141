package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tagger is a greedy left-to-right part-of-speech tagger: an averaged
// perceptron over the word, its affixes and shape, its neighbours and the
// two tags before it (Collins 2002; Honnibal's "perceptron tagger"). Its
// classes are joint UPOS and PTB tags ("VERB VBD"), so the two agree.
type tagger struct {
	lin     *linear
	classes []string // "UPOS XPOS"
	upos    []string
	xpos    []string
	// fixed holds the class of frequent words that the treebank always
	// tags one way; the classifier is not asked about them.
	fixed map[uint64]uint8
	// ambiguity holds, for words the treebank has seen, a hash of the
	// set of classes it gave them: a strong hint for words the
	// weights know little about.
	ambiguity map[uint64]uint64
}

// tagContext is the tagger's view of one sentence.
type tagContext struct {
	forms []string
	lower []uint64 // hashLower of each form
	amb   []uint64 // ambiguity class of each form, 0 if unknown
}

// prepare fills the context's per-word hashes.
func (c *tagContext) prepare(forms []string, amb map[uint64]uint64) {
	c.forms = forms
	c.lower, c.amb = c.lower[:0], c.amb[:0]
	for _, f := range forms {
		h := hashLower(f)
		c.lower = append(c.lower, h)
		c.amb = append(c.amb, amb[h])
	}
}

const noTag = 255

// tagFeatures appends the features of word i given the classes of the
// words before it (prev1, prev2; noTag at the start).
func tagFeatures(dst []uint64, c *tagContext, i int, prev1, prev2 int) []uint64 {
	w := c.forms[i]
	at := func(k int) uint64 {
		if k < 0 {
			return 1
		}
		if k >= len(c.forms) {
			return 2
		}
		return c.lower[k]
	}
	sufAt := func(k, n int) uint64 {
		if k < 0 || k >= len(c.forms) {
			return 3
		}
		return hashLower(suffix(c.forms[k], n))
	}
	p1, p2 := uint64(prev1), uint64(prev2)
	wl := c.lower[i]
	dst = append(dst,
		feat(0, 0, 0, 0),
		feat(1, wl, 0, 0),
		feat(2, hashExact(w), 0, 0),
		feat(3, hashLower(suffix(w, 1)), 0, 0),
		feat(4, hashLower(suffix(w, 2)), 0, 0),
		feat(5, hashLower(suffix(w, 3)), 0, 0),
		feat(6, hashLower(suffix(w, 4)), 0, 0),
		feat(7, hashLower(prefix(w, 1)), 0, 0),
		feat(8, hashLower(prefix(w, 3)), 0, 0),
		feat(9, shapeHash(w), 0, 0),
		feat(10, p1, 0, 0),
		feat(11, p2, 0, 0),
		feat(12, p1, p2, 0),
		feat(13, p1, wl, 0),
		feat(14, at(i-1), 0, 0),
		feat(15, sufAt(i-1, 3), 0, 0),
		feat(16, at(i-2), 0, 0),
		feat(17, at(i+1), 0, 0),
		feat(18, sufAt(i+1, 3), 0, 0),
		feat(19, at(i+2), 0, 0),
		feat(20, at(i-1), wl, 0),
		feat(21, wl, at(i+1), 0),
		feat(22, shapeHash(w), p1, 0),
		feat(23, sufAt(i+1, 1), 0, 0),
		feat(24, p1, at(i+1), 0),
		feat(25, wordClass(w, i), 0, 0),
		feat(26, ambAt(c, i), 0, 0),
		feat(27, ambAt(c, i), p1, 0),
		feat(28, ambAt(c, i), ambAt(c, i+1), 0),
		feat(29, ambAt(c, i-1), ambAt(c, i), 0),
		feat(30, ambAt(c, i+1), 0, 0),
		feat(31, ambAt(c, i), shapeHash(w), 0),
	)
	return dst
}

// wordClass is a coarse class for rare words: sentence-initial
// capitalisation, hyphens, digits.
func wordClass(w string, i int) uint64 {
	var c uint64
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		c |= 1
		if i == 0 {
			c |= 2
		}
	}
	if strings.ContainsRune(w, '-') {
		c |= 4
	}
	if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		c |= 8
	}
	if strings.IndexFunc(w, unicode.IsLetter) < 0 {
		c |= 16
	}
	return c
}

// tag writes the class of every word of c into out.
func (tg *tagger) tag(c *tagContext, out []int, buf *scratch) {
	p1, p2 := noTag, noTag
	for i := range c.forms {
		k, ok := tg.fixed[hashExact(c.forms[i])]
		cls := int(k)
		if !ok {
			buf.feats = tagFeatures(buf.feats[:0], c, i, p1, p2)
			tg.lin.score(buf.feats, buf.scores[:len(tg.classes)])
			cls = argmaxExcept(buf.scores[:len(tg.classes)], -1)
		}
		out[i] = cls
		p1, p2 = cls, p1
	}
}

func ambAt(c *tagContext, k int) uint64 {
	if k < 0 {
		return 1
	}
	if k >= len(c.forms) {
		return 2
	}
	return c.amb[k]
}
