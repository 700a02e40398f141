#!/usr/bin/env bash
# bench.sh [N]: ingest a corpus of N articles (default 10000) into a new
# bolt store and into a new PostgreSQL database, and report articles/s,
# sentences/s, quads/s and peak resident memory of each.
#
# The corpus is made by scripts/benchcorpus.go, varying the sample articles
# (people's names, cities, dates). PostgreSQL is a throwaway server started
# by scripts/postgres.sh (installed with apt-get if missing), or the
# database in $BENCH_POSTGRES if set; BENCH_BACKENDS="bolt" skips it.
#
#   bash scripts/bench.sh 10000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
backends=${BENCH_BACKENDS:-bolt postgres}
tmp=$(mktemp -d)
cleanup() {
  [ -n "${PG_PID:-}" ] && pg_down
  rm -rf "$tmp"
}
trap cleanup EXIT
go build -o "$tmp/diplograph" ./cmd/diplograph
go run scripts/benchcorpus.go -n "$n" -o "$tmp/corpus.jsonl"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(go version)"
echo "corpus: $n articles, $(du -h "$tmp/corpus.jsonl" | cut -f1)"

measure() { # name, store address
  echo "== $1"
  "$tmp/diplograph" ingest --db "$2" --top 0 "$tmp/corpus.jsonl" 2>/dev/null |
    grep -E '^(articles|quads|elapsed|throughput|peak memory):'
}

for b in $backends; do
  case $b in
  bolt)
    measure bolt "$tmp/bolt.db"
    echo "store size: $(du -sh "$tmp/bolt.db" | cut -f1)"
    ;;
  postgres)
    url=${BENCH_POSTGRES:-}
    if [ -z "$url" ]; then
      source scripts/postgres.sh
      pg_up
      url=$PG_URL
    fi
    measure postgres "$url"
    ;;
  *)
    echo "bench: unknown backend $b (bolt, postgres)" >&2
    exit 2
    ;;
  esac
done
