package syntax

import (
	"bytes"
	"strings"
	"testing"
)

const tinyTreebank = `# sent_id = t1
# text = Russia expelled ten diplomats.
1	Russia	Russia	PROPN	NNP	Number=Sing	2	nsubj	_	_
2	expelled	expel	VERB	VBD	Tense=Past|VerbForm=Fin	0	root	_	_
3	ten	ten	NUM	CD	_	4	nummod	_	_
4	diplomats	diplomat	NOUN	NNS	Number=Plur	2	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = t2
# text = The envoys weren't invited.
1	The	the	DET	DT	_	2	det	_	_
2	envoys	envoy	NOUN	NNS	Number=Plur	5	nsubj:pass	_	_
3-4	weren't	_	_	_	_	_	_	_	_
3	were	be	AUX	VBD	Tense=Past	5	aux:pass	_	_
4	n't	not	PART	RB	_	5	advmod	_	_
5	invited	invite	VERB	VBN	Tense=Past|VerbForm=Part	0	root	_	SpaceAfter=No
6	.	.	PUNCT	.	_	5	punct	_	_
`

func TestReadCoNLLU(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(tinyTreebank), "tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	s := sents[1]
	if s.ID != "t2" || s.Text != "The envoys weren't invited." || len(s.Words) != 6 || s.Line != 9 {
		t.Errorf("second sentence = %+v", s)
	}
	if w := s.Words[2]; w.Form != "were" || w.Head != 5 || w.Rel != "aux:pass" {
		t.Errorf("word 3 = %+v (the multiword token line must be skipped)", w)
	}
	if sents[0].Words[3].SpaceAfter {
		t.Error("SpaceAfter=No was not read")
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"fields", "1\tRussia\tRussia\tPROPN\n", "bad.conllu:1: 4 tab-separated fields, want 10"},
		{"id", "2\tRussia\t_\t_\t_\t_\t0\troot\t_\t_\n", "bad.conllu:1: word ID \"2\", want 1"},
		{"head", "# text = x\n1\tx\t_\t_\t_\t_\tone\troot\t_\t_\n", "bad.conllu:2: word 1: head \"one\" is not a word index"},
		{"range", "1\tx\t_\t_\t_\t_\t0\troot\t_\t_\n2\ty\t_\t_\t_\t_\t7\tdep\t_\t_\n", "bad.conllu:1: word 2: head 7 is past the sentence's 2 words"},
		{"self", "1\tx\t_\t_\t_\t_\t1\troot\t_\t_\n", "bad.conllu:1: word 1 is its own head"},
		{"no words", "# text = nothing\n\n", "bad.conllu:1: sentence has comments but no words"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(c.text), "bad.conllu")
			if err == nil || err.Error() != c.want {
				t.Errorf("error %v, want %q", err, c.want)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Error("error spans several lines")
			}
		})
	}
}

func TestWriteCoNLLURoundTrip(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(tinyTreebank), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for _, s := range sents {
		if err := WriteCoNLLU(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	again, err := ReadCoNLLU(&buf, "written")
	if err != nil {
		t.Fatalf("reading what was written: %v\n%s", err, buf.String())
	}
	for i := range sents {
		for j, w := range sents[i].Words {
			if again[i].Words[j] != w {
				t.Errorf("sentence %d word %d: %+v, want %+v", i, j, again[i].Words[j], w)
			}
		}
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add([]byte(tinyTreebank))
	f.Add([]byte("1\tx\t_\t_\t_\t_\t0\troot\t_\t_\n\n\n# text = y\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sents, err := ReadCoNLLU(bytes.NewReader(data), "fuzz")
		if err != nil {
			if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "fuzz:") {
				t.Fatalf("error not one line naming the input: %q", err)
			}
			return
		}
		for _, s := range sents {
			for i, w := range s.Words {
				if w.Head < 0 || w.Head > len(s.Words) || w.Head == i+1 {
					t.Fatalf("accepted a bad head: %+v", w)
				}
			}
			var buf bytes.Buffer
			if err := WriteCoNLLU(&buf, s); err != nil {
				t.Fatal(err)
			}
		}
	})
}
