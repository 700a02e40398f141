// Package extract turns the text of a news article into a schema.Result:
// the article's actors (people with their titles, organisations, countries,
// places), resolved so that every real actor is one node, and its events,
// coded with CAMEO, with source, target, place, normalised date, negation
// and the evidence sentence.
//
// Extraction is an ordered pipeline of named stages (stages.go), each
// adding one kind of annotation to the article and timed by
// Analyze:
//
//	segment    headline, dateline, body paragraphs, byline (text.go)
//	tokenize   sentences (prose's segmenter), tokens, and their syntax:
//	           tags, lemmas, dependency tree (nlp.go, package syntax)
//	mentions   gazetteer, title and name matches over tokens (mentions.go)
//	resolve    mentions merged into actors; surnames, demonyms (resolve.go)
//	events     frame lexicon (lexicon/events.frames), arguments from the
//	           clause and the tree (arguments.go, tree.go), place, date
//	           (dates.go), negation and modality (modality.go)
//	statements who said what to whom, CAMEO 010-019 (events.go)
//
// An Extractor loads its models and lexicons once and is safe for concurrent
// use:
//
//	x, err := extract.New()
//	res, err := x.Extract(ctx, extract.Article{Text: text, Published: "2025-02-27"})
//
// Every event records the lexicon rule that produced it (Event.Rule), so a
// user can see why an edge exists.
package extract
