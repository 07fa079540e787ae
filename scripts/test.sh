#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh), then runs every check in order and stops at the first
# failure, naming the stage. CI runs this through .ci/run on a clean checkout.
#
#   1 fmt            cargo fmt --check
#   2 clippy host    cargo clippy --all-targets -- -D warnings
#   3 clippy wasm    cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
#   4 test host      cargo test                       (engine, CLI, seed corpus, properties)
#   5 test wasm      cargo test --target wasm32-unknown-unknown --test web   (headless Chromium)
#   6 trunk build    scripts/web-env.sh trunk build --release   (dist/; the widget on the pinned
#                    nightly, everything else here on the default toolchain)
#   7 e2e            cd www && node --test e2e/       (Playwright + Chromium against dist/)
#
# `scripts/test.sh e2e` (or any of the stage names above, separated by spaces: fmt,
# clippy-host, clippy-wasm, test-host, test-wasm, trunk-build, e2e) runs only those stages.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

ALL_STAGES=(fmt clippy-host clippy-wasm test-host test-wasm trunk-build e2e)
only=("$@")
for s in "${only[@]}"; do
    [[ " ${ALL_STAGES[*]} " == *" $s "* ]] || { echo "test.sh: unknown stage '$s' (stages: ${ALL_STAGES[*]})" >&2; exit 2; }
done
total=${#ALL_STAGES[@]}
[ ${#only[@]} -eq 0 ] || total=${#only[@]}

"$ROOT/scripts/setup.sh" || { echo "test.sh: FAILED in setup (scripts/setup.sh)" >&2; exit 1; }

# www/node_modules/.bin first: Trunk must find wasm-opt 132 there, never Debian's binaryen 108.
export PATH="$ROOT/www/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# wasm-bindgen-test-runner: use Debian's chromedriver (never a geckodriver that may be on PATH),
# and allow for this slow machine.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

names=()
times=()
START=$SECONDS

summary() {
    local status="$1"
    echo
    echo "================ test.sh summary ================"
    for i in "${!names[@]}"; do
        printf '  %-4s %-14s %5ss\n' "${results[$i]}" "${names[$i]}" "${times[$i]}"
    done
    printf '  total %ss: %s\n' "$((SECONDS - START))" "$status"
    echo "================================================="
}

results=()
stage() { # name, command...
    local name="$1"
    shift
    if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" ${name// /-} "* ]]; then
        return 0
    fi
    local t0=$SECONDS
    echo
    echo "==> [$(( ${#names[@]} + 1 ))/$total] $name: $*"
    "$@"
    local rc=$?
    names+=("$name")
    times+=("$((SECONDS - t0))")
    if [ "$rc" -ne 0 ]; then
        results+=("FAIL")
        summary "FAILED at stage '$name' (exit $rc)"
        echo "test.sh: FAILED at stage '$name': \`$*\` exited with $rc" >&2
        exit 1
    fi
    results+=("ok")
}

stage "fmt" cargo fmt --check
stage "clippy host" cargo clippy --all-targets -- -D warnings
stage "clippy wasm" cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
stage "test host" cargo test
# Never -q: wasm-bindgen-test-runner rejects --quiet.
stage "test wasm" cargo test --target wasm32-unknown-unknown --test web
stage "trunk build" scripts/web-env.sh trunk build --release
stage "e2e" env -C www node --test e2e/
summary "all passed"
