package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/diplograph/diplograph/graph"
)

// utf16File encodes text as UTF-16 with a byte-order mark.
func utf16File(text string, order binary.ByteOrder) string {
	var b bytes.Buffer
	units := append([]uint16{0xfeff}, utf16.Encode([]rune(text))...)
	for _, u := range units {
		binary.Write(&b, order, u)
	}
	return b.String()
}

const sampleHTML = `<!DOCTYPE html>
<html><head><title>Lavrov and Rubio meet in Riyadh | Example News</title>
<meta property="og:title" content="Lavrov and Rubio meet in Riyadh">
<meta property="article:published_time" content="2025-02-20T09:00:00Z">
<link rel="canonical" href="https://example.org/riyadh">
<script>var tracking = "Putin attacked Kyiv";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Lavrov and Rubio meet in Riyadh</h1>
<p>RIYADH, Saudi Arabia (Wire) &mdash; Russian Foreign Minister Sergey Lavrov met U.S. Secretary of State
<b>Marco Rubio</b> in Riyadh on Tuesday, the first talks between the two countries' top diplomats since 2022.</p>
<aside>Read more: China sanctions Japan</aside>
<p>Lavrov said the talks were useful.</p></article>
<footer>&copy; Example News</footer></body></html>`

// stats reads a store's statistics through the command.
func stats(t *testing.T, db string) graph.Stats {
	t.Helper()
	code, out, errOut := runCmd(t, "", "stats", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("stats: exit %d: %s", code, errOut)
	}
	var st graph.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	return st
}

func isOneLine(s string) bool { return strings.Count(strings.TrimRight(s, "\n"), "\n") == 0 && s != "" }

// TestBadInputFiles: each input that is not an article gets one line on
// stderr naming it and the problem, exit status 1, and no store.
func TestBadInputFiles(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"empty.txt", "", "empty"},
		{"blank.txt", " \n\t\r\n  ", "empty"},
		{"only-metadata.txt", "Published: 2025-02-20\nTitle: x\n", "empty"},
		{"image.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"},
		{"doc.txt", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"},
		{"nul.txt", "Lavrov\x00met\x00Rubio", "NUL bytes"},
		{"latin1.txt", "Lavrov met Rubio at the caf\xe9.", "not valid UTF-8 text (first bad byte at offset 27)"},
		{"odd.txt", "\xff\xfeL\x00a\x00v", "odd number of bytes"},
		{"surrogate.txt", "\xff\xfe\x00\xd8a\x00", "unpaired surrogate"},
		{"utf32.txt", "\xff\xfe\x00\x00L\x00\x00\x00", "UTF-32"},
		{"page.html", "<html><body><script>x()</script><nav>Home</nav></body></html>", "HTML page without article text"},
		{"big.txt", strings.Repeat("Lavrov met Rubio. ", 100), "larger than 1KB (--max-size)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "g.db")
			p := writeFile(t, dir, tt.name, tt.content)
			code, out, errOut := runCmd(t, "", "ingest", "--max-size", "1KB", "--db", db, p)
			if code != exitFailure || !isOneLine(errOut) || !strings.Contains(errOut, tt.name) || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 1 and one line naming %s and %q", code, errOut, tt.name, tt.want)
			}
			if !strings.Contains(out, "1 failed") {
				t.Errorf("summary: %s", out)
			}
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("a store was created for an input without an article: %v", err)
			}
		})
	}
}

// TestGoodInputEncodings: UTF-16 with a byte-order mark, UTF-8 with one,
// and web pages are read as articles.
func TestGoodInputEncodings(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	files := map[string]string{
		"in/utf16le.txt": utf16File(sampleArticle, binary.LittleEndian),
		"in/utf16be.txt": utf16File(strings.Replace(sampleArticle, "Tuesday", "Monday", 1), binary.BigEndian),
		"in/bom8.txt":    "\xef\xbb\xbf" + strings.Replace(sampleArticle, "Tuesday", "Wednesday", 1),
		"in/page.html":   sampleHTML,
		"in/saved.txt":   strings.Replace(sampleHTML, "Tuesday", "Thursday", 1),
		"in/feed16.jsonl": utf16File(`{"id":"u16","text":"Putin meets Xi\nBEIJING (Wire) — Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday."}`+"\n",
			binary.LittleEndian),
		"in/bom8.jsonl": "\xef\xbb\xbf" + `{"id":"b8","text":"Modi visits Abu Dhabi\nABU DHABI (Wire) — Indian Prime Minister Narendra Modi visited Abu Dhabi on Tuesday."}` + "\n",
	}
	for name, content := range files {
		writeFile(t, dir, name, content)
	}
	code, out, errOut := runCmd(t, "", "ingest", "--db", db, filepath.Join(dir, "in"))
	if code != exitOK || !strings.Contains(out, "7 new") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	_, out, _ = runCmd(t, "", "query", "--db", db, `g.V().Has("<rdf:type>", "<schema:NewsArticle>").Out("<schema:headline>").All()`)
	for _, want := range []string{"Lavrov and Rubio meet in Riyadh", "Putin meets Xi"} {
		if !strings.Contains(out, want) {
			t.Errorf("headlines %s lack %q", out, want)
		}
	}

	// The web page: its text without scripts, navigation or asides, its
	// title, date and URL from the metadata.
	code, out, errOut = runCmd(t, "", "extract", "--format", "json", filepath.Join(dir, "in/page.html"))
	if code != exitOK {
		t.Fatalf("extract page.html: exit %d: %s", code, errOut)
	}
	var res struct {
		Document struct{ Title, URL, Published string }
		Actors   []struct{ Name string }
		Events   []struct{ CAMEO string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Document.Title != "Lavrov and Rubio meet in Riyadh" || res.Document.URL != "https://example.org/riyadh" || res.Document.Published != "2025-02-20" {
		t.Errorf("page metadata: %+v", res.Document)
	}
	for _, a := range res.Actors {
		if a.Name == "Japan" || a.Name == "Kyiv" {
			t.Errorf("actor %q from outside the article's text", a.Name)
		}
	}
	if len(res.Events) == 0 || !strings.HasPrefix(res.Events[0].CAMEO, "04") {
		t.Errorf("page events: %+v", res.Events)
	}
}

// TestArticleFromHTMLText checks the text read out of a page.
func TestArticleFromHTMLText(t *testing.T) {
	art, err := articleFromHTML(sampleHTML)
	if err != nil {
		t.Fatal(err)
	}
	want := "Lavrov and Rubio meet in Riyadh\nRIYADH, Saudi Arabia (Wire) — Russian Foreign Minister Sergey Lavrov met U.S. Secretary of State Marco Rubio in Riyadh on Tuesday, the first talks between the two countries' top diplomats since 2022.\nLavrov said the talks were useful.\n"
	if art.Text != want {
		t.Errorf("text %q\nwant %q", art.Text, want)
	}
	if !looksLikeHTML("\n<!-- saved -->\n<!doctype HTML><p>x") || looksLikeHTML("Published: 2025-02-20\n<b>Lavrov</b> met Rubio.") {
		t.Error("looksLikeHTML")
	}
}

// TestLongInputsAreBounded: text without sentence terminators and endless
// tokens are ingested in bounded time.
func TestLongInputsAreBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts half a megabyte")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	writeFile(t, dir, "in/nostops.txt", strings.Repeat("Lavrov met Rubio in Riyadh on Tuesday and said ", 5000))
	writeFile(t, dir, "in/token.txt", "Lavrov met Rubio in Riyadh. "+strings.Repeat("x", 200<<10)+"\n")
	start := time.Now()
	code, out, errOut := runCmd(t, "", "ingest", "--db", db, filepath.Join(dir, "in"))
	if code != exitOK || !strings.Contains(out, "2 new") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if d := time.Since(start); d > time.Minute {
		t.Errorf("took %v", d)
	}
}

// TestMixedFolder: good files are ingested, bad ones reported one per
// line, and the exit status says some failed.
func TestMixedFolder(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	writeFile(t, dir, "in/good.txt", sampleArticle)
	writeFile(t, dir, "in/page.html", sampleHTML)
	writeFile(t, dir, "in/utf16.txt", utf16File(strings.Replace(sampleArticle, "Tuesday", "Monday", 1), binary.LittleEndian))
	writeFile(t, dir, "in/empty.txt", "")
	writeFile(t, dir, "in/blank.md", "\n\n")
	writeFile(t, dir, "in/image.txt", "\x89PNG\r\n\x1a\n\x00")
	writeFile(t, dir, "in/latin1.txt", "caf\xe9")
	writeFile(t, dir, "in/big.txt", strings.Repeat("word ", 1000))
	writeFile(t, dir, "in/skipped.csv", "a,b\n")
	code, out, errOut := runCmd(t, "", "ingest", "--max-size", "4KB", "--db", db, filepath.Join(dir, "in"))
	if code != exitFailure {
		t.Errorf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if len(lines) != 5 {
		t.Errorf("stderr has %d lines, want one per bad file:\n%s", len(lines), errOut)
	}
	for _, name := range []string{"empty.txt", "blank.md", "image.txt", "latin1.txt", "big.txt"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("stderr does not name %s", name)
		}
	}
	if !strings.Contains(out, "3 new") || !strings.Contains(out, "5 failed") {
		t.Errorf("summary:\n%s", out)
	}
	if st := stats(t, db); st.Articles != 3 {
		t.Errorf("store has %d articles, want 3", st.Articles)
	}
	if code, out, errOut := runCmd(t, "", "check", "--db", db); code != exitOK || !strings.HasSuffix(strings.TrimSpace(out), ": ok") {
		t.Errorf("check: exit %d\n%s%s", code, out, errOut)
	}
}

func TestMissingAndUnreadablePaths(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	good := writeFile(t, dir, "good.txt", sampleArticle)
	// A missing path among good ones is reported; the others go on.
	code, out, errOut := runCmd(t, "", "ingest", "--db", db, filepath.Join(dir, "nope.txt"), good)
	if code != exitFailure || !isOneLine(errOut) || !strings.Contains(errOut, "nope.txt: no such file or directory") || !strings.Contains(out, "1 new") {
		t.Errorf("missing path: exit %d\n%s%s", code, out, errOut)
	}
	// Only missing paths: no store.
	db2 := filepath.Join(dir, "g2.db")
	code, _, errOut = runCmd(t, "", "ingest", "--db", db2, filepath.Join(dir, "nope"))
	if code != exitFailure || !isOneLine(errOut) {
		t.Errorf("only a missing path: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(db2); !os.IsNotExist(err) {
		t.Error("a store was created though nothing was read")
	}
	// An empty folder is reported.
	os.Mkdir(filepath.Join(dir, "empty"), 0o755)
	if code, _, errOut := runCmd(t, "", "ingest", "--db", db2, filepath.Join(dir, "empty")); code != exitFailure || !strings.Contains(errOut, "no .txt, .md, .html or .jsonl files") {
		t.Errorf("empty folder: exit %d, %q", code, errOut)
	}
	// A folder named like an article is walked, not read.
	writeFile(t, dir, "d/x.txt/inner.md", sampleArticle)
	if code, out, errOut := runCmd(t, "", "ingest", "--db", db, filepath.Join(dir, "d")); code != exitOK || !strings.Contains(out, "1 new") {
		t.Errorf("folder named x.txt: exit %d\n%s%s", code, out, errOut)
	}
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their permissions")
	}
	p := writeFile(t, dir, "secret.txt", sampleArticle)
	os.Chmod(p, 0)
	code, _, errOut = runCmd(t, "", "ingest", "--db", db, p)
	if code != exitFailure || !isOneLine(errOut) || !strings.Contains(errOut, "secret.txt: permission denied") {
		t.Errorf("unreadable file: exit %d, %q", code, errOut)
	}
}

// TestJSONLinesBadRecord: without --keep-going a bad record stops the
// ingest before anything is written; with it, the other records go in.
func TestJSONLinesBadRecord(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	good := writeFile(t, dir, "good.txt", sampleArticle)
	feed := writeFile(t, dir, "feed.jsonl", strings.Join([]string{
		`{"id":"a","title":"Putin meets Xi","published":"2024-05-16","text":"Putin meets Xi\nBEIJING (Wire) — Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday."}`,
		`{"id":"b","text":"Modi visits Abu Dhabi`,
		``,
		`{"id":"c","text":"Scholz calls Putin\nBERLIN (Wire) — German Chancellor Olaf Scholz spoke with Russian President Vladimir Putin by telephone on Friday.","published":"2024-11-15"}`,
		`{"id":"d","published":"15/11/2024","text":"x"}`,
		`{"id":"e","text":42}`,
		`{"id":"f","extra":{"nested":true},"text":"Erdogan receives Zelenskyy\nANKARA (Wire) — Turkish President Recep Tayyip Erdogan received Ukrainian President Volodymyr Zelenskyy in Ankara on Monday."}`,
	}, "\n"))
	code, out, errOut := runCmd(t, "", "ingest", "--db", db, good, feed)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if code != exitFailure || len(lines) != 4 || !strings.Contains(lines[3], "nothing was written") || !strings.Contains(lines[3], "--keep-going") {
		t.Errorf("without --keep-going: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"feed.jsonl:2: malformed JSON", `feed.jsonl:5: "published": date "15/11/2024" is not YYYY-MM-DD`, `feed.jsonl:6: field "text" must be a string`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Error("a store was written though the ingest stopped")
	}
	code, out, errOut = runCmd(t, "", "ingest", "--keep-going", "--db", db, good, feed)
	if code != exitFailure || len(strings.Split(strings.TrimSpace(errOut), "\n")) != 3 || !strings.Contains(out, "4 new") || !strings.Contains(out, "3 failed") {
		t.Errorf("with --keep-going: exit %d\n%s%s", code, out, errOut)
	}
	if st := stats(t, db); st.Articles != 4 {
		t.Errorf("%d articles, want 4", st.Articles)
	}
	// A record longer than --max-size is skipped without being read whole.
	long := writeFile(t, dir, "long.jsonl", `{"id":"g","text":"`+strings.Repeat("word ", 100000)+`"}`+"\n"+`{"id":"h","text":"Lavrov met Rubio in Riyadh."}`+"\n")
	code, out, errOut = runCmd(t, "", "ingest", "--keep-going", "--max-size", "64KB", "--db", db, long)
	if code != exitFailure || !isOneLine(errOut) || !strings.Contains(errOut, "long.jsonl:1: record longer than 64KB") || !strings.Contains(out, "1 new") {
		t.Errorf("long record: exit %d\n%s%s", code, out, errOut)
	}
}

func TestIngestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", sampleArticle)
	for _, args := range [][]string{
		{"ingest", "--published", "2025-02-30", p},
		{"ingest", "--published", "yesterday", p},
		{"ingest", "--max-size", "lots", p},
		{"ingest", "--max-size", "0", p},
		{"extract", "--max-size", "-1KB", p},
		{"query", "--timeout", "-1s", "g.V().All()"},
		{"check", "extra"},
	} {
		code, _, errOut := runCmd(t, "", args...)
		if code != exitUsage || !isOneLine(errOut) {
			t.Errorf("%v: exit %d, %q; want a one-line usage error", args, code, errOut)
		}
	}
}

// TestOtherLanguage: an article in another language gives no events.
func TestOtherLanguage(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"fr.txt": "Poutine et Macron se rencontrent à Paris\nPARIS (AFP) — Le président russe Vladimir Poutine a rencontré mardi le président français Emmanuel Macron à l'Élysée. Les deux dirigeants ont signé un accord et ont menacé de sanctions la Pologne.\n",
		"de.txt": "Putin trifft Scholz in Berlin\nBERLIN (dpa) — Der russische Präsident Wladimir Putin hat am Dienstag Bundeskanzler Olaf Scholz in Berlin getroffen. Russland griff die Ukraine an.\n",
		"zh.txt": "普京在北京会见习近平\n北京（新华社）— 俄罗斯总统普京周二在北京会见了中国国家主席习近平。双方签署了一项协议，并威胁对乌克兰实施制裁。\n",
		"ru.txt": "Лавров встретился с Рубио в Эр-Рияде\nЭР-РИЯД — Министр иностранных дел России Сергей Лавров встретился во вторник с госсекретарём США Марко Рубио.\n",
	} {
		p := writeFile(t, dir, name, text)
		code, out, errOut := runCmd(t, "", "extract", "--format", "json", "--published", "2025-02-20", p)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		var res struct{ Events []any }
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Events) > 0 {
			t.Errorf("%s: events %v, want none", name, res.Events)
		}
	}
}

func TestQueryFailures(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	if code, _, errOut := runCmd(t, sampleArticle, "ingest", "--db", db, "-"); code != exitOK {
		t.Fatal(errOut)
	}
	code, _, errOut := runCmd(t, "", "query", "--db", db, "g.V()\n  .Out(\"<schema:name>\"\n  .All()")
	if code != exitUsage || !isOneLine(errOut) || !strings.Contains(errOut, "syntax error at line 3, column 9") {
		t.Errorf("syntax error: exit %d, %q", code, errOut)
	}
	start := time.Now()
	code, _, errOut = runCmd(t, "", "query", "--db", db, "--timeout", "300ms", "while (true) {}")
	if code != exitFailure || !isOneLine(errOut) || !strings.Contains(errOut, "--timeout 300ms") || time.Since(start) > 10*time.Second {
		t.Errorf("endless query: exit %d, %q after %v", code, errOut, time.Since(start))
	}
	code, out, errOut := runCmd(t, "", "query", "--db", db, "--limit", "5", "for (var i = 0; ; i++) g.Emit(i)")
	if code != exitOK || strings.Count(out, "\n") != 5 || !strings.Contains(errOut, "stopped after 5 results") {
		t.Errorf("endless results: exit %d, %d lines, %q", code, strings.Count(out, "\n"), errOut)
	}
	code, out, errOut = runCmd(t, "", "query", "--db", db, "--limit", "5", "g.Emit(1); g.Emit(2)")
	if code != exitOK || out != "1\n2\n" || errOut != "" {
		t.Errorf("under the limit: exit %d, %q, %q", code, out, errOut)
	}
}

func TestCheckCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	if code, _, errOut := runCmd(t, sampleArticle, "ingest", "--db", db, "-"); code != exitOK {
		t.Fatal(errOut)
	}
	code, out, errOut := runCmd(t, "", "check", "--db", db)
	if code != exitOK || !strings.HasPrefix(out, "1 articles, ") || !strings.HasSuffix(out, ": ok\n") || errOut != "" {
		t.Errorf("sound store: exit %d, %q, %q", code, out, errOut)
	}
	code, out, _ = runCmd(t, "", "check", "--db", db, "--format", "json")
	var rep graph.CheckReport
	if err := json.Unmarshal([]byte(out), &rep); code != exitOK || err != nil || rep.Articles != 1 || rep.Problems == nil || len(rep.Problems) != 0 {
		t.Errorf("json: exit %d, %v, %s", code, err, out)
	}
	code, _, errOut = runCmd(t, "", "check", "--db", filepath.Join(dir, "none"))
	if code != exitFailure || !isOneLine(errOut) || !strings.Contains(errOut, "ingest first") {
		t.Errorf("no store: exit %d, %q", code, errOut)
	}
}

// TestStoreUnusable: a store that cannot be created or is in use stops the
// ingest with one clear line.
func TestStoreUnusable(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", sampleArticle)
	file := writeFile(t, dir, "file", "x")
	code, _, errOut := runCmd(t, "", "ingest", "--db", filepath.Join(file, "g.db"), p)
	if code != exitFailure || !isOneLine(errOut) || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("store under a file: exit %d, %q", code, errOut)
	}
	if testing.Short() {
		return
	}
	db := filepath.Join(dir, "g.db")
	s, err := graph.Open(context.Background(), db, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	code, _, errOut = runCmd(t, "", "ingest", "--db", db, p)
	if code != exitFailure || !isOneLine(errOut) || !strings.Contains(errOut, "store is in use by another process") || time.Since(start) > 10*time.Second {
		t.Errorf("store in use: exit %d, %q after %v", code, errOut, time.Since(start))
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1": 1, "512K": 512 << 10, "4MB": 4 << 20, "1 GiB": 1 << 30, "2kb": 2048, "10B": 10} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "1TB", "1.5MB", "MB", "99999999999999999999", "9999999999GB"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) succeeded", in)
		}
	}
	for _, n := range []int64{1, 1023, 1024, 4 << 20, 3 << 30, 1<<20 + 1} {
		if got, err := parseSize(formatSize(n)); err != nil || got != n {
			t.Errorf("formatSize(%d) = %q reads back as %d, %v", n, formatSize(n), got, err)
		}
	}
}
