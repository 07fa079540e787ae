// What the e2e tests and the benchmark (bench/page.mjs) share: Chromium's flags, the static
// servers' content types, and HTML escaping. (Not a test file: `node --test e2e/` runs only
// `*.test.mjs`.)

/** Headless Chromium as every test and bench run launches it. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Content types the test and bench servers send, by file extension. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** `s` escaped for HTML text (`&`, `<`, `>`). */
export const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
