package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExitStatuses: one case per exit status of the README's table
// (ambiguous names, 4, are TestAmbiguousAndUnknownNames).
func TestExitStatuses(t *testing.T) {
	db := fixtureDB(t)
	tests := []struct {
		args []string
		code int
		want []string // in stderr
	}{
		{[]string{"stats", "--db", db}, exitOK, nil},
		{[]string{}, exitOK, nil},
		{[]string{"stats", "--db", filepath.Join(t.TempDir(), "none")}, exitFailure, []string{"ingest first"}},
		{[]string{"stats", "--colour"}, exitUsage, []string{"unknown flag"}},
		{[]string{"stast"}, exitUsage, []string{`unknown command "stast"`, "Did you mean this?\n\tstats\n\nRun 'diplograph --help' for usage.\n"}},
		{[]string{"frobnicate", "--db", db}, exitUsage, []string{`unknown command "frobnicate" for "diplograph"` + "\nRun 'diplograph --help'"}},
		{[]string{"show", "event/0123456789abcdef", "--db", db}, exitNotFound, []string{"no event event/0123456789abcdef in the store", "diplograph events lists"}},
		{[]string{"show", "<dg:event/0123456789abcdef>", "--db", db}, exitNotFound, []string{"no event event/0123456789abcdef"}},
		{[]string{"show", "report/nope-1", "--db", db}, exitNotFound, []string{"no report report/nope-1", "diplograph events"}},
		{[]string{"show", "article/0123456789abcdef", "--db", db}, exitNotFound, []string{"no article article/0123456789abcdef in the store", "schema:NewsArticle"}},
		{[]string{"show", "Nobody Atall", "--db", db}, exitNotFound, []string{`no actor is called "Nobody Atall"`, "diplograph actors lists the actors"}},
		{[]string{"timeline", "Nobody Atall", "--db", db}, exitNotFound, []string{`no actor is called "Nobody Atall"`}},
		{[]string{"events", "--actor", "Nobody Atall", "--db", db}, exitNotFound, []string{`no actor is called "Nobody Atall"`}},
		{[]string{"relations", "Nobody Atall", "--db", db}, exitNotFound, []string{`no actor is called "Nobody Atall"`}},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(t, "", tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d; stderr %q", tt.args, code, tt.code, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(errOut, w) {
				t.Errorf("%v: stderr %q lacks %q", tt.args, errOut, w)
			}
		}
	}
}

// TestShowNotFoundListsHow: the hint a missing article gives is a command
// that lists the articles.
func TestShowNotFoundListsHow(t *testing.T) {
	db := fixtureDB(t)
	code, out, errOut := runCmd(t, "", "query", "--db", db, `g.V().Has("<rdf:type>", "<schema:NewsArticle>").All()`)
	if code != exitOK || !strings.Contains(out, `"<dg:article/2dc017b04f80dfad>"`) || !strings.Contains(listArticles, `g.V().Has("<rdf:type>", "<schema:NewsArticle>").All()`) {
		t.Errorf("the articles listing: exit %d, %s\n%s", code, errOut, out)
	}
}

// TestRootHelpSaysExitStatuses: the statuses are in --help, not only the
// README.
func TestRootHelpSaysExitStatuses(t *testing.T) {
	code, out, _ := runCmd(t, "", "--help")
	if code != exitOK || !strings.Contains(out, "3 not found") || !strings.Contains(out, "4 ambiguous") || !strings.Contains(out, "$DIPLOGRAPH_DB") {
		t.Errorf("diplograph --help: exit %d\n%s", code, out)
	}
}
