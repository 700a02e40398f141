package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/schema"
)

// parsedType runs a command's flag parsing with a stub run and returns the
// event type it parsed.
func parsedType(t *testing.T, command string, args ...string) (schema.EventType, error) {
	t.Helper()
	var got schema.EventType
	var cmd *cobra.Command
	streams := &ioStreams{}
	switch command {
	case "events":
		cmd = newCmdEvents(streams, func(_ *cobra.Command, o *eventsOptions) error { got = o.EventType; return nil })
	case "timeline":
		cmd = newCmdTimeline(streams, func(_ *cobra.Command, o *timelineOptions) error { got = o.EventType; return nil })
		args = append([]string{"putin"}, args...)
	case "relations":
		cmd = newCmdRelations(streams, func(_ *cobra.Command, o *relationsOptions) error { got = o.EventType; return nil })
		args = append([]string{"putin"}, args...)
	case "export":
		cmd = newCmdExport(streams, func(_ *cobra.Command, o *exportOptions) error { got = o.EventType; return nil })
		args = append([]string{"--format", "gexf"}, args...)
	case "cameo":
		cmd = newCmdCAMEO(streams, func(_ *cobra.Command, o *cameoOptions) error { got = o.EventType; return nil })
	default:
		t.Fatalf("no command %s", command)
	}
	cmd.SetArgs(args)
	cmd.SetOut(&strings.Builder{})
	cmd.SetErr(&strings.Builder{})
	err := cmd.Execute()
	return got, err
}

// TestTypeFlagEveryForm: every command that filters by event type reads
// the same vocabulary.
func TestTypeFlagEveryForm(t *testing.T) {
	forms := []struct {
		in   string
		want schema.EventType
	}{
		{"046", schema.EventType{Code: "046"}},
		{"04", schema.EventType{Code: "04"}},
		{"make a visit", schema.EventType{Code: "042"}},
		{"Engage in Negotiation", schema.EventType{Code: "046"}},
		{"SANCTION", schema.EventType{PLOVER: "SANCTION"}},
		{"consult", schema.EventType{PLOVER: "CONSULT"}},
	}
	for _, command := range []string{"events", "timeline", "relations", "export", "cameo"} {
		for _, f := range forms {
			args := []string{"--type", f.in}
			if command == "cameo" {
				args = []string{f.in}
			}
			got, err := parsedType(t, command, args...)
			if err != nil || got != f.want {
				t.Errorf("%s %q: %+v, %v; want %+v", command, args, got, err, f.want)
			}
		}
		args := []string{"--type", "sanctoin"}
		if command == "cameo" {
			args = []string{"sanctoin"}
		}
		if _, err := parsedType(t, command, args...); err == nil || !strings.Contains(err.Error(), "did you mean SANCTION") {
			t.Errorf("%s %q: %v, want a usage error suggesting SANCTION", command, args, err)
		}
	}
}

// TestRelationsRootIsADeprecatedType: --root still works, hidden; it
// cannot be given with --type.
func TestRelationsRootIsADeprecatedType(t *testing.T) {
	got, err := parsedType(t, "relations", "--root", "SANCTION")
	if err != nil || got != (schema.EventType{PLOVER: "SANCTION"}) {
		t.Errorf("--root SANCTION: %+v, %v", got, err)
	}
	if _, err := parsedType(t, "relations", "--root", "04", "--type", "04"); err == nil || !strings.Contains(err.Error(), "old name of --type") {
		t.Errorf("--root with --type: %v", err)
	}
	if _, err := parsedType(t, "relations", "--root", "99"); err == nil || !strings.Contains(err.Error(), "--root") {
		t.Errorf("--root 99: %v, want an error naming --root", err)
	}
	cmd := newCmdRelations(&ioStreams{}, nil)
	if f := cmd.Flags().Lookup("root"); f == nil || !f.Hidden {
		t.Errorf("--root = %+v, want a hidden flag", f)
	}
	db := fixtureDB(t)
	code, out, errOut := runCmd(t, "", "relations", "Russia", "--root", "ACCUSE", "--db", db)
	if code != exitOK || len(jsonLines(t, out)) != 1 || !strings.Contains(errOut, "--root is deprecated: use --type") {
		t.Errorf("relations --root: exit %d, stderr %q\n%s", code, errOut, out)
	}
}

// TestTypeFilters runs each form against the fixture store.
func TestTypeFilters(t *testing.T) {
	db := fixtureDB(t)
	codes := func(args ...string) []string {
		t.Helper()
		code, out, errOut := runCmd(t, "", append(args, "--db", db)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var cs []string
		for _, r := range jsonLines(t, out) {
			cs = append(cs, r["code"].(string))
		}
		return cs
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"events", "--type", "make a visit", "--all"}, "042 042"},
		{[]string{"events", "--type", "ASSAULT"}, "190"}, // 192 is COERCE to PLOVER
		{[]string{"events", "--type", "coerce"}, "192"},
		{[]string{"events", "--type", "19"}, "190 192"},
		{[]string{"timeline", "Lavrov", "--type", "CONSULT"}, "041 046 042"}, // undated last
		{[]string{"timeline", "Lavrov", "--type", "Discuss by telephone"}, "041"},
		{[]string{"relations", "Russia", "--type", "ACCUSE"}, "111"},
	}
	for _, tt := range tests {
		if got := strings.Join(codes(tt.args...), " "); got != tt.want {
			t.Errorf("%q: codes %q, want %q", tt.args, got, tt.want)
		}
	}
	code, out, errOut := runCmd(t, "", "export", "--format", "d3", "--type", "SANCTION", "--db", db)
	if code != exitOK || strings.Contains(out, `"root":"04"`) {
		t.Errorf("export --type SANCTION: exit %d %s\n%s", code, errOut, out)
	}
	code, out, _ = runCmd(t, "", "export", "--format", "d3", "--type", "consult", "--db", db)
	if code != exitOK || !strings.Contains(out, `"root":"04"`) || strings.Contains(out, `"root":"19"`) {
		t.Errorf("export --type consult: exit %d\n%s", code, out)
	}
}
