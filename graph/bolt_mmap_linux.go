package graph

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// releaseMapped drops the pages of file that the process has mapped (bolt
// maps the whole store to read it) from the process's page tables. They
// stay in the kernel's page cache, shared and reclaimable, and a later
// read maps them again at the cost of a minor fault. An ingest reads all
// over a growing store; without this its resident size would grow with
// the file, though none of it is the process's own memory.
func releaseMapped(file string) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return
	}
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// start-end perms offset dev inode path
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || fields[5] != abs {
			continue
		}
		from, to, ok := strings.Cut(fields[0], "-")
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(from, 16, 64)
		end, err2 := strconv.ParseUint(to, 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		// A read-only shared file mapping: DONTNEED unmaps the pages; the
		// next access faults them in again from the page cache.
		syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), syscall.MADV_DONTNEED)
	}
}
