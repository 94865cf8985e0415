#!/bin/bash
# Entrypoint of the postgres:15-alpine stand-in (see stand-ins.sh), doing what the official image's
# docker-entrypoint.sh does for the settings docker-compose.cluster.yml uses:
#   - started as root: owns PGDATA and the socket directory to postgres, then runs again as postgres;
#   - PGDATA empty: initdb with POSTGRES_USER (default postgres) as superuser and POSTGRES_PASSWORD
#     (required) as its password, local socket trusted, TCP from anywhere with scram-sha-256, then
#     POSTGRES_DB (default: the user's name) created;
#   - then `postgres` in the foreground, listening on 0.0.0.0:5432, with the command's arguments
#     (e.g. `postgres -c max_connections=200`).
set -euo pipefail
PGDATA="${PGDATA:-/var/lib/postgresql/data}"
export PGDATA

if [ "${1:-}" != postgres ]; then exec "$@"; fi

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo 'Error: the database is uninitialized and POSTGRES_PASSWORD is not set' >&2
    exit 1
  fi
  user="${POSTGRES_USER:-postgres}"
  db="${POSTGRES_DB:-$user}"
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --no-instructions >/dev/null
  rm -f "$pwfile"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
  if [ "$db" != postgres ]; then
    # On the socket only while the database is created, as the official image does.
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    psql -v ON_ERROR_STOP=1 -U "$user" -d postgres -q -v db="$db" <<<'CREATE DATABASE :"db";'
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  echo "postgres stand-in: initialized $PGDATA (user $user, database $db)"
fi

exec "$@"
