package main

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/extract/syntax"
)

func TestVersion(t *testing.T) {
	defer func(f func() (*debug.BuildInfo, bool)) { readBuildInfo = f }(readBuildInfo)
	readBuildInfo = func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{Main: debug.Module{Version: "v0.4.0"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "3e749911e82bb6caeb72690367c00305e0b56b0d"}, {Key: "vcs.modified", Value: "true"},
		}}, true
	}
	want := "diplograph v0.4.0\n" +
		"commit        3e749911e82bb6caeb72690367c00305e0b56b0d (modified)\n" +
		"go            " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + "\n" +
		"syntax model  " + syntax.ModelVersion + "\n"
	for _, args := range [][]string{{"--version"}, {"version"}} {
		code, out, errOut := runCmd(t, "", args...)
		if code != exitOK || out != want || errOut != "" {
			t.Errorf("%v: exit %d, stdout\n%s\nwant\n%s\nstderr %q", args, code, out, want, errOut)
		}
	}

	// go run, go test and -buildvcs=false builds record neither.
	for _, info := range []*debug.BuildInfo{nil, {Main: debug.Module{Version: "(devel)"}}} {
		readBuildInfo = func() (*debug.BuildInfo, bool) { return info, info != nil }
		code, out, _ := runCmd(t, "", "--version")
		if code != exitOK || !strings.HasPrefix(out, "diplograph devel\ncommit        devel\n") {
			t.Errorf("no build information: exit %d\n%s", code, out)
		}
	}
	if code, _, errOut := runCmd(t, "", "version", "extra"); code != exitUsage {
		t.Errorf("version extra: exit %d, %s", code, errOut)
	}
}
