package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph/schema"
)

// timex is a time expression found in a sentence: tokens [i, j) and the
// date or interval it denotes, in the contract's forms.
type timex struct {
	i, j   int
	value  string // "2025-02-27", "2025-02", "2014", "2025-02-17/2025-02-23"
	future bool   // "next week", "in the coming days": a plan, not a fact
	// weekday expressions resolve by tense: -1 means unresolved until the
	// event's tense is known.
	weekday int
	// sinceEnd > 0 marks an expression inside a "since" clause ("since
	// Biden took office in January"): it dates only what happens in that
	// clause, which ends at token sinceEnd.
	sinceStart, sinceEnd int
}

// dayInterval is a closed interval of days.
type dayInterval struct{ from, to time.Time }

func day(t time.Time) string { return t.Format("2006-01-02") }

// String renders the interval in the shortest contract form.
func (iv dayInterval) String() string {
	f, t := iv.from, iv.to
	switch {
	case f.Equal(t):
		return day(f)
	case f.Day() == 1 && t.Equal(f.AddDate(0, 1, -1)):
		return f.Format("2006-01")
	case f.YearDay() == 1 && t.Month() == 12 && t.Day() == 31 && f.Year() == t.Year():
		return strconv.Itoa(f.Year())
	}
	return day(f) + "/" + day(t)
}

// weekOf returns Monday..Sunday of the ISO week containing t.
func weekOf(t time.Time) dayInterval {
	off := (int(t.Weekday()) + 6) % 7 // days since Monday
	mon := t.AddDate(0, 0, -off)
	return dayInterval{mon, mon.AddDate(0, 0, 6)}
}

// weekdayDate resolves a weekday against the publication date: the most
// recent such day on or before it, or, for a future event, the next one
// on or after it.
func weekdayDate(pub time.Time, wd int, future bool) time.Time {
	diff := int(pub.Weekday()) - wd
	if future {
		return pub.AddDate(0, 0, (7-diff)%7)
	}
	return pub.AddDate(0, 0, -((diff%7 + 7) % 7))
}

// findTimexes finds time expressions in a sentence and resolves them
// against pub (when hasPub). Without a publication date only absolute
// expressions ("in 2014", "March 4, 2018") resolve.
func findTimexes(s *sentence, pub time.Time, hasPub bool) []timex {
	var out []timex
	var since [2]int
	toks := s.tokens
	word := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return toks[k].lower
	}
	for k := 0; k < len(toks); k++ {
		w := word(k)
		switch {
		case w == "since":
			// The inner expression stays too: in "since Russian troops
			// invaded the country in February 2022" it dates the invasion.
			if tx, ok := sinceExpr(s, k, pub, hasPub); ok {
				out = append(out, tx)
				since = [2]int{k, tx.j}
			}
		case weekdayNames[w] > 0 || w == "sunday":
			if !hasPub {
				continue
			}
			if monthNames[word(k+1)] > 0 || word(k+1) == "," && monthNames[word(k+2)] > 0 {
				continue // "on Sunday, March 3": the date says which Sunday
			}
			out = append(out, timex{i: k, j: k + 1, weekday: weekdayNames[w]})
		case w == "yesterday" || w == "today" || w == "tomorrow":
			if !hasPub {
				continue
			}
			d := map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[w]
			out = append(out, timex{i: k, j: k + 1, value: day(pub.AddDate(0, 0, d)), future: d > 0, weekday: -1})
		case (w == "last" || w == "next" || w == "this" || w == "earlier" || w == "later") && hasPub:
			if tx, ok := relativeExpr(word, k, pub); ok {
				out = append(out, tx)
				k = tx.j - 1
			}
		case monthNames[w] > 0 && isCapitalized(toks[k].text) && !(w == "may" && !monthContext(word, k)):
			if tx, ok := monthExpr(s, k, pub, hasPub); ok {
				out = append(out, tx)
				k = tx.j - 1
			}
		case isISODate(w):
			out = append(out, timex{i: k, j: k + 1, value: w, weekday: -1})
		case hasPub && word(k+2) == "ago" && agoUnits[word(k+1)] != "":
			if n := numberWord(w); n > 0 {
				out = append(out, timex{i: k, j: k + 3, value: agoDate(pub, n, agoUnits[word(k+1)]), weekday: -1})
				k += 2
			}
		case strings.HasPrefix(w, "mid-") && monthNames[w[4:]] > 0:
			if tx, ok := monthExpr(s, k, pub, hasPub); ok {
				out = append(out, tx)
				k = tx.j - 1
			}
		case strings.HasPrefix(w, "mid-") && isYear(w[4:]):
			y, _ := strconv.Atoi(w[4:])
			out = append(out, timex{i: k, j: k + 1, value: partOfYear(y, "mid"), weekday: -1})
		case isYear(w) && (word(k-1) == "early" || word(k-1) == "late") && yearContext(word, k):
			y, _ := strconv.Atoi(w)
			out = append(out, timex{i: k - 1, j: k + 1, value: partOfYear(y, word(k-1)), weekday: -1})
		case isYear(w) && yearContext(word, k):
			y, _ := strconv.Atoi(w)
			out = append(out, timex{i: k, j: k + 1, value: strconv.Itoa(y), weekday: -1})
		case w == "coming" && word(k-1) == "the" && (word(k+1) == "days" || word(k+1) == "weeks" || word(k+1) == "months"):
			out = append(out, timex{i: k - 1, j: k + 2, future: true, weekday: -1})
		}
	}
	// Expressions inside a since clause are marked (see timex).
	for n := range out {
		if since[1] > 0 && out[n].i > since[0] && out[n].i < since[1] {
			out[n].sinceStart, out[n].sinceEnd = since[0], since[1]
		}
	}
	return out
}

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	y, err := strconv.Atoi(w)
	return err == nil && y >= 1900 && y <= 2100
}

// yearContext: a four-digit number is a year after "in", "of", "from",
// "by", "since", "until", "the", "a", or before a noun ("the 2006 killing").
func yearContext(word func(int) string, k int) bool {
	switch word(k - 1) {
	case "in", "of", "from", "by", "since", "until", "the", "a", "and", "early", "late", "mid", "between", "to", "before", "after":
		return true
	}
	return false
}

// monthContext: "May" is a month only beside a day or year or after "in".
func monthContext(word func(int) string, k int) bool {
	if word(k-1) == "in" || word(k-1) == "since" || word(k-1) == "early" || word(k-1) == "late" {
		return true
	}
	_, err := strconv.Atoi(word(k + 1))
	return err == nil
}

// relativeExpr reads "last week", "next month", "this year", "earlier this
// month", "last year".
func relativeExpr(word func(int) string, k int, pub time.Time) (timex, bool) {
	w, n := word(k), word(k+1)
	j := k + 2
	if w == "earlier" || w == "later" {
		if n != "this" {
			return timex{}, false
		}
		w, n, j = "this", word(k+2), k+3
	}
	var iv dayInterval
	future := w == "next"
	step := map[string]int{"last": -1, "this": 0, "next": 1}[w]
	switch n {
	case "week":
		wk := weekOf(pub)
		iv = dayInterval{wk.from.AddDate(0, 0, 7*step), wk.to.AddDate(0, 0, 7*step)}
	case "month":
		first := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, step, 0)
		iv = dayInterval{first, first.AddDate(0, 1, -1)}
	case "year":
		first := time.Date(pub.Year()+step, 1, 1, 0, 0, 0, 0, time.UTC)
		iv = dayInterval{first, first.AddDate(1, 0, -1)}
	default:
		if wd, ok := weekdayNames[n]; ok && w != "this" {
			d := weekdayDate(pub.AddDate(0, 0, -1), wd, false)
			if future {
				d = weekdayDate(pub.AddDate(0, 0, 1), wd, true)
			}
			return timex{i: k, j: k + 2, value: day(d), future: future, weekday: -1}, true
		}
		return timex{}, false
	}
	// "earlier this month" ends on the publication day.
	if w == "this" && word(k) == "earlier" && iv.to.After(pub) {
		iv.to = pub
	}
	return timex{i: k, j: j, value: iv.String(), future: future, weekday: -1}, true
}

// monthExpr reads "March 4", "March 4, 2018", "February 2022", "in June",
// "in June last year". A month with no year is the latest such month not
// after the publication date.
func monthExpr(s *sentence, k int, pub time.Time, hasPub bool) (timex, bool) {
	toks := s.tokens
	word := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].lower
	}
	part := "" // "early", "mid" or "late" part of the month
	w0 := word(k)
	if strings.HasPrefix(w0, "mid-") {
		w0, part = w0[4:], "mid"
	} else if p := word(k - 1); p == "early" || p == "late" || p == "mid" {
		part = p
	}
	m := monthNames[w0]
	i, j := k, k+1
	dayNum := 0
	if d := dayOfMonth(word(j)); d > 0 {
		dayNum, j = d, j+1
		if word(j) == "," && isYear(word(j+1)) {
			j++
		}
	} else if d := dayOfMonth(word(k - 1)); d > 0 {
		dayNum, i = d, k-1 // "4 March 2024"
	}
	year := 0
	if isYear(word(j)) {
		year, _ = strconv.Atoi(word(j))
		j++
	} else if word(j) == "last" && word(j+1) == "year" && hasPub {
		year, j = pub.Year()-1, j+2
	} else if word(j) == "this" && word(j+1) == "year" && hasPub {
		year, j = pub.Year(), j+2
	}
	if year == 0 {
		if !hasPub {
			return timex{}, false
		}
		year = pub.Year()
		probe := time.Date(year, time.Month(m), max(dayNum, 1), 0, 0, 0, 0, time.UTC)
		if probe.After(pub) {
			year--
		}
	}
	first := time.Date(year, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	if dayNum > 0 {
		d := time.Date(year, time.Month(m), dayNum, 0, 0, 0, 0, time.UTC)
		if d.Month() != time.Month(m) {
			return timex{}, false
		}
		return timex{i: i, j: j, value: day(d), weekday: -1}, true
	}
	iv := dayInterval{first, first.AddDate(0, 1, -1)}
	switch part {
	case "early":
		iv.to = first.AddDate(0, 0, 9)
	case "mid":
		iv = dayInterval{first.AddDate(0, 0, 10), first.AddDate(0, 0, 19)}
	case "late":
		iv.from = first.AddDate(0, 0, 20)
	}
	return timex{i: i, j: j, value: iv.String(), weekday: -1}, true
}

// dayOfMonth reads "4", "4th", "21st" as a day of the month, 0 if not one.
func dayOfMonth(w string) int {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	d, err := strconv.Atoi(w)
	if err != nil || d < 1 || d > 31 {
		return 0
	}
	return d
}

// isISODate: "2024-03-04".
func isISODate(w string) bool {
	t, err := time.Parse("2006-01-02", w)
	return err == nil && t.Year() >= 1900 && t.Year() <= 2100
}

var agoUnits = map[string]string{"day": "day", "days": "day", "week": "week", "weeks": "week",
	"month": "month", "months": "month", "year": "year", "years": "year"}

var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// numberWord reads "three" or "3", 0 if neither.
func numberWord(w string) int {
	if n, ok := numberWords[w]; ok {
		return n
	}
	if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 1000 {
		return n
	}
	return 0
}

// agoDate resolves "three days ago" (that day), "two weeks ago" (that
// week), "a month ago", "two years ago" against the publication date.
func agoDate(pub time.Time, n int, unit string) string {
	switch unit {
	case "day":
		return day(pub.AddDate(0, 0, -n))
	case "week":
		return weekOf(pub.AddDate(0, 0, -7*n)).String()
	case "month":
		first := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -n, 0)
		return dayInterval{first, first.AddDate(0, 1, -1)}.String()
	}
	return strconv.Itoa(pub.Year() - n)
}

// partOfYear is "early 2022" (January to April), "mid-2022" (May to
// August) or "late 2022" (September to December).
func partOfYear(y int, part string) string {
	start := map[string]time.Month{"early": 1, "mid": 5, "late": 9}[part]
	first := time.Date(y, start, 1, 0, 0, 0, 0, time.UTC)
	return dayInterval{first, first.AddDate(0, 4, -1)}.String()
}

// sinceExpr reads "since 2015", "since January 2021", "since Biden took
// office in January 2021": an interval from then to the publication date.
func sinceExpr(s *sentence, k int, pub time.Time, hasPub bool) (timex, bool) {
	if !hasPub {
		return timex{}, false
	}
	if w := s.tokens; k+1 < len(w) && isYear(w[k+1].lower) {
		return timex{i: k, j: k + 2, value: w[k+1].lower + "-01-01/" + day(pub), weekday: -1}, true
	}
	sub := &sentence{tokens: s.tokens[k+1:]}
	limit := min(len(sub.tokens), 10)
	sub.tokens = sub.tokens[:limit]
	for _, tx := range findTimexes(sub, pub, true) {
		if tx.value == "" || tx.future {
			continue
		}
		from, _, err := bounds(tx.value)
		if err != nil {
			continue
		}
		return timex{i: k, j: k + 1 + tx.j, value: day(from) + "/" + day(pub), weekday: -1}, true
	}
	return timex{}, false
}

// bounds returns the first and last day of a contract date value.
func bounds(v string) (first, last time.Time, err error) {
	first, last, ok := schema.Date(v).Bounds()
	if !ok {
		return first, last, fmt.Errorf("date %q: not a contract date", v)
	}
	return first, last, nil
}

// storyDates dates every asserted event the text leaves undated by the
// story: its publication date, or for a background event in the perfect
// ("has imposed", "had attacked") the year up to it. Negated and
// hypothetical events keep what the text says. Without a publication date
// an undated event stays undated, with DateNone.
func (d *document) storyDates(cands []candidate) {
	for n := range cands {
		c := &cands[n]
		if c.date != "" {
			continue
		}
		if c.negated || c.hypoth || !d.hasPublished {
			c.dateSource = schema.DateNone
			continue
		}
		c.dateSource = schema.DateStory
		pub := d.published.Format("2006-01-02")
		if c.perfect {
			c.date = d.published.AddDate(-1, 0, 1).Format("2006-01-02") + "/" + pub
			continue
		}
		c.date = pub
	}
}
