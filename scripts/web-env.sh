#!/usr/bin/env bash
# Runs a command with the toolchain and flags of the shipped widget build: a pinned nightly that
# rebuilds the standard library for size, with panics as an immediate trap (no panic messages,
# locations or formatting machinery in the wasm). Only the widget's wasm32 build goes through
# here; the host build, clippy and every test stay on the default (stable) toolchain.
#
#   scripts/web-env.sh trunk build --release    what test.sh, payload.sh and bench.sh run
#   scripts/web-env.sh trunk serve --release    what serve.sh runs
#   scripts/web-env.sh --toolchain              prints the pinned nightly (setup.sh installs it)
#   WEB_TOOLCHAIN=stable scripts/web-env.sh …   the same command on the default toolchain, no
#                                               -Z flags (if the nightly breaks; ~18 KB more brotli)
#
# What each part saves (brotli, scripts/payload.sh, docs/performance.md):
#   the nightly itself                                     wasm −2.4 KB
#   build-std (std, panic_abort: std built at opt-level z)   −2.1 KB
#   -Cpanic=immediate-abort                                  −10.7 KB, glue −0.2 KB
#   build-std-features optimize_for_size                     −2.7 KB
# And one flag for speed, on either toolchain: LLVM's inline threshold 25 instead of opt-level
# "z"'s 5 (the engine's small per-token accessors become inline code): the wasm analysis runs
# 7 % (nightly) to 11 % (stable) fewer instructions and 10–20 % more MB/s, for +0.7 KB brotli
# (docs/performance.md).
# (-Zlocation-detail=none and -Zfmt-debug=none measured nothing more once panics abort at once.)
set -euo pipefail

WEB_NIGHTLY="nightly-2026-10-29"

if [ "${1:-}" = "--toolchain" ]; then
    echo "$WEB_NIGHTLY"
    exit 0
fi
[ $# -gt 0 ] || { echo "usage: scripts/web-env.sh COMMAND [ARGS...] | --toolchain" >&2; exit 2; }

# `-inline-threshold` given explicitly also applies to opt-level "z"'s minsize functions
# (LLVM's InlineCost: OptMinSizeThreshold is only used when it is not given). On the nightly
# build 40 cost +3.3 KB for no fewer instructions; on stable 50 and 100 cost 6 and 12 KB more
# than 25 for 4 and 8 % fewer.
SPEED_FLAGS="-Cllvm-args=-inline-threshold=25"
# A 128 KB wasm stack instead of rustc's default 1 MB: every page load had 1 MB of linear memory
# it never used. The whole e2e suite and the engine on the bench's 10 MB texts run with 32 KB, so
# this is 4× what they need; an overflow traps (rustc links the stack first, below the data), and
# a trap stops the widget and restores the article.
STACK_FLAGS="-Clink-arg=-zstack-size=131072"
if [ "${WEB_TOOLCHAIN:-$WEB_NIGHTLY}" = "$WEB_NIGHTLY" ]; then
    # rustup's cargo and rustc proxies pick the toolchain from RUSTUP_TOOLCHAIN.
    export RUSTUP_TOOLCHAIN="$WEB_NIGHTLY"
    # Cargo's [unstable] build-std settings, as environment variables (the std crates' own
    # dependencies must be fetched first: setup.sh does it, since Trunk builds --offline).
    export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
    export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
    # Only for wasm32 (Trunk and the bench always pass --target, so build scripts and proc macros
    # for the host are not affected). The profile's `panic = "abort"` is overridden by this later
    # flag. Since late 2025 the strategy is `-Cpanic=immediate-abort`; the build-std feature
    # `panic_immediate_abort` of before is now a compile error.
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort $SPEED_FLAGS $STACK_FLAGS"
elif [ "$WEB_TOOLCHAIN" = "stable" ]; then
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$SPEED_FLAGS $STACK_FLAGS"
else
    echo "web-env.sh: WEB_TOOLCHAIN must be unset, $WEB_NIGHTLY or stable (got '$WEB_TOOLCHAIN')" >&2
    exit 2
fi
exec "$@"
