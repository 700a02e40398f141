package syntax

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"sort"
)

// The model file is gzip-compressed; inside, a magic line, then sections
// of little-endian integers and length-prefixed strings, then the CRC-32
// of everything before it. Every length is checked against what remains,
// so a damaged file is an error, never a panic or a huge allocation.
const modelMagic = "diplograph syntax model 2\n"

// WriteTo writes the model in its file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var e encoder
	e.raw([]byte(modelMagic))
	for _, s := range []string{m.Info.Version, m.Info.Treebank, m.Info.Epochs, m.Info.Dev} {
		e.str(s)
	}
	e.u64(uint64(m.Info.Seed))
	e.strs(m.tagger.classes)
	e.fixed(m.tagger.fixed)
	e.hashes(m.tagger.ambiguity)
	e.linear(m.tagger.lin)
	e.strs(m.parser.labels)
	e.linear(m.parser.moves)
	e.linear(m.parser.labeler)
	e.stringMap(m.lemmas.exceptions)
	e.rules(m.lemmas.rules)
	e.u64(uint64(m.lemmas.maxSuffix))
	e.stringMap(m.feats)
	e.u32(crc32.ChecksumIEEE(e.buf.Bytes()))
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	n, err := zw.Write(e.buf.Bytes())
	if err != nil {
		return int64(n), err
	}
	return int64(n), zw.Close()
}

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, 1<<30))
	if err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	if len(data) < len(modelMagic)+4 || string(data[:len(modelMagic)]) != modelMagic {
		return nil, errors.New("syntax model: not a diplograph syntax model (bad header)")
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, errors.New("syntax model: damaged (checksum mismatch)")
	}
	d := decoder{b: body[len(modelMagic):]}
	m := &Model{tagger: &tagger{}, parser: &parser{}, lemmas: &lemmatizer{}}
	m.Info.Version, m.Info.Treebank, m.Info.Epochs, m.Info.Dev = d.str(), d.str(), d.str(), d.str()
	m.Info.Seed = int64(d.u64())
	m.tagger.classes = d.strs()
	m.tagger.fixed = d.fixed()
	m.tagger.ambiguity = d.hashes()
	m.tagger.lin = d.linear()
	m.parser.labels = d.strs()
	m.parser.moves = d.linear()
	m.parser.labeler = d.linear()
	m.lemmas.exceptions = d.stringMap()
	m.lemmas.rules = d.rules()
	m.lemmas.maxSuffix = int(d.u64())
	m.feats = d.stringMap()
	if d.err == nil && len(d.b) != 0 {
		d.err = errors.New("trailing bytes")
	}
	if d.err != nil {
		return nil, fmt.Errorf("syntax model: damaged: %w", d.err)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	m.tagger.upos, m.tagger.xpos = splitClasses(m.tagger.classes)
	return m, nil
}

func splitClasses(classes []string) (upos, xpos []string) {
	for _, c := range classes {
		u, x, _ := bytes.Cut([]byte(c), []byte(" "))
		upos, xpos = append(upos, string(u)), append(xpos, string(x))
	}
	return
}

// check verifies the invariants inference relies on.
func (m *Model) check() error {
	if len(m.tagger.classes) == 0 || len(m.tagger.classes) > noTag {
		return fmt.Errorf("%d tag classes", len(m.tagger.classes))
	}
	for _, c := range m.tagger.fixed {
		if int(c) >= len(m.tagger.classes) {
			return fmt.Errorf("fixed tag %d out of range", c)
		}
	}
	if m.tagger.lin.classes != len(m.tagger.classes) {
		return fmt.Errorf("tagger has %d classes, its weights %d", len(m.tagger.classes), m.tagger.lin.classes)
	}
	m.parser.root = indexOf(m.parser.labels, "root")
	if m.parser.root < 0 {
		return errors.New("no root relation")
	}
	if m.parser.moves.classes != nMoves {
		return fmt.Errorf("parser has %d moves, want %d", m.parser.moves.classes, nMoves)
	}
	if m.parser.labeler.classes != len(m.parser.labels) || len(m.parser.labels) > 256 {
		return fmt.Errorf("parser has %d labels, its weights %d", len(m.parser.labels), m.parser.labeler.classes)
	}
	for _, l := range []*linear{m.tagger.lin, m.parser.moves, m.parser.labeler} {
		for _, c := range l.class {
			if int(c) >= l.classes {
				return fmt.Errorf("weight class %d out of range", c)
			}
		}
	}
	return nil
}

type encoder struct{ buf bytes.Buffer }

func (e *encoder) raw(b []byte) { e.buf.Write(b) }
func (e *encoder) u32(v uint32) { e.buf.Write(binary.LittleEndian.AppendUint32(nil, v)) }
func (e *encoder) u64(v uint64) { e.buf.Write(binary.AppendUvarint(nil, v)) }
func (e *encoder) str(s string) { e.u64(uint64(len(s))); e.buf.WriteString(s) }
func (e *encoder) strs(ss []string) {
	e.u64(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) stringMap(m map[string]string) {
	keys := sortedKeys(m)
	e.u64(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.str(m[k])
	}
}

func (e *encoder) rules(m map[string]suffixRule) {
	keys := sortedKeys(m)
	e.u64(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.u64(uint64(m[k].strip))
		e.str(m[k].add)
	}
}

func (e *encoder) fixed(m map[uint64]uint8) {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	e.u64(uint64(len(keys)))
	for _, k := range keys {
		e.buf.Write(binary.LittleEndian.AppendUint64(nil, k))
		e.buf.WriteByte(m[k])
	}
}

// linear writes keys as deltas (they are sorted) and each feature's pairs
// as a count, classes and weights.
func (e *encoder) linear(l *linear) {
	e.u64(uint64(l.classes))
	e.u32(math.Float32bits(l.scale))
	e.u64(uint64(len(l.keys)))
	prev := uint64(0)
	for _, k := range l.keys {
		e.u64(k - prev)
		prev = k
	}
	for i := range l.keys {
		e.u64(uint64(l.offsets[i+1] - l.offsets[i]))
	}
	e.raw(l.class)
	for _, w := range l.weight {
		e.buf.Write(binary.LittleEndian.AppendUint16(nil, uint16(w)))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// decoder reads what encoder wrote; the first problem sticks in err and
// every later read returns zero values.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("truncated or malformed %s", what)
	}
}

func (d *decoder) u64() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("integer")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) u32() uint32 {
	if d.err != nil || len(d.b) < 4 {
		d.fail("integer")
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b)
	d.b = d.b[4:]
	return v
}

// count reads a length of items of at least size bytes each.
func (d *decoder) count(size int) int {
	n := d.u64()
	if d.err != nil || n > uint64(len(d.b)/max(size, 1)) {
		d.fail("length")
		return 0
	}
	return int(n)
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil || n > len(d.b) {
		d.fail("bytes")
		return nil
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) str() string { return string(d.bytes(d.count(1))) }

func (d *decoder) strs() []string {
	n := d.count(1)
	out := make([]string, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.str())
	}
	return out
}

func (d *decoder) stringMap() map[string]string {
	n := d.count(2)
	out := make(map[string]string, n)
	for i := 0; i < n && d.err == nil; i++ {
		k := d.str()
		out[k] = d.str()
	}
	return out
}

func (d *decoder) rules() map[string]suffixRule {
	n := d.count(3)
	out := make(map[string]suffixRule, n)
	for i := 0; i < n && d.err == nil; i++ {
		k := d.str()
		strip := d.u64()
		if strip > 64 {
			d.fail("suffix rule")
		}
		out[k] = suffixRule{strip: int(strip), add: d.str()}
	}
	return out
}

func (d *decoder) fixed() map[uint64]uint8 {
	n := d.count(9)
	out := make(map[uint64]uint8, n)
	for i := 0; i < n && d.err == nil; i++ {
		b := d.bytes(9)
		if b != nil {
			out[binary.LittleEndian.Uint64(b)] = b[8]
		}
	}
	return out
}

func (d *decoder) linear() *linear {
	l := &linear{classes: int(d.u64())}
	if l.classes > 256 {
		d.fail("class count")
	}
	l.scale = math.Float32frombits(d.u32())
	n := d.count(2)
	l.keys = make([]uint64, n)
	prev := uint64(0)
	for i := range l.keys {
		prev += d.u64()
		if i > 0 && prev <= l.keys[i-1] {
			d.fail("feature keys")
		}
		l.keys[i] = prev
	}
	l.offsets = make([]uint32, n+1)
	total := 0
	for i := 0; i < n && d.err == nil; i++ {
		k := int(d.u64())
		if k > l.classes {
			d.fail("feature weights")
		}
		total += k
		l.offsets[i+1] = uint32(total)
	}
	if total > len(d.b)/3 {
		d.fail("weights")
	}
	l.class = bytes.Clone(d.bytes(total))
	for _, c := range l.class {
		if int(c) >= l.classes {
			d.fail("weight classes")
			break
		}
	}
	w := d.bytes(2 * total)
	if d.err != nil {
		return &linear{classes: l.classes}
	}
	l.weight = make([]int16, total)
	for i := range l.weight {
		l.weight[i] = int16(binary.LittleEndian.Uint16(w[2*i:]))
	}
	l.buildIndex()
	return l
}

func (e *encoder) hashes(m map[uint64]uint64) {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	e.u64(uint64(len(keys)))
	for _, k := range keys {
		e.buf.Write(binary.LittleEndian.AppendUint64(nil, k))
		e.buf.Write(binary.LittleEndian.AppendUint64(nil, m[k]))
	}
}

func (d *decoder) hashes() map[uint64]uint64 {
	n := d.count(16)
	out := make(map[uint64]uint64, n)
	for i := 0; i < n && d.err == nil; i++ {
		if b := d.bytes(16); b != nil {
			out[binary.LittleEndian.Uint64(b)] = binary.LittleEndian.Uint64(b[8:])
		}
	}
	return out
}

// withChecksum replaces the trailing CRC of a decompressed model body, for
// tests that damage the body behind a valid checksum.
func withChecksum(raw []byte) []byte {
	body := raw[:len(raw)-4]
	return binary.LittleEndian.AppendUint32(bytes.Clone(body), crc32.ChecksumIEEE(body))
}
