package schema

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FoldName returns the form of a name that the gazetteer index is keyed on,
// so that spellings a journalist or a transliteration may vary compare
// equal: letters are lower-cased and stripped of accents ("Türkiye" and
// "Turkiye", "Zürich" and "Zurich"); apostrophes and full stops are removed
// ("U.S." and "US", "Sana'a" and "Sanaa", "St. Petersburg" and
// "St Petersburg"); every other run of non-letters except digits, "&" and
// "+" becomes one space ("Nagorno-Karabakh" and "Nagorno Karabakh",
// "Washington, D.C." and "Washington DC"); and the result is trimmed.
//
// FoldName does not strip a possessive "'s": fold "Russia's" and you get
// "russias", so callers should cut it off first.
func FoldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a separator is pending
	for _, r := range s {
		switch {
		case isDropped(r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' || r == '+':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			writeFolded(&b, r)
		case unicode.Is(unicode.Mn, r):
			// A combining mark (a decomposed accent) belongs to the letter
			// before it, which has been written already.
		default:
			space = true
		}
	}
	return b.String()
}

// isDropped reports whether r is removed outright rather than turned into
// a space: apostrophes, the okina and similar marks, and full stops.
func isDropped(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '`', '´', '.':
		return true
	}
	return false
}

// writeFolded writes the lower-case, accent-free form of the letter r.
func writeFolded(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		b.WriteByte(byte(unicode.ToLower(r)))
		return
	}
	r = unicode.ToLower(r)
	if s, ok := foldTable[r]; ok {
		b.WriteString(s)
		return
	}
	b.WriteRune(r)
}

// foldTable maps accented Latin letters (upper and lower case) to their
// lower-case base letters. It covers Latin-1, Latin Extended-A, the letters
// of Latin Extended-B and Latin Extended Additional that place names in
// GeoNames and ISO 3166 use; other letters are only lower-cased.
var foldTable = func() map[rune]string {
	groups := []struct {
		base    string
		letters string
	}{
		{"a", "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǺǻȀȁȂȃȦȧẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ"},
		{"ae", "ÆæǼǽ"},
		{"b", "ḂḃḄḅ"},
		{"c", "ÇçĆćĈĉĊċČč"},
		{"d", "ĎďĐđḌḍḎḏḐḑḒḓ"},
		{"dh", "Ðð"},
		{"e", "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩẸẹẺẻẼẽẾếỀềỂểỄễỆệ"},
		{"e", "ƏəƎǝ"},
		{"g", "ĜĝĞğĠġĢģǦǧḠḡ"},
		{"h", "ĤĥĦħḤḥḦḧḨḩḪḫẖ"},
		{"i", "ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋỈỉỊịḬḭḮḯ"},
		{"ij", "Ĳĳ"},
		{"j", "Ĵĵ"},
		{"k", "ĶķǨǩḲḳ"},
		{"l", "ĹĺĻļĽľĿŀŁłḶḷ"},
		{"n", "ÑñŃńŅņŇňŉǸǹṄṅṆṇṈṉ"},
		{"o", "ÒÓÔÕÖØòóôõöøŌōŎŏŐőǑǒǪǫǾǿȌȍȎȏȮȯƠơỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ"},
		{"oe", "Œœ"},
		{"r", "ŔŕŖŗŘřȐȑȒȓṚṛṞṟ"},
		{"s", "ŚśŜŝŞşŠšȘșṢṣṠṡ"},
		{"ss", "ß"},
		{"t", "ŢţŤťŦŧȚțṬṭṮṯ"},
		{"th", "Þþ"},
		{"u", "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųǓǔǕǖǗǘǙǚǛǜȔȕȖȗƯưỤụỦủỨứỪừỬửỮữỰự"},
		{"w", "ŴŵẀẁẂẃẄẅ"},
		{"y", "ÝýÿŶŷŸȲȳỲỳỴỵỶỷỸỹ"},
		{"z", "ŹźŻżŽžẒẓẔẕ"},
	}
	m := make(map[rune]string)
	for _, g := range groups {
		for _, r := range g.letters {
			m[r] = g.base
		}
	}
	return m
}()
