package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of a template number and its values, so the
// tagger and the parser need no string vocabulary: a word is the hash of
// its folded form. At 64 bits collisions between the few million features
// a model holds are negligible.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix folds v into the hash h.
func mix(h, v uint64) uint64 {
	h ^= v
	h *= 0x9E3779B97F4A7C15
	h ^= h >> 29
	return h
}

// feat hashes a template with up to three values.
func feat(template int, a, b, c uint64) uint64 {
	return mix(mix(mix(uint64(template)+1, a), b), c)
}

// hashLower hashes s folded to lower case without allocating.
func hashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
		i += n
	}
	return h
}

// hashExact hashes s as it is.
func hashExact(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// suffix returns the last n runes of s (all of s if shorter).
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

// prefix returns the first n runes of s.
func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

// shapeHash hashes the word's shape: runs of upper case, lower case,
// digits and other characters collapse to one symbol each ("McCain" ->
// "XxXx", "U.S." -> "X.X.", "2024" -> "d").
func shapeHash(s string) uint64 {
	h := uint64(fnvOffset)
	var last byte
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			if r < utf8.RuneSelf {
				c = byte(r)
			} else {
				c = '*'
			}
		}
		if c != last {
			h = (h ^ uint64(c)) * fnvPrime
			last = c
		}
	}
	return h
}
