#!/usr/bin/env bash
# Start the services the test suite needs: a PostgreSQL server on loopback for the archive tests.
#
# Installs Debian's postgresql package when no server binaries are found (needs root and apt),
# creates a throw-away cluster (default /tmp/dateline-pg), starts it on 127.0.0.1, creates a
# database and prints the URL. Idempotent: a running cluster is reused.
#
#   eval "$(bash scripts/ci-services.sh)"      # exports DATELINE_TEST_PG_URL in this shell
#   source scripts/ci-services.sh               # the same
#
# Settings: DATELINE_PG_DIR (cluster directory), DATELINE_PG_PORT (default 55432),
# DATELINE_PG_DB (default dateline_test). Stop it with: DATELINE_PG_STOP=1 bash scripts/ci-services.sh
set -euo pipefail

PGDIR=${DATELINE_PG_DIR:-/tmp/dateline-pg}
PGPORT=${DATELINE_PG_PORT:-55432}
PGDB=${DATELINE_PG_DB:-dateline_test}

log() { echo "ci-services: $*" >&2; }

find_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
    return 1
}

BINDIR=$(find_bindir || true)
if [ -z "$BINDIR" ]; then
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BINDIR=$(find_bindir)
fi

# The server refuses to run as root: run it as the postgres user when we are root.
as_owner() {
    if [ "$(id -u)" = "0" ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home "$PGDIR" postgres
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [ "${DATELINE_PG_STOP:-}" = "1" ]; then
    as_owner "$BINDIR/pg_ctl" -D "$PGDIR/data" -m fast stop >&2 || true
    exit 0
fi

mkdir -p "$PGDIR"
[ "$(id -u)" = "0" ] && chown postgres "$PGDIR"
if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
    log "creating a cluster in $PGDIR/data"
    as_owner "$BINDIR/initdb" -D "$PGDIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
fi
if ! as_owner "$BINDIR/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PGPORT"
    as_owner "$BINDIR/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c full_page_writes=off" start >&2
fi
if ! as_owner "$BINDIR/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$PGDB'" postgres | grep -q 1; then
    as_owner "$BINDIR/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$PGDB"
fi

export DATELINE_TEST_PG_URL="postgresql://postgres@127.0.0.1:$PGPORT/$PGDB"
echo "export DATELINE_TEST_PG_URL=$DATELINE_TEST_PG_URL"
