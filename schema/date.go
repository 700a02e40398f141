package schema

import (
	"fmt"
	"strings"
	"time"
)

// Date is a date as the extraction contract and the graph write it: a day
// "2025-02-18", a month "2025-02", a year "2014", or an interval
// "2014-02-27/2014-03-18" from the first day of one to the last day of
// the other; "" is no date. It is the one parser of those strings.
type Date string

// DayLayout is time's layout of a day, YYYY-MM-DD.
const DayLayout = "2006-01-02"

// ParseDay parses a day, YYYY-MM-DD, as an article's publication date is
// given.
func ParseDay(s string) (time.Time, error) {
	t, err := time.Parse(DayLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	return t, nil
}

// Bounds returns the first and last day of the date: "2014" gives
// 2014-01-01 and 2014-12-31, "2025-02" 2025-02-01 and 2025-02-28. ok is
// false for anything but the forms Date names, and for an interval that
// ends before it starts.
func (d Date) Bounds() (first, last time.Time, ok bool) {
	from, to, interval := strings.Cut(string(d), "/")
	if !interval {
		to = from
	}
	first, _, ok1 := dayBounds(from)
	_, last, ok2 := dayBounds(to)
	if !ok1 || !ok2 || last.Before(first) {
		return time.Time{}, time.Time{}, false
	}
	return first, last, true
}

// Days is Bounds written YYYY-MM-DD.
func (d Date) Days() (start, end string, ok bool) {
	first, last, ok := d.Bounds()
	if !ok {
		return "", "", false
	}
	return first.Format(DayLayout), last.Format(DayLayout), true
}

// dayBounds parses YYYY, YYYY-MM or YYYY-MM-DD into its first and last day.
func dayBounds(s string) (first, last time.Time, ok bool) {
	for _, f := range []struct {
		layout              string
		years, months, days int
	}{
		{DayLayout, 0, 0, 1},
		{"2006-01", 0, 1, 0},
		{"2006", 1, 0, 0},
	} {
		if len(s) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, s)
		if err != nil {
			return first, last, false
		}
		return t, t.AddDate(f.years, f.months, f.days-1), true
	}
	return first, last, false
}
