package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"

	"github.com/diplograph/diplograph/extract/syntax"
)

// token is one word or punctuation mark of a sentence.
type token struct {
	text       string // as in the folded text
	lower      string
	tag        string // Penn Treebank part of speech, from the syntax model
	ner        string // prose's IOB entity label ("B-PERSON"), or "O"
	start, end int    // byte offsets in the folded text
}

// sentence is one sentence of a block, with its tokens.
type sentence struct {
	index      int // 0-based over the whole article
	start, end int // byte offsets in the folded text
	text       string
	tokens     []token
	// words is the syntactic analysis, one word per token: tags, lemma,
	// head (1-based, 0 for the root) and UD relation.
	words    []syntax.Word
	headline bool
}

// tagger segments and tokenises with prose and tags and parses with our
// syntax model; everything is loaded once and shared by every call.
type tagger struct {
	model *prose.Model
	syn   *syntax.Model
	// seg is prose's sentence segmenter. prose builds a new one, loading
	// and decoding its training data, for every document it segments:
	// about 25 ms, more than the rest of a paragraph's work.
	seg *sentences.DefaultSentenceTokenizer
}

func newTagger(syn *syntax.Model) (*tagger, error) {
	doc, err := prose.NewDocument("Load the models.", prose.WithSegmentation(false))
	if err != nil {
		return nil, fmt.Errorf("load prose models: %w", err)
	}
	seg, err := newPunkt()
	if err != nil {
		return nil, fmt.Errorf("load the sentence segmenter: %w", err)
	}
	return &tagger{model: doc.Model, syn: syn, seg: seg}, nil
}

// Bounds that keep the work per sentence small whatever the input: later
// stages compare the tokens of a sentence pairwise, so a "sentence" of a
// megabyte (text without full stops, one endless token) would take hours.
// Real sentences are far shorter; longer ones are cut at a space.
const (
	maxSentenceBytes = 1500
	// maxSegmentBytes bounds the text given to the segmenter at once.
	maxSegmentBytes = 64 << 10
)

// sentences splits a block of the folded text into tagged sentences.
// splitWord reports whether a hyphenated token should be split into its
// parts ("U.S.-Russian" -> "U.S.", "-", "Russian").
func (tg *tagger) sentences(text string, b block, first int, splitWord func(string) bool) ([]sentence, error) {
	body := text[b.start:b.end]
	var spans [][2]int
	if b.headline {
		spans = [][2]int{{b.start, b.end}}
	} else {
		for _, c := range chunks(body, maxSegmentBytes) {
			spans = append(spans, alignSentences(body[c[0]:c[1]], tg.segment(body[c[0]:c[1]]), b.start+c[0])...)
		}
	}
	spans = boundSpans(text, spans, maxSentenceBytes)
	out := make([]sentence, 0, len(spans))
	for _, sp := range spans {
		s := sentence{index: first + len(out), start: sp[0], end: sp[1], text: text[sp[0]:sp[1]], headline: b.headline}
		doc, err := prose.NewDocument(s.text, prose.UsingModel(tg.model), prose.WithSegmentation(false),
			prose.WithExtraction(false), prose.WithTagging(false))
		if err != nil {
			return nil, err
		}
		s.tokens = alignTokens(s.text, doc.Tokens(), s.start, splitWord)
		tg.parse(&s)
		out = append(out, s)
	}
	return out, nil
}

// parse tags and parses a sentence's tokens, setting each token's PTB tag
// from the analysis.
func (tg *tagger) parse(s *sentence) {
	forms := make([]string, len(s.tokens))
	for i, t := range s.tokens {
		forms[i] = t.text
	}
	s.words = tg.syn.Parse(forms)
	for i := range s.tokens {
		s.tokens[i].tag = s.words[i].XPOS
		s.words[i].SpaceAfter = i+1 < len(s.tokens) && s.tokens[i+1].start > s.tokens[i].end
	}
}

// segment splits text into sentences as prose.NewDocument(text).Sentences()
// does, with the segmenter loaded once.
func (tg *tagger) segment(text string) []prose.Sentence {
	toks := tg.seg.Tokenize(text)
	out := make([]prose.Sentence, len(toks))
	for i, t := range toks {
		out[i] = prose.Sentence{Text: strings.TrimSpace(t.Text)}
	}
	return out
}

// chunks cuts s into pieces of at most max bytes, ending each at a space,
// preferably after a full stop. It returns the [start, end) offsets of the
// pieces.
func chunks(s string, max int) [][2]int {
	var out [][2]int
	start := 0
	for len(s)-start > max {
		end := start + cutPoint(s[start:], max)
		out = append(out, [2]int{start, end})
		start = end
	}
	return append(out, [2]int{start, len(s)})
}

// cutPoint is where to end the first piece of s, longer than max: after
// the last ". " in the second half of s[:max], else after its last space,
// else at the last rune boundary.
func cutPoint(s string, max int) int {
	half := max / 2
	w := s[half:max]
	if i := strings.LastIndex(w, ". "); i >= 0 {
		return half + i + 2
	}
	if i := strings.LastIndexFunc(w, unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(w[i:])
		return half + i + n
	}
	end := max
	for end > 1 && !utf8.RuneStart(s[end]) {
		end--
	}
	return end
}

// boundSpans cuts sentence spans (offsets into text) longer than max into
// pieces, each trimmed of surrounding space.
func boundSpans(text string, spans [][2]int, max int) [][2]int {
	var out [][2]int
	for _, sp := range spans {
		if sp[1]-sp[0] <= max {
			out = append(out, sp)
			continue
		}
		for _, c := range chunks(text[sp[0]:sp[1]], max) {
			s, e := sp[0]+c[0], sp[0]+c[1]
			s += leadingSpace(text[s:e])
			e = s + len(strings.TrimRightFunc(text[s:e], unicode.IsSpace))
			if e > s {
				out = append(out, [2]int{s, e})
			}
		}
	}
	return out
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

// newPunkt builds prose's English sentence segmenter. prose keeps it
// unexported, so this is its code (prose/v2 segment.go, MIT licence,
// Copyright (c) 2015 Eric Bower, (c) 2017-2018 Joseph Kato), unchanged but
// for names, so sentences split exactly as prose.NewDocument splits them.
func newPunkt() (*sentences.DefaultSentenceTokenizer, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	training, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, err
	}
	// supervisor abbreviations
	for _, abbr := range []string{"sgt", "gov", "no", "mt"} {
		training.AbbrevTypes.Add(abbr)
	}
	lang := sentences.NewPunctStrings()
	word := &punktWords{}
	word.PunctStrings = lang
	annotations := sentences.NewAnnotations(training, lang, word)
	ortho := &sentences.OrthoContext{
		Storage:      training,
		PunctStrings: lang,
		TokenType:    word,
		TokenFirst:   word,
	}
	annotations = append(annotations, &punktMultiPunct{
		Storage:      training,
		TokenParser:  word,
		TokenGrouper: &sentences.DefaultTokenGrouper{},
		Ortho:        ortho,
	})
	return &sentences.DefaultSentenceTokenizer{
		Storage:       training,
		PunctStrings:  lang,
		WordTokenizer: word,
		Annotations:   annotations,
	}, nil
}

type punktWords struct {
	sentences.DefaultWordTokenizer
}

var (
	punktAbbrRE     = regexp.MustCompile(`((?:[\w]\.)+[\w]*\.)`)
	punktEllipsisRE = regexp.MustCompile(`(?:\.\s?){2,}\.`)
	punktEntitiesRE = regexp.MustCompile(`Yahoo!`)
)

func (e *punktWords) HasSentEndChars(t *sentences.Token) bool {
	enders := []string{
		`."`, `.)`, `.’`, `.”`,
		`?`, `?"`, `?'`, `?)`, `?’`, `?”`,
		`!`, `!"`, `!'`, `!)`, `!’`, `!”`,
	}
	for _, ender := range enders {
		if strings.HasSuffix(t.Tok, ender) && !punktEntitiesRE.MatchString(t.Tok) {
			return true
		}
	}
	parens := []string{
		`.[`, `.(`, `."`,
		`?[`, `?(`,
		`![`, `!(`,
	}
	for _, paren := range parens {
		if strings.Contains(t.Tok, paren) {
			return true
		}
	}
	return false
}

// punktMultiPunct teases out abbreviations such as "F.B.I.".
type punktMultiPunct struct {
	*sentences.Storage
	sentences.TokenParser
	sentences.TokenGrouper
	sentences.Ortho
}

func (a *punktMultiPunct) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for _, tokPair := range a.TokenGrouper.Group(tokens) {
		if len(tokPair) < 2 || tokPair[1] == nil {
			tok := tokPair[0].Tok
			if strings.Contains(tok, "\n") && strings.Contains(tok, " ") {
				// We've mislabeled due to an errant newline.
				tokPair[0].SentBreak = false
			}
			continue
		}
		a.tokenAnnotation(tokPair[0], tokPair[1])
	}
	return tokens
}

// punktLooksInternal reports whether tok's punctuation could appear inside
// a sentence (parentheses or quotations).
func punktLooksInternal(tok string) bool {
	for _, punc := range []string{")", `’`, `”`, `"`, `'`} {
		if strings.HasSuffix(tok, punc) {
			return true
		}
	}
	return false
}

func (a *punktMultiPunct) tokenAnnotation(tokOne, tokTwo *sentences.Token) {
	var nextTyp string
	// Two periods: probably an ellipsis the word tokenizer split.
	if strings.HasSuffix(tokOne.Tok, ".") && tokTwo.Tok == "." {
		tokOne.SentBreak = false
		tokTwo.SentBreak = false
		return
	}
	isNonBreak := strings.HasSuffix(tokOne.Tok, ".") && !tokOne.SentBreak
	isEllipsis := punktEllipsisRE.MatchString(tokOne.Tok)
	isInternal := tokOne.SentBreak && punktLooksInternal(tokOne.Tok)
	if isNonBreak || isEllipsis || isInternal {
		nextTyp = a.TokenParser.TypeNoSentPeriod(tokTwo)
		isStarter := a.SentStarters[nextTyp]
		if isEllipsis {
			if a.TokenParser.FirstUpper(tokTwo) || isStarter != 0 {
				tokOne.SentBreak = true
				return
			}
		}
		if isInternal {
			if a.TokenParser.FirstLower(tokTwo) && isStarter == 0 {
				tokOne.SentBreak = false
				return
			}
		}
		if isNonBreak && a.TokenParser.FirstUpper(tokTwo) {
			if a.Storage.OrthoContext[nextTyp]&112 != 0 {
				tokOne.SentBreak = true
			}
		}
	}
	if len(punktAbbrRE.FindAllString(tokOne.Tok, 1)) == 0 {
		return
	}
	if a.IsInitial(tokOne) {
		return
	}
	tokOne.Abbr = true
	tokOne.SentBreak = false
	// Orthographic heuristic: does the next word start a sentence?
	if a.Ortho.Heuristic(tokTwo) == 1 {
		tokOne.SentBreak = true
		return
	}
	if nextTyp == "" {
		nextTyp = a.TokenParser.TypeNoSentPeriod(tokTwo)
	}
	// Frequent sentence starter heuristic.
	if a.TokenParser.FirstUpper(tokTwo) && a.SentStarters[nextTyp] != 0 {
		tokOne.SentBreak = true
		return
	}
}
