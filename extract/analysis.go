package extract

import (
	"context"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/extract/syntax"
)

// Sentence is one sentence of an article with its syntactic analysis, as
// the pipeline reads it.
type Sentence struct {
	// Index counts the article's analysed sentences from 0 (the
	// numbering of Event.Sentence); it is -1 for text outside them.
	Index int
	// Part says where the sentence is: "headline", "body", or "skipped"
	// for text the extractor does not read for events (dateline, byline),
	// analysed here so that the sentences cover the whole text.
	Part string
	Text string // as in the article
	// Start and End are byte offsets of the sentence in the article's
	// text; Spans those of each word.
	Start, End int
	Words      []syntax.Word
	Spans      [][2]int
}

// Sentences segments, tokenises, tags and parses an article, returning
// every sentence in text order, with offsets into a.Text. It runs only the
// stages it needs; Analyze gives the sentences of a whole extraction.
func (x *Extractor) Sentences(ctx context.Context, a Article) ([]Sentence, error) {
	d := &document{art: a, norm: normalize(a.Text)}
	d.layout = segment(d.norm.text)
	if err := x.tokenize(ctx, d); err != nil {
		return nil, err
	}
	return x.sentencesOf(d), nil
}

// sentencesOf lists the document's tokenised sentences, with the text
// between them analysed as skipped parts.
func (x *Extractor) sentencesOf(d *document) []Sentence {
	var out []Sentence
	pos := 0 // in the folded text
	for _, s := range d.sents {
		out = x.appendSkipped(out, d, pos, s.start)
		part := "body"
		if s.headline {
			part = "headline"
		}
		out = append(out, d.sentenceOf(s, part))
		pos = s.end
	}
	return x.appendSkipped(out, d, pos, len(d.norm.text))
}

// tokenize is the pipeline's tokenize stage: the sentences of every block,
// tagged and parsed.
func (x *Extractor) tokenize(ctx context.Context, d *document) error {
	for _, b := range d.layout.blocks {
		if err := ctx.Err(); err != nil {
			return err
		}
		ss, err := x.tag.sentences(d.norm.text, b, len(d.sents), x.splitWord)
		if err != nil {
			return fmt.Errorf("tokenize: %w", err)
		}
		d.sents = append(d.sents, ss...)
	}
	return nil
}

// sentenceOf converts a pipeline sentence to original offsets.
func (d *document) sentenceOf(s sentence, part string) Sentence {
	orig := d.norm.orig
	out := Sentence{Index: s.index, Part: part, Start: orig[s.start], End: orig[s.end]}
	out.Text = d.art.Text[out.Start:out.End]
	out.Words = append([]syntax.Word(nil), s.words...)
	for i, t := range s.tokens {
		sp := [2]int{orig[t.start], orig[t.end]}
		out.Spans = append(out.Spans, sp)
		out.Words[i].Form = d.art.Text[sp[0]:sp[1]]
	}
	return out
}

// appendSkipped analyses the text between from and to (folded offsets)
// that no sentence covers, one line at a time.
func (x *Extractor) appendSkipped(out []Sentence, d *document, from, to int) []Sentence {
	if from >= to {
		return out
	}
	for _, line := range strings.SplitAfter(d.norm.text[from:to], "\n") {
		start := from
		from += len(line)
		toks := syntax.Tokenize(line)
		if len(toks) == 0 {
			continue
		}
		s := sentence{index: -1, start: start + toks[0].Start, end: start + toks[len(toks)-1].End}
		for _, t := range toks {
			s.tokens = append(s.tokens, token{text: t.Text, start: start + t.Start, end: start + t.End})
		}
		x.tag.parse(&s)
		out = append(out, d.sentenceOf(s, "skipped"))
	}
	return out
}
