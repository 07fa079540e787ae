// Real-page shapes, with the bare tag (no data-root): the widget finds the article by itself
// (src/host/article.rs), highlights only the story (furniture skipped by src/host/textmap.rs), and
// its popover measures the same whatever the site's CSS resets. Every page here is written for
// this test, in the shapes real news pages have (bench/pages.mjs measures real saved pages).
// Run: `cd www && node --test e2e/` (CLAIMLENS_DIST serves another build).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, MIME } from './support.mjs';

const DIST = resolve(process.env.CLAIMLENS_DIST || fileURLToPath(new URL('../../dist/', import.meta.url)));
const HOST = '127.0.0.1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TEST_TIMEOUT = 120_000;

/** The tag a publisher pastes, without data-root. */
const BARE = '<script type="module" async src="claimlens.js"></script>';

const page = (title, body, { head = '', tag = BARE } = {}) => `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title>${head}${tag}</head>
<body>${body}</body></html>`;

/** A story paragraph with claims. */
const story = (n) =>
  `<p>Volgens het KNMI bereikten de windstoten in Den Helder op dag ${n} een snelheid van ${100 + n} kilometer per uur, zo meldde de dienst.</p>`;
const stories = (from, to) => Array.from({ length: to - from }, (_, i) => story(from + i)).join('\n');

const teaserFirst = page(
  'teaser first',
  `<header class="site"><nav>${Array.from({ length: 20 }, (_, i) => `<a href="/s${i}">Sectie ${i}</a>`).join(' ')}</nav></header>
<main>
  <section class="top-stories">
    ${Array.from({ length: 4 }, (_, i) => `<article class="card"><h2><a href="/t${i}">Ander nieuws ${i}</a></h2><p>Volgens de NS zaten ${500 + i} reizigers vast.</p></article>`).join('\n')}
  </section>
  <article id="story"><h1>Storm legt het land stil</h1><div class="article-body">${stories(1, 7)}</div></article>
  <section class="comments">${Array.from({ length: 6 }, (_, i) => `<div class="comment"><p>Volgens mijn buurman waren er ${20 + i} bomen omgewaaid in onze straat, en dat is veel, echt heel veel.</p></div>`).join('\n')}</section>
</main>`,
);

const noArticle = page(
  'no article element',
  `<div id="top"><ul class="menu">${Array.from({ length: 20 }, (_, i) => `<li><a href="/s${i}">Sectie ${i}</a></li>`).join('')}</ul></div>
<div class="wrap">
  <div class="col-left"><h1>Storm legt het land stil</h1><div class="story-text">${stories(1, 6)}</div></div>
  <div class="col-right"><div class="most-read"><h3>Meest gelezen</h3><ol>${Array.from({ length: 5 }, (_, i) => `<li><a href="/m${i}">Volgens de politie ${30 + i} aanhoudingen</a></li>`).join('')}</ol></div></div>
</div>`,
);

const furniture = page(
  'furniture inside the article',
  `<main><article id="story">
  <header><h1>Storm legt het land stil</h1><p class="byline">Door Jan Jansen · 3 min read · <time datetime="2019-02-21T13:45">21 feb. 13:45</time></p></header>
  <div class="share-tools"><span>1.245 keer gedeeld</span> <a href="#reacties">87 reacties</a> <span>75 posters</span></div>
  ${stories(1, 4)}
  <p>Op <time datetime="2019-02-21">21 februari</time> vielen er 38 bomen om.</p>
  <div class="site-hidden"><p>Volgens een verborgen bron waren er 55 doden.</p></div>
  <div class="site-invisible"><p>Volgens een andere bron 66 gewonden.</p></div>
  <figure class="media"><div class="photo-gallery"><span>+10</span></div></figure>
  <div class="related-articles"><h2>Lees ook</h2><p>Volgens de brandweer 12 branden in één nacht, een record.</p></div>
  <ul><li><a href="/1">Volgens het RIVM 12 zieken</a></li><li><a href="/2">Ruim 40 scholen dicht</a></li></ul>
  <div class="newsletter-signup"><p>Ruim 200.000 lezers gingen u voor: schrijf u in.</p></div>
  <p>De gemeente trekt 2,5<span class="site-hidden"> of 3</span> miljoen euro uit voor herstel.</p>
  <footer><p>Volgens de redactie 250 reacties op dit artikel.</p></footer>
</article></main>`,
  { head: '<style>.site-hidden { display: none } .site-invisible { visibility: hidden }</style>' },
);

const indexPage = page(
  'index page',
  `<h1>Binnenland</h1><ul>${Array.from({ length: 15 }, (_, i) => `<li><a href="/a${i}">Volgens de NS zaten ${i + 10} reizigers vast in een trein</a></li>`).join('')}</ul>`,
);

/** The same short article under a site's CSS reset (`css`), the root named as on the demo. */
const resetPage = (css) =>
  page(
    'reset',
    `<main><article><h1>Storm</h1>${stories(1, 4)}</article></main>`,
    { head: css ? `<style>${css}</style>` : '', tag: '<script type="module" async src="claimlens.js" data-root="article"></script>' },
  );
const RESETS = {
  'html { font-size: 62.5% }': 'html { font-size: 62.5% }',
  'html { font-size: 20px }': 'html { font-size: 20px }',
  '* { box-sizing: content-box; line-height: 1 }': '* { box-sizing: content-box !important; line-height: 1 !important }',
  'letter-spacing and word-spacing': 'html, body { letter-spacing: 3px; word-spacing: 8px; text-transform: uppercase; direction: rtl }',
};

const pages = {
  '/teaser-first.html': teaserFirst,
  '/no-article.html': noArticle,
  '/furniture.html': furniture,
  '/index-page.html': indexPage,
  '/reset-none.html': resetPage(''),
};
Object.values(RESETS).forEach((css, i) => {
  pages[`/reset-${i}.html`] = resetPage(css);
});

function startServer() {
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, `http://${HOST}`);
      if (pages[pathname]) {
        res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' }).end(pages[pathname]);
        return;
      }
      const file = normalize(join(DIST, decodeURIComponent(pathname)));
      if (!file.startsWith(DIST + sep) || !(await stat(file).catch(() => null))?.isFile()) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(await readFile(file));
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, HOST, () => ok(server));
  });
}

let server, baseUrl, browser, setupError;

before(async () => {
  try {
    if (!existsSync(join(DIST, 'claimlens.js'))) throw new Error(`${DIST}/claimlens.js not found: build first`);
    server = await startServer();
    baseUrl = `http://${HOST}:${server.address().port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, timeout: 60_000, args: CHROMIUM_ARGS });
  } catch (err) {
    setupError = err;
  }
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
});

/**
 * Opens `path`; resolves once the automatic run has ended (its handle's `ready`, or a claimlens
 * warning), with the page and what it logged.
 */
async function open(path) {
  if (setupError) throw setupError;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const log = { warnings: [], errors: [], pageErrors: [], offHost: [] };
  page.on('console', (m) => {
    if (m.type() === 'warning') log.warnings.push(m.text());
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith(`${baseUrl}/`) && !r.url().startsWith('data:')) log.offHost.push(r.url());
  });
  await page.goto(`${baseUrl}${path}`);
  await page.waitForFunction(
    () => {
      const tag = document.querySelector('script[src$="claimlens.js"]');
      if (window.__done) return true;
      if (tag?.claimlens) {
        tag.claimlens.ready.then(
          () => (window.__done = true),
          () => (window.__done = true),
        );
      }
      return false;
    },
    null,
    { timeout: 15_000, polling: 50 },
  ).catch(() => {});
  return { context, page, log };
}

function assertClean(log) {
  assert.deepEqual(log.pageErrors, [], 'no page errors');
  assert.deepEqual(log.errors, [], 'no console errors');
  assert.deepEqual(log.offHost, [], 'no request off 127.0.0.1');
}

/** Each mark's text and whether it lies inside `selector`. */
const marksIn = (page, selector) =>
  page.$$eval('claimlens-mark', (ms, sel) => ms.map((m) => ({ text: m.textContent, inside: m.closest(sel) !== null })), selector);

describe('the article found without data-root', () => {
  test('a teaser card first: only the story (the article holding the h1) is highlighted', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open('/teaser-first.html');
    try {
      const marks = await marksIn(page, '#story');
      assert.ok(marks.length >= 6, `the story is highlighted: ${JSON.stringify(marks)}`);
      assert.deepEqual(marks.filter((m) => !m.inside), [], 'no highlight outside the story (teasers, comments, navigation)');
      assert.deepEqual(log.warnings, []);
      assertClean(log);
    } finally {
      await context.close();
    }
  });

  test('no <article> or <main>: the story container is found by its paragraphs', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open('/no-article.html');
    try {
      const marks = await marksIn(page, '.story-text');
      assert.ok(marks.length >= 5, `the story is highlighted: ${JSON.stringify(marks)}`);
      assert.deepEqual(marks.filter((m) => !m.inside), [], 'no highlight in the menu or the most-read list');
      assertClean(log);
    } finally {
      await context.close();
    }
  });

  test('an index page: nothing highlighted, one warning naming data-root', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open('/index-page.html');
    try {
      await page.waitForTimeout(500);
      assert.equal(await page.locator('claimlens-mark').count(), 0);
      const ours = log.warnings.filter((w) => w.startsWith('claimlens'));
      assert.equal(ours.length, 1, `one warning: ${JSON.stringify(log.warnings)}`);
      assert.match(ours[0], /data-root/);
      assertClean(log);
    } finally {
      await context.close();
    }
  });

  test('furniture inside the article is skipped: byline, time, share and comment counts, hidden parts, gallery counter, related, newsletter, footer', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, log } = await open('/furniture.html');
    try {
      const marks = await marksIn(
        page,
        'header, footer, time, .share-tools, .site-hidden, .site-invisible, .photo-gallery, .related-articles, ul, .newsletter-signup',
      );
      assert.ok(marks.some((m) => m.text.includes('101')), `the story is highlighted: ${JSON.stringify(marks)}`);
      assert.ok(marks.some((m) => m.text.includes('38')), `a sentence around a <time> keeps its claims: ${JSON.stringify(marks)}`);
      assert.deepEqual(marks.filter((m) => m.inside), [], 'no highlight in furniture');
      assert.deepEqual(marks.filter((m) => /miljoen/.test(m.text)), [], 'a claim straddling hidden text is not highlighted');
      assertClean(log);
    } finally {
      await context.close();
    }
  });
});

describe('the popover under site CSS resets', () => {
  /** Opens the first claim's popover; its width and font sizes. */
  async function measure(path) {
    const { context, page, log } = await open(path);
    try {
      // No opening animation under way while it is measured.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.locator('claimlens-mark[tabindex]').first().click();
      const dialog = page.locator('claimlens-ui [role="dialog"]');
      // Rendered in full (its header too).
      await dialog.locator('.claimlens-kind').waitFor({ timeout: 5000 });
      const got = await dialog.evaluate((d) => {
        const head = d.querySelector('.claimlens-kind');
        return {
          width: Math.round(d.getBoundingClientRect().width),
          font: getComputedStyle(d).fontSize,
          head: getComputedStyle(head).fontSize,
          lineHeight: getComputedStyle(d).lineHeight,
          letterSpacing: getComputedStyle(d).letterSpacing,
          direction: getComputedStyle(d).direction,
        };
      });
      assertClean(log);
      return got;
    } finally {
      await context.close();
    }
  }

  test('same width and font sizes as on a page without a reset', { timeout: TEST_TIMEOUT }, async () => {
    const base = await measure('/reset-none.html');
    assert.equal(base.width, 384, `the popover is 384 px wide: ${JSON.stringify(base)}`);
    assert.equal(base.font, '15px');
    const names = Object.keys(RESETS);
    for (let i = 0; i < names.length; i++) {
      const got = await measure(`/reset-${i}.html`);
      assert.deepEqual(got, base, `${names[i]}: the popover measures as without it`);
    }
  });
});
