package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a token of raw text with its byte offsets.
type Token struct {
	Text       string
	Start, End int
}

// Tokenize splits one sentence of text into tokens the way the English Web
// Treebank does: punctuation apart, clitics off their host ("do" "n't",
// "Russia" "'s"), hyphenated compounds into their parts and the hyphen
// ("U.S." "-" "brokered") unless the first part is a prefix ("co-host"),
// abbreviations, numbers, e-mail addresses and URLs whole.
func Tokenize(text string) []Token {
	var out []Token
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		out = splitChunk(out, text[i:j], i)
		i = j
	}
	return out
}

// splitChunk tokenises a run of text without spaces starting at offset.
func splitChunk(out []Token, s string, offset int) []Token {
	if isURLOrEmail(s) {
		return emitTrimmed(out, s, offset)
	}
	// Leading punctuation.
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !isOpening(r) && !(r == '\'' && len(s) > 1 && !startsClitic(s)) && !isDash(s) {
			break
		}
		if isDash(s) {
			n = dashLen(s)
		}
		out = append(out, Token{s[:n], offset, offset + n})
		s, offset = s[n:], offset+n
	}
	// Trailing punctuation, kept aside and emitted after the core.
	var tail []Token
	end := len(s)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if r == '.' && keepsFinalPeriod(s[:end]) {
			break
		}
		if !isClosing(r) {
			break
		}
		if r == '.' && strings.HasSuffix(s[:end], "...") {
			n = 3
		}
		tail = append(tail, Token{s[end-n : end], offset + end - n, offset + end})
		end -= n
	}
	out = splitCore(out, s[:end], offset)
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

func emitTrimmed(out []Token, s string, offset int) []Token {
	end := len(s)
	for end > 0 && strings.ContainsRune(".,;:!?)\"'", rune(s[end-1])) {
		end--
	}
	out = append(out, Token{s[:end], offset, offset + end})
	for k := end; k < len(s); k++ {
		out = append(out, Token{s[k : k+1], offset + k, offset + k + 1})
	}
	return out
}

// splitCore splits a chunk without outer punctuation at clitics, inner
// punctuation and hyphens.
func splitCore(out []Token, s string, offset int) []Token {
	if s == "" {
		return out
	}
	if host, n := cliticSplit(s); n > 0 {
		out = splitCore(out, s[:host], offset)
		return append(out, Token{s[host:], offset + host, offset + len(s)})
	}
	// Inner separators: dashes, slashes between words, "--".
	for i := 1; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isDash(s[i:]):
			d := dashLen(s[i:])
			out = splitCore(out, s[:i], offset)
			out = append(out, Token{s[i : i+d], offset + i, offset + i + d})
			return splitCore(out, s[i+d:], offset+i+d)
		case r == '-' && i+n < len(s) && !isPrefixed(s[:i]) && !isNumberRange(s):
			out = splitCore(out, s[:i], offset)
			out = append(out, Token{"-", offset + i, offset + i + 1})
			return splitCore(out, s[i+1:], offset+i+1)
		case r == '/' && i+n < len(s) && !isNumeric(s):
			out = splitCore(out, s[:i], offset)
			out = append(out, Token{"/", offset + i, offset + i + 1})
			return splitCore(out, s[i+1:], offset+i+1)
		case (r == '$' || r == '€' || r == '£') && i == 0:
		case r == '%' && i == len(s)-1:
			out = append(out, Token{s[:i], offset, offset + i})
			return append(out, Token{"%", offset + i, offset + i + 1})
		}
		i += n
	}
	if r, n := utf8.DecodeRuneInString(s); (r == '$' || r == '€' || r == '£') && n < len(s) {
		out = append(out, Token{s[:n], offset, offset + n})
		return splitCore(out, s[n:], offset+n)
	}
	return append(out, Token{s, offset, offset + len(s)})
}

var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "'S", "N'T", "'RE", "'VE", "'LL", "'D", "'M"}

// cliticSplit returns where the clitic of s starts ("do|n't",
// "Russia|'s", "countries|'"); n is 0 when s has none.
func cliticSplit(s string) (host, n int) {
	lower := strings.ToLower(s)
	switch lower {
	case "cannot":
		return 3, 3
	case "gonna", "wanna", "gotta":
		return 3, 2
	}
	for _, c := range clitics {
		if len(s) > len(c) && strings.HasSuffix(s, c) {
			return len(s) - len(c), len(c)
		}
	}
	if len(s) > 1 && (strings.HasSuffix(s, "'") || strings.HasSuffix(s, "’")) {
		_, w := utf8.DecodeLastRuneInString(s)
		prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-w])
		if prev == 's' || prev == 'S' {
			return len(s) - w, w
		}
	}
	return 0, 0
}

func startsClitic(s string) bool {
	for _, c := range clitics {
		if strings.HasPrefix(s, c) {
			return true
		}
	}
	return false
}

func isOpening(r rune) bool { return strings.ContainsRune("([{\"“‘«¿¡<", r) }

func isClosing(r rune) bool { return strings.ContainsRune(")]}\"”’»,;:!?.>'", r) }

func isDash(s string) bool {
	return strings.HasPrefix(s, "—") || strings.HasPrefix(s, "–") || strings.HasPrefix(s, "--")
}

func dashLen(s string) int {
	if strings.HasPrefix(s, "--") {
		n := 2
		for n < len(s) && s[n] == '-' {
			n++
		}
		return n
	}
	_, n := utf8.DecodeRuneInString(s)
	return n
}

// keepsFinalPeriod reports whether a chunk ending in "." keeps it:
// abbreviations ("U.S.", "Mr.", "Jan.", "p.m."), initials ("W.").
func keepsFinalPeriod(s string) bool {
	core := strings.TrimSuffix(s, ".")
	if core == "" || strings.HasSuffix(core, ".") {
		return false
	}
	if strings.Contains(core, ".") {
		// "U.S.", "e.g.", "p.m.": letters and periods only.
		for _, r := range core {
			if r != '.' && !unicode.IsLetter(r) {
				return false
			}
		}
		return true
	}
	if utf8.RuneCountInString(core) == 1 && unicode.IsUpper([]rune(core)[0]) {
		return true
	}
	return abbreviations[strings.ToLower(core)]
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "prof": true,
	"gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "gov": true, "sen": true, "rep": true,
	"rev": true, "hon": true, "inc": true, "co": true, "corp": true, "ltd": true, "vs": true, "etc": true,
	"no": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "ft": true, "mt": true, "approx": true,
	"dept": true, "est": true, "fig": true, "maj": true, "adm": true, "cmdr": true, "pres": true,
}

var hyphenPrefixes = map[string]bool{
	"e": true, "co": true, "pre": true, "post": true, "non": true, "re": true, "semi": true, "multi": true,
	"ex": true, "anti": true, "pro": true, "mid": true, "sub": true, "inter": true, "counter": true,
	"vice": true, "neo": true, "quasi": true, "ultra": true, "mini": true, "micro": true, "over": true,
}

func isPrefixed(first string) bool { return hyphenPrefixes[strings.ToLower(first)] }

// isNumberRange: "1990-1995", "3-2" stay whole.
func isNumberRange(s string) bool {
	for _, r := range s {
		if r != '-' && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isNumeric(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '/' && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

func isURLOrEmail(s string) bool {
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.") {
		return true
	}
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.Contains(s[at:], ".")
}
