package main

import (
	"bufio"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/extract/syntax"
)

// extractCoNLLU prints the syntax of every sentence of every input article
// as CoNLL-U. A bad input is reported on stderr and the others go on; the
// exit status is then 1.
func extractCoNLLU(cmd *cobra.Command, opts *extractOptions) error {
	x, err := extract.New()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(opts.IO.Out)
	defer out.Flush()
	failed := 0
	bad := func(err error) {
		failed++
		fmt.Fprintf(opts.IO.ErrOut, "extract %v\n", err)
	}
	for _, path := range expandPaths(opts.Paths, bad) {
		err := eachArticle(path, opts.IO.In, opts.read, func(it inputItem) error {
			if it.err != nil {
				bad(it.err)
				return nil
			}
			return writeArticleCoNLLU(cmd, out, x, it)
		})
		if err != nil {
			bad(err)
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return errors.New("extract: some inputs could not be read (see above)")
	}
	return nil
}

func writeArticleCoNLLU(cmd *cobra.Command, out *bufio.Writer, x *extract.Extractor, it inputItem) error {
	sents, err := x.Sentences(cmd.Context(), it.article)
	if err != nil {
		return fmt.Errorf("extract %s: %w", it.src, err)
	}
	doc := docName(it)
	fmt.Fprintf(out, "# newdoc id = %s\n", doc)
	for k, s := range sents {
		if s.Part != "body" {
			fmt.Fprintf(out, "# part = %s\n", s.Part)
		}
		err := syntax.WriteCoNLLU(out, syntax.Sentence{ID: fmt.Sprintf("%s-%d", doc, k+1), Text: s.Text, Words: s.Words})
		if err != nil {
			return err
		}
	}
	return nil
}

// docName names an article in sent_ids: its ID, else its file name (and
// JSON Lines line), without spaces.
func docName(it inputItem) string {
	name := it.article.ID
	if name == "" || strings.HasPrefix(name, "/") || strings.HasPrefix(name, "file:") {
		name = filepath.Base(it.src.path)
		if it.src.line > 0 {
			name = fmt.Sprintf("%s:%d", name, it.src.line)
		}
	}
	name = strings.TrimPrefix(name, "id:")
	return strings.Join(strings.Fields(name), "_")
}
