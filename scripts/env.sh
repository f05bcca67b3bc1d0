# Sourced by the other scripts: tool versions and PATH, in one place.

# Trunk 0.22 needs a newer rustc than this project's machines have.
TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must be exactly the crate's version (pinned with `=` in
# Cargo.toml); read it from Cargo.lock so the two never drift apart.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

# cargo-installed tools, and wasm-opt from the npm package binaryen
# (Debian's binaryen is too old for what rustc emits).
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER
# Never let a tool download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export TRUNK_OFFLINE=true
