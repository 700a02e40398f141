package diplograph_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The arrows between our packages (docs/architecture.md draws them). A
// package belongs to the part named by its first folder ("extract" holds
// extract/syntax too); within a part, packages import each other freely;
// between parts, only these arrows are allowed, and a new part must be
// added here before it can import or be imported.
var allowedImports = map[string][]string{
	"cmd":     {"export", "extract", "graph", "schema"},
	"export":  {"graph", "schema"},
	"graph":   {"schema"},
	"extract": {"schema"},
	"schema":  {},
}

const module = "github.com/diplograph/diplograph"

// TestImportRules checks every import of every package of the module, its
// tests' imports included, against allowedImports.
func TestImportRules(t *testing.T) {
	pkgs := listPackages(t)
	if len(pkgs) < len(allowedImports) {
		t.Fatalf("go list found %d packages: %v", len(pkgs), pkgs)
	}
	seen := map[string]bool{}
	for _, p := range pkgs {
		from := part(p.ImportPath)
		allowed, known := allowedImports[from]
		if !known {
			t.Errorf("package %s is in part %q, which allowedImports does not know: add it, and to docs/architecture.md", p.ImportPath, from)
			continue
		}
		seen[from] = true
		imports := append(append(append([]string{}, p.Imports...), p.TestImports...), p.XTestImports...)
		sort.Strings(imports)
		for _, imp := range slices.Compact(imports) {
			if imp != module && !strings.HasPrefix(imp, module+"/") {
				continue
			}
			to := part(imp)
			if to != from && !slices.Contains(allowed, to) {
				t.Errorf("%s imports %s: %s may import only %v", p.ImportPath, imp, from, allowed)
			}
		}
	}
	for p := range allowedImports {
		if !seen[p] {
			t.Errorf("allowedImports names %q, which holds no package", p)
		}
	}
}

// TestPart pins down what a part is.
func TestPart(t *testing.T) {
	for path, want := range map[string]string{
		module + "/cmd/diplograph":         "cmd",
		module + "/extract/syntax":         "extract",
		module + "/schema/internal/gazgen": "schema",
		module + "/graph":                  "graph",
		module:                             "",
	} {
		if got := part(path); got != want {
			t.Errorf("part(%q) = %q, want %q", path, got, want)
		}
	}
}

// part is the first folder of a package of the module.
func part(importPath string) string {
	rel := strings.TrimPrefix(strings.TrimPrefix(importPath, module), "/")
	first, _, _ := strings.Cut(rel, "/")
	return first
}

type goPackage struct {
	ImportPath                         string
	Imports, TestImports, XTestImports []string
}

// listPackages runs go list on the module's packages.
func listPackages(t *testing.T) []goPackage {
	t.Helper()
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := exec.LookPath(goCmd); err != nil {
		if goCmd, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command to list the packages with")
		}
	}
	cmd := exec.Command(goCmd, "list", "-json", "./...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []goPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p goPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if p.ImportPath != module { // this test's own, test-only, package
			pkgs = append(pkgs, p)
		}
	}
	return pkgs
}
