package syntax

// parser is a greedy arc-hybrid dependency parser with the root at the end
// of the buffer (Ballesteros and Nivre 2013), which lets it choose the
// sentence's single root last. Two classifiers drive it: moves chooses
// SHIFT, LEFT or RIGHT from the whole configuration, and labeler names
// each arc from features of its head and dependent. Factoring the label
// out keeps the move classifier at three classes, which makes it several
// times faster than one over every labelled move.
type parser struct {
	moves   *linear // classes: shift, left, right
	labeler *linear // classes: labels
	labels  []string
	root    int // index of "root" in labels
}

// Moves.
const (
	shift = iota
	left
	right
	nMoves
)

// config is the parser's state over one sentence of n words, numbered
// 1..n; n+1 is the root, which sits at the end of the buffer.
type config struct {
	n     int
	stack []int
	b     int // front of the buffer, 1..n+1
	head  []int
	label []int
	// The two leftmost and two rightmost children of each word, 0 if
	// none, their counts and the sets of their labels.
	lc1, lc2, rc1, rc2 []int
	nl, nr             []int
	lset, rset         []uint64
	// words: folded-form hash and tag class+1 of each position; 0 is
	// "no word" and n+1 the root.
	word []uint64
	tag  []uint64
}

func (c *config) reset(n int) {
	c.n = n
	c.stack = c.stack[:0]
	c.b = 1
	size := n + 2
	c.head = resizeInts(c.head, size, -1)
	c.label = resizeInts(c.label, size, -1)
	c.lc1 = resizeInts(c.lc1, size, 0)
	c.lc2 = resizeInts(c.lc2, size, 0)
	c.rc1 = resizeInts(c.rc1, size, 0)
	c.rc2 = resizeInts(c.rc2, size, 0)
	c.nl = resizeInts(c.nl, size, 0)
	c.nr = resizeInts(c.nr, size, 0)
	c.lset = resizeU64(c.lset, size)
	c.rset = resizeU64(c.rset, size)
	c.word = resizeU64(c.word, size)
	c.tag = resizeU64(c.tag, size)
	c.word[0], c.tag[0] = 11, 11
	c.word[n+1], c.tag[n+1] = 13, 13
}

func resizeInts(s []int, n, v int) []int {
	if cap(s) < n {
		s = make([]int, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = v
	}
	return s
}

func resizeU64(s []uint64, n int) []uint64 {
	if cap(s) < n {
		s = make([]uint64, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = 0
	}
	return s
}

func (c *config) done() bool { return len(c.stack) == 0 && c.b == c.n+1 }

func (c *config) s(i int) int {
	if i < len(c.stack) {
		return c.stack[len(c.stack)-1-i]
	}
	return 0
}

// bufAt is the i-th word of the buffer (0 past its end); the root counts
// as the buffer's last element.
func (c *config) bufAt(i int) int {
	if c.b+i <= c.n+1 {
		return c.b + i
	}
	return 0
}

func (c *config) apply(m, l int) {
	switch m {
	case shift:
		c.stack = append(c.stack, c.b)
		c.b++
	case left:
		d := c.s(0)
		c.stack = c.stack[:len(c.stack)-1]
		c.attach(c.b, d, l)
	default:
		d, h := c.s(0), c.s(1)
		c.stack = c.stack[:len(c.stack)-1]
		c.attach(h, d, l)
	}
}

func (c *config) attach(h, d, l int) {
	c.head[d], c.label[d] = h, l
	bit := uint64(1) << uint(l%64)
	if d < h {
		c.nl[h]++
		c.lset[h] |= bit
		switch {
		case c.lc1[h] == 0 || d < c.lc1[h]:
			c.lc2[h], c.lc1[h] = c.lc1[h], d
		case c.lc2[h] == 0 || d < c.lc2[h]:
			c.lc2[h] = d
		}
		return
	}
	c.nr[h]++
	c.rset[h] |= bit
	switch {
	case d > c.rc1[h]:
		c.rc2[h], c.rc1[h] = c.rc1[h], d
	case d > c.rc2[h]:
		c.rc2[h] = d
	}
}

// costs sets, for the three moves, how many gold arcs each would make
// unreachable (Goldberg and Nivre 2013, arc-hybrid). gold heads use n+1
// for the root; -1 marks an invalid move.
func (c *config) costs(gold []int) (sh, le, ri int) {
	s0, s1, b := c.s(0), c.s(1), c.b
	sh, le, ri = -1, -1, -1
	if c.b <= c.n {
		sh = 0
		for i, x := range c.stack {
			if gold[x] == b {
				sh++
			}
			if i < len(c.stack)-1 && gold[b] == x {
				sh++
			}
		}
	}
	if s0 == 0 {
		return
	}
	depsInBuffer := 0
	for d := b; d <= c.n; d++ {
		if gold[d] == s0 {
			depsInBuffer++
		}
	}
	if b <= c.n || len(c.stack) == 1 {
		le = depsInBuffer
		if gold[s0] != b && (gold[s0] == s1 || gold[s0] >= b) {
			le++
		}
	}
	if s1 != 0 {
		ri = depsInBuffer
		if gold[s0] != s1 && gold[s0] >= b {
			ri++
		}
	}
	return
}

// features appends the parser's features for the configuration.
func (c *config) features(dst []uint64) []uint64 {
	s0, s1, s2 := c.s(0), c.s(1), c.s(2)
	b0, b1, b2 := c.bufAt(0), c.bufAt(1), c.bufAt(2)
	w, p := c.word, c.tag
	lab := func(x int) uint64 {
		if x == 0 || c.label[x] < 0 {
			return 99
		}
		return uint64(c.label[x])
	}
	s0l1, s0l2, s0r1, s0r2 := c.lc1[s0], c.lc2[s0], c.rc1[s0], c.rc2[s0]
	s1l1, s1r1, s1r2 := c.lc1[s1], c.rc1[s1], c.rc2[s1]
	b0l1, b0l2 := c.lc1[b0], c.lc2[b0]
	if s0 == 0 {
		s0l1, s0l2, s0r1, s0r2 = 0, 0, 0, 0
	}
	if s1 == 0 {
		s1l1, s1r1, s1r2 = 0, 0, 0
	}
	if b0 == 0 {
		b0l1, b0l2 = 0, 0
	}
	d := uint64(0)
	if s0 != 0 && b0 != 0 {
		d = distBucket(b0 - s0)
	}
	ws0, ps0, wb0, pb0 := w[s0], p[s0], w[b0], p[b0]
	ws1, ps1 := w[s1], p[s1]
	return append(dst,
		// single words
		feat(30, ws0, ps0, 0), feat(31, ws0, 0, 0), feat(32, ps0, 0, 0),
		feat(33, wb0, pb0, 0), feat(34, wb0, 0, 0), feat(35, pb0, 0, 0),
		feat(36, w[b1], p[b1], 0), feat(37, w[b1], 0, 0), feat(38, p[b1], 0, 0),
		feat(39, w[b2], p[b2], 0), feat(40, w[b2], 0, 0), feat(41, p[b2], 0, 0),
		feat(42, ws1, ps1, 0), feat(43, ws1, 0, 0), feat(44, ps1, 0, 0),
		feat(45, p[s2], 0, 0), feat(46, w[s2], 0, 0),
		// pairs
		feat(50, mix(ws0, ps0), wb0, pb0), feat(51, mix(ws0, ps0), wb0, 0),
		feat(52, ws0, wb0, pb0), feat(53, mix(ws0, ps0), pb0, 0),
		feat(54, ps0, wb0, pb0), feat(55, ws0, wb0, 0), feat(56, ps0, pb0, 0),
		feat(57, pb0, p[b1], 0), feat(58, ps1, ps0, 0), feat(59, ws1, ws0, 0),
		feat(60, ps1, ws0, 0), feat(61, ws1, ps0, 0), feat(62, ps1, pb0, 0),
		feat(63, ws1, wb0, 0), feat(64, mix(ws1, ps1), mix(ws0, ps0), 0),
		// triples
		feat(70, pb0, p[b1], p[b2]), feat(71, ps0, pb0, p[b1]), feat(72, ps1, ps0, pb0),
		feat(73, ps0, p[s0l1], pb0), feat(74, ps0, p[s0r1], pb0), feat(75, ps0, pb0, p[b0l1]),
		feat(76, ps1, p[s1r1], ps0), feat(77, ps1, ps0, p[s0r1]), feat(78, p[s2], ps1, ps0),
		feat(79, ps1, p[s1l1], ps0), feat(80, ps1, ps0, p[s0l1]),
		// distance
		feat(90, ws0, d, 0), feat(91, ps0, d, 0), feat(92, wb0, d, 0), feat(93, pb0, d, 0),
		feat(94, ws0, wb0, d), feat(95, ps0, pb0, d), feat(96, ps1, ps0, distBucket(s0-s1)),
		// valency
		feat(100, ws0, uint64(c.nr[s0]), 0), feat(101, ps0, uint64(c.nr[s0]), 0),
		feat(102, ws0, uint64(c.nl[s0]), 0), feat(103, ps0, uint64(c.nl[s0]), 0),
		feat(104, wb0, uint64(c.nl[b0]), 0), feat(105, pb0, uint64(c.nl[b0]), 0),
		feat(106, ps1, uint64(c.nr[s1]), 0),
		// children
		feat(110, w[s0l1], 0, 0), feat(111, p[s0l1], 0, 0), feat(112, lab(s0l1), 0, 0),
		feat(113, w[s0r1], 0, 0), feat(114, p[s0r1], 0, 0), feat(115, lab(s0r1), 0, 0),
		feat(116, w[b0l1], 0, 0), feat(117, p[b0l1], 0, 0), feat(118, lab(b0l1), 0, 0),
		feat(119, p[s1l1], lab(s1l1), 0), feat(120, w[s1r1], 0, 0), feat(121, p[s1r1], lab(s1r1), 0),
		feat(122, w[s0l2], 0, 0), feat(123, p[s0l2], 0, 0), feat(124, lab(s0l2), 0, 0),
		feat(125, w[s0r2], 0, 0), feat(126, p[s0r2], 0, 0), feat(127, lab(s0r2), 0, 0),
		feat(128, w[b0l2], 0, 0), feat(129, p[b0l2], 0, 0), feat(130, lab(b0l2), 0, 0),
		feat(131, ps0, p[s0l1], p[s0l2]), feat(132, ps0, p[s0r1], p[s0r2]),
		feat(133, pb0, p[b0l1], p[b0l2]), feat(134, ps1, p[s1r1], p[s1r2]),
		feat(135, ps0, lab(s0l1), lab(s0r1)), feat(136, ps0, lab(s0r1), pb0),
		feat(137, ws0, lab(s0r1), 0), feat(138, wb0, lab(b0l1), 0),
		// label sets
		feat(140, ws0, c.rset[s0], 0), feat(141, ps0, c.rset[s0], 0),
		feat(142, ws0, c.lset[s0], 0), feat(143, ps0, c.lset[s0], 0),
		feat(144, wb0, c.lset[b0], 0), feat(145, pb0, c.lset[b0], 0),
		feat(146, ps1, c.rset[s1], 0),
	)
}

func distBucket(d int) uint64 {
	switch {
	case d <= 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}

// canMove reports whether move m may be applied (with some label).
func (c *config) canMove(m int) bool {
	switch m {
	case shift:
		return c.b <= c.n
	case left:
		return len(c.stack) > 0 && (c.b <= c.n || len(c.stack) == 1)
	}
	return len(c.stack) >= 2
}

// arc returns the head and dependent move m would join; the root (n+1)
// may only be the head of a left arc from the last word on the stack.
func (c *config) arc(m int) (h, d int) {
	if m == left {
		return c.b, c.s(0)
	}
	return c.s(1), c.s(0)
}

// bestMove is the highest-scoring applicable move.
func (c *config) bestMove(scores []int32) int {
	best := -1
	for m := 0; m < nMoves; m++ {
		if c.canMove(m) && (best < 0 || scores[m] > scores[best]) {
			best = m
		}
	}
	return best
}

// bestLabel is the highest-scoring label other than root.
func bestLabel[T int32 | float64](scores []T, root int) int { return argmaxExcept(scores, root) }

// argmaxExcept is the index of the highest score, skipping index skip
// (-1 skips none); ties go to the lower index.
func argmaxExcept[T int32 | float64](scores []T, skip int) int {
	best := -1
	for i, v := range scores {
		if i != skip && (best < 0 || v > scores[best]) {
			best = i
		}
	}
	return best
}

// labelFeatures appends the labeler's features for an arc from h to d.
func (c *config) labelFeatures(dst []uint64, h, d int) []uint64 {
	w, p := c.word, c.tag
	dir := uint64(0)
	if h < d {
		dir = 1
	}
	near := func(x, k int) uint64 {
		if x+k < 1 || x+k > c.n {
			return 9
		}
		return p[x+k]
	}
	lab := func(x int) uint64 {
		if x == 0 || c.label[x] < 0 {
			return 99
		}
		return uint64(c.label[x])
	}
	wd, pd, wh, ph := w[d], p[d], w[h], p[h]
	dist := distBucket(h - d)
	if d > h {
		dist = distBucket(d - h)
	}
	t := func(n int) int { return 2*n + int(dir) }
	return append(dst,
		feat(t(200), 0, 0, 0),
		feat(t(201), wd, 0, 0), feat(t(202), pd, 0, 0), feat(t(203), wd, pd, 0),
		feat(t(204), wh, 0, 0), feat(t(205), ph, 0, 0), feat(t(206), wh, ph, 0),
		feat(t(207), pd, ph, 0), feat(t(208), wd, ph, 0), feat(t(209), pd, wh, 0), feat(t(210), wd, wh, 0),
		feat(t(211), pd, ph, dist),
		feat(t(212), pd, c.lset[d], 0), feat(t(213), pd, c.rset[d], 0),
		feat(t(214), pd, p[c.lc1[d]], lab(c.lc1[d])), feat(t(215), pd, p[c.rc1[d]], lab(c.rc1[d])),
		feat(t(216), pd, uint64(c.nl[d]), uint64(c.nr[d])),
		feat(t(217), ph, c.lset[h], 0), feat(t(218), ph, c.rset[h], 0),
		feat(t(219), pd, near(d, -1), near(d, 1)), feat(t(220), ph, near(h, -1), near(h, 1)),
		feat(t(221), pd, ph, near(d, -1)), feat(t(222), pd, ph, near(d, 1)),
		feat(t(223), wd, w[c.lc1[d]], 0), feat(t(224), wd, lab(c.lc1[d]), 0),
		feat(t(225), wh, lab(c.rc1[h]), lab(c.lc1[h])), feat(t(226), pd, p[c.bufAt(1)], 0),
		feat(t(227), wd, near(d, 1), 0), feat(t(228), wd, near(d, -1), 0),
		// The dependent's function words ("by", "of", "that", "to") and
		// its first and last children say most about the label.
		feat(t(229), w[c.lc1[d]], 0, 0), feat(t(230), w[c.lc1[d]], ph, 0), feat(t(231), w[c.lc1[d]], pd, ph),
		feat(t(232), w[c.lc2[d]], pd, 0), feat(t(233), w[c.rc1[d]], pd, 0), feat(t(234), lab(c.lc2[d]), pd, 0),
		feat(t(235), wh, pd, dist), feat(t(236), ph, near(h, 1), pd), feat(t(237), uint64(c.nl[h]), uint64(c.nr[h]), pd),
		feat(t(238), w[c.lc1[d]], wh, 0), feat(t(239), p[c.lc1[d]], lab(c.lc1[d]), ph),
	)
}

// parse fills heads (0 for the root) and labels of the sentence whose
// words and tags are already in c (after reset).
func (p *parser) parse(c *config, buf *scratch) {
	for !c.done() {
		m := c.onlyMove()
		if m < 0 {
			buf.feats = c.features(buf.feats[:0])
			scores := buf.scores[:nMoves]
			p.moves.score(buf.feats, scores)
			m = c.bestMove(scores)
		}
		c.apply(m, p.labelFor(c, m, buf))
	}
}

// onlyMove is the one applicable move when there is just one (an empty
// stack shifts; with only the root left in the buffer the stack reduces),
// so the classifier need not be asked; -1 otherwise.
func (c *config) onlyMove() int {
	only := -1
	for m := 0; m < nMoves; m++ {
		if c.canMove(m) {
			if only >= 0 {
				return -1
			}
			only = m
		}
	}
	return only
}

// labelFor names the arc move m makes (nothing for a shift).
func (p *parser) labelFor(c *config, m int, buf *scratch) int {
	if m == shift {
		return -1
	}
	h, d := c.arc(m)
	if h == c.n+1 {
		return p.root
	}
	buf.feats = c.labelFeatures(buf.feats[:0], h, d)
	scores := buf.scores[:len(p.labels)]
	p.labeler.score(buf.feats, scores)
	return bestLabel(scores, p.root)
}
