# A throwaway PostgreSQL cluster for the benches: initdb into a temporary folder, a
# server that listens on a unix socket in that folder only (no TCP), stopped and
# removed when the driver exits. Source after common.sh, then:
#   pg_cluster_start    sets PG_CONNINFO (a libpq connection string)
# initdb and postgres refuse to run as root, so under root they run as the `postgres`
# system user (Debian's postgresql package creates it), in a folder that user owns.
# PG_BIN names the server's bin folder; by default the newest /usr/lib/postgresql/*/bin.

PG_DIR=""
PG_AS=()

pg_find_bin() {
  if [ -z "${PG_BIN:-}" ]; then
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] ||
    die "no PostgreSQL server programs (initdb, pg_ctl) in ${PG_BIN:-/usr/lib/postgresql/*/bin}: install postgresql (scripts/setup.sh), set PG_BIN, or pass --no-postgres"
}

pg_cluster_start() {
  pg_find_bin
  # A short path: a unix socket's path must fit in 107 bytes.
  PG_DIR=$(mktemp -d /tmp/tracuu-pg.XXXXXX)
  on_exit pg_cluster_stop
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no postgres user to run the server as"
    chown postgres: "$PG_DIR"
    PG_AS=(runuser -u postgres --)
  fi
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories='$PG_DIR'" start >/dev/null ||
    { cat "$PG_DIR/server.log" >&2; die "the PostgreSQL server did not start"; }
  PG_CONNINFO="host=$PG_DIR user=postgres dbname=postgres"
}

pg_cluster_stop() {
  [ -n "$PG_DIR" ] || return 0
  if [ -e "$PG_DIR/data/postmaster.pid" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
}
