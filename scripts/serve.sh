#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh), then builds and serves the demo page with the widget on
# http://127.0.0.1:8080 (rebuilds on change). PORT=8081 scripts/serve.sh picks another port;
# extra arguments go to `trunk serve`. The widget is built as it ships (scripts/web-env.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

"$ROOT/scripts/setup.sh"

# www/node_modules/.bin first: Trunk must find wasm-opt 132 there, never Debian's binaryen 108.
export PATH="$ROOT/www/node_modules/.bin:$HOME/.cargo/bin:$PATH"
port="${PORT:-8080}"
echo "serve: http://127.0.0.1:$port/"
exec "$ROOT/scripts/web-env.sh" trunk serve --release --address 127.0.0.1 --port "$port" "$@"
