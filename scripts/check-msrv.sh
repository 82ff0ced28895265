#!/usr/bin/env bash
# The workspace's `rust-version` must be the real minimum, and nothing may quietly raise it.
# CI has one toolchain, so it cannot build with the minimum itself; instead:
#  1. every workspace package inherits the workspace `rust-version`;
#  2. no locked dependency declares a higher `rust-version` than ours (cargo metadata);
#  3. language features are checked against the version that stabilised them (let-chains:
#     1.88) — rustc on a newer toolchain accepts them whatever `rust-version` says;
#  4. standard-library APIs newer than `rust-version` are refused by clippy's
#     `incompatible_msrv` lint, which reads `rust-version` (denied in [workspace.lints],
#     run by the clippy step).
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
fail() { echo "msrv check FAILED: $*" >&2; status=1; }

msrv=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$msrv" ] || { echo "msrv check FAILED: no rust-version in [workspace.package]" >&2; exit 1; }

# "1.88" -> 1088, "1.85.1" -> 1085: compare minor versions of Rust 1.x.
minor() { echo "$1" | awk -F. '{ printf "%d%03d\n", $1, $2 }'; }

# 1. Inherited everywhere.
for manifest in crates/*/Cargo.toml examples/*/Cargo.toml; do
  grep -q '^rust-version.workspace = true' "$manifest" || fail "$manifest does not inherit rust-version"
done

# 2. Dependencies.
metadata=$(cargo metadata --format-version 1 --locked) || {
  echo "msrv check FAILED: cargo metadata refused the manifest (see above)" >&2
  exit 1
}
above=$(echo "$metadata" | jq -r --argjson ours "$(minor "$msrv")" '
  (.workspace_members) as $ws
  | .packages[]
  | select((.id as $id | $ws | index($id)) | not)
  | select(.rust_version != null)
  | (.rust_version | split(".") | (.[0] | tonumber) * 1000 + (.[1] | tonumber)) as $v
  | select($v > $ours)
  | "\(.name) \(.version) needs \(.rust_version)"')
[ -z "$above" ] || fail "dependencies need more than $msrv:"$'\n'"$above"

# 3. Language features newer than the minimum claimed.
need() {
  local version=$1 feature=$2 pattern=$3
  local hits
  hits=$(grep -rnE --include='*.rs' "$pattern" crates src examples tests 2>/dev/null | head -n 3 || true)
  if [ -n "$hits" ] && [ "$(minor "$msrv")" -lt "$(minor "$version")" ]; then
    fail "$feature needs Rust $version (rust-version says $msrv), e.g.:"$'\n'"$hits"
  fi
}
need 1.88 "let-chains" '(if|while|&&) let .*&&|&& let '

[ $status -eq 0 ] && echo "msrv check ok: rust-version $msrv"
exit $status
