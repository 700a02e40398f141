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
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/schema"
)

// defaultMaxSize bounds one article (a text or HTML file, or one JSON Lines
// record). A news article is a few kilobytes and a long feature 100 KB;
// extracting a megabyte takes about half a minute and 200 MB of memory,
// so anything larger is more likely a wrong file than an article.
const defaultMaxSize = 1 << 20

// inputExts are the file kinds a folder is searched for.
var inputExts = map[string]bool{".txt": true, ".md": true, ".jsonl": true, ".html": true, ".htm": true}

// articleFile is one input file or JSON Lines record as the user named it.
type articleFile struct {
	path string // as given, for messages
	line int    // JSON Lines line number, 0 for whole files
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
	err     error // names src
}

// readOptions say how to read inputs.
type readOptions struct {
	maxSize int64 // bytes per article
}

// expandPaths turns the command-line paths into files: folders are walked
// recursively for .txt, .md, .html and .jsonl files, in name order. A path
// that does not exist, or a folder that cannot be read, is reported to
// bad (with its path) and skipped.
func expandPaths(paths []string, bad func(error)) []string {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			bad(fmt.Errorf("%s: %w", p, unwrapPathError(err)))
			continue
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				bad(fmt.Errorf("%s: %w", path, unwrapPathError(err)))
				if d != nil && d.IsDir() && path != p {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != p {
				return filepath.SkipDir
			}
			if !d.IsDir() && inputExts[strings.ToLower(filepath.Ext(path))] {
				found = append(found, path)
			}
			return nil
		})
		if len(found) == 0 {
			bad(fmt.Errorf("%s: no .txt, .md, .html or .jsonl files in this folder", p))
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func isJSONLines(path string) bool { return strings.EqualFold(filepath.Ext(path), ".jsonl") }

// readInput reads the articles of one file (or "-" for stdin).
func readInput(path string, stdin io.Reader, opt readOptions) ([]extract.Article, error) {
	var items []inputItem
	err := eachArticle(path, stdin, opt, func(it inputItem) error {
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

// eachArticle calls fn for every article of a file: one for a text or HTML
// file, one per line for JSON Lines. A bad article is passed to fn as an
// error item; a file that cannot be read at all is returned as the error.
// Errors name the file (and line).
func eachArticle(path string, stdin io.Reader, opt readOptions, fn func(inputItem) error) error {
	var r io.Reader
	if path == "-" {
		r = stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("%s: %w", path, unwrapPathError(err))
		}
		defer f.Close()
		r = f
	}
	if isJSONLines(path) {
		return eachJSONLine(path, r, opt, fn)
	}
	data, err := io.ReadAll(io.LimitReader(r, opt.maxSize+1))
	if err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	src := articleFile{path: path}
	if int64(len(data)) > opt.maxSize {
		return fn(inputItem{src: src, err: fmt.Errorf("%s: larger than %s (--max-size): not an article, or raise --max-size", src, formatSize(opt.maxSize))})
	}
	art, err := articleFromFile(path, data)
	if err != nil {
		return fn(inputItem{src: src, err: fmt.Errorf("%s: %w", src, err)})
	}
	return fn(inputItem{src: src, article: art})
}

// articleFromFile reads an article from a text or HTML file's bytes.
func articleFromFile(path string, data []byte) (extract.Article, error) {
	text, err := decodeText(data)
	if err != nil {
		return extract.Article{}, err
	}
	var art extract.Article
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".html" || ext == ".htm" || looksLikeHTML(text) {
		if art, err = articleFromHTML(text); err != nil {
			return extract.Article{}, err
		}
	} else {
		art = extract.ParseArticle(text)
	}
	if strings.TrimSpace(art.Text) == "" {
		return extract.Article{}, errors.New("empty: no article text after the metadata lines")
	}
	art.Source = path
	if path == "-" {
		art.Source = "stdin"
	} else if abs, err := filepath.Abs(path); err == nil {
		art.ID = "file:" + filepath.ToSlash(abs)
	}
	return art, nil
}

// Byte-order marks.
var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
	bomUTF32LE = []byte{0xff, 0xfe, 0, 0}
	bomUTF32BE = []byte{0, 0, 0xfe, 0xff}
)

// signatures name binary formats people save articles in, for a clearer
// refusal than "not text".
var signatures = []struct {
	prefix, name string
}{
	{"%PDF-", "a PDF document; extract its text first (pdftotext)"},
	{"\x89PNG", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"PK\x03\x04", "a ZIP archive (or a Word or OpenDocument file); save the article as text"},
	{"\x1f\x8b", "gzip-compressed; decompress it first"},
	{"{\\rtf", "an RTF document; save the article as plain text"},
}

// decodeText turns a file's bytes into UTF-8 text, or says why it is not
// an article's text: binary, not UTF-8 or UTF-16, empty.
func decodeText(data []byte) (string, error) {
	for _, sig := range signatures {
		if bytes.HasPrefix(data, []byte(sig.prefix)) {
			return "", fmt.Errorf("not text but %s", sig.name)
		}
	}
	switch {
	case bytes.HasPrefix(data, bomUTF32LE), bytes.HasPrefix(data, bomUTF32BE):
		return "", errors.New("UTF-32 text is not supported: save it as UTF-8")
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		s, err := decodeUTF16(data)
		if err != nil {
			return "", err
		}
		data = []byte(s)
	default:
		data = bytes.TrimPrefix(data, bomUTF8)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", errors.New("binary file (contains NUL bytes), not text; UTF-16 text needs a byte-order mark")
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("not valid UTF-8 text (first bad byte at offset %d): convert it to UTF-8", invalidUTF8At(data))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", errors.New("empty: no text to extract from")
	}
	return string(data), nil
}

// decodeUTF16 decodes UTF-16 text that starts with its byte-order mark.
func decodeUTF16(data []byte) (string, error) {
	if len(data)%2 != 0 {
		return "", errors.New("UTF-16 text with an odd number of bytes: the file is cut short or not UTF-16")
	}
	big := bytes.HasPrefix(data, bomUTF16BE)
	units := make([]uint16, 0, len(data)/2-1)
	for i := 2; i+1 < len(data); i += 2 {
		if big {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	for i := 0; i < len(units); i++ {
		switch u := units[i]; {
		case utf16.IsSurrogate(rune(u)) && u < 0xdc00 && i+1 < len(units) && units[i+1] >= 0xdc00 && units[i+1] <= 0xdfff:
			i++ // a pair
		case utf16.IsSurrogate(rune(u)):
			return "", fmt.Errorf("not valid UTF-16 text (unpaired surrogate at offset %d)", 2+2*i)
		}
	}
	return string(utf16.Decode(units)), nil
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// jsonArticle is one JSON Lines record.
type jsonArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// eachJSONLine calls fn with every record of a JSON Lines stream. A line
// longer than the size limit is reported and skipped without being held
// in memory. The stream may start with a byte-order mark (UTF-8 or UTF-16).
func eachJSONLine(path string, r io.Reader, opt readOptions, fn func(inputItem) error) error {
	br := bufio.NewReaderSize(decodeBOM(bufio.NewReader(r)), 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, opt.maxSize)
		if err != nil && err != io.EOF {
			return fmt.Errorf("%s:%d: %w", path, n, unwrapPathError(err))
		}
		src := articleFile{path: path, line: n}
		var item inputItem
		switch {
		case tooLong:
			item = inputItem{src: src, err: fmt.Errorf("%s: record longer than %s (--max-size): not an article, or raise --max-size", src, formatSize(opt.maxSize))}
		case len(bytes.TrimSpace(line)) == 0:
			if err == io.EOF {
				return nil
			}
			continue
		default:
			art, perr := articleFromJSON(path, n, bytes.TrimSpace(line))
			if perr != nil {
				perr = fmt.Errorf("%s: %w", src, perr)
			}
			item = inputItem{src: src, article: art, err: perr}
		}
		if ferr := fn(item); ferr != nil {
			return ferr
		}
		if err == io.EOF {
			return nil
		}
	}
}

// decodeBOM strips a UTF-8 byte-order mark and decodes UTF-16 that starts
// with one; anything else passes through unchanged.
func decodeBOM(br *bufio.Reader) io.Reader {
	head, _ := br.Peek(2)
	if bytes.Equal(head, bomUTF16LE) || bytes.Equal(head, bomUTF16BE) {
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	}
	if head, _ := br.Peek(3); bytes.Equal(head, bomUTF8) {
		br.Discard(3)
	}
	return br
}

// readLine reads one line, without its end. A line longer than max is read
// to its end but not kept: tooLong is then true.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max+2 { // +2: the line end
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err != nil:
			return bytes.TrimRight(buf, "\r\n"), tooLong, err
		default:
			return bytes.TrimRight(buf, "\r\n"), tooLong, nil
		}
	}
}

// articleFromJSON reads one JSON Lines record.
func articleFromJSON(path string, line int, data []byte) (extract.Article, error) {
	var ja jsonArticle
	if err := json.Unmarshal(data, &ja); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return extract.Article{}, fmt.Errorf("field %q must be a string, not a JSON %s", te.Field, te.Value)
		}
		return extract.Article{}, fmt.Errorf("malformed JSON: %v", err)
	}
	if strings.TrimSpace(ja.Text) == "" {
		return extract.Article{}, errors.New(`no "text": nothing to extract from`)
	}
	if strings.ContainsRune(ja.Text, 0) {
		return extract.Article{}, errors.New(`"text" contains NUL characters: not text`)
	}
	if ja.Published != "" {
		if _, err := schema.ParseDay(ja.Published); err != nil {
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

var sizeRE = regexp.MustCompile(`(?i)^\s*(\d+)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$`)

// parseSize reads a size such as 1048576, 512K, 4MB or 1GiB (units are
// powers of 1024).
func parseSize(s string) (int64, error) {
	m := sizeRE.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("size %q is not a number of bytes with an optional unit (512KB, 4MB, 1GB)", s)
	}
	n, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	shift := map[string]uint{"": 0, "b": 0, "k": 10, "kb": 10, "kib": 10, "m": 20, "mb": 20, "mib": 20, "g": 30, "gb": 30, "gib": 30}[strings.ToLower(m[2])]
	if n > (1<<62)>>shift {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	n <<= shift
	if n <= 0 {
		return 0, fmt.Errorf("size %q must be more than 0", s)
	}
	return n, nil
}

// formatSize prints a byte count as parseSize reads it.
func formatSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%dGB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKB", n>>10)
	}
	return fmt.Sprintf("%dB", n)
}
