# Sourced by the scripts: puts the npm tools (wasm-opt) on PATH for Trunk, which runs offline.
PATH="$(pwd)/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PATH
# Flags for the wasm build only (native builds and tests are untouched):
# - erase_components: Leptos turns each component's view into one type-erased AnyView instead
#   of nesting every component's concrete view type in its parent's; measured 21 KB smaller
#   (gzip) for this app. See ARCHITECTURE.md, "Size".
# - Short source paths in panic messages: a smaller wasm file, and no build-machine paths in it.
rustc_commit=$(rustc -vV | sed -n 's/^commit-hash: //p')
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components --remap-path-prefix=$HOME/.cargo/registry/src/= --remap-path-prefix=/rustc/$rustc_commit/= --remap-path-prefix=$(pwd)/="
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
