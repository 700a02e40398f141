package export

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDocsListTheFormats: docs/export.md's table of formats names every
// format, in the order of the list.
func TestDocsListTheFormats(t *testing.T) {
	b, err := os.ReadFile("../docs/export.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(b), "\n## Formats\n")
	if !ok {
		t.Fatal("docs/export.md has no Formats section")
	}
	var names []string
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(line, "|")
		if !strings.HasPrefix(line, "| `") || len(cells) < 3 {
			continue
		}
		for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(cells[1], -1) {
			names = append(names, m[1])
		}
	}
	if !slices.Equal(names, Names()) {
		t.Errorf("docs/export.md lists the formats\n%v\nthe package\n%v", names, Names())
	}
}

// TestFormats: every format has help, and Export knows every one.
func TestFormats(t *testing.T) {
	for _, f := range Formats() {
		if f.Help == "" {
			t.Errorf("%s has no help", f.Name)
		}
		if g, ok := Lookup(f.Name); !ok || g != f {
			t.Errorf("Lookup(%q) = %+v, %v", f.Name, g, ok)
		}
	}
	if _, ok := Lookup("svgz"); ok {
		t.Error("Lookup found a format that is not there")
	}
	if !strings.Contains(Help(79), "\n  graphml-yed  GraphML with yFiles") {
		t.Errorf("Help:\n%s", Help(79))
	}
}
