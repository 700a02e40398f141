// Command syntaxtool trains and evaluates diplograph's syntax model.
//
//	go run ./extract/syntax/internal/syntaxtool train   # writes extract/syntax/model/english.model.gz
//	go run ./extract/syntax/internal/syntaxtool eval    # scores the embedded model on EWT test and PUD
//
// Both read the treebanks from ../shared/treebanks (override with -treebanks).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/diplograph/diplograph/extract/syntax"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: syntaxtool train|eval [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "train":
		err = train(os.Args[2:])
	case "eval":
		err = evaluate(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q (train, eval)", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "syntaxtool:", err)
		os.Exit(1)
	}
}

func readTreebank(path string) ([]syntax.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return syntax.ReadCoNLLU(f, path)
}

func train(args []string) error {
	fs := flag.NewFlagSet("train", flag.ExitOnError)
	dir := fs.String("treebanks", "../shared/treebanks", "folder holding ud-english-ewt")
	out := fs.String("out", "extract/syntax/model/english.model.gz", "model file to write")
	o := syntax.TrainOptions{Log: os.Stdout, Version: syntax.ModelVersion}
	fs.IntVar(&o.TaggerEpochs, "tagger-epochs", 10, "tagger training epochs")
	fs.IntVar(&o.ParserEpochs, "parser-epochs", 15, "parser training epochs")
	fs.IntVar(&o.Folds, "folds", 5, "jackknife folds for the parser's training tags")
	fs.Int64Var(&o.Seed, "seed", 1, "random seed (training is deterministic for a seed)")
	fs.Float64Var(&o.MinWeight, "min-weight", 1, "drop averaged weights below this")
	withDev := fs.Bool("with-dev", false, "train on train and dev together, keeping the last epoch (dev scores are then not a held-out measure)")
	fs.Parse(args)
	ewt := filepath.Join(*dir, "ud-english-ewt")
	tr, err := readTreebank(filepath.Join(ewt, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	dev, err := readTreebank(filepath.Join(ewt, "en_ewt-ud-dev.conllu"))
	if err != nil {
		return err
	}
	start := time.Now()
	o.Treebank = "UD English EWT train (" + fmt.Sprint(len(tr)) + " sentences)"
	selectOn := dev
	if *withDev {
		tr = append(tr, dev...)
		o.Treebank = "UD English EWT train and dev (" + fmt.Sprint(len(tr)) + " sentences)"
		selectOn = nil
	}
	m, err := syntax.Train(tr, selectOn, o)
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	st, _ := os.Stat(*out)
	fmt.Printf("wrote %s (%.1f MB) in %s; dev: %s\n", *out, float64(st.Size())/1e6, time.Since(start).Round(time.Second), m.Info.Dev)
	return nil
}

func evaluate(args []string) error {
	fs := flag.NewFlagSet("eval", flag.ExitOnError)
	dir := fs.String("treebanks", "../shared/treebanks", "folder holding ud-english-ewt and ud-english-pud")
	model := fs.String("model", "", "model file (default: the embedded model)")
	fs.Parse(args)
	var m *syntax.Model
	var err error
	if *model == "" {
		m, err = syntax.Default()
	} else {
		var f *os.File
		if f, err = os.Open(*model); err == nil {
			m, err = syntax.Load(f)
			f.Close()
		}
	}
	if err != nil {
		return err
	}
	for _, set := range []struct{ name, path string }{
		{"EWT test", filepath.Join(*dir, "ud-english-ewt", "en_ewt-ud-test.conllu")},
		{"PUD", filepath.Join(*dir, "ud-english-pud", "en_pud-ud-test.conllu")},
	} {
		gold, err := readTreebank(set.path)
		if err != nil {
			return err
		}
		fmt.Printf("%-8s gold tokens: %s\n", set.name, syntax.Evaluate(m, gold))
		fmt.Printf("%-8s raw text:    %s\n", set.name, syntax.EvaluateRaw(m, gold, nil))
	}
	return nil
}
