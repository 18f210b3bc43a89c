#!/usr/bin/env bash
# A PostgreSQL primary and one streaming replica on loopback, for trying read
# replicas (READ_DATABASE_URLS) on one machine and for test/faults/read-replica.test.ts.
# Not a production set-up: trust authentication, both on 127.0.0.1.
#
#   scripts/pg-replica-pair.sh create  DIR [PRIMARY_PORT [REPLICA_PORT]]   (default 5441 5442)
#       initdb the primary in DIR/primary, database "hatang" with PostGIS and
#       unaccent, pg_basebackup -R into DIR/replica, start both, print the URLs
#   scripts/pg-replica-pair.sh start   DIR [primary|replica|both]
#   scripts/pg-replica-pair.sh stop    DIR [primary|replica|both]   (fast shutdown)
#   scripts/pg-replica-pair.sh urls    DIR     DATABASE_URL=… and READ_DATABASE_URLS=… lines
#   scripts/pg-replica-pair.sh destroy DIR     stop both (immediate) and remove DIR
#
# PG_BIN: the server binaries (default: the newest /usr/lib/postgresql/<major>/bin
# with PostGIS, Debian's layout). PG_PAIR_FSYNC=off for throw-away data (tests).
# As root the server programs run as the "postgres" user (they refuse root), so
# DIR must be reachable by it (e.g. under /tmp).
set -euo pipefail

usage() { sed -n '5,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] || usage
command=$1
dir=$2

find_bin() {
  local major
  for major in $(ls /usr/lib/postgresql 2>/dev/null | grep -E '^[0-9]+$' | sort -rn); do
    if [ -x "/usr/lib/postgresql/$major/bin/initdb" ] && [ -f "/usr/share/postgresql/$major/extension/postgis.control" ]; then
      echo "/usr/lib/postgresql/$major/bin"
      return
    fi
  done
  echo "pg-replica-pair: no PostgreSQL with PostGIS under /usr/lib/postgresql (Debian: apt-get install postgresql-15 postgresql-15-postgis-3)" >&2
  exit 1
}
bin=${PG_BIN:-$(find_bin)}

# initdb, pg_ctl and pg_basebackup refuse to run as root: as root, run them as "postgres".
as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

which_of() {
  case "${1:-both}" in
    primary) echo primary ;;
    replica) echo replica ;;
    both) echo "primary replica" ;;
    *) usage ;;
  esac
}

load_ports() {
  [ -f "$dir/ports.env" ] || { echo "pg-replica-pair: $dir holds no pair (run create first)" >&2; exit 1; }
  # shellcheck disable=SC1091
  . "$dir/ports.env"
}

start_one() {
  as_server_user "$bin/pg_ctl" -D "$dir/$1" -l "$dir/$1.log" -w -t 60 start >/dev/null
}

stop_one() {
  if [ -f "$dir/$1/postmaster.pid" ]; then as_server_user "$bin/pg_ctl" -D "$dir/$1" -m "$2" -w -t 60 stop >/dev/null; fi
}

print_urls() {
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:${PRIMARY_PORT}/hatang"
  echo "READ_DATABASE_URLS=postgres://postgres@127.0.0.1:${REPLICA_PORT}/hatang"
}

case "$command" in
  create)
    primary_port=${3:-5441}
    replica_port=${4:-5442}
    mkdir -p "$dir"
    if [ -n "$(ls -A "$dir")" ]; then echo "pg-replica-pair: $dir is not empty" >&2; exit 1; fi
    mkdir "$dir/sockets"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
    as_server_user test -w "$dir" || { echo "pg-replica-pair: the postgres user cannot write $dir" >&2; exit 1; }
    printf 'PRIMARY_PORT=%s\nREPLICA_PORT=%s\n' "$primary_port" "$replica_port" > "$dir/ports.env"
    as_server_user "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    # initdb's pg_hba.conf already lets 127.0.0.1 replicate with trust; wal_level=replica is the default.
    cat >> "$dir/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$dir/sockets'
fsync = ${PG_PAIR_FSYNC:-on}
CONF
    start_one primary
    psql=("$bin/psql" -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
    "${psql[@]}" -p "$primary_port" -d postgres -c 'CREATE DATABASE hatang'
    "${psql[@]}" -p "$primary_port" -d hatang -c 'CREATE EXTENSION postgis' -c 'CREATE EXTENSION unaccent'
    # -R writes standby.signal and primary_conninfo: the copy starts as a streaming hot standby.
    as_server_user "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/replica" -R -X stream -c fast --no-sync
    echo "port = $replica_port" | as_server_user tee -a "$dir/replica/postgresql.conf" >/dev/null
    start_one replica
    . "$dir/ports.env"
    print_urls
    ;;
  start)
    load_ports
    for which in $(which_of "${3:-both}"); do start_one "$which"; done
    ;;
  stop)
    load_ports
    for which in $(which_of "${3:-both}"); do stop_one "$which" fast; done
    ;;
  urls)
    load_ports
    print_urls
    ;;
  destroy)
    if [ -f "$dir/ports.env" ]; then
      for which in replica primary; do stop_one "$which" immediate || true; done
    fi
    rm -rf "$dir"
    ;;
  *)
    usage
    ;;
esac
