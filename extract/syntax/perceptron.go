package syntax

import (
	"math"
	"sort"
)

// trainer is an averaged perceptron while it learns: one dense row of
// integer weights per feature, allocated on the feature's first update.
// Averaging uses the running-sum trick (Daumé 2006): alongside the
// weights w it keeps u, the sum of every update times the step at which it
// was made, so the average over all steps is w - u/steps.
type trainer struct {
	classes int
	rows    map[uint64]int32
	w       []int32
	u       []int64
	step    int64
}

func newTrainer(classes int) *trainer {
	return &trainer{classes: classes, rows: make(map[uint64]int32)}
}

// score adds the current weights of feats to out (len classes).
func (t *trainer) score(feats []uint64, out []float64) {
	for i := range out {
		out[i] = 0
	}
	for _, f := range feats {
		r, ok := t.rows[f]
		if !ok {
			continue
		}
		row := t.w[int(r)*t.classes : int(r+1)*t.classes]
		for c, v := range row {
			out[c] += float64(v)
		}
	}
}

// tick counts one training example, for averaging.
func (t *trainer) tick() { t.step++ }

// update moves feats' weights toward gold and away from guess.
func (t *trainer) update(feats []uint64, gold, guess int) {
	if gold == guess {
		return
	}
	for _, f := range feats {
		r := t.row(f)
		base := int(r) * t.classes
		t.w[base+gold]++
		t.u[base+gold] += t.step
		t.w[base+guess]--
		t.u[base+guess] -= t.step
	}
}

func (t *trainer) row(f uint64) int32 {
	if r, ok := t.rows[f]; ok {
		return r
	}
	r := int32(len(t.rows))
	t.rows[f] = r
	t.w = append(t.w, make([]int32, t.classes)...)
	t.u = append(t.u, make([]int64, t.classes)...)
	return r
}

// compile averages the weights, drops those whose magnitude is below
// minWeight (in units of one update), quantises the rest to int16 and
// returns the sparse inference model.
func (t *trainer) compile(minWeight float64) *linear {
	steps := float64(t.step)
	if steps == 0 {
		steps = 1
	}
	keys := make([]uint64, 0, len(t.rows))
	for f := range t.rows {
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	avg := func(i int) float64 { return float64(t.w[i]) - float64(t.u[i])/steps }
	maxAbs := 0.0
	for i := range t.w {
		maxAbs = math.Max(maxAbs, math.Abs(avg(i)))
	}
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	m := &linear{classes: t.classes, scale: float32(scale)}
	m.offsets = append(m.offsets, 0)
	for _, f := range keys {
		base := int(t.rows[f]) * t.classes
		n := 0
		for c := 0; c < t.classes; c++ {
			a := avg(base + c)
			if math.Abs(a) < minWeight {
				continue
			}
			q := math.Round(a / scale)
			if q == 0 {
				continue
			}
			m.class = append(m.class, uint8(c))
			m.weight = append(m.weight, int16(q))
			n++
		}
		if n == 0 {
			continue
		}
		m.keys = append(m.keys, f)
		m.offsets = append(m.offsets, uint32(len(m.class)))
	}
	m.buildIndex()
	return m
}

// linear is a compiled linear classifier: for each feature a sparse list
// of (class, weight) pairs, weights quantised to int16 with one scale.
// Features are found through an open-addressing table over their hashes
// whose slots hold the key and where its pairs are, so a lookup costs one
// cache miss for the slot and one for the pairs.
type linear struct {
	classes int
	scale   float32
	keys    []uint64 // sorted
	offsets []uint32 // len(keys)+1: feature i's pairs are [offsets[i], offsets[i+1])
	class   []uint8
	weight  []int16
	// The inference layout, built from the above by buildIndex: for up
	// to four classes the weights sit in the slot itself (one cache miss
	// per feature), else in pairs.
	slots  []slot
	inline []inlineSlot
	pairs  []uint32 // class<<16 | uint16(weight)
	shift  uint     // slot of f: (f * fibMul) >> shift, the product's top bits
	mask   uint64
}

type slot struct {
	key        uint64
	start, end uint32 // pairs; end == 0 marks an empty slot
}

type inlineSlot struct {
	key  uint64
	w    [3]int16
	used bool
}

const maxInline = 3

const fibMul = 0x9E3779B97F4A7C15

func (m *linear) slotOf(f uint64) uint64 { return ((f * fibMul) >> m.shift) & m.mask }

func (m *linear) buildIndex() {
	size, bits := 1, uint(0)
	for size < 2*len(m.keys)+1 {
		size <<= 1
		bits++
	}
	m.shift = 64 - bits
	if bits == 0 {
		m.shift = 63
	}
	m.mask = uint64(size - 1)
	if m.classes <= maxInline {
		m.inline = make([]inlineSlot, size)
		for i, k := range m.keys {
			s := m.slotOf(k)
			for m.inline[s].used {
				s = (s + 1) & m.mask
			}
			sl := inlineSlot{key: k, used: true}
			for j := m.offsets[i]; j < m.offsets[i+1]; j++ {
				sl.w[m.class[j]] = m.weight[j]
			}
			m.inline[s] = sl
		}
		return
	}
	m.slots = make([]slot, size)
	m.pairs = make([]uint32, len(m.class))
	for j := range m.class {
		m.pairs[j] = uint32(m.class[j])<<16 | uint32(uint16(m.weight[j]))
	}
	for i, k := range m.keys {
		s := m.slotOf(k)
		for m.slots[s].end != 0 {
			s = (s + 1) & m.mask
		}
		m.slots[s] = slot{key: k, start: m.offsets[i], end: m.offsets[i+1]}
	}
}

// find returns the pairs of feature f, empty if it has none.
func (m *linear) find(f uint64) (start, end uint32) {
	s := m.slotOf(f)
	for {
		sl := &m.slots[s]
		if sl.end == 0 {
			return 0, 0
		}
		if sl.key == f {
			return sl.start, sl.end
		}
		s = (s + 1) & m.mask
	}
}

// score sets out (len classes) to the summed quantised weights of feats.
// The lookups come first, all independent of each other, so the processor
// can wait for several cache misses at once.
func (m *linear) score(feats []uint64, out []int32) {
	for i := range out {
		out[i] = 0
	}
	if m.inline != nil {
		m.scoreInline(feats, out)
		return
	}
	var found [256][2]uint32
	for len(feats) > 0 {
		n := min(len(feats), len(found))
		for i, f := range feats[:n] {
			found[i][0], found[i][1] = m.find(f)
		}
		for _, r := range found[:n] {
			for _, p := range m.pairs[r[0]:r[1]] {
				out[p>>16] += int32(int16(uint16(p)))
			}
		}
		feats = feats[n:]
	}
}

func (m *linear) scoreInline(feats []uint64, out []int32) {
	var sum [maxInline]int32
	for _, f := range feats {
		s := m.slotOf(f)
		for {
			sl := &m.inline[s]
			if !sl.used {
				break
			}
			if sl.key == f {
				sum[0] += int32(sl.w[0])
				sum[1] += int32(sl.w[1])
				sum[2] += int32(sl.w[2])
				break
			}
			s = (s + 1) & m.mask
		}
	}
	copy(out, sum[:m.classes])
}
