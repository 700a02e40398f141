package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// normText is an article text with typographic characters folded to ASCII
// (curly quotes, non-breaking spaces) and a map from each byte of the folded
// text back to the original, so offsets stay those of the user's text.
type normText struct {
	text string
	orig []int // orig[i] is the original byte offset of text[i]; len(text)+1 entries
}

var foldRunes = map[rune]string{
	'\u2018': "'", '\u2019': "'", '\u201a': "'", '\u2032': "'",
	'\u201c': `"`, '\u201d': `"`, '\u201e': `"`,
	'\u00a0': " ", '\u2009': " ", '\u202f': " ", '\u2007': " ",
	'\u2013': "-", '\u2011': "-", '\u2010': "-",
	'\u2026': "...",
	'\r':     "",
}

func normalize(s string) normText {
	var b strings.Builder
	orig := make([]int, 0, len(s)+1)
	for i, r := range s {
		if r == utf8.RuneError {
			continue // invalid byte: drop it rather than carry it into tokens
		}
		rep, ok := foldRunes[r]
		if !ok {
			rep = string(r)
		}
		for j := 0; j < len(rep); j++ {
			orig = append(orig, i)
		}
		b.WriteString(rep)
	}
	orig = append(orig, len(s))
	return normText{text: b.String(), orig: orig}
}

// origSpan maps a [start, end) span of the folded text to the original.
func (n normText) origSpan(start, end int) (int, int) {
	if start < 0 {
		start = 0
	}
	if end > len(n.text) {
		end = len(n.text)
	}
	if end <= start {
		return n.orig[start], n.orig[start]
	}
	// end is exclusive: map the last byte and step past its rune.
	last := n.orig[end-1]
	return n.orig[start], last + runeLenAt(n, end-1)
}

func runeLenAt(n normText, i int) int {
	// Bytes of the folded text that came from the same original rune share
	// an offset; the original rune ends where the next one starts.
	j := i + 1
	for j < len(n.orig)-1 && n.orig[j] == n.orig[i] {
		j++
	}
	return n.orig[j] - n.orig[i]
}

// block is a run of text the pipeline reads as a unit: the headline, or one
// body paragraph. Offsets are in the folded text.
type block struct {
	start, end int
	headline   bool
}

// layout is what segmentation finds in an article.
type layout struct {
	headline string
	dateline string // "ISTANBUL", "HANOI, Vietnam"
	agency   string // "AP", "Wire"
	authors  []string
	blocks   []block
}

// datelineRE matches "ISTANBUL (AP) — ", "NUSA DUA, Indonesia (Wire) — ",
// "MOSCOW — " and "WASHINGTON, March 3 (Reuters) - " at the start of a
// paragraph.
var datelineRE = regexp.MustCompile(`^([A-Z][A-Z.'\- ]*[A-Z.](?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*)?)(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\(([A-Za-z][A-Za-z .&-]*)\))?\s*(?:—|-{1,2})\s*`)

// trailerRE matches lines that are not article body: a separator, a byline,
// an agency sign-off, a contributor line.
var trailerRE = regexp.MustCompile(`^(?:_{2,}|-{3,}|By [A-Z][A-Za-z.'\- ]+$|(?:The )?Associated Press(?: writers?)?\b.*contributed|[A-Z][A-Za-z ]* writers? [A-Z].* contributed|(?:Associated Press|Reuters|Wire|AFP)$)`)

// segment splits a folded article text into headline and paragraphs and
// reads the dateline. The headline is the first line when the text has
// more than one line and that line does not read as a sentence.
func segment(text string) layout {
	var l layout
	type line struct{ start, end int }
	var lines []line
	pos := 0
	for _, raw := range strings.SplitAfter(text, "\n") {
		s, e := pos, pos+len(raw)
		pos = e
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if e > s {
			lines = append(lines, line{s, e})
		}
	}
	inTrailer := false
	for i, ln := range lines {
		s := text[ln.start:ln.end]
		if i == 0 && len(lines) > 1 && looksLikeHeadline(s) {
			l.headline = s
			l.blocks = append(l.blocks, block{ln.start, ln.end, true})
			continue
		}
		if name, ok := strings.CutPrefix(s, "By "); ok && trailerRE.MatchString(s) {
			l.authors = append(l.authors, bylineName(name))
		}
		if trailerRE.MatchString(s) || inTrailer {
			// Everything after a "___" separator is credits.
			if strings.HasPrefix(s, "__") || strings.HasPrefix(s, "---") {
				inTrailer = true
			}
			continue
		}
		if l.dateline == "" && len(l.blocks) <= 1 {
			if m := datelineRE.FindStringSubmatchIndex(s); m != nil && isDateline(s[m[2]:m[3]]) {
				l.dateline = s[m[2]:m[3]]
				if m[4] >= 0 {
					l.agency = s[m[4]:m[5]]
				}
				ln.start += m[1]
			}
		}
		l.blocks = append(l.blocks, block{ln.start, ln.end, false})
	}
	return l
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// looksLikeHeadline: short, no final full stop.
func looksLikeHeadline(s string) bool {
	return len(s) < 200 && !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, `."`)
}

// isDateline requires the place part to be written in capitals, as
// datelines are, so an ordinary sentence opening with "UN -" is not one.
func isDateline(s string) bool {
	place, _, _ := strings.Cut(s, ",")
	letters := 0
	for _, r := range place {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 3
}

// bylineName writes "MEHMET GUZEL" as "Mehmet Guzel"; mixed case stays.
func bylineName(s string) string {
	s = strings.TrimSpace(s)
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
