package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/diplograph/diplograph/extract/syntax"
)

// readBuildInfo is debug.ReadBuildInfo; tests replace it.
var readBuildInfo = debug.ReadBuildInfo

// versionText is what --version and `version` print: the module version
// and the commit it was built from ("devel" when the build did not record
// them: go run, go test, -buildvcs=false), the Go toolchain, and the
// embedded syntax model. The frame lexicon has no version of its own to
// print; it changes with the commit.
func versionText() string {
	version, commit := "devel", "devel"
	if info, ok := readBuildInfo(); ok {
		if v := info.Main.Version; v != "" && v != "(devel)" {
			version = v
		}
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" {
			commit = rev
			if modified == "true" {
				commit += " (modified)"
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "diplograph %s\n", version)
	fmt.Fprintf(&b, "commit        %s\n", commit)
	fmt.Fprintf(&b, "go            %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "syntax model  %s\n", syntax.ModelVersion)
	return b.String()
}

func newCmdVersion(streams *ioStreams) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the version, commit, Go version and syntax model (as --version does)",
		Example: `  diplograph version`,
		Args:    exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprint(streams.Out, versionText())
			return err
		},
	}
}
