#!/usr/bin/env bash
# Installs whatever this machine lacks to build and run the portal (and, with --test, to test
# it). Safe to run any number of times: each step checks first. Never downloads from GitHub.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
want_test=false
[ "${1:-}" = "--test" ] && want_test=true

say() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi

# The release build (scripts/build.mjs) rebuilds the standard library with this nightly: panics
# without messages, no `Debug` output, no source locations (a tenth of every module).
nightly=$(cat scripts/nightly-toolchain)
if ! rustup run "$nightly" rustc --version >/dev/null 2>&1 \
  || [ ! -d "$(rustup run "$nightly" rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "Installing the $nightly toolchain with the standard library's source (about 20 seconds, once)"
  rustup toolchain install "$nightly" --profile minimal --component rust-src
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "Installing Trunk $TRUNK_VERSION (about 8 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The release build splits the wasm by page (scripts/build.mjs); Trunk builds the plain one for
# development. Versions before 0.2.2 break with wasm-bindgen 0.2.125 and later.
if ! wasm-split-cli --help >/dev/null 2>&1 || ! grep -qs "wasm_split_cli_support $WASM_SPLIT_VERSION" "$HOME/.cargo/.crates.toml"; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION (about 1 minute, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary
fi

# wasm-bindgen-cli must match the wasm-bindgen the lockfile resolved, exactly.
wbg=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
[ -n "$wbg" ] || { echo "Cargo.lock has no wasm-bindgen entry" >&2; exit 1; }
if ! grep -q "wasm_bindgen = \"$wbg\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must be \"$wbg\" (the Cargo.lock version)" >&2; exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
  say "Installing wasm-bindgen-cli $wbg (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "$wbg" --locked
fi

# Node packages from the committed lockfile: Playwright, ajv, and binaryen's wasm-opt (132;
# Debian's binaryen 108 yields a blank page).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing node packages (npm ci)"
  npm ci --no-audit --no-fund
fi
wasm-opt --version | grep -q "version 132" || { echo "wasm-opt 132 expected from node_modules/.bin" >&2; exit 1; }

if $want_test && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "Installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver
fi
exit 0
