package syntax

import (
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
)

// TrainOptions control training. The zero value trains with the defaults.
type TrainOptions struct {
	TaggerEpochs int // default 10
	ParserEpochs int // default 15
	Seed         int64
	// Folds is the number of jackknife folds: the parser trains on tags
	// predicted by taggers that did not see the sentence, as it will see
	// them at run time. 1 or less trains the parser on gold tags.
	Folds int
	// MinWeight drops averaged weights smaller than this (in updates)
	// from the compiled model, trading a little accuracy for size.
	MinWeight float64
	// Explore is the probability of following the parser's own wrong
	// move after the first epoch (dynamic-oracle training); default 0.9.
	Explore  float64
	Version  string
	Treebank string    // described in the model's Info
	Log      io.Writer // per-epoch progress, optional
}

func (o *TrainOptions) defaults() {
	if o.TaggerEpochs == 0 {
		o.TaggerEpochs = 10
	}
	if o.ParserEpochs == 0 {
		o.ParserEpochs = 15
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// Train learns a model from treebank sentences; dev, if given, is scored
// after every epoch and the best epoch's weights are kept. Training is
// deterministic for a seed.
func Train(train, dev []Sentence, o TrainOptions) (*Model, error) {
	o.defaults()
	if len(train) == 0 {
		return nil, fmt.Errorf("train: no training sentences")
	}
	m := &Model{lemmas: learnLemmas(train), feats: learnFeats(train)}
	classes, err := tagClasses(train)
	if err != nil {
		return nil, err
	}
	labels := relLabels(train)
	root := indexOf(labels, "root")
	if root < 0 {
		return nil, fmt.Errorf("train: no word has the relation root")
	}
	m.parser = &parser{labels: labels, root: root}
	fmt.Fprintf(o.Log, "train: %d sentences, %d tag classes, %d relations\n", len(train), len(classes), len(labels))

	m.tagger = trainTagger(train, dev, classes, o, "tagger", o.Log)
	trainTags := goldTags(train, classes)
	if o.Folds > 1 {
		trainTags = jackknife(train, classes, o)
	}
	trainParser(m, train, trainTags, dev, o)
	m.Info = Info{
		Version: o.Version, Treebank: o.Treebank, Seed: o.Seed,
		Epochs: fmt.Sprintf("tagger %d, parser %d", o.TaggerEpochs, o.ParserEpochs),
	}
	if len(dev) > 0 {
		m.Info.Dev = Evaluate(m, dev).String()
	}
	return m, nil
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// tagClasses lists the joint "UPOS XPOS" classes of the treebank, sorted.
func tagClasses(sents []Sentence) ([]string, error) {
	seen := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			seen[w.UPOS+" "+w.XPOS] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	if len(out) > noTag {
		return nil, fmt.Errorf("train: %d tag classes, at most %d", len(out), noTag)
	}
	return out, nil
}

// relLabels lists the treebank's relations, sorted.
func relLabels(sents []Sentence) []string {
	seen := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			seen[w.Rel] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// learnFeats keeps, for each PTB tag, its most frequent value of the
// features that the tag alone decides.
func learnFeats(sents []Sentence) map[string]string {
	keep := map[string]bool{"Number": true, "Tense": true, "VerbForm": true, "Mood": true}
	counts := map[string]map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			var kept []string
			for _, f := range strings.Split(w.Feats, "|") {
				if k, _, ok := strings.Cut(f, "="); ok && keep[k] {
					kept = append(kept, f)
				}
			}
			if counts[w.XPOS] == nil {
				counts[w.XPOS] = map[string]int{}
			}
			counts[w.XPOS][strings.Join(kept, "|")]++
		}
	}
	out := map[string]string{}
	for x, c := range counts {
		if f := mostFrequent(c); f != "" {
			out[x] = f
		}
	}
	return out
}

func classIndex(classes []string) map[string]int {
	idx := make(map[string]int, len(classes))
	for i, c := range classes {
		idx[c] = i
	}
	return idx
}

func goldTags(sents []Sentence, classes []string) [][]int {
	idx := classIndex(classes)
	out := make([][]int, len(sents))
	for i, s := range sents {
		out[i] = make([]int, len(s.Words))
		for j, w := range s.Words {
			out[i][j] = idx[w.UPOS+" "+w.XPOS]
		}
	}
	return out
}

func forms(s Sentence) []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		out[i] = w.Form
	}
	return out
}

// fixedTags finds the frequent words the treebank tags one way.
func fixedTags(sents []Sentence, classes []string) map[uint64]uint8 {
	idx := classIndex(classes)
	counts := map[string]map[int]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			if counts[w.Form] == nil {
				counts[w.Form] = map[int]int{}
			}
			counts[w.Form][idx[w.UPOS+" "+w.XPOS]]++
		}
	}
	out := map[uint64]uint8{}
	for f, c := range counts {
		total, best, bestN := 0, 0, -1
		for k, n := range c {
			total += n
			if n > bestN || (n == bestN && k < best) {
				best, bestN = k, n
			}
		}
		if total >= 20 && float64(bestN) >= 0.99*float64(total) {
			out[hashExact(f)] = uint8(best)
		}
	}
	return out
}

// shuffled returns 0..n-1 in an order fixed by the seed and epoch.
func shuffled(n int, seed int64, epoch int) []int {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(epoch)))
	return r.Perm(n)
}

// trainTagger trains a tagger, keeping the epoch that scores best on dev.
func trainTagger(train, dev []Sentence, classes []string, o TrainOptions, name string, log io.Writer) *tagger {
	gold := goldTags(train, classes)
	tg := &tagger{classes: classes, fixed: fixedTags(train, classes), ambiguity: ambiguityClasses(train, classes)}
	t := newTrainer(len(classes))
	scores := make([]float64, len(classes))
	var feats []uint64
	var best *linear
	bestAcc := -1.0
	for epoch := 0; epoch < o.TaggerEpochs; epoch++ {
		correct, total := 0, 0
		for _, si := range shuffled(len(train), o.Seed, epoch) {
			s := train[si]
			var ctx tagContext
			ctx.prepare(forms(s), tg.ambiguity)
			p1, p2 := noTag, noTag
			for i := range ctx.forms {
				g := gold[si][i]
				guess := g
				if k, ok := tg.fixed[hashExact(ctx.forms[i])]; ok {
					guess = int(k)
				} else {
					feats = tagFeatures(feats[:0], &ctx, i, p1, p2)
					t.score(feats, scores)
					guess = argmaxExcept(scores, -1)
					t.tick()
					t.update(feats, g, guess)
				}
				if guess == g {
					correct++
				}
				total++
				p1, p2 = guess, p1
			}
		}
		tg.lin = t.compile(0)
		acc := float64(correct) / float64(max(total, 1))
		if len(dev) == 0 {
			fmt.Fprintf(log, "%s epoch %d: train %.4f\n", name, epoch+1, acc)
			best = tg.lin
			continue
		}
		devAcc := tagAccuracy(tg, dev)
		fmt.Fprintf(log, "%s epoch %d: train %.4f, dev UPOS+XPOS %.4f\n", name, epoch+1, acc, devAcc)
		if devAcc > bestAcc {
			best, bestAcc = tg.lin, devAcc
		}
	}
	tg.lin = best
	return tg
}

// tagAccuracy is the share of words whose joint tag class is right.
func tagAccuracy(tg *tagger, sents []Sentence) float64 {
	correct, total := 0, 0
	buf := &scratch{scores: make([]int32, len(tg.classes))}
	for _, s := range sents {
		var ctx tagContext
		ctx.prepare(forms(s), tg.ambiguity)
		out := make([]int, len(s.Words))
		tg.tag(&ctx, out, buf)
		for i, w := range s.Words {
			if tg.classes[out[i]] == w.UPOS+" "+w.XPOS {
				correct++
			}
			total++
		}
	}
	return float64(correct) / float64(max(total, 1))
}

// jackknife tags each fold of train with a tagger trained on the others.
func jackknife(train []Sentence, classes []string, o TrainOptions) [][]int {
	out := make([][]int, len(train))
	buf := &scratch{scores: make([]int32, len(classes))}
	for k := 0; k < o.Folds; k++ {
		var rest []Sentence
		for i, s := range train {
			if i%o.Folds != k {
				rest = append(rest, s)
			}
		}
		tg := trainTagger(rest, nil, classes, o, fmt.Sprintf("jackknife %d/%d", k+1, o.Folds), io.Discard)
		for i := k; i < len(train); i += o.Folds {
			var ctx tagContext
			ctx.prepare(forms(train[i]), tg.ambiguity)
			out[i] = make([]int, len(ctx.forms))
			tg.tag(&ctx, out[i], buf)
		}
		fmt.Fprintf(o.Log, "jackknife fold %d/%d tagged\n", k+1, o.Folds)
	}
	return out
}

// trainParser trains the parser's two classifiers with the dynamic
// oracle, keeping the epoch that scores best (LAS) on dev.
func trainParser(m *Model, train []Sentence, tags [][]int, dev []Sentence, o TrainOptions) {
	p := m.parser
	labelIdx := map[string]int{}
	for i, l := range p.labels {
		labelIdx[l] = i
	}
	moves, labeler := newTrainer(nMoves), newTrainer(len(p.labels))
	moveScores := make([]float64, nMoves)
	labelScores := make([]float64, len(p.labels))
	var feats, lfeats []uint64
	var c config
	var bestMoves, bestLabeler *linear
	bestLAS := -1.0
	for epoch := 0; epoch < o.ParserEpochs; epoch++ {
		r := rand.New(rand.NewPCG(uint64(o.Seed), uint64(1000+epoch)))
		for _, si := range shuffled(len(train), o.Seed, 1000+epoch) {
			s := train[si]
			n := len(s.Words)
			c.reset(n)
			gold := make([]int, n+2)
			goldLabel := make([]int, n+2)
			for i, w := range s.Words {
				c.word[i+1] = hashLower(w.Form)
				c.tag[i+1] = uint64(tags[si][i]) + 20
				gold[i+1] = w.Head
				if w.Head == 0 {
					gold[i+1] = n + 1
				}
				goldLabel[i+1] = labelIdx[w.Rel]
			}
			gold[0], gold[n+1] = -1, -1
			for !c.done() {
				feats = c.features(feats[:0])
				moves.score(feats, moveScores)
				sh, le, ri := c.costs(gold)
				cost := [nMoves]int{sh, le, ri}
				pred, best, minCost := -1, -1, 1<<30
				for mv := 0; mv < nMoves; mv++ {
					if !c.canMove(mv) || cost[mv] < 0 {
						continue
					}
					if pred < 0 || moveScores[mv] > moveScores[pred] {
						pred = mv
					}
					minCost = min(minCost, cost[mv])
				}
				for mv := 0; mv < nMoves; mv++ {
					if c.canMove(mv) && cost[mv] == minCost && (best < 0 || moveScores[mv] > moveScores[best]) {
						best = mv
					}
				}
				moves.tick()
				next := pred
				if cost[pred] > minCost {
					moves.update(feats, best, pred)
					if epoch == 0 || r.Float64() >= o.Explore {
						next = best
					}
				}
				label := -1
				if next != shift {
					h, d := c.arc(next)
					switch {
					case h == n+1:
						label = p.root
					case gold[d] == h:
						lfeats = c.labelFeatures(lfeats[:0], h, d)
						labeler.score(lfeats, labelScores)
						guess := bestLabel(labelScores, p.root)
						labeler.tick()
						labeler.update(lfeats, goldLabel[d], guess)
						label = goldLabel[d]
						if label == p.root {
							label = guess
						}
					default:
						lfeats = c.labelFeatures(lfeats[:0], h, d)
						labeler.score(lfeats, labelScores)
						label = bestLabel(labelScores, p.root)
					}
				}
				c.apply(next, label)
			}
		}
		p.moves, p.labeler = moves.compile(o.MinWeight), labeler.compile(o.MinWeight)
		size := len(p.moves.keys) + len(p.labeler.keys)
		if len(dev) == 0 {
			fmt.Fprintf(o.Log, "parser epoch %d: %d features\n", epoch+1, size)
			bestMoves, bestLabeler = p.moves, p.labeler
			continue
		}
		sc := Evaluate(m, dev)
		fmt.Fprintf(o.Log, "parser epoch %d: %d features, dev %s\n", epoch+1, size, sc)
		if sc.LAS > bestLAS {
			bestMoves, bestLabeler, bestLAS = p.moves, p.labeler, sc.LAS
		}
	}
	p.moves, p.labeler = bestMoves, bestLabeler
}

// ambiguityClasses hashes, for each folded form, the set of classes the
// treebank gives it at least a tenth of the time.
func ambiguityClasses(sents []Sentence, classes []string) map[uint64]uint64 {
	idx := classIndex(classes)
	counts := map[uint64]map[int]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			h := hashLower(w.Form)
			if counts[h] == nil {
				counts[h] = map[int]int{}
			}
			counts[h][idx[w.UPOS+" "+w.XPOS]]++
		}
	}
	out := make(map[uint64]uint64, len(counts))
	for h, c := range counts {
		total := 0
		for _, n := range c {
			total += n
		}
		if total < 2 {
			continue
		}
		var set []int
		for k, n := range c {
			if 10*n >= total {
				set = append(set, k)
			}
		}
		sort.Ints(set)
		a := uint64(7)
		for _, k := range set {
			a = mix(a, uint64(k)+1)
		}
		out[h] = a
	}
	return out
}
