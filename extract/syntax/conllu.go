package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence with its analysis.
type Word struct {
	Form  string
	Lemma string
	UPOS  string // Universal POS tag ("VERB")
	XPOS  string // Penn Treebank tag ("VBD")
	Feats string // UD features, "Tense=Past|VerbForm=Fin", or ""
	Head  int    // 1-based index of the head word; 0 for the root
	Rel   string // UD relation ("nsubj:pass")
	// SpaceAfter is false when the next word follows without a space.
	SpaceAfter bool
}

// Sentence is one sentence of a CoNLL-U file.
type Sentence struct {
	ID    string // # sent_id
	Text  string // # text
	Words []Word
	// Line is the 1-based line of the sentence's first line in its file.
	Line int
}

// ReadCoNLLU reads every sentence of a CoNLL-U file. Multiword-token lines
// and empty nodes are skipped: the analysis is over syntactic words. name
// is used in errors, which say "name:line: problem".
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	var cur Sentence
	started := false
	line := 0
	flush := func() error {
		if !started {
			return nil
		}
		if len(cur.Words) == 0 {
			return fmt.Errorf("%s:%d: sentence has comments but no words", name, cur.Line)
		}
		if err := checkTree(cur.Words); err != nil {
			return fmt.Errorf("%s:%d: %w", name, cur.Line, err)
		}
		out = append(out, cur)
		cur, started = Sentence{}, false
		return nil
	}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if !started {
			cur.Line, started = line, true
		}
		if strings.HasPrefix(text, "#") {
			readComment(&cur, text)
			continue
		}
		w, skip, err := parseWordLine(text, len(cur.Words)+1)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if !skip {
			cur.Words = append(cur.Words, w)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

func readComment(s *Sentence, text string) {
	k, v, ok := strings.Cut(strings.TrimSpace(text[1:]), "=")
	if !ok {
		return
	}
	switch strings.TrimSpace(k) {
	case "sent_id":
		s.ID = strings.TrimSpace(v)
	case "text":
		s.Text = strings.TrimSpace(v)
	}
}

// parseWordLine reads one token line; skip is true for multiword tokens
// ("3-4") and empty nodes ("5.1"). want is the ID the word must have.
func parseWordLine(text string, want int) (w Word, skip bool, err error) {
	f := strings.Split(text, "\t")
	if len(f) != 10 {
		return w, false, fmt.Errorf("%d tab-separated fields, want 10", len(f))
	}
	if strings.ContainsAny(f[0], "-.") {
		return w, true, nil
	}
	id, err := strconv.Atoi(f[0])
	if err != nil || id != want {
		return w, false, fmt.Errorf("word ID %q, want %d", f[0], want)
	}
	if f[1] == "" {
		return w, false, fmt.Errorf("word %d has an empty form", id)
	}
	head := 0
	if f[6] != "_" {
		if head, err = strconv.Atoi(f[6]); err != nil || head < 0 {
			return w, false, fmt.Errorf("word %d: head %q is not a word index", id, f[6])
		}
	}
	w = Word{
		Form: f[1], Lemma: underscore(f[2]), UPOS: underscore(f[3]), XPOS: underscore(f[4]),
		Feats: underscore(f[5]), Head: head, Rel: underscore(f[7]),
		SpaceAfter: !strings.Contains(f[9], "SpaceAfter=No"),
	}
	if f[1] == "_" && f[2] == "_" {
		w.Lemma = "_"
	}
	return w, false, nil
}

func underscore(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// checkTree verifies that heads point inside the sentence. Cycles are
// allowed on input (a tree without relations has every head 0).
func checkTree(ws []Word) error {
	for i, w := range ws {
		if w.Head > len(ws) {
			return fmt.Errorf("word %d: head %d is past the sentence's %d words", i+1, w.Head, len(ws))
		}
		if w.Head == i+1 {
			return fmt.Errorf("word %d is its own head", i+1)
		}
	}
	return nil
}

// WriteCoNLLU writes one sentence as a CoNLL-U block ending in a blank line.
func WriteCoNLLU(w io.Writer, s Sentence) error {
	bw := bufio.NewWriter(w)
	if s.ID != "" {
		fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
	}
	if s.Text != "" {
		fmt.Fprintf(bw, "# text = %s\n", oneLine(s.Text))
	}
	for i, wd := range s.Words {
		misc := "_"
		if !wd.SpaceAfter {
			misc = "SpaceAfter=No"
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n", i+1,
			field(wd.Form), field(wd.Lemma), field(wd.UPOS), field(wd.XPOS), field(wd.Feats),
			wd.Head, field(wd.Rel), misc)
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// field makes s safe for one CoNLL-U column: no tabs or newlines, "_" for
// empty.
func field(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
