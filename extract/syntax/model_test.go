package syntax

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func tinyModel(t *testing.T, seed int64) *Model {
	t.Helper()
	sents, err := ReadCoNLLU(strings.NewReader(tinyTreebank), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(sents, nil, TrainOptions{TaggerEpochs: 3, ParserEpochs: 3, Seed: seed, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func modelBytes(t *testing.T, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTrainDeterministic(t *testing.T) {
	a, b := modelBytes(t, tinyModel(t, 7)), modelBytes(t, tinyModel(t, 7))
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings with one seed wrote different models")
	}
	m, err := Load(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	ws := m.Parse([]string{"Russia", "expelled", "ten", "diplomats", "."})
	if ws[1].Head != 0 || ws[1].Rel != "root" || ws[0].Head != 2 || ws[3].Head != 2 {
		t.Errorf("a tiny model does not reproduce its training sentence: %+v", ws)
	}
}

func TestLoadDamaged(t *testing.T) {
	good := modelBytes(t, tinyModel(t, 1))
	raw := gunzip(t, good)
	cases := map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": good[:len(good)/2],
		"header":    gz(t, append([]byte("another model\n"), raw[len(modelMagic):]...)),
		"checksum":  gz(t, flip(raw, len(raw)/2)),
		"short":     gz(t, raw[:len(modelMagic)+2]),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(data)); err == nil {
				t.Error("a damaged model loaded")
			} else if !strings.HasPrefix(err.Error(), "syntax model") {
				t.Errorf("error %q does not say what failed", err)
			}
		})
	}
}

// TestLoadCorruptBody damages every byte in turn behind a recomputed
// checksum: Load must fail or give a model that parses, never panic.
func TestLoadCorruptBody(t *testing.T) {
	raw := gunzip(t, modelBytes(t, tinyModel(t, 1)))
	step := max(1, len(raw)/300)
	for i := len(modelMagic); i < len(raw)-4; i += step {
		bad := withChecksum(flip(raw, i))
		m, err := Load(bytes.NewReader(gz(t, bad)))
		if err == nil {
			m.Parse([]string{"A", "test", "."})
		}
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func gz(t *testing.T, b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0xA5
	return c
}
