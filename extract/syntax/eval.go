package syntax

import (
	"fmt"
	"strings"
)

// Scores are the CoNLL 2018 shared task's measures over words,
// punctuation included. LAS compares the universal part of the relation
// ("nsubj" for "nsubj:pass"), as the shared task did; LASFull the whole
// label.
type Scores struct {
	Words                                int
	UPOS, XPOS, Lemma, UAS, LAS, LASFull float64
}

func (s Scores) String() string {
	return fmt.Sprintf("words %d, UPOS %.4f, XPOS %.4f, lemma %.4f, UAS %.4f, LAS %.4f (full labels %.4f)",
		s.Words, s.UPOS, s.XPOS, s.Lemma, s.UAS, s.LAS, s.LASFull)
}

// Evaluate parses the gold sentences' words and scores the result.
func Evaluate(m *Model, gold []Sentence) Scores {
	var n, upos, xpos, lemma, uas, las, full int
	var ws []Word
	for _, s := range gold {
		ws = m.ParseInto(ws[:0], forms(s))
		for i, g := range s.Words {
			p := ws[i]
			n++
			count(&upos, p.UPOS == g.UPOS)
			count(&xpos, p.XPOS == g.XPOS)
			count(&lemma, p.Lemma == g.Lemma)
			if p.Head == g.Head {
				uas++
				count(&las, universal(p.Rel) == universal(g.Rel))
				count(&full, p.Rel == g.Rel)
			}
		}
	}
	return scoresOf(n, upos, xpos, lemma, uas, las, full)
}

func scoresOf(n int, upos, xpos, lemma, uas, las, full int) Scores {
	d := float64(max(n, 1))
	return Scores{Words: n, UPOS: float64(upos) / d, XPOS: float64(xpos) / d, Lemma: float64(lemma) / d,
		UAS: float64(uas) / d, LAS: float64(las) / d, LASFull: float64(full) / d}
}

func count(n *int, ok bool) {
	if ok {
		*n++
	}
}

func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

func f4(x float64) string { return fmt.Sprintf("%.4f", x) }
