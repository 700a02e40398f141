package extract

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// token is one word or punctuation mark of a sentence.
type token struct {
	text       string // as in the folded text
	lower      string
	tag        string // Penn Treebank part of speech, from prose
	ner        string // prose's IOB entity label ("B-PERSON"), or "O"
	start, end int    // byte offsets in the folded text
}

// sentence is one sentence of a block, with its tokens.
type sentence struct {
	index      int // 0-based over the whole article
	start, end int // byte offsets in the folded text
	text       string
	tokens     []token
	headline   bool
}

// tagger wraps prose: one model, loaded once, shared by every call.
type tagger struct {
	model *prose.Model
}

func newTagger() (*tagger, error) {
	doc, err := prose.NewDocument("Load the models.", prose.WithSegmentation(false))
	if err != nil {
		return nil, fmt.Errorf("load prose models: %w", err)
	}
	return &tagger{model: doc.Model}, nil
}

// sentences splits a block of the folded text into tagged sentences.
// splitWord reports whether a hyphenated token should be split into its
// parts ("U.S.-Russian" -> "U.S.", "-", "Russian").
func (tg *tagger) sentences(text string, b block, first int, splitWord func(string) bool) ([]sentence, error) {
	body := text[b.start:b.end]
	var spans [][2]int
	if b.headline {
		spans = [][2]int{{b.start, b.end}}
	} else {
		doc, err := prose.NewDocument(body, prose.UsingModel(tg.model),
			prose.WithTokenization(false), prose.WithTagging(false), prose.WithExtraction(false))
		if err != nil {
			return nil, err
		}
		spans = alignSentences(body, doc.Sentences(), b.start)
	}
	out := make([]sentence, 0, len(spans))
	for _, sp := range spans {
		s := sentence{index: first + len(out), start: sp[0], end: sp[1], text: text[sp[0]:sp[1]], headline: b.headline}
		doc, err := prose.NewDocument(s.text, prose.UsingModel(tg.model), prose.WithSegmentation(false))
		if err != nil {
			return nil, err
		}
		s.tokens = alignTokens(s.text, doc.Tokens(), s.start, splitWord)
		out = append(out, s)
	}
	return out, nil
}

// alignSentences finds each segmented sentence in the block text; a
// sentence the segmenter altered beyond recognition is merged into its
// neighbour rather than lost.
func alignSentences(body string, sents []prose.Sentence, base int) [][2]int {
	var spans [][2]int
	cur := 0
	for _, s := range sents {
		t := strings.TrimSpace(s.Text)
		if t == "" {
			continue
		}
		i := strings.Index(body[cur:], t)
		if i < 0 {
			continue
		}
		spans = append(spans, [2]int{base + cur + i, base + cur + i + len(t)})
		cur += i + len(t)
	}
	if len(spans) == 0 {
		return [][2]int{{base, base + len(body)}}
	}
	// Text the segmenter dropped between sentences stays with the one before.
	spans[0][0] = base + leadingSpace(body)
	for i := 0; i+1 < len(spans); i++ {
		spans[i][1] = trimEnd(body, spans[i+1][0]-base) + base
	}
	spans[len(spans)-1][1] = base + len(strings.TrimRightFunc(body, unicode.IsSpace))
	return spans
}

func leadingSpace(s string) int { return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace)) }

func trimEnd(s string, end int) int { return len(strings.TrimRightFunc(s[:end], unicode.IsSpace)) }

// alignTokens gives prose's tokens their offsets in the sentence and splits
// hyphenated compounds whose parts are names.
func alignTokens(text string, toks []prose.Token, base int, splitWord func(string) bool) []token {
	out := make([]token, 0, len(toks))
	cur := 0
	for _, pt := range toks {
		i := strings.Index(text[cur:], pt.Text)
		if i < 0 {
			continue // the tokenizer rewrote it; offsets would lie
		}
		start := cur + i
		end := start + len(pt.Text)
		cur = end
		t := token{text: pt.Text, tag: pt.Tag, ner: pt.Label, start: base + start, end: base + end}
		if strings.Contains(t.text, "-") && splitWord != nil && splitWord(t.text) {
			out = append(out, splitHyphenated(t)...)
			continue
		}
		out = append(out, t)
	}
	for i := range out {
		out[i].lower = strings.ToLower(out[i].text)
		if out[i].ner == "" {
			out[i].ner = "O"
		}
	}
	return out
}

// splitHyphenated splits "U.S.-Russian" into "U.S.", "-", "Russian"; each
// part keeps the compound's tag unless it is capitalised (then NNP).
func splitHyphenated(t token) []token {
	var out []token
	pos := 0
	for pos < len(t.text) {
		j := strings.IndexByte(t.text[pos:], '-')
		if j < 0 {
			j = len(t.text) - pos
		}
		if j > 0 {
			part := t.text[pos : pos+j]
			tag := t.tag
			if isCapitalized(part) {
				tag = "NNP"
			} else if strings.HasSuffix(part, "ed") {
				tag = "VBN"
			}
			out = append(out, token{text: part, tag: tag, ner: "O", start: t.start + pos, end: t.start + pos + j})
		}
		if pos+j < len(t.text) {
			out = append(out, token{text: "-", tag: ":", ner: "O", start: t.start + pos + j, end: t.start + pos + j + 1})
		}
		pos += j + 1
	}
	return out
}

func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
