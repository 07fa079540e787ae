// What bench/browser.mjs and bench/trace.mjs share: the generated 20,000-word page, a static
// server for the dist directory (no caching, as a first visit), and Chromium's flags (from
// www/e2e/support.mjs, as the tests launch it).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CHROMIUM_ARGS, MIME, esc } from '../www/e2e/support.mjs';

export const WORDS = 20_000;
export const HOST = '127.0.0.1';
export { CHROMIUM_ARGS };


/** The loader's tag in a page: `<script type="module" [async] src="…claimlens.js" …></script>`. */
const LOADER_TAG = /<script type="module"(?: async)? src="([^"]*claimlens\.js)"([^>]*)><\/script>/;

/**
 * `html` with the loader's tag as `tag` says: 'async' (the tag publishers paste), 'deferred' (the
 * tag without `async`, as publishers pasted it before: the module is evaluated in the task that
 * ends the page's parsing) or 'none' (no widget: the page's own tasks).
 */
export function withTag(html, tag) {
  if (!LOADER_TAG.test(html)) throw new Error('no claimlens.js module tag in the page');
  return html.replace(LOADER_TAG, (_, src, rest) =>
    tag === 'none' ? '' : `<script type="module"${tag === 'async' ? ' async' : ''} src="${src}"${rest}></script>`,
  );
}

/**
 * The demo page with its article replaced by WORDS words of the generated Dutch text, and the
 * loader's tag as `tag` says (withTag).
 */
export function bigPage(dist, texts, tag = 'async') {
  const demo = withTag(readFileSync(join(dist, 'index.html'), 'utf8'), tag);
  const paras = readFileSync(join(texts, 'nl-1000000.txt'), 'utf8').split('\n\n');
  let words = 0;
  const out = ['<h1>Een lang artikel</h1>'];
  for (let i = 0; words < WORDS && i < paras.length; i++) {
    const ws = paras[i].trim().split(/\s+/);
    const take = ws.slice(0, WORDS - words);
    words += take.length;
    // Some inline markup, as articles have: emphasis around the opening words of every fifth.
    const html = i % 5 === 0 ? `<em>${esc(take.slice(0, 3).join(' '))}</em> ${esc(take.slice(3).join(' '))}` : esc(take.join(' '));
    out.push(`<p>${html}</p>`);
  }
  return demo.replace(/<article>[\s\S]*<\/article>/, `<article>\n${out.join('\n')}\n</article>`);
}

/**
 * Serves `dist` (and `pages`: path → HTML) on an ephemeral port of HOST, with `no-store`, from a
 * worker thread: the harness's own thread is busy with the browser's protocol messages (and a
 * trace's), and a server on it answered the widget's requests 20-100 ms late on a busy machine,
 * which the loads then measured as network time. Resolves to an object with `address()` and
 * `close()`, as a `http.Server`.
 */
export function startServer(dist, pages) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { dist, pages } });
  return new Promise((ok, fail) => {
    worker.once('error', fail);
    worker.once('message', (port) =>
      ok({
        address: () => ({ address: HOST, port }),
        close: () => worker.terminate(),
      }),
    );
  });
}

/** The server itself (in the worker); files are read once and kept in memory. */
function serve(dist, pages) {
  const files = new Map();
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, `http://${HOST}`);
    if (pages[pathname]) {
      res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' }).end(pages[pathname]);
      return;
    }
    let file = normalize(join(dist, decodeURIComponent(pathname)));
    if (file !== dist && !file.startsWith(dist + sep)) return res.writeHead(403).end();
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    if (!files.has(file)) files.set(file, await readFile(file).catch(() => null));
    const body = files.get(file);
    if (body === null) return res.writeHead(pathname === '/favicon.ico' ? 204 : 404).end();
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
  server.listen(0, HOST, () => parentPort.postMessage(server.address().port));
}

if (!isMainThread && workerData?.dist) serve(workerData.dist, workerData.pages);
