package schema

import (
	"strings"
	"testing"
)

func TestParseEventType(t *testing.T) {
	tests := []struct {
		in   string
		want EventType
	}{
		{"", EventType{}},
		{"046", EventType{Code: "046"}},
		{"04", EventType{Code: "04"}},
		{" 0874 ", EventType{Code: "0874"}},
		{"1213", EventType{Code: "1213"}}, // a code PLOVER's table adds
		{"make a visit", EventType{Code: "042"}},
		{"Engage in negotiation", EventType{Code: "046"}},
		{"ENGAGE  IN NEGOTIATION", EventType{Code: "046"}},
		{"return release", EventType{Code: "084"}},             // "Return, release"
		{"Express intent to cooperate", EventType{Code: "03"}}, // the root, not 030
		{"Investigate", EventType{Code: "09"}},                 // no PLOVER type of that name
		{"SANCTION", EventType{PLOVER: "SANCTION"}},
		{"consult", EventType{PLOVER: "CONSULT"}}, // PLOVER before the label of 04
		{"Assault", EventType{PLOVER: "ASSAULT"}},
	}
	for _, tt := range tests {
		got, err := ParseEventType(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseEventType(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseEventTypeErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"99", `"99" is not a CAMEO code`},
		{"047", `did you mean 04 Consult? "diplograph cameo 04"`}, // the code above it
		{"4a", "not a CAMEO code, CAMEO label or PLOVER type"},
		{"visit", `"Make a visit" (042), "Host a visit" (043)`}, // labels containing it
		{"sanctoin", "SANCTION"},                                // a typo of a PLOVER type
		{"make a vist", `"Make a visit" (042)`},                 // a typo of a label
		{"zzzzzzzzzzzzzz", `see "diplograph cameo"`},
	}
	for _, tt := range tests {
		_, err := ParseEventType(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseEventType(%q) = %v, want an error with %q", tt.in, err, tt.want)
		}
	}
}

func TestEventTypeMatch(t *testing.T) {
	mustParse := func(s string) EventType {
		ty, err := ParseEventType(s)
		if err != nil {
			t.Fatal(err)
		}
		return ty
	}
	tests := []struct {
		filter string
		yes    []string
		no     []string
	}{
		{"04", []string{"04", "040", "042", "0421"}, []string{"05", "140"}},
		{"042", []string{"042", "0421"}, []string{"04", "043"}},
		{"make a visit", []string{"042"}, []string{"043"}},
		{"SANCTION", []string{"16", "161", "1621", "164", "1663"}, []string{"163", "17", "04"}},
		{"coerce", []string{"17", "163", "172", "191", "192", "176"}, []string{"1712", "18"}},
		{"", []string{"01", "20"}, nil},
	}
	for _, tt := range tests {
		ty := mustParse(tt.filter)
		for _, c := range tt.yes {
			if !ty.Match(c) {
				t.Errorf("%q does not match %s", tt.filter, c)
			}
		}
		for _, c := range tt.no {
			if ty.Match(c) {
				t.Errorf("%q matches %s", tt.filter, c)
			}
		}
	}
	if got := strings.Join(mustParse("SANCTION").Roots(), " "); got != "16" {
		t.Errorf("SANCTION roots = %s, want 16", got)
	}
	if got := strings.Join(mustParse("ASSAULT").Roots(), " "); got != "17 18 19 20" {
		t.Errorf("ASSAULT roots = %s, want 17 18 19 20", got)
	}
	if n := len(mustParse("04").Codes()); n != 8 {
		t.Errorf("04 selects %d codes, want 8 (04, 040-046)", n)
	}
}
