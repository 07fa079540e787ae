#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh machine of this kind (Debian 12,
# rustup toolchain, Node >= 20, root, package registries only). Idempotent: every step checks
# first and skips what is already there, so a second run takes seconds.
#
#   wasm32-unknown-unknown target   rustup
#   the widget's pinned nightly     rustup, minimal + rust-src + wasm32 (~22 s; scripts/web-env.sh)
#   trunk 0.21.14                   cargo install --locked            (~350 s)
#   wasm-bindgen CLI = Cargo.lock   cargo install (no --locked)       (~110 s, parallel with trunk)
#   chromium, chromium-driver       apt-get (Debian)                  (~20 s)
#   brotli                          apt-get (Debian)                  (payload.sh)
#   playwright-core, wasm-opt 132,  npm ci in www/
#   esbuild (minifies dist's JS/CSS)
#   crates                          cargo fetch (Trunk.toml builds with --offline), and the std
#                                   crates' dependencies for the nightly's -Zbuild-std
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/www/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION="0.21.14"
LOG_DIR="${TMPDIR:-/tmp}/claimlens-setup"
START=$SECONDS

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# Waits while another `cargo install <crate>` runs on this machine (a background install started
# by hand, or a concurrent setup run), so that we never build the same tool twice at once.
wait_for_running_install() {
    local crate="$1" pids told=0
    while pids="$(pgrep -f "cargo install( .*)? ${crate}( |$)" | tr '\n' ' ')" && [ -n "$pids" ]; do
        [ "$told" -eq 1 ] || say "$crate: waiting for a cargo install already running (pid ${pids% })"
        told=1
        sleep 5
    done
}

# --- Rust -------------------------------------------------------------------------------------
command -v rustup >/dev/null || die "rustup not found (expected the rustup toolchain in ~/.cargo/bin)"
command -v cargo >/dev/null || die "cargo not found"

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: present"
else
    say "wasm32-unknown-unknown target: installing"
    rustup target add wasm32-unknown-unknown
fi

missing_components=()
for c in rustfmt clippy; do
    rustup component list --installed | grep -q "^${c}" || missing_components+=("$c")
done
if [ ${#missing_components[@]} -eq 0 ]; then
    say "rustfmt, clippy: present"
else
    say "rustup components: installing ${missing_components[*]}"
    rustup component add "${missing_components[@]}"
fi

# --- cargo installs (slow: start them first, in parallel, and do the rest meanwhile) -----------
lock_version() { # version of a package in Cargo.lock
    awk -v name="$1" '$1 == "name" && $3 == "\"" name "\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock 2>/dev/null
}
if [ -z "$(lock_version wasm-bindgen)" ]; then
    say "Cargo.lock has no wasm-bindgen yet: cargo fetch"
    cargo fetch
fi
WBG_VERSION="$(lock_version wasm-bindgen)"
[ -n "$WBG_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"

tool_version() { # "$tool --version" -> second word, or empty
    if command -v "$1" >/dev/null 2>&1; then
        "$1" --version 2>/dev/null | awk 'NR == 1 { print $2 }' || true
    fi
}

mkdir -p "$LOG_DIR"
install_pids=()
install_names=()

start_install() { # name, log, cargo-install-args...
    local name="$1" log="$2"
    shift 2
    say "$name: cargo install $* (background, log $log)"
    cargo install "$@" >"$log" 2>&1 &
    install_pids+=("$!")
    install_names+=("$name:$log")
}

wait_for_running_install trunk
if [ "$(tool_version trunk)" = "$TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: present"
else
    start_install "trunk $TRUNK_VERSION" "$LOG_DIR/trunk.log" --locked trunk --version "$TRUNK_VERSION"
fi

wait_for_running_install wasm-bindgen-cli
if [ "$(tool_version wasm-bindgen)" = "$WBG_VERSION" ] && command -v wasm-bindgen-test-runner >/dev/null; then
    say "wasm-bindgen-cli $WBG_VERSION: present"
else
    # Not --locked: the crate's own lockfile wants a version the registry lacks.
    start_install "wasm-bindgen-cli $WBG_VERSION" "$LOG_DIR/wasm-bindgen-cli.log" \
        wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# --- the widget's nightly --------------------------------------------------------------------
# The shipped widget is built on a pinned nightly (scripts/web-env.sh: -Zbuild-std and
# -Cpanic=immediate-abort); everything else stays on the default toolchain. Downloads only
# (~22 s), while the cargo installs build.
WEB_NIGHTLY="$("$ROOT/scripts/web-env.sh" --toolchain)"
if rustup toolchain list | grep -q "^${WEB_NIGHTLY}-" &&
    rustup component list --toolchain "$WEB_NIGHTLY" --installed | grep -qx rust-src &&
    rustup target list --toolchain "$WEB_NIGHTLY" --installed | grep -qx wasm32-unknown-unknown; then
    say "$WEB_NIGHTLY (rust-src, wasm32-unknown-unknown): present"
else
    say "$WEB_NIGHTLY: installing (profile minimal, rust-src, wasm32-unknown-unknown)"
    rustup toolchain install "$WEB_NIGHTLY" --profile minimal --component rust-src \
        --target wasm32-unknown-unknown --no-self-update
fi

# --- Debian packages ---------------------------------------------------------------------------
apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_packages+=(chromium-driver)
command -v brotli >/dev/null || apt_packages+=(brotli)
if [ ${#apt_packages[@]} -eq 0 ]; then
    say "chromium, chromedriver, brotli: present"
else
    [ "$(id -u)" -eq 0 ] || die "need root to apt-get install ${apt_packages[*]}"
    say "apt-get install ${apt_packages[*]} (log $LOG_DIR/apt.log)"
    {
        apt-get -o DPkg::Lock::Timeout=600 update &&
            DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y "${apt_packages[@]}"
    } >"$LOG_DIR/apt.log" 2>&1 || { tail -n 30 "$LOG_DIR/apt.log" >&2; die "apt-get install failed"; }
fi

# --- npm (www/) --------------------------------------------------------------------------------
command -v node >/dev/null || die "node not found (Node >= 20 is needed for playwright-core)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "node $(node --version) is too old: playwright-core needs Node >= 20"
(
    cd www
    stamp=node_modules/.package-lock.json # written by npm after every install
    if [ -f package-lock.json ]; then
        if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ] ||
            [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ]; then
            say "www: npm ci"
            npm ci --no-audit --no-fund --no-update-notifier --loglevel=error
        else
            say "www/node_modules: up to date"
        fi
    elif [ ! -d node_modules ] || [ package.json -nt "$stamp" ]; then
        say "www: npm install (no package-lock.json)"
        npm install --no-audit --no-fund --no-update-notifier --loglevel=error
    else
        say "www/node_modules: present"
    fi
)
wasm_opt_version="$(www/node_modules/.bin/wasm-opt --version 2>/dev/null | awk '{ print $3 }')"
[ "$wasm_opt_version" = "132" ] || die "www/node_modules/.bin/wasm-opt is not version 132 (got '${wasm_opt_version}')"

# --- crates (Trunk.toml builds offline) ---------------------------------------------------------
if cargo fetch --offline --locked >/dev/null 2>&1; then
    say "crates: all fetched"
else
    say "crates: cargo fetch"
    cargo fetch
fi
# -Zbuild-std resolves the standard library's own lockfile (dlmalloc, hashbrown, …), offline too.
# --locked: the nightly's cargo must not rewrite Cargo.lock.
if "$ROOT/scripts/web-env.sh" cargo fetch --offline --locked --target wasm32-unknown-unknown >/dev/null 2>&1; then
    say "std crates for $WEB_NIGHTLY's build-std: all fetched"
else
    say "std crates for $WEB_NIGHTLY's build-std: cargo fetch"
    "$ROOT/scripts/web-env.sh" cargo fetch --locked --target wasm32-unknown-unknown
fi

# --- wait for the cargo installs ----------------------------------------------------------------
failed=0
for i in "${!install_pids[@]}"; do
    name="${install_names[$i]%%:*}"
    log="${install_names[$i]#*:}"
    if wait "${install_pids[$i]}"; then
        say "$name: installed"
    else
        printf 'setup: ---- last lines of %s ----\n' "$log" >&2
        tail -n 30 "$log" >&2
        printf 'setup: ERROR: cargo install of %s failed (log %s)\n' "$name" "$log" >&2
        failed=1
    fi
done
[ "$failed" -eq 0 ] || exit 1

[ "$(tool_version trunk)" = "$TRUNK_VERSION" ] || die "trunk --version is not $TRUNK_VERSION after install"
[ "$(tool_version wasm-bindgen)" = "$WBG_VERSION" ] || die "wasm-bindgen --version is not $WBG_VERSION after install"
say "done in $((SECONDS - START)) s"
