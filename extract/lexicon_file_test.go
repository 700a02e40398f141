package extract

import (
	"os"
	"strings"
	"testing"
)

func TestParseFrames(t *testing.T) {
	rules, err := parseFrames(strings.NewReader(builtinFrames), "events.frames")
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) < 200 {
		t.Fatalf("%d built-in frames", len(rules))
	}
	text := "# a comment\n\n163.impose.x 163 verb impose object=sanctions,embargo preps=on announced\n046.talks.x 046 noun talks frame=meet window=3\n"
	rs, err := parseFrames(strings.NewReader(text), "mine.frames")
	if err != nil {
		t.Fatal(err)
	}
	r := rs[0]
	if r.id != "163.impose.x" || r.code != "163" || r.noun || r.lemma != "impose" || strings.Join(r.object, "|") != "sanctions|embargo" ||
		strings.Join(r.preps, "|") != "on" || !r.announced {
		t.Errorf("first frame = %+v", r)
	}
	if !rs[1].noun || rs[1].frame != frameMeet || rs[1].window != 3 {
		t.Errorf("second frame = %+v", rs[1])
	}
}

func TestParseFramesErrors(t *testing.T) {
	cases := []struct{ text, want string }{
		{"042.visit 042 verb", "f:1: want ID CODE KIND LEMMA [OPTION ...], got 3 fields"},
		{"999.x 999 verb x", `f:1: "999" is not a CAMEO event code`},
		{"042.x 042 adjective visit", `f:1: kind "adjective": want verb or noun`},
		{"042.x 042 verb Visit", `f:1: lemma "Visit" must be lower case`},
		{"042.x 042 verb visit fast", `f:1: unknown option "fast"`},
		{"042.x 042 verb visit frame=dance", "f:1: frame=dance: want meet, visit, take or act"},
		{"042.x 042 verb visit window=99", "f:1: window=99: want a number of words from 1 to 20"},
		{"042.x 042 verb visit phone=yes", "f:1: option phone takes no value"},
		{"042.x 042 verb visit\n# c\n042.x 042 verb tour", "f:3: rule ID 042.x is already used on line 1"},
	}
	for _, c := range cases {
		_, err := parseFrames(strings.NewReader(c.text), "f")
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: error %v, want %q", c.text, err, c.want)
		}
	}
}

func TestWithFrames(t *testing.T) {
	path := t.TempDir() + "/mine.frames"
	writeFile(t, path, "141.picket.mine 141 verb picket preps=outside\n")
	x, err := New(WithFrames(path))
	if err != nil {
		t.Fatal(err)
	}
	if rs := x.triggers["picketed"]; len(rs) == 0 || rs[len(rs)-1].id != "141.picket.mine" {
		t.Errorf("the user's frame is not in the index: %v", rs)
	}
	writeFile(t, path, "141.picket.mine 141 verb picket oops\n")
	if _, err := New(WithFrames(path)); err == nil || !strings.Contains(err.Error(), path+":1:") {
		t.Errorf("a bad user frame file: %v, want an error naming %s:1", err, path)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
