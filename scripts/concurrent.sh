#!/usr/bin/env bash
# concurrent.sh SEPARATE_URL TOGETHER_URL: two ingest processes writing one
# PostgreSQL database at once must end with the same graph as one process
# ingesting both inputs. The inputs overlap (testdata/articles is in both),
# so the two processes also race to write the same articles and events.
# Run by .ci/run against a throwaway server (scripts/postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
separate=$1
together=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/diplograph" ./cmd/diplograph
dg="$tmp/diplograph"

# Two inputs: the sample articles and the own evaluation set, each with the
# sample articles too.
mkdir -p "$tmp/a" "$tmp/b"
cp testdata/articles/* "$tmp/a/"
cp testdata/articles/* "$tmp/b/"
for f in testdata/eval/*.txt; do cp "$f" "$tmp/b/"; done

"$dg" ingest --db "$separate" --workers 2 --batch 3 "$tmp/a" >"$tmp/a.log" 2>&1 &
pa=$!
"$dg" ingest --db "$separate" --workers 2 --batch 3 "$tmp/b" >"$tmp/b.log" 2>&1 &
pb=$!
status=0
wait $pa || status=1
wait $pb || status=1
if [ $status != 0 ]; then
  cat "$tmp/a.log" "$tmp/b.log" >&2
  echo "concurrent: an ingest failed" >&2
  exit 1
fi
"$dg" ingest --db "$together" "$tmp/a" "$tmp/b" >/dev/null 2>&1

"$dg" stats --db "$separate" --format json >"$tmp/separate.json"
"$dg" stats --db "$together" --format json >"$tmp/together.json"
# An article in both inputs records the path it was first read from
# (dg:sourcePath): which process got there first may differ; all else not.
"$dg" export --db "$separate" --format nquads | grep -v '/ns/sourcePath>' | sort >"$tmp/separate.nq"
"$dg" export --db "$together" --format nquads | grep -v '/ns/sourcePath>' | sort >"$tmp/together.nq"
if ! cmp -s "$tmp/separate.json" "$tmp/together.json"; then
  echo "concurrent: two processes and one end with different stats:" >&2
  diff "$tmp/separate.json" "$tmp/together.json" >&2 || true
  exit 1
fi
if ! cmp -s "$tmp/separate.nq" "$tmp/together.nq"; then
  echo "concurrent: two processes and one end with different quads:" >&2
  diff "$tmp/separate.nq" "$tmp/together.nq" | head -20 >&2 || true
  exit 1
fi
echo "concurrent: two ingests at once = one ingest of both ($(wc -l <"$tmp/together.nq") quads, same stats)"
