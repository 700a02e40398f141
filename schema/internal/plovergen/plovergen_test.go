package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// sharedTable is the conversion table beside the repository (not
// distributed with it).
const sharedTable = "../../../../shared/plover/CAMEO2PLOVER-2021.txt"

// TestGeneratedTableIsCurrent regenerates the table from the shared file
// and compares it with the committed schema/plover_table.go.
func TestGeneratedTableIsCurrent(t *testing.T) {
	src, err := os.ReadFile(sharedTable)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent: cannot check schema/plover_table.go against it", sharedTable)
	}
	if err != nil {
		t.Fatal(err)
	}
	got, err := generate("CAMEO2PLOVER-2021.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../plover_table.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("schema/plover_table.go is not what plovergen makes of the shared table: run go generate ./schema")
	}
}

func TestParseLine(t *testing.T) {
	tests := []struct {
		line                  string
		typ, mode, ctx, descr string
	}{
		{"03: AGREE", "AGREE", "", "", ""},
		{"041: CONSULT, phone,   # Discuss by telephone", "CONSULT", "phone", "", "Discuss by telephone"},
		{"1663: SANCTION, expel , human_security  # Expel or withdraw aid agencies", "SANCTION", "expel", "human_security", "Expel or withdraw aid agencies"},
		{"094: ACCUSE, investigate, military; legal # Investigate war crimes", "ACCUSE", "investigate", "military; legal", "Investigate war crimes"},
		{"0352: AGREE,  ,  # Express intent to ease popular dissent", "AGREE", "", "", "Express intent to ease popular dissent"},
	}
	for _, tt := range tests {
		e, err := parseLine(tt.line)
		if err != nil {
			t.Errorf("parseLine(%q): %v", tt.line, err)
			continue
		}
		if e.typ != tt.typ || e.mode != tt.mode || e.context != tt.ctx || e.description != tt.descr {
			t.Errorf("parseLine(%q) = %q %q %q %q, want %q %q %q %q", tt.line,
				e.typ, e.mode, e.context, e.description, tt.typ, tt.mode, tt.ctx, tt.descr)
		}
	}
}

func TestParseErrorsNameTheLine(t *testing.T) {
	tests := []struct{ src, want string }{
		{"# comment\n\n041 CONSULT\n", "t.txt:3: no \"CODE:\""},
		{"04x: CONSULT\n", "t.txt:1: \"04x\" is not a CAMEO code"},
		{"041: consult\n", "t.txt:1: code 041: \"consult\" is not a PLOVER event type"},
		{"041: CONSULT, Phone!\n", "t.txt:1: code 041: mode: \"Phone!\" is not a PLOVER value"},
		{"041: CONSULT, a, b, c\n", "t.txt:1: code 041: more than type, mode and context"},
		{"# nothing\n~~~\n", "t.txt: no mappings"},
	}
	for _, tt := range tests {
		_, err := parse("t.txt", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parse(%q) = %v, want an error with %q", tt.src, err, tt.want)
		}
	}
}

// TestConflictsKeepTheFirstLine: the 2021 file maps 08 to CONCEDE and to
// RETREAT; the first wins and the generated file says so.
func TestConflictsKeepTheFirstLine(t *testing.T) {
	src := "08: CONCEDE\n080: CONCEDE\n08: RETREAT\n175: ASSAULT, a\n175: ASSAULT, a\n"
	tab, err := parse("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.entries) != 3 || tab.entries[0].typ != "CONCEDE" {
		t.Errorf("entries = %+v, want 08 CONCEDE, 080, 175", tab.entries)
	}
	if len(tab.conflicts) != 1 || tab.conflicts[0].line != 3 {
		t.Errorf("conflicts = %+v, want the RETREAT line 3 only (175's repeat is identical)", tab.conflicts)
	}
	out, err := generate("t.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"// 08 is also mapped to RETREAT on line 3.", `"08":  {Type: "CONCEDE"},`, "CC BY-SA", "Attribution-ShareAlike 4.0"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("generated file lacks %q:\n%s", want, out)
		}
	}
}
