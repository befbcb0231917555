#!/usr/bin/env bash
# Run every test: lint and types, then pytest against SQLite and a throwaway PostgreSQL cluster.
# The cluster lives in a temporary folder on a free local port and is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

echo "== ruff and mypy" >&2
$BIN/ruff check src tests benchmarks
$BIN/ruff format --check src
$BIN/mypy

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
PG_DIR=""
cleanup() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
trap cleanup EXIT

if [ -n "$PG_BIN" ] && [ -z "${NERVEROOT_TEST_POSTGRES_URL:-}" ]; then
  PG_DIR=$(mktemp -d /tmp/nerveroot-pg.XXXXXX)
  PORT=$($BIN/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  RUN_AS=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; RUN_AS=(runuser -u postgres --); fi
  "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U nerveroot --auth=trust -E UTF8 >/dev/null
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  "${RUN_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U nerveroot nerveroot_test
  export NERVEROOT_TEST_POSTGRES_URL="postgresql+psycopg://nerveroot@127.0.0.1:$PORT/nerveroot_test"
  echo "== PostgreSQL test cluster on port $PORT" >&2
fi

echo "== pytest" >&2
mkdir -p test-artifacts
$BIN/python -m pytest "$@"
