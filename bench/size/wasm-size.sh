#!/bin/bash
# The citizen's wasm of the checkout in $1, built as `cargo xtask dist` builds it (std compiled
# with the program, the same rustflags and wasm-opt flags), printed as gzip -9 bytes. For
# commits whose own xtask builds differently (older ones): it measures them under today's build.
# Needs wasm-bindgen-cli and this checkout's tests/node_modules (npm ci in tests/).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
tree=$(cd "${1:?usage: wasm-size.sh CHECKOUT}" && pwd)
sysroot=$(rustc --print sysroot)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$tree"
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none --remap-path-prefix=$tree/= --remap-path-prefix=$HOME/.cargo/registry/src/= --remap-path-prefix=$sysroot/="
cargo build -q --release --package formlotse-web --target wasm32-unknown-unknown \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
wasm-bindgen --target web --no-typescript --out-dir "$out" target/wasm32-unknown-unknown/release/formlotse_web.wasm
"$here/tests/node_modules/.bin/wasm-opt" -Os --one-caller-inline-max-function-size=15 --converge \
  --low-memory-unused --strip-debug --strip-producers "$out/formlotse_web_bg.wasm" -o "$out/opt.wasm"
echo "wasm, gzip -9: $(gzip -9c "$out/opt.wasm" | wc -c) B"
