# postgres.sh: a throwaway PostgreSQL server for CI, tests and benchmarks.
# Source it, then:
#
#   pg_up            # starts a server in a new temporary folder, listening
#                    # only on a socket there; sets PG_URL (a database named
#                    # diplograph), PG_PID, PG_DIR and PG_BIN
#   pg_createdb NAME # creates another database; prints its URL
#   pg_down          # stops the server by its pid and removes the folder
#
# The server gets the settings the README recommends for ingesting
# (shared_buffers=1GB, max_wal_size=4GB, checkpoint_timeout=30min);
# PG_SETTINGS=default starts it with PostgreSQL's own.
# The server runs as the postgres user (initdb refuses root), with
# Debian's postgresql package, installed with apt-get if missing.
# Callers should `trap pg_down EXIT` so that a failure stops it too.

pg_find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

pg_up() {
  PG_BIN=$(pg_find_bin)
  if [ -z "$PG_BIN" ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "postgres.sh: no PostgreSQL server and no apt-get to install one" >&2
      return 1
    fi
    echo "postgres.sh: installing Debian's postgresql package" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null || return 1
    PG_BIN=$(pg_find_bin) || return 1
  fi
  # As root, the server runs as postgres; otherwise as the caller.
  PG_AS=()
  if [ "$(id -u)" = 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "postgres.sh: running as root and there is no postgres user" >&2
      return 1
    fi
    PG_AS=(runuser -u postgres --)
  fi
  PG_DIR=$(mktemp -d /tmp/dgpg.XXXXXX) || return 1
  chmod 755 "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
  if ! "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1; then
    echo "postgres.sh: initdb failed:" >&2
    tail -n 5 "$PG_DIR/initdb.log" >&2
    return 1
  fi
  # Only a socket in the folder: no port to collide with. fsync stays on:
  # the benchmarks measure what a real server does. The memory and
  # checkpoint settings are those the README recommends for ingesting
  # (PG_SETTINGS=default keeps the server's own).
  local settings=(-c shared_buffers=1GB -c max_wal_size=4GB -c checkpoint_timeout=30min)
  [ "${PG_SETTINGS:-}" = default ] && settings=()
  if ! "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $PG_DIR -c max_connections=50 ${settings[*]}" start >/dev/null; then
    echo "postgres.sh: the server did not start:" >&2
    tail -n 5 "$PG_DIR/server.log" >&2
    return 1
  fi
  PG_PID=$(head -n 1 "$PG_DIR/data/postmaster.pid")
  "$PG_BIN/psql" -h "$PG_DIR" -U postgres -qAt -c "CREATE DATABASE diplograph" postgres >/dev/null || return 1
  PG_URL="postgres://postgres@/diplograph?host=$PG_DIR&sslmode=disable"
  export PG_URL PG_PID PG_DIR PG_BIN
}

pg_createdb() {
  "$PG_BIN/psql" -h "$PG_DIR" -U postgres -qAt -c "CREATE DATABASE $1" postgres >/dev/null || return 1
  echo "postgres://postgres@/$1?host=$PG_DIR&sslmode=disable"
}

pg_down() {
  if [ -n "${PG_PID:-}" ] && kill -0 "$PG_PID" 2>/dev/null; then
    kill -INT "$PG_PID" # fast shutdown
    for _ in $(seq 1 100); do
      kill -0 "$PG_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$PG_PID" 2>/dev/null || true
  fi
  PG_PID=
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    rm -rf "$PG_DIR"
  fi
  PG_DIR=
}
