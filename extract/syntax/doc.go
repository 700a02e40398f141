// Package syntax reads the grammar of an English sentence: for each token
// its part of speech (Universal and Penn Treebank tags), lemma, a few
// morphological features, and its head and Universal Dependencies relation.
//
// The tagger and the parser are greedy, averaged-perceptron classifiers over
// hashed features: the tagger reads left to right, the parser is an
// arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011)
// trained with a dynamic oracle (Goldberg and Nivre 2012, 2013) on rich
// non-local features (Zhang and Nivre 2011). Lemmas come from a table
// learned from the treebank, with suffix rules for unseen words. The model
// is trained on the Universal Dependencies English Web Treebank by
// internal/syntaxtool and embedded in the binary (model/README.md has its
// licence and attribution), so
//
//	m, err := syntax.Default()
//	words := m.Parse([]string{"Russia", "expelled", "ten", "diplomats", "."})
//
// needs no files at run time. A Model is immutable and safe for concurrent
// use.
package syntax
