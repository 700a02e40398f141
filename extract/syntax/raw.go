package syntax

import (
	"strings"
	"unicode"
)

// RawScores are EvaluateRaw's results: F1 over words aligned by their
// characters, as in the CoNLL 2018 shared task, with the sentence
// boundaries given.
type RawScores struct {
	Gold, System int
	Tokens       float64 // F1 of token spans
	Scores               // F1 of each measure over aligned words
}

func (s RawScores) String() string {
	return "tokens F1 " + f4(s.Tokens) + ", " + s.Scores.String()
}

// EvaluateRaw scores the whole analysis from text: each gold sentence's
// text is split by tokenize (Tokenize when nil), parsed, and its tokens
// aligned to the gold words by their spans in the text with whitespace
// removed. A measure counts an aligned word whose analysis is right (for
// UAS and LAS: whose head is the word aligned to the gold head), and is
// reported as F1 over gold and system words.
func EvaluateRaw(m *Model, gold []Sentence, tokenize func(string) []string) RawScores {
	if tokenize == nil {
		tokenize = func(s string) []string {
			var out []string
			for _, t := range Tokenize(s) {
				out = append(out, t.Text)
			}
			return out
		}
	}
	var g, sys, tok, upos, xpos, lemma, uas, las, full int
	for _, s := range gold {
		text := s.Text
		if text == "" {
			text = strings.Join(forms(s), " ")
		}
		toks := tokenize(text)
		ws := m.Parse(toks)
		gSpans := spans(forms(s))
		sSpans := spans(toks)
		g += len(gSpans)
		sys += len(sSpans)
		// sysAt maps a span to the system word index.
		sysAt := make(map[[2]int]int, len(sSpans))
		for i, sp := range sSpans {
			sysAt[sp] = i
		}
		align := make([]int, len(gSpans)) // gold word -> system word or -1
		for i, sp := range gSpans {
			j, ok := sysAt[sp]
			if !ok {
				align[i] = -1
				continue
			}
			align[i] = j
			tok++
			gw, sw := s.Words[i], ws[j]
			count(&upos, gw.UPOS == sw.UPOS)
			count(&xpos, gw.XPOS == sw.XPOS)
			count(&lemma, gw.Lemma == sw.Lemma)
		}
		for i, gw := range s.Words {
			j := align[i]
			if j < 0 {
				continue
			}
			sw := ws[j]
			headOK := (gw.Head == 0 && sw.Head == 0) || (gw.Head > 0 && sw.Head > 0 && align[gw.Head-1] == sw.Head-1)
			if headOK {
				uas++
				count(&las, universal(gw.Rel) == universal(sw.Rel))
				count(&full, gw.Rel == sw.Rel)
			}
		}
	}
	f1 := func(k int) float64 {
		if g+sys == 0 {
			return 0
		}
		return 2 * float64(k) / float64(g+sys)
	}
	return RawScores{Gold: g, System: sys, Tokens: f1(tok), Scores: Scores{
		Words: g, UPOS: f1(upos), XPOS: f1(xpos), Lemma: f1(lemma), UAS: f1(uas), LAS: f1(las), LASFull: f1(full)}}
}

// spans gives each token's [start, end) in the concatenation of the
// tokens with whitespace removed.
func spans(toks []string) [][2]int {
	out := make([][2]int, len(toks))
	pos := 0
	for i, t := range toks {
		n := len(strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, t))
		out[i] = [2]int{pos, pos + n}
		pos += n
	}
	return out
}
