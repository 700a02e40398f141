package schema

import "testing"

func TestDateDays(t *testing.T) {
	for _, tt := range []struct {
		d          Date
		start, end string
		ok         bool
	}{
		{"2025-02-18", "2025-02-18", "2025-02-18", true},
		{"2025-02", "2025-02-01", "2025-02-28", true},
		{"2024-02", "2024-02-01", "2024-02-29", true},
		{"2014", "2014-01-01", "2014-12-31", true},
		{"2014-02-27/2014-03-18", "2014-02-27", "2014-03-18", true},
		{"2014/2015-06", "2014-01-01", "2015-06-30", true},
		{"2015/2014", "", "", false},
		{"", "", "", false},
		{"2025-2-18", "", "", false},
		{"2025-13", "", "", false},
		{"yesterday", "", "", false},
	} {
		start, end, ok := tt.d.Days()
		if start != tt.start || end != tt.end || ok != tt.ok {
			t.Errorf("Date(%q).Days() = %q, %q, %v; want %q, %q, %v", tt.d, start, end, ok, tt.start, tt.end, tt.ok)
		}
	}
}

func TestParseDay(t *testing.T) {
	if d, err := ParseDay("2025-02-27"); err != nil || d.Format(DayLayout) != "2025-02-27" {
		t.Errorf("ParseDay: %v, %v", d, err)
	}
	for _, s := range []string{"", "2025-02", "2025-02-30", "27/02/2025"} {
		if _, err := ParseDay(s); err == nil {
			t.Errorf("ParseDay(%q) accepted it", s)
		}
	}
}
