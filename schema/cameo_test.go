package schema

import (
	"strings"
	"testing"
)

// TestCAMEOTableComplete: the codebook's 20 roots and every code under
// them, each with a label, its root, quad class and a Goldstein score.
func TestCAMEOTableComplete(t *testing.T) {
	codes := CAMEOCodes()
	if len(codes) < 310 {
		t.Errorf("%d CAMEO codes, want the codebook's 310 and more", len(codes))
	}
	roots, four := 0, 0
	for _, c := range codes {
		switch len(c.Code) {
		case 2:
			roots++
		case 4:
			four++
		}
		if c.Label == "" || strings.TrimSpace(c.Label) != c.Label {
			t.Errorf("%s: label %q", c.Code, c.Label)
		}
		if c.Root != c.Code[:2] {
			t.Errorf("%s: root %q", c.Code, c.Root)
		}
		if _, ok := cameoTable[c.Root]; !ok {
			t.Errorf("%s: root %s is not in the table", c.Code, c.Root)
		}
		if len(c.Code) == 4 {
			if _, ok := cameoTable[c.Code[:3]]; !ok {
				t.Errorf("%s: parent %s is not in the table", c.Code, c.Code[:3])
			}
		}
		if c.QuadClass < 1 || c.QuadClass > 4 {
			t.Errorf("%s: quad class %d", c.Code, c.QuadClass)
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v", c.Code, c.Goldstein)
		}
	}
	if roots != 20 {
		t.Errorf("%d roots, want 20", roots)
	}
	if four < 140 {
		t.Errorf("%d four-digit codes, want the codebook's 142", four)
	}
}

func TestCAMEOEntries(t *testing.T) {
	tests := []struct {
		code, label string
		goldstein   float64
		quad        int
	}{
		{"01", "Make public statement", 0, 1},
		{"046", "Engage in negotiation", 7, 1},
		{"0874", "Retreat or surrender militarily", 10, 2},
		{"13", "Threaten", -6, 3}, // GDELT scores the root apart from 130
		{"130", "Threaten", -4.4, 3},
		{"1823", "Kill by physical assault", -10, 4},
		{"1821", "Sexually assault", -9, 4}, // not its parent's -9.5
		{"2042", "Detonate nuclear weapons", -10, 4},
		{"1213", "Reject material cooperation", -4, 3}, // PLOVER's code, not the codebook's: the parent's
	}
	for _, tt := range tests {
		c, ok := LookupCAMEO(tt.code)
		if !ok || c.Code != tt.code || c.Label != tt.label || c.Goldstein != tt.goldstein || c.QuadClass != tt.quad {
			t.Errorf("LookupCAMEO(%q) = %+v, %v; want %q, %v, quad %d", tt.code, c, ok, tt.label, tt.goldstein, tt.quad)
		}
	}
	for _, code := range []string{"", "0", "21", "047", "99x"} {
		if c, ok := LookupCAMEO(code); ok {
			t.Errorf("LookupCAMEO(%q) = %+v, want none", code, c)
		}
	}
}

// TestEveryCodeHasPLOVER: every code PLOVER codes (roots 03-20) has a type;
// CAMEO's comments and appeals (01, 02), which PLOVER dropped, have none.
func TestEveryCodeHasPLOVER(t *testing.T) {
	for _, c := range CAMEOCodes() {
		p, ok := LookupPLOVER(c.Code)
		if c.Root == "01" || c.Root == "02" {
			if ok || !c.PLOVER.IsZero() {
				t.Errorf("%s %s: PLOVER %+v, want none (PLOVER does not code comments and appeals)", c.Code, c.Label, p)
			}
			continue
		}
		if !ok || p.Type == "" {
			t.Errorf("%s %s: no PLOVER type", c.Code, c.Label)
		}
		if c.PLOVER != p {
			t.Errorf("%s: CAMEO.PLOVER = %+v, LookupPLOVER = %+v", c.Code, c.PLOVER, p)
		}
	}
}

func TestLookupPLOVER(t *testing.T) {
	tests := []struct {
		code string
		want PLOVER
	}{
		{"042", PLOVER{Type: "CONSULT", Mode: "visit"}},
		{"04", PLOVER{Type: "CONSULT"}},
		{"1663", PLOVER{Type: "SANCTION", Mode: "expel", Context: "human_security"}},
		{"163", PLOVER{Type: "COERCE", Mode: "restrict", Context: "diplomatic"}}, // as the table has it
		{"094", PLOVER{Type: "ACCUSE", Mode: "investigate", Context: "military; legal"}},
		{"08", PLOVER{Type: "CONCEDE"}},                  // the table's first line for 08
		{"155", PLOVER{Type: "MOBILIZE"}},                // not in the table: its root's
		{"176", PLOVER{Type: "COERCE"}},                  // likewise
		{"0429", PLOVER{Type: "CONSULT", Mode: "visit"}}, // the nearest parent's
	}
	for _, tt := range tests {
		if got, ok := LookupPLOVER(tt.code); !ok || got != tt.want {
			t.Errorf("LookupPLOVER(%q) = %+v, %v; want %+v", tt.code, got, ok, tt.want)
		}
	}
	if got := strings.Join(PLOVERTypes(), " "); got != "ACCUSE AGREE AID ASSAULT COERCE CONCEDE CONSULT COOPERATE MOBILIZE PROTEST REJECT REQUEST RETREAT SANCTION SUPPORT THREATEN" {
		t.Errorf("PLOVERTypes() = %s", got)
	}
}
