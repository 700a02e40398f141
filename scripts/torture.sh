#!/usr/bin/env bash
# torture.sh: runs a built diplograph against what users do to it (messy
# folders, bad encodings, huge files, JSON Lines with broken records, two
# processes on one store, kill -9 in the middle of an ingest, full and
# read-only disks, damaged store files, endless queries) and checks that
# it never crashes, hangs or half-writes the graph, and that every failure
# is one clear line on stderr with a non-zero exit status.
#
# Prints one line per case (PASS, FAIL or SKIP, the case, what happened)
# and ends with "N passed, M failed"; the exit status is 1 if any failed.
# Needs bash, coreutils and Go; the full-disk and read-only-disk cases
# mount a tmpfs and need root (they fall back or skip without it).
#
#   bash scripts/torture.sh            # everything, about five minutes
#   KILLS=5 bash scripts/torture.sh    # fewer kill -9 trials
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH"

KILLS=${KILLS:-20}      # kill -9 trials
COPIES=${COPIES:-400}   # copies of each sample article in the kill corpus

work=$(mktemp -d "${TMPDIR:-/tmp}/diplograph-torture.XXXXXX")
chmod 755 "$work" # the unreadable-file case runs as nobody
mounts=()
bgpids=()
cleanup() {
  for p in "${bgpids[@]}"; do kill -9 "$p" 2>/dev/null; done
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

bin=$work/diplograph
helper=$work/torturehelp
if ! go build -o "$bin" ./cmd/diplograph || ! go build -o "$helper" scripts/torturehelp.go; then
  echo "torture: build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0 failed=0 skipped=0
# Details name files relative to the work folder, to stay readable.
pass() { local d=${2//$work\//}; passed=$((passed + 1)); printf 'PASS  %-38s %s\n' "$1" "${d:0:320}"; }
fail() { local d=${2//$work\//}; failed=$((failed + 1)); printf 'FAIL  %-38s %s\n' "$1" "${d:0:400}"; }
skip() { skipped=$((skipped + 1)); printf 'SKIP  %-38s %s\n' "$1" "$2"; }

# run ARGS...: runs diplograph, leaving the exit status in rc, the output in
# $work/out and $work/err, the wall time in ms and the peak memory in kb.
run() {
  "$helper" measure "$bin" "$@" >"$work/out" 2>"$work/err.all" </dev/null
  read -r ms kb rc < <(tail -n 1 "$work/err.all")
  head -n -1 "$work/err.all" >"$work/err"
}
errlines() { grep -c '' "$work/err"; }
err() { tr '\n' ' ' <"$work/err"; }
has_err() { grep -qF -- "$1" "$work/err"; }
crashed() { grep -qE '^(panic:|fatal error:|goroutine [0-9]+ )' "$work/err"; }
articles() { "$bin" stats --db "$1" --format json 2>/dev/null | sed -n 's/.*"articles":\([0-9]*\).*/\1/p'; }

# expect_refusal NAME FILE WANT [ARGS]: ingesting FILE fails with one stderr
# line naming it and WANT, exit 1, and leaves no store.
expect_refusal() {
  local name=$1 file=$2 want=$3
  shift 3
  local db=$work/db-$RANDOM
  run ingest --db "$db" "$@" "$file"
  if [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && has_err "$(basename "$file")" && has_err "$want" && [ ! -e "$db" ]; then
    pass "$name" "exit 1 in ${ms}ms: $(err)"
  else
    fail "$name" "exit $rc, store $( [ -e "$db" ] && echo created || echo absent), stderr: $(err)"
  fi
}

# expect_article NAME FILE [GREP]: FILE is ingested as one article (and the
# store holds GREP among its headlines).
expect_article() {
  local name=$1 file=$2 want=${3:-}
  local db=$work/db-$RANDOM
  run ingest --db "$db" "$file"
  local heads
  heads=$("$bin" query --db "$db" 'g.V().Has("<rdf:type>", "<schema:NewsArticle>").Out("<schema:headline>").All()' 2>&1)
  if [ "$rc" = 0 ] && grep -q "1 new" "$work/out" && [[ $heads == *"$want"* ]]; then
    pass "$name" "ingested in ${ms}ms, ${kb}KB: ${heads:0:80}"
  else
    fail "$name" "exit $rc: $(err) $(head -n 1 "$work/out") ${heads:0:80}"
  fi
}

sample=testdata/articles/jaishankar-lavrov-moscow.txt
in=$work/in
mkdir -p "$in"

echo "== inputs (in $work)"
: >"$in/empty.txt"
expect_refusal "empty file" "$in/empty.txt" "empty"
printf ' \n\t\n   \r\n' >"$in/blank.txt"
expect_refusal "whitespace-only file" "$in/blank.txt" "empty"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00' >"$in/photo.txt"
expect_refusal "binary file: image" "$in/photo.txt" "PNG image"
printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' >"$in/report.txt"
expect_refusal "binary file: PDF" "$in/report.txt" "PDF document"
printf 'Published: 2025-02-20\nLavrov met Rubio at the caf\xe9 in Riyadh on Tuesday.\n' >"$in/latin1.txt"
expect_refusal "invalid UTF-8" "$in/latin1.txt" "not valid UTF-8"
"$helper" utf16 le "$sample" "$in/utf16le.txt"
expect_article "UTF-16 LE with BOM" "$in/utf16le.txt" "Jaishankar"
"$helper" utf16 be "$sample" "$in/utf16be.txt"
expect_article "UTF-16 BE with BOM" "$in/utf16be.txt" "Jaishankar"
cat >"$in/page.html" <<'EOF'
<!DOCTYPE html>
<html><head><title>Lavrov and Rubio meet in Riyadh | Example News</title>
<meta property="article:published_time" content="2025-02-20T09:00:00Z">
<script>var ad = "Japan attacked China";</script></head>
<body><nav><a href="/">Home</a> Kim Jong Un</nav>
<article><h1>Lavrov and Rubio meet in Riyadh</h1>
<p>RIYADH, Saudi Arabia (Wire) &mdash; Russian Foreign Minister Sergey Lavrov met U.S. Secretary of
State <b>Marco Rubio</b> in Riyadh on Tuesday.</p><aside>Also: Japan sanctions China</aside>
<p>Lavrov said the talks were useful.</p></article><footer>&copy; Example</footer></body></html>
EOF
db=$work/db-html
run ingest --db "$db" "$in/page.html"
names=$("$bin" query --db "$db" 'g.V().Has("<rdf:type>", "<schema:Person>").Out("<schema:name>").All()' 2>&1)
if [ "$rc" = 0 ] && [[ $names == *"Marco Rubio"* ]] && [[ $names != *Kim* ]] && ! "$bin" query --db "$db" 'g.V().Has("<schema:name>", "Japan").All()' | grep -q .; then
  pass "HTML page" "article text read out of the page (no nav, script or aside): $(echo "$names" | tr '\n' ' ' | cut -c 1-80)"
else
  fail "HTML page" "exit $rc: $(err) $names"
fi

yes "Russian Foreign Minister Sergey Lavrov met Marco Rubio in Riyadh on Tuesday." | head -c 52428800 >"$in/huge.txt"
run ingest --db "$work/db-huge" "$in/huge.txt"
if [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && has_err "huge.txt: larger than 1MB (--max-size)" && [ "$ms" -lt 5000 ] && [ "$kb" -lt 204800 ] && [ ! -e "$work/db-huge" ]; then
  pass "50 MB text file" "refused in ${ms}ms, ${kb}KB: $(err)"
else
  fail "50 MB text file" "exit $rc in ${ms}ms, ${kb}KB: $(err)"
fi
# At the size limit: a megabyte of real article text, extracted whole.
while [ "$(stat -c %s "$in/at-limit.txt" 2>/dev/null || echo 0)" -lt 1000000 ]; do
  tail -n +2 testdata/articles/*.txt | grep -v '^==>' >>"$in/at-limit.txt"
done
head -c 1048000 "$in/at-limit.txt" >"$in/limit.txt" && rm "$in/at-limit.txt"
run ingest --db "$work/db-limit" "$in/limit.txt"
if [ "$rc" = 0 ] && [ "$ms" -lt 300000 ] && [ "$kb" -lt 1572864 ]; then
  pass "1 MB article (the default limit)" "ingested in ${ms}ms, peak ${kb}KB"
else
  fail "1 MB article (the default limit)" "exit $rc in ${ms}ms, ${kb}KB: $(err)"
fi
yes "Lavrov met Rubio in Riyadh on Tuesday and said that Russia and the United States" | tr '\n' ' ' | head -c 524288 >"$in/nostops.txt"
run ingest --db "$work/db-nostops" "$in/nostops.txt"
if [ "$rc" = 0 ] && [ "$ms" -lt 120000 ]; then
  pass "no sentence terminators (512 KB)" "ingested in ${ms}ms, ${kb}KB"
else
  fail "no sentence terminators (512 KB)" "exit $rc in ${ms}ms: $(err)"
fi
{ echo "Lavrov met Rubio in Riyadh on Tuesday."; head -c 900000 /dev/zero | tr '\0' 'x'; echo; } >"$in/token.txt"
run ingest --db "$work/db-token" "$in/token.txt"
if [ "$rc" = 0 ] && [ "$ms" -lt 60000 ]; then
  pass "extremely long token (900 KB)" "ingested in ${ms}ms, ${kb}KB"
else
  fail "extremely long token (900 KB)" "exit $rc in ${ms}ms: $(err)"
fi

mixed=$work/mixed
mkdir -p "$mixed/sub"
cp testdata/articles/*.txt "$mixed/sub/"
cp "$in/empty.txt" "$in/blank.txt" "$in/photo.txt" "$in/report.txt" "$in/latin1.txt" "$in/utf16le.txt" \
  "$in/page.html" "$in/huge.txt" "$in/token.txt" "$mixed/"
good=$(ls testdata/articles/*.txt | wc -l)
good=$((good + 3)) # UTF-16, HTML, long token
run ingest --db "$work/db-mixed" "$mixed"
"$bin" check --db "$work/db-mixed" >"$work/check.out" 2>&1
crc=$?
if [ "$rc" = 1 ] && [ "$(errlines)" = 6 ] && grep -q "$good new" "$work/out" && grep -q "6 failed" "$work/out" &&
  [ "$(articles "$work/db-mixed")" = "$good" ] && [ "$crc" = 0 ]; then
  pass "folder mixing all of these" "$good good files ingested, 6 bad ones reported one per line, exit 1, check ok"
else
  fail "folder mixing all of these" "exit $rc, $(errlines) stderr lines, $(head -n 1 "$work/out"), check exit $crc: $(err)"
fi

run ingest --db "$work/db-missing" "$work/no-such-file.txt"
if [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && has_err "no-such-file.txt: no such file or directory" && [ ! -e "$work/db-missing" ]; then
  pass "nonexistent path" "$(err)"
else
  fail "nonexistent path" "exit $rc: $(err)"
fi

mkdir -p "$work/unreadable" && chmod 777 "$work/unreadable"
cp "$sample" "$work/unreadable/secret.txt" && chmod 000 "$work/unreadable/secret.txt"
if [ "$(id -u)" != 0 ]; then
  run ingest --db "$work/unreadable/db" "$work/unreadable/secret.txt"
  asuser=""
elif command -v setpriv >/dev/null 2>&1; then
  "$helper" measure setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" ingest --db "$work/unreadable/db" \
    "$work/unreadable/secret.txt" >"$work/out" 2>"$work/err.all" </dev/null
  read -r ms kb rc < <(tail -n 1 "$work/err.all")
  head -n -1 "$work/err.all" >"$work/err"
  asuser=" (as nobody)"
else
  rc=skip
fi
if [ "$rc" = skip ]; then
  skip "unreadable file" "running as root without setpriv: root reads any file"
elif [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && has_err "secret.txt: permission denied"; then
  pass "unreadable file" "$(err)$asuser"
else
  fail "unreadable file" "exit $rc: $(err)"
fi

{
  sed -n 1p testdata/articles/more.jsonl
  echo '{"id": "broken", "title": "Modi visits Abu Dhabi", "text": "Modi visits'
  sed -n '2,$p' testdata/articles/more.jsonl
} >"$in/feed.jsonl"
records=$(grep -c . testdata/articles/more.jsonl)
run ingest --db "$work/db-jsonl" "$in/feed.jsonl"
if [ "$rc" = 1 ] && has_err "feed.jsonl:2: malformed JSON" && has_err "nothing was written" && [ "$(errlines)" = 2 ] && [ ! -e "$work/db-jsonl" ]; then
  pass "JSON Lines, malformed line" "stopped before writing: $(err)"
else
  fail "JSON Lines, malformed line" "exit $rc, store $( [ -e "$work/db-jsonl" ] && echo created || echo absent): $(err)"
fi
run ingest --keep-going --db "$work/db-jsonl" "$in/feed.jsonl"
if [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && has_err "feed.jsonl:2: malformed JSON" && [ "$(articles "$work/db-jsonl")" = "$records" ]; then
  pass "JSON Lines, malformed line, --keep-going" "the other $records records ingested, exit 1: $(err)"
else
  fail "JSON Lines, malformed line, --keep-going" "exit $rc, $(articles "$work/db-jsonl") articles: $(err)"
fi

run ingest --published 2025-02-30 --db "$work/db-date" "$sample"
if [ "$rc" = 2 ] && [ "$(errlines)" = 1 ] && has_err "--published" && [ ! -e "$work/db-date" ]; then
  pass "--published not a valid date" "exit 2: $(err)"
else
  fail "--published not a valid date" "exit $rc: $(err)"
fi

cat >"$in/french.txt" <<'EOF'
Published: 2025-02-20
Poutine et Macron se rencontrent à Paris
PARIS (AFP) — Le président russe Vladimir Poutine a rencontré mardi le président français Emmanuel Macron à l'Élysée, pour des entretiens sur l'Ukraine. Les deux dirigeants ont signé un accord et ont menacé de sanctions la Pologne.
Le ministre des Affaires étrangères Sergueï Lavrov a visité Berlin et a critiqué l'OTAN.
EOF
run extract --format json "$in/french.txt"
if [ "$rc" = 0 ] && grep -q '"events": \[\]' "$work/out"; then
  pass "article in another language" "no events"
else
  fail "article in another language" "exit $rc: $(grep -c '"cameo"' "$work/out") events $(err)"
fi

echo "== store"
corpus=$work/corpus
mkdir -p "$corpus"
for f in testdata/articles/*.txt; do
  b=$(basename "$f" .txt)
  for i in $(seq 1 "$COPIES"); do
    { cat "$f"; echo; echo "This is copy $i of the story."; } >"$corpus/$b-$i.txt"
  done
done
total=$(ls "$corpus" | wc -l)
run ingest --db "$work/ref" "$corpus"
if [ "$rc" != 0 ]; then
  fail "reference ingest" "exit $rc: $(err)"
fi
ref=$("$bin" stats --db "$work/ref" --format json)

# A second process on a store an ingest is writing.
"$bin" ingest --db "$work/busy" "$corpus" >/dev/null 2>&1 &
busy=$!
bgpids+=("$busy")
for _ in $(seq 1 100); do [ -e "$work/busy/indexes.bolt" ] && break; sleep 0.1; done
sleep 0.3
run stats --db "$work/busy"
stats_rc=$rc stats_ms=$ms stats_err=$(err)
run ingest --db "$work/busy" "$sample"
alive=yes
kill -9 "$busy" 2>/dev/null || alive=no
wait "$busy" 2>/dev/null
if [ $alive = no ]; then
  fail "second process on a busy store" "the busy ingest ended before the test did: raise COPIES"
elif [ "$stats_rc" = 1 ] && [[ $stats_err == *"in use by another process"* ]] && [ "$stats_ms" -lt 5000 ] &&
  [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && has_err "in use by another process" && [ "$ms" -lt 5000 ]; then
  pass "second process on a busy store" "refused in ${stats_ms}ms (stats) and ${ms}ms (ingest): $stats_err"
else
  fail "second process on a busy store" "stats exit $stats_rc in ${stats_ms}ms: $stats_err; ingest exit $rc in ${ms}ms: $(err)"
fi

# kill -9 at random moments of an ingest: the store opens, check passes,
# stats and check agree, articles only ever grow; re-running completes it.
kdb=$work/killed
bad="" counts="" finished=0 delays=""
for trial in $(seq 1 "$KILLS"); do
  "$bin" ingest --db "$kdb" "$corpus" >/dev/null 2>&1 &
  pid=$!
  delay=$((500 + RANDOM % 2500))
  delays="$delays $delay"
  sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null || finished=$((finished + 1))
  wait "$pid" 2>/dev/null
  if [ ! -e "$kdb/indexes.bolt" ]; then
    counts="$counts 0"
    continue
  fi
  "$bin" check --db "$kdb" >"$work/check.out" 2>&1
  crc=$?
  n=$(articles "$kdb")
  checked=$(sed -n 's/^\([0-9]*\) articles, .*: ok$/\1/p' "$work/check.out")
  counts="$counts $n"
  if [ "$crc" != 0 ] || [ "$checked" != "$n" ]; then
    bad="$bad trial $trial: check exit $crc ($(tail -n 1 "$work/check.out")), stats $n;"
  fi
  if [ "${last:-0}" -gt "${n:-0}" ]; then
    bad="$bad trial $trial: articles went from $last to $n;"
  fi
  last=$n
done
run ingest --db "$kdb" "$corpus"
"$bin" check --db "$kdb" >"$work/check.out" 2>&1
crc=$?
after=$("$bin" stats --db "$kdb" --format json)
if [ -z "$bad" ] && [ "$rc" = 0 ] && [ "$crc" = 0 ] && [ "$after" = "$ref" ] && [ "$finished" -lt "$KILLS" ]; then
  pass "kill -9 during ingest x$KILLS" "check passed every time; articles after each kill:$counts (of $total; $finished ingests ended before their kill); re-run completed, stats equal a clean ingest's"
else
  fail "kill -9 during ingest x$KILLS" "${bad:-} re-run exit $rc, check exit $crc, stats ${after:0:60} vs ${ref:0:60}, $finished finished before their kill; delays(ms):$delays"
fi

# Store folders that cannot be written.
can_mount=no
if [ "$(id -u)" = 0 ] && mkdir -p "$work/probe" && mount -t tmpfs -o size=1m tmpfs "$work/probe" 2>/dev/null; then
  umount "$work/probe"
  can_mount=yes
fi
mkdir -p "$work/ro"
if [ $can_mount = yes ]; then
  mount -t tmpfs -o ro,size=1m tmpfs "$work/ro" && mounts+=("$work/ro")
else
  chmod 555 "$work/ro"
fi
if [ $can_mount = no ] && [ "$(id -u)" = 0 ]; then
  skip "store in a read-only folder" "root ignores folder permissions and cannot mount a read-only tmpfs here"
else
  run ingest --db "$work/ro/news.db" "$sample"
  if [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && { has_err "read-only file system" || has_err "permission denied"; } && has_err "nothing was written"; then
    pass "store in a read-only folder" "$(err)"
  else
    fail "store in a read-only folder" "exit $rc: $(err)"
  fi
fi
run ingest --db "$work/not/yet/made/news.db" "$sample"
if [ "$rc" = 0 ] && "$bin" check --db "$work/not/yet/made/news.db" >/dev/null; then
  pass "store in a missing folder (ingest)" "the folders are created, the store is sound"
else
  fail "store in a missing folder (ingest)" "exit $rc: $(err)"
fi
run stats --db "$work/nowhere/news.db"
if [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && has_err "run diplograph ingest first"; then
  pass "store in a missing folder (stats)" "$(err)"
else
  fail "store in a missing folder (stats)" "exit $rc: $(err)"
fi

if [ $can_mount = yes ]; then
  mkdir -p "$work/rostore"
  mount -t tmpfs -o size=16m tmpfs "$work/rostore" && mounts+=("$work/rostore")
  "$bin" ingest --db "$work/rostore/news.db" testdata/articles/albanese-xi-beijing.txt >/dev/null 2>&1
  before=$("$bin" stats --db "$work/rostore/news.db" --format json)
  mount -o remount,ro "$work/rostore"
  run ingest --db "$work/rostore/news.db" "$sample"
  ing_rc=$rc ing_err=$(err) ing_lines=$(errlines)
  run stats --db "$work/rostore/news.db" --format json
  if [ "$ing_rc" = 1 ] && [ "$ing_lines" = 1 ] && [[ $ing_err == *"read-only file system"* ]] && [ "$rc" = 0 ] &&
    [ "$(cat "$work/out")" = "$before" ] && "$bin" check --db "$work/rostore/news.db" >/dev/null; then
    pass "store on a read-only disk" "ingest refused, queries still work, store unchanged: $ing_err"
  else
    fail "store on a read-only disk" "ingest exit $ing_rc: $ing_err; stats exit $rc"
  fi
else
  skip "store on a read-only disk" "needs root to mount a tmpfs"
fi

# A full disk: the ingest stops with one line, the store keeps whole
# articles, and once there is room the same ingest completes it.
full=$work/full
mkdir -p "$full"
if [ $can_mount = yes ]; then
  mount -t tmpfs -o size=3m tmpfs "$full" && mounts+=("$full")
  run ingest --db "$full/news.db" "$corpus"
  how="a 3 MB tmpfs"
else
  # Without root: a file size limit (ulimit -f, in KB) makes writes fail
  # with EFBIG, as Go ignores SIGXFSZ.
  (ulimit -f 3072 && exec "$helper" measure "$bin" ingest --db "$full/news.db" "$corpus") >"$work/out" 2>"$work/err.all" </dev/null
  read -r ms kb rc < <(tail -n 1 "$work/err.all")
  head -n -1 "$work/err.all" >"$work/err"
  how="a 3 MB file size limit"
fi
written=$(sed -n 's/^articles: \([0-9]*\) new.*/\1/p' "$work/out")
"$bin" check --db "$full/news.db" >"$work/check.out" 2>&1
crc=$?
n=$(articles "$full/news.db")
full_err=$(err) full_rc=$rc full_lines=$(errlines)
[ $can_mount = yes ] && mount -o remount,size=256m "$full"
run ingest --db "$full/news.db" "$corpus"
if [ "$full_rc" = 1 ] && [ "$full_lines" = 1 ] && [[ $full_err == *"no space left on device"* || $full_err == *"file too large"* ]] &&
  [ "$crc" = 0 ] && [ -n "$written" ] && [ "$n" = "$written" ] && [ "$rc" = 0 ] &&
  [ "$("$bin" stats --db "$full/news.db" --format json)" = "$ref" ]; then
  pass "full disk ($how)" "stopped after $written whole articles, check ok; with room the re-run completed it: $full_err"
else
  fail "full disk ($how)" "exit $full_rc: $full_err; check exit $crc; $n articles stored, $written reported; re-run exit $rc: $(err)"
fi

"$helper" future-store "$work/future"
run stats --db "$work/future"
if [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && has_err "newer than this diplograph understands"; then
  pass "store from a newer version" "$(err)"
else
  fail "store from a newer version" "exit $rc: $(err)"
fi

mkdir -p "$work/garbage" && head -c 100000 /dev/urandom >"$work/garbage/indexes.bolt"
run check --db "$work/garbage"
if [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && has_err "damaged or not a store" && ! crashed; then
  pass "store file of random bytes" "$(err)"
else
  fail "store file of random bytes" "exit $rc: $(err)"
fi
mkdir -p "$work/cut" && head -c 200000 "$work/ref/indexes.bolt" >"$work/cut/indexes.bolt"
run check --db "$work/cut"
if [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && has_err "cut short" && ! crashed; then
  pass "store file cut short" "$(err)"
else
  fail "store file cut short" "exit $rc: $(err)"
fi
mkdir -p "$work/overwritten" && cp "$work/ref/indexes.bolt" "$work/overwritten/"
size=$(stat -c %s "$work/overwritten/indexes.bolt")
head -c $((size - 8192)) /dev/zero | tr '\0' '\253' | dd of="$work/overwritten/indexes.bolt" bs=4096 seek=2 conv=notrunc 2>/dev/null
run check --db "$work/overwritten"
if [ "$rc" = 1 ] && has_err "damaged" && ! crashed; then
  pass "store file overwritten" "check reports it: $(err)$(head -n 1 "$work/out")"
else
  fail "store file overwritten" "exit $rc: $(err)"
fi

echo "== queries"
run query --db "$work/ref" $'g.V()\n  .Out("<schema:name>"\n  .All()'
if [ "$rc" = 2 ] && [ "$(errlines)" = 1 ] && has_err "syntax error at line 3, column"; then
  pass "Gizmo syntax error" "exit 2: $(err)"
else
  fail "Gizmo syntax error" "exit $rc: $(err)"
fi
run query --db "$work/ref" --timeout 2s 'while (true) {}'
if [ "$rc" = 1 ] && [ "$(errlines)" = 1 ] && has_err "--timeout 2s" && [ "$ms" -lt 6000 ]; then
  pass "endless query, --timeout 2s" "stopped after ${ms}ms: $(err)"
else
  fail "endless query, --timeout 2s" "exit $rc after ${ms}ms: $(err)"
fi
run query --db "$work/ref" --timeout 2s 'g.Emit(g.V().Out().Out().Out().Out().Count())'
if [ "$rc" = 1 ] && has_err "--timeout 2s" && [ "$ms" -lt 6000 ] || { [ "$rc" = 0 ] && [ "$ms" -lt 6000 ]; }; then
  pass "long traversal, --timeout 2s" "done or stopped after ${ms}ms"
else
  fail "long traversal, --timeout 2s" "exit $rc after ${ms}ms: $(err)"
fi
run query --db "$work/ref" --limit 10 'for (var i = 0; i < 1e8; i++) g.Emit(i)'
if [ "$rc" = 0 ] && [ "$(grep -c '' "$work/out")" = 10 ] && has_err "stopped after 10 results" && [ "$ms" -lt 5000 ]; then
  pass "millions of rows, --limit 10" "10 rows in ${ms}ms: $(err)"
else
  fail "millions of rows, --limit 10" "exit $rc, $(grep -c '' "$work/out") rows in ${ms}ms: $(err)"
fi
run query --db "$work/ref" --limit 0 --timeout 2s 'for (var i = 0; i < 1e9; i++) g.Emit(i)'
if [ "$rc" = 1 ] && has_err "--timeout 2s" && [ "$ms" -lt 6000 ] && [ "$kb" -lt 1048576 ]; then
  pass "millions of rows, no limit" "$(grep -c '' "$work/out") rows, stopped after ${ms}ms, ${kb}KB"
else
  fail "millions of rows, no limit" "exit $rc after ${ms}ms, ${kb}KB: $(err)"
fi
sum_before=$(sha256sum <"$work/ref/indexes.bolt")
for q in 'g.AddQuad("<a>", "<b>", "<c>")' 'graph.Write()' 'g.V().Delete()' \
  'g.AddNamespace("x", "http://x/"); g.V().Save("<dg:x>", "x").All()' 'g.V().All()'; do
  "$bin" query --db "$work/ref" "$q" >/dev/null 2>&1
done
if [ "$(sha256sum <"$work/ref/indexes.bolt")" = "$sum_before" ] && [ "$("$bin" stats --db "$work/ref" --format json)" = "$ref" ]; then
  pass "queries cannot write" "the store file is byte for byte the same after write attempts"
else
  fail "queries cannot write" "the store file changed"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
