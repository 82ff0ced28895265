#!/usr/bin/env bash
# The pure crates (vocabulary, connector contract, intent engine) must never pull in an HTTP
# stack. Fails, naming the offender, when `cargo tree -e normal` of one of them mentions
# axum, hyper, tower or reqwest (and tokio, for the crates that must stay runtime-free).
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
check() {
  local crate=$1 pattern=$2
  if ! cargo metadata --format-version 1 --no-deps 2>/dev/null | grep -q "\"name\":\"$crate\""; then
    return 0
  fi
  local hits
  hits=$(cargo tree -e normal -p "$crate" --prefix none 2>/dev/null | grep -E "^($pattern) v" | sed 's/ (\*)$//' | sort -u || true)
  if [ -n "$hits" ]; then
    echo "pure-crate check FAILED: $crate depends on:" >&2
    echo "$hits" | sed 's/^/  /' >&2
    status=1
  else
    echo "pure-crate check ok: $crate"
  fi
}

check bankbot-core 'axum|hyper|tower|reqwest|tokio'
check bankbot-bank 'axum|hyper|tower|reqwest'
check bankbot-nlu 'axum|hyper|tower|reqwest|tokio'
# Connectors may use an HTTP client, never the runtime or a server.
check bankbot-obie 'bankbot-runtime|bankbot-messenger|bankbot-store|bankbot-handlers|axum'
exit $status
