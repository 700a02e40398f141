package syntax

import (
	"strings"
	"sync"
)

// Model tags, lemmatises and parses sentences. It is immutable once built
// and safe for concurrent use.
type Model struct {
	tagger *tagger
	parser *parser
	lemmas *lemmatizer
	// feats holds the usual morphological features of each PTB tag
	// (Number, Tense, VerbForm, Mood), learned from the treebank.
	feats map[string]string
	// Info describes how the model was trained.
	Info Info
	pool sync.Pool // *scratch
}

// Info describes a trained model.
type Info struct {
	Version  string // e.g. "ewt-2.15-1"
	Treebank string
	Seed     int64
	Epochs   string // "tagger 8, parser 14"
	Dev      string // dev-set scores at training time
}

// scratch is per-call working memory, reused through the model's pool so
// parsing allocates little.
type scratch struct {
	feats  []uint64
	scores []int32
	ctx    tagContext
	tags   []int
	cfg    config
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	n := len(m.tagger.classes)
	if k := len(m.parser.labels); k > n {
		n = k
	}
	return &scratch{feats: make([]uint64, 0, 128), scores: make([]int32, n)}
}

// Parse analyses one sentence given as its tokens. The result has one
// Word per token, in order; SpaceAfter is left true.
func (m *Model) Parse(forms []string) []Word {
	return m.ParseInto(make([]Word, 0, len(forms)), forms)
}

// ParseInto is Parse appending to dst.
func (m *Model) ParseInto(dst []Word, forms []string) []Word {
	if len(forms) == 0 {
		return dst
	}
	s := m.getScratch()
	defer m.pool.Put(s)
	tags := m.tagInto(s, forms)
	c := &s.cfg
	c.reset(len(forms))
	for i := range forms {
		c.word[i+1] = s.ctx.lower[i]
		c.tag[i+1] = uint64(tags[i]) + 20
	}
	m.parser.parse(c, s)
	base := len(dst)
	for i, f := range forms {
		cls := m.tagger.classes[tags[i]]
		upos, xpos, _ := strings.Cut(cls, " ")
		head := c.head[i+1]
		if head == len(forms)+1 {
			head = 0
		}
		dst = append(dst, Word{
			Form: f, UPOS: upos, XPOS: xpos, Lemma: m.lemmas.lemma(f, upos, xpos),
			Feats: m.feats[xpos], Head: head, Rel: m.parser.labels[c.label[i+1]], SpaceAfter: true,
		})
	}
	repair(dst[base:])
	markPassives(dst[base:])
	return dst
}

// tagInto tags forms with the scratch's buffers, returning tag classes.
func (m *Model) tagInto(s *scratch, forms []string) []int {
	s.ctx.prepare(forms, m.tagger.ambiguity)
	if cap(s.tags) < len(forms) {
		s.tags = make([]int, len(forms))
	}
	s.tags = s.tags[:len(forms)]
	m.tagger.tag(&s.ctx, s.tags, s)
	return s.tags
}

// Tag returns the UPOS and PTB tags of forms, without parsing.
func (m *Model) Tag(forms []string) (upos, xpos []string) {
	s := m.getScratch()
	defer m.pool.Put(s)
	for _, t := range m.tagInto(s, forms) {
		u, x, _ := strings.Cut(m.tagger.classes[t], " ")
		upos, xpos = append(upos, u), append(xpos, x)
	}
	return upos, xpos
}

// markPassives adds Voice=Pass to participles with a passive auxiliary or
// subject, as the treebank does.
func markPassives(ws []Word) {
	for _, w := range ws {
		if w.Head == 0 || (w.Rel != "aux:pass" && w.Rel != "nsubj:pass" && w.Rel != "csubj:pass") {
			continue
		}
		h := &ws[w.Head-1]
		if h.XPOS == "VBN" && !strings.Contains(h.Feats, "Voice=") {
			h.Feats = addFeat(h.Feats, "Voice=Pass")
		}
	}
}

// addFeat inserts f into a sorted "A=x|B=y" feature string.
func addFeat(feats, f string) string {
	if feats == "" {
		return f
	}
	parts := append(strings.Split(feats, "|"), f)
	for i := len(parts) - 1; i > 0 && strings.ToLower(parts[i]) < strings.ToLower(parts[i-1]); i-- {
		parts[i], parts[i-1] = parts[i-1], parts[i]
	}
	return strings.Join(parts, "|")
}
