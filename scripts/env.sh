# Sourced by the scripts: puts the npm tools (wasm-opt) on PATH for Trunk, which runs offline.
PATH="$(pwd)/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PATH
# Short source paths in panic messages: a smaller wasm file, and no build-machine paths in it.
rustc_commit=$(rustc -vV | sed -n 's/^commit-hash: //p')
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$HOME/.cargo/registry/src/= --remap-path-prefix=/rustc/$rustc_commit/= --remap-path-prefix=$(pwd)/="
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
