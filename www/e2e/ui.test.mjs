// The reader's experience, end to end in Debian's Chromium (playwright-core under `node --test`):
// each kind of claim opened by click, touch and keyboard; the sources panel; axe-core with the
// popover and the panel open; layout shift; a hostile-CSS page; the page's language.
//
// Pages: the built demo (dist/), and fixture pages made here in memory: one from the seed article
// ../shared/corpus/nl-kazachstan-seed.txt (read at test time, never committed), one with hostile
// host CSS, one in English. Run: `cd www && node --test e2e/` (CLAIMLENS_DIST serves another
// build). CLAIMLENS_SCREENSHOTS=<dir> also writes the README's screenshots there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, MIME, esc } from './support.mjs';

const DIST = resolve(process.env.CLAIMLENS_DIST || fileURLToPath(new URL('../../dist/', import.meta.url)));
const SEED = fileURLToPath(new URL('../../../shared/corpus/nl-kazachstan-seed.txt', import.meta.url));
const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
const SHOTS = process.env.CLAIMLENS_SCREENSHOTS;
const HOST = '127.0.0.1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TEST_TIMEOUT = 180_000;



/** A news page around `paragraphs`, loading the widget like a publisher does. */
function articlePage({ lang, title, paragraphs, css = '' }) {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${esc(title)}</title>
<style>body { font: 18px/1.6 Georgia, serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; } ${css}</style>
<script type="module" src="claimlens.js" data-root="article"></script>
</head><body><main><article><h1>${esc(title)}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main></body></html>`;
}

// Hostile host CSS: global resets that would hide or move naive highlights.
const HOSTILE = `
  * { margin: 0; padding: 0; border: 0; background: none !important; text-decoration: none !important;
      outline: none !important; font-weight: inherit; box-shadow: none !important; }
  mark, span, em { all: unset; }
  *:focus { outline: none !important; }
  p * { display: inline-block; padding: 3px !important; }
  body * { color: #222; }`;

const pages = {};

async function buildPages() {
  const seed = await readFile(SEED, 'utf8');
  const paragraphs = seed
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(esc);
  pages['/seed.html'] = articlePage({ lang: 'nl', title: 'Kazachstan', paragraphs });
  const demo = await readFile(join(DIST, 'index.html'), 'utf8');
  const article = demo.slice(demo.indexOf('<article>') + 9, demo.indexOf('</article>'));
  pages['/hostile.html'] = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>Hostile</title><style>${HOSTILE}</style>
<script type="module" src="claimlens.js" data-root="article"></script></head>
<body><main><article>${article}</article></main></body></html>`;
  pages['/en.html'] = articlePage({
    lang: 'en',
    title: 'Harbour',
    paragraphs: [
      'According to the port authority, more than 400 containers were damaged in the storm.',
      '"We have never seen anything like it," said a spokesperson for the harbour company.',
      'Repairs will cost 3 million euros.',
    ],
  });
}

function startServer() {
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, `http://${HOST}`);
      if (pages[pathname]) {
        res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' }).end(pages[pathname]);
        return;
      }
      let file = normalize(join(DIST, decodeURIComponent(pathname)));
      if (file !== DIST && !file.startsWith(DIST + sep)) return res.writeHead(403).end();
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (body === null) return res.writeHead(pathname === '/favicon.ico' ? 204 : 404).end();
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, HOST, () => ok(server));
  });
}

function installLayoutShiftObserver() {
  window.__cls = 0;
  window.__clsSources = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__cls += entry.value;
      for (const s of entry.sources ?? []) window.__clsSources.push(s.node?.nodeName ?? '?');
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

let server, baseUrl, browser, axeSource, setupError;

before(async () => {
  try {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html not found: build first`);
    await buildPages();
    axeSource = await readFile(AXE, 'utf8');
    server = await startServer();
    baseUrl = `http://${HOST}:${server.address().port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      timeout: 60_000,
      args: CHROMIUM_ARGS,
    });
  } catch (err) {
    setupError = err;
  }
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
});

/** Opens `path` in a fresh context; resolves when the article is highlighted. */
async function open(path, contextOptions = {}) {
  if (setupError) throw setupError;
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on('pageerror', (err) => errors.push(`page error: ${err}`));
  page.on('console', (msg) => msg.type() === 'error' && errors.push(`console error: ${msg.text()}`));
  await page.addInitScript(installLayoutShiftObserver);
  await page.goto(baseUrl + path, { waitUntil: 'load' });
  await page
    .locator('article claimlens-mark')
    .first()
    .waitFor({ state: 'attached', timeout: 20_000 })
    .catch(() => assert.fail(`no highlights on ${path}: ${errors.join('; ')}`));
  return { context, page, errors };
}

const DIALOG = 'claimlens-ui [role="dialog"]';
const PANEL = 'claimlens-ui .claimlens-panel';
const TOGGLE = 'claimlens-ui .claimlens-toggle';

/** The head marks (one tab stop per claim) in document order, as {claim, kind, label}. */
function heads(page) {
  return page.$$eval('article claimlens-mark[tabindex]', (ms) =>
    ms.map((m) => ({
      claim: m.dataset.claim,
      kind: m.dataset.kind,
      role: m.getAttribute('role'),
      label: m.getAttribute('aria-roledescription'),
      popup: m.getAttribute('aria-haspopup'),
    })),
  );
}

/** Everything the open popover shows, read from its shadow root. */
function readPopover(page) {
  return page.evaluate(async () => {
    const d = document.querySelector('claimlens-ui')?.shadowRoot?.querySelector('[role="dialog"]');
    if (!d) return null;
    // Measure where it rests, not mid-animation.
    await Promise.all(d.getAnimations().map((a) => a.finished));
    const t = (sel) => d.querySelector(sel)?.textContent?.trim() ?? null;
    const r = d.getBoundingClientRect();
    const title = d.getRootNode().getElementById(d.getAttribute('aria-labelledby'));
    const link = d.querySelector('a.claimlens-link');
    return {
      modal: d.getAttribute('aria-modal'),
      title: title?.textContent?.trim() ?? null,
      claim: t('.claimlens-claim'),
      meaning: t('.claimlens-meaning'),
      source: t('.claimlens-source'),
      resolved: t('.claimlens-resolved'),
      via: t('.claimlens-via'),
      cue: t('.claimlens-cue'),
      hedge: t('.claimlens-hedge'),
      confidence: t('.claimlens-confidence'),
      level: t('.claimlens-level'),
      reasons: [...d.querySelectorAll('.claimlens-reasons li')].map((li) => li.textContent),
      link: link && { href: link.getAttribute('href'), rel: link.rel, target: link.target },
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width },
      viewport: { width: innerWidth, height: innerHeight },
      focusInside: document.activeElement?.matches('claimlens-ui') && d.contains(document.activeElement.shadowRoot.activeElement),
      fontSize: getComputedStyle(d).fontSize,
    };
  });
}

const KIND_NAMES = {
  nl: { statement: 'Bewering', quantity: 'Getal met bron', unsourced: 'Getal zonder bron' },
  en: { statement: 'Statement', quantity: 'Number with source', unsourced: 'Number without source' },
};

/** Checks what every popover must show for a claim of `kind`; returns the popover. */
function assertPopover(p, kind, lang = 'nl') {
  assert.ok(p, 'a popover is open');
  assert.equal(p.modal, 'false', 'the popover is a non-modal dialog');
  assert.equal(p.title, KIND_NAMES[lang][kind], 'the dialog is labelled by its kind');
  assert.ok(p.claim, 'the claim text is shown');
  assert.match(p.confidence ?? '', /^\d{1,3}%$/, `confidence like "85%", got ${p.confidence}`);
  const words = lang === 'nl' ? ['hoog', 'middel', 'laag'] : ['high', 'medium', 'low'];
  assert.ok(words.some((w) => p.level?.includes(w)), `confidence word, got ${p.level}`);
  assert.ok(p.reasons.length > 0, 'the confidence has reasons');
  if (kind === 'unsourced') {
    const none = lang === 'nl' ? 'Het artikel noemt geen bron' : 'The article names no source';
    assert.ok(p.source?.startsWith(none), `an unsourced quantity says so plainly, got ${p.source}`);
  } else {
    assert.ok(p.source && p.source !== '—', `a ${kind} names its source, got ${p.source}`);
  }
  if (kind !== 'statement') assert.ok(p.meaning, 'a quantity has its meaning in words');
  if (p.resolved) assert.notEqual(p.resolved, p.source, 'the resolved source differs from the written one');
  if (p.link) {
    assert.match(p.link.href, /^https?:\/\//, 'links are http(s) only');
    assert.equal(p.link.rel, 'noopener noreferrer');
    assert.equal(p.link.target, '_blank');
  }
  const { rect, viewport } = p;
  assert.ok(rect.left >= 0 && rect.top >= 0 && rect.right <= viewport.width + 0.5 && rect.bottom <= viewport.height + 0.5,
    `the popover stays inside the viewport: ${JSON.stringify(rect)} in ${JSON.stringify(viewport)}`);
  return p;
}

/** Clicks a claim like a reader: on a character that belongs to this claim's highlight and to no
 *  claim nested in it (the middle of a statement is often one of its quantities). */
async function clickClaim(page, claim, how = 'click') {
  const head = page.locator(`article claimlens-mark[data-claim="${claim}"][tabindex]`);
  await head.scrollIntoViewIfNeeded();
  const point = await page.evaluate((claim) => {
    for (const mark of document.querySelectorAll(`article claimlens-mark[data-claim="${claim}"]`)) {
      for (const node of mark.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.data.trim()) continue;
        const range = document.createRange();
        const at = node.data.search(/\S/);
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const r = range.getClientRects()[0];
        if (r && r.top >= 0 && r.bottom <= innerHeight) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
    }
    return null;
  }, claim);
  if (point && how === 'tap') await page.touchscreen.tap(point.x, point.y);
  else if (point) await page.mouse.click(point.x, point.y);
  else {
    // Every character is also a nested claim's: a reader reaches it by keyboard.
    await head.focus();
    await page.keyboard.press('Enter');
  }
  await page.locator(DIALOG).waitFor({ state: 'visible' });
  return readPopover(page);
}

async function closeWithEscape(page) {
  await page.keyboard.press('Escape');
  await page.locator(DIALOG).waitFor({ state: 'detached' });
}

async function axeViolations(page, what) {
  // Let the opening animation end: axe measures contrast at the opacity it finds.
  await page.evaluate(() => Promise.all(document.querySelector('claimlens-ui').shadowRoot.getAnimations().map((a) => a.finished)));
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' > ')).slice(0, 3).join(' | ')}`);
  });
  assert.deepEqual(violations, [], `axe-core violations with ${what}:\n  ${violations.join('\n  ')}`);
}

async function cls(page) {
  return page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok({ cls: window.__cls, sources: window.__clsSources }), 200))));
}

/** Where focus is, looking into the UI's shadow root. */
function focusInfo(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    const inner = a?.shadowRoot?.activeElement;
    const el = inner ?? a;
    return {
      mark: a?.matches('claimlens-mark') ? a.dataset.claim : null,
      ui: !!inner,
      cls: el?.className ?? '',
      claim: el?.dataset?.claim ?? null,
      name: el?.nodeName?.toLowerCase(),
    };
  });
}

describe('claimlens UI', () => {
  for (const [path, name] of [['/', 'demo'], ['/seed.html', 'seed article']]) {
    test(`${name}: every kind of claim opens a complete popover by click; marks say they are claims`, { timeout: TEST_TIMEOUT }, async () => {
      const { context, page, errors } = await open(path);
      try {
        const all = await heads(page);
        for (const h of all) {
          assert.equal(h.role, 'link', 'a highlight is a focusable link-like control');
          assert.equal(h.popup, 'dialog');
          assert.equal(h.label, { statement: 'claim: bewering', quantity: 'claim: getal', unsourced: 'claim: getal zonder bron' }[h.kind],
            'aria-roledescription says it is a claim, and its kind');
        }
        const kinds = new Set(all.map((h) => h.kind));
        assert.deepEqual([...kinds].sort(), ['quantity', 'statement', 'unsourced'], 'the article has every kind');
        const seen = { resolved: 0, hedged: 0, meaning: [] };
        for (const h of all) {
          const p = assertPopover(await clickClaim(page, h.claim), h.kind);
          if (p.resolved) seen.resolved++;
          if (p.hedge) {
            seen.hedged++;
            assert.match(p.hedge, /— onbevestigd$/, 'hedging is said after the attribution');
          }
          if (p.meaning) seen.meaning.push(p.meaning);
          await closeWithEscape(page);
        }
        if (name === 'seed article') {
          assert.ok(seen.resolved > 0, 'the seed article has a source resolved (het ministerie → …)');
          assert.ok(seen.hedged > 0, 'the seed article has a hedged claim (zouden volgens de autoriteiten)');
          assert.ok(seen.meaning.some((m) => /^(meer dan|tussen|hooguit|ongeveer) /.test(m)), `meanings in words: ${seen.meaning.join(' | ')}`);
        }
        const { cls: total, sources } = await cls(page);
        assert.equal(total, 0, `layout shift total is 0 (shifted: ${sources.join(', ')})`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    test(`${name}: axe-core finds 0 violations with the popover and with the panel open`, { timeout: TEST_TIMEOUT }, async () => {
      const { context, page } = await open(path);
      try {
        const all = await heads(page);
        for (const kind of ['statement', 'unsourced']) {
          await clickClaim(page, all.find((h) => h.kind === kind).claim);
          await axeViolations(page, `the popover of a ${kind} open`);
          await closeWithEscape(page);
        }
        await page.locator(TOGGLE).click();
        await page.locator(PANEL).waitFor({ state: 'visible' });
        await axeViolations(page, 'the sources panel open');
      } finally {
        await context.close();
      }
    });
  }

  test('demo, keyboard only: Tab reaches every claim in reading order, Enter/Space open, Escape returns focus; Alt+Shift+Arrows; the panel', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, errors } = await open('/');
    try {
      const expected = (await heads(page)).map((h) => h.claim);
      await page.evaluate(() => document.activeElement?.blur?.());
      const reached = [];
      let toggle = false;
      for (let i = 0; i < 200 && !toggle; i++) {
        await page.keyboard.press('Tab');
        const f = await focusInfo(page);
        toggle = f.ui && f.cls.includes('claimlens-toggle');
        if (f.mark === null) continue;
        reached.push(f.mark);
        // Enter on odd stops, Space on even ones: both open the popover, with focus inside it.
        await page.keyboard.press(reached.length % 2 ? 'Enter' : ' ');
        await page.locator(DIALOG).waitFor({ state: 'visible' });
        const p = await readPopover(page);
        assert.ok(p.focusInside, `focus moves into the popover of claim ${f.mark}`);
        await closeWithEscape(page);
        assert.equal((await focusInfo(page)).mark, f.mark, 'Escape returns focus to the highlight');
      }
      assert.deepEqual(reached, expected, 'Tab visits every claim once, in reading order');
      assert.ok(toggle, 'Tab goes on from the last claim to the sources toggle');

      // The panel: a disclosure button; its entries follow it in the tab order.
      await page.keyboard.press('Enter');
      await page.locator(PANEL).waitFor({ state: 'visible' });
      assert.equal(await page.locator(TOGGLE).getAttribute('aria-expanded'), 'true');
      await page.keyboard.press('Escape');
      await page.locator(PANEL).waitFor({ state: 'detached' });
      assert.ok((await focusInfo(page)).cls.includes('claimlens-toggle'), 'Escape closes the panel, focus back on its toggle');
      await page.keyboard.press('Space');
      await page.locator(PANEL).waitFor({ state: 'visible' });
      assert.match((await page.locator(`${PANEL} .claimlens-keys`).textContent()) ?? '', /Alt\+Shift\+↓/, 'the panel documents the keys');
      const entries = await page.locator(`${PANEL} .claimlens-entry`).count();
      assert.equal(entries, expected.length, 'the panel lists every highlighted claim');
      let target = null;
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        target = (await focusInfo(page)).claim;
      }
      assert.ok(target !== null, 'Tab moves through the panel entries');
      await page.keyboard.press('Enter');
      await page.locator(PANEL).waitFor({ state: 'detached' });
      assert.equal((await focusInfo(page)).mark, target, 'an entry scrolls to and focuses its claim');
      const inView = await page.evaluate(() => {
        const r = document.activeElement.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
      assert.ok(inView, 'the claim is scrolled into view');

      // Alt+Shift+ArrowDown / Up: next / previous claim.
      const at = expected.indexOf(target);
      await page.keyboard.press('Alt+Shift+ArrowDown');
      assert.equal((await focusInfo(page)).mark, expected[at + 1], 'Alt+Shift+ArrowDown: the next claim');
      await page.keyboard.press('Alt+Shift+ArrowUp');
      await page.keyboard.press('Alt+Shift+ArrowUp');
      assert.equal((await focusInfo(page)).mark, expected[at - 1], 'Alt+Shift+ArrowUp: the previous claim');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('hostile host CSS: highlights still painted (computed style), text unmoved, popover intact', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page, errors } = await open('/hostile.html');
    try {
      const styles = await page.$$eval('article claimlens-mark', (ms) =>
        ms.map((m) => {
          const s = getComputedStyle(m);
          return { kind: m.dataset.kind, bg: s.backgroundColor, line: s.textDecorationLine, style: s.textDecorationStyle, display: s.display, padding: s.paddingLeft, select: s.userSelect };
        }),
      );
      assert.ok(styles.length > 0);
      for (const s of styles) {
        assert.notEqual(s.bg, 'rgba(0, 0, 0, 0)', `a ${s.kind} highlight keeps its background: ${JSON.stringify(s)}`);
        assert.equal(s.line, 'underline', `a ${s.kind} highlight keeps its underline`);
        assert.equal(s.display, 'inline');
        assert.equal(s.padding, '0px', 'no padding: text does not move');
        assert.notEqual(s.select, 'none', 'text stays selectable');
      }
      const byKind = Object.fromEntries(styles.map((s) => [s.kind, s.style]));
      assert.equal(new Set(Object.values(byKind)).size, 3, `the kinds differ by underline style, not colour alone: ${JSON.stringify(byKind)}`);
      const statement = (await heads(page)).find((h) => h.kind === 'statement');
      const p = assertPopover(await clickClaim(page, statement.claim), 'statement');
      assert.equal(p.fontSize, '15px', 'the page CSS does not reach the popover');
      // Links inside highlights stay clickable: the click reaches the link, not the popover.
      await closeWithEscape(page);
      const linkClick = await page.evaluate(() => {
        const a = document.querySelector('article claimlens-mark a[href], article a[href] claimlens-mark');
        const link = a.closest('a') ?? a.querySelector('a');
        link.addEventListener('click', (e) => { window.__followed = true; e.preventDefault(); }, { once: true });
        const r = link.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.click(linkClick.x, linkClick.y);
      assert.equal(await page.evaluate(() => window.__followed), true, 'the link inside a highlight gets the click');
      assert.equal(await page.locator(DIALOG).count(), 0, 'a click on a link inside a highlight follows the link, opens no popover');
      const { cls: total, sources } = await cls(page);
      assert.equal(total, 0, `layout shift total is 0 (shifted: ${sources.join(', ')})`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('375 px wide, touch: a tap opens the popover as a bottom sheet', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page } = await open('/', { viewport: { width: 375, height: 740 }, hasTouch: true, reducedMotion: 'reduce' });
    try {
      const h = (await heads(page)).find((x) => x.kind === 'unsourced');
      const p = assertPopover(await clickClaim(page, h.claim, 'tap'), 'unsourced');
      assert.equal(Math.round(p.rect.left), 0, 'the sheet spans the width');
      assert.equal(Math.round(p.rect.width), 375);
      assert.equal(Math.round(p.rect.bottom), 740, 'the sheet sits at the bottom');
      if (SHOTS) {
        await mkdir(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, 'bottom-sheet-375.png') });
      }
    } finally {
      await context.close();
    }
  });

  test('the UI speaks the page language (English page)', { timeout: TEST_TIMEOUT }, async () => {
    const { context, page } = await open('/en.html');
    try {
      assert.match((await page.locator(TOGGLE).textContent()) ?? '', /^Sources \(\d+\)$/);
      const all = await heads(page);
      for (const h of all) assert.ok(h.label.startsWith('claim: '), `English role description, got ${h.label}`);
      const quantity = all.find((h) => h.kind !== 'statement');
      const p = await clickClaim(page, quantity.claim);
      assertPopover(p, quantity.kind, 'en');
      const meanings = [];
      for (const h of all.filter((x) => x.kind !== 'statement')) {
        meanings.push((await clickClaim(page, h.claim)).meaning);
        await closeWithEscape(page);
      }
      assert.ok(meanings.some((m) => /^more than 400\b/.test(m)), `"more than 400" in words, got ${meanings.join(' | ')}`);
    } finally {
      await context.close();
    }
  });

  test('screenshots: light and dark', { timeout: TEST_TIMEOUT, skip: !SHOTS }, async () => {
    for (const scheme of ['light', 'dark']) {
      const { context, page } = await open('/', { colorScheme: scheme, reducedMotion: 'reduce', viewport: { width: 1100, height: 760 } });
      try {
        const statement = (await heads(page)).find((h) => h.kind === 'statement' && h.claim !== '0');
        await clickClaim(page, statement.claim);
        await page.mouse.move(0, 0);
        await mkdir(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `popover-${scheme}.png`) });
        if (scheme === 'light') {
          await closeWithEscape(page);
          await page.locator(TOGGLE).click();
          await page.locator(PANEL).waitFor({ state: 'visible' });
          await page.screenshot({ path: join(SHOTS, 'panel-light.png') });
        }
      } finally {
        await context.close();
      }
    }
  });
});
