package main

import (
	"encoding/csv"
	"strings"
	"testing"
)

// splitExample splits an Example line into arguments: words, and
// double-quoted strings as one.
func splitExample(t *testing.T, line string) []string {
	t.Helper()
	var args []string
	var cur strings.Builder
	quoted, started := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, started = !quoted, true
		case r == ' ' && !quoted:
			if started {
				args = append(args, cur.String())
				cur.Reset()
				started = false
			}
		default:
			cur.WriteRune(r)
			started = true
		}
	}
	if quoted {
		t.Fatalf("unbalanced quotes in %q", line)
	}
	if started {
		args = append(args, cur.String())
	}
	return args
}

// TestCAMEOExamples runs every Example line of `diplograph cameo --help`.
func TestCAMEOExamples(t *testing.T) {
	lines := strings.Split(newCmdCAMEO(&ioStreams{}, nil).Example, "\n")
	if len(lines) < 3 {
		t.Fatalf("only %d examples", len(lines))
	}
	for _, line := range lines {
		args := splitExample(t, strings.TrimSpace(line))
		if args[0] != "diplograph" {
			t.Fatalf("example %q does not start with diplograph", line)
		}
		code, out, errOut := runCmd(t, "", args[1:]...)
		if code != exitOK || out == "" {
			t.Errorf("%s: exit %d, %d bytes out, %s", line, code, len(out), errOut)
		}
	}
}

func TestCAMEOCommand(t *testing.T) {
	code, out, _ := runCmd(t, "", "cameo")
	rows := jsonLines(t, out)
	if code != exitOK || len(rows) < 310 || rows[0]["code"] != "01" || rows[len(rows)-1]["code"] != "2042" {
		t.Fatalf("cameo: exit %d, %d rows", code, len(rows))
	}
	if rows[0]["plover"] != nil || rows[0]["label"] != "Make public statement" {
		t.Errorf("01: %v, want no PLOVER type", rows[0])
	}

	code, out, _ = runCmd(t, "", "cameo", "04", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	want := [][]string{
		{"CODE", "LABEL", "GOLDSTEIN", "QUAD CLASS", "PLOVER", "MODE", "CONTEXT"},
		{"04", "Consult", "1.0", "1", "CONSULT", "", ""},
		{"040", "Consult", "1.0", "1", "CONSULT", "", ""},
		{"041", "Discuss by telephone", "1.0", "1", "CONSULT", "phone", ""},
		{"042", "Make a visit", "1.9", "1", "CONSULT", "visit", ""},
		{"043", "Host a visit", "2.8", "1", "CONSULT", "visit", ""},
		{"044", "Meet at a third location", "2.5", "1", "CONSULT", "third-party", ""},
		{"045", "Mediate", "5.0", "1", "CONSULT", "", "diplomatic"},
		{"046", "Engage in negotiation", "7.0", "1", "CONSULT", "", "diplomatic"},
	}
	if code != exitOK || err != nil || len(recs) != len(want) {
		t.Fatalf("cameo 04 csv: exit %d, %v\n%s", code, err, out)
	}
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, recs[i], want[i])
		}
	}

	code, out, _ = runTerminal(t, "cameo", "SANCTION")
	if code != exitOK || !strings.HasPrefix(out, "CODE") || !strings.Contains(out, "1663") || strings.Contains(out, "163 ") ||
		!strings.Contains(out, "4 material conflict") {
		t.Errorf("cameo SANCTION table: exit %d\n%s", code, out)
	}
	code, out, _ = runCmd(t, "", "cameo", "Make a Visit")
	if code != exitOK || strings.TrimSpace(out) != `{"code":"042","root":"04","label":"Make a visit","goldstein":1.9,"quad_class":1,"plover":{"type":"CONSULT","mode":"visit"}}` {
		t.Errorf("cameo \"Make a Visit\": exit %d\n%s", code, out)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"cameo", "visit"}, `did you mean "Make a visit" (042), "Host a visit" (043)`},
		{[]string{"cameo", "99"}, `"99" is not a CAMEO code`},
		{[]string{"cameo", "04", "05"}, "accepts at most 1 arg"},
		{[]string{"cameo", "--format", "xml"}, "--format"},
	} {
		code, _, errOut := runCmd(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: exit %d, %q; want a usage error with %q", tt.args, code, errOut, tt.want)
		}
	}
}
