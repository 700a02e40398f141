package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph/extract"
)

// maxArticleBytes bounds one article; news articles are a few kilobytes.
const maxArticleBytes = 4 << 20

// articleFile is one input file or JSON Lines record as the user named it.
type articleFile struct {
	path string // as given, for messages
	line int    // JSON Lines record number, 0 for whole files
}

func (f articleFile) String() string {
	if f.line > 0 {
		return fmt.Sprintf("%s:%d", f.path, f.line)
	}
	return f.path
}

// inputItem is an article read from an input, or the error reading it.
type inputItem struct {
	src     articleFile
	article extract.Article
	err     error
}

// expandPaths turns the command-line paths into files: folders are walked
// recursively for .txt, .md and .jsonl files, in name order.
func expandPaths(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("ingest %s: %w", p, unwrapPathError(err))
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != p {
				return filepath.SkipDir
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".txt", ".md", ".jsonl":
				if !d.IsDir() {
					found = append(found, path)
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("ingest %s: %w", p, unwrapPathError(err))
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readInput reads the articles of one file (or "-" for stdin).
func readInput(path string, stdin io.Reader) ([]extract.Article, error) {
	var items []inputItem
	err := eachArticle(path, stdin, func(it inputItem) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []extract.Article
	for _, it := range items {
		if it.err != nil {
			return nil, it.err
		}
		out = append(out, it.article)
	}
	return out, nil
}

// eachArticle calls fn for every article of a file: one for a text file,
// one per line for JSON Lines. A bad record is passed to fn as an error
// item; an unreadable file is returned as the error.
func eachArticle(path string, stdin io.Reader, fn func(inputItem) error) error {
	var r io.Reader
	if path == "-" {
		r = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, unwrapPathError(err))
		}
		defer f.Close()
		r = f
	}
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		return eachJSONLine(path, r, fn)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxArticleBytes+1))
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	src := articleFile{path: path}
	art, err := articleFromText(path, data)
	if err != nil {
		return fn(inputItem{src: src, err: fmt.Errorf("%s: %w", src, err)})
	}
	return fn(inputItem{src: src, article: art})
}

// articleFromText checks a text file and reads its metadata.
func articleFromText(path string, data []byte) (extract.Article, error) {
	text, err := checkText(data)
	if err != nil {
		return extract.Article{}, err
	}
	art := extract.ParseArticle(text)
	art.Source = path
	if path == "-" {
		art.Source = "stdin"
	} else if abs, err := filepath.Abs(path); err == nil {
		art.ID = "file:" + filepath.ToSlash(abs)
	}
	return art, nil
}

// checkText refuses what is not an article: too large, binary, not UTF-8,
// empty.
func checkText(data []byte) (string, error) {
	if len(data) > maxArticleBytes {
		return "", fmt.Errorf("larger than %d MB: not an article", maxArticleBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, 0) >= 0 {
		return "", errors.New("binary file (contains NUL bytes), not text")
	}
	if !utf8.Valid(data) {
		return "", errors.New("not valid UTF-8 text")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", errors.New("empty: no text to extract from")
	}
	return string(data), nil
}

// jsonArticle is one JSON Lines record.
type jsonArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

func eachJSONLine(path string, r io.Reader, fn func(inputItem) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxArticleBytes+1)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		src := articleFile{path: path, line: n}
		art, err := articleFromJSON(path, n, line)
		if err != nil {
			err = fmt.Errorf("%s: %w", src, err)
		}
		if err := fn(inputItem{src: src, article: art, err: err}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: line %d: %w", path, n+1, err)
	}
	return nil
}

func articleFromJSON(path string, line int, data []byte) (extract.Article, error) {
	var ja jsonArticle
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ja); err != nil {
		// Unknown fields are allowed; only malformed JSON is an error.
		var plain jsonArticle
		if err2 := json.Unmarshal(data, &plain); err2 != nil {
			return extract.Article{}, fmt.Errorf("malformed JSON: %v", err2)
		}
		ja = plain
	}
	if strings.TrimSpace(ja.Text) == "" {
		return extract.Article{}, errors.New(`no "text" field: nothing to extract from`)
	}
	if ja.Published != "" {
		if _, err := extract.ParseDate(ja.Published); err != nil {
			return extract.Article{}, fmt.Errorf(`"published": %v`, err)
		}
	}
	id := ja.ID
	if id == "" {
		id = ja.URL
	}
	if id != "" {
		id = "id:" + id
	}
	return extract.Article{ID: id, Title: ja.Title, URL: ja.URL, Published: ja.Published, Text: ja.Text,
		Source: fmt.Sprintf("%s:%d", path, line)}, nil
}
