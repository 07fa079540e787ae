// claimlens loader. A publisher pastes one tag:
//   <script type="module" async src=".../claimlens.js" data-root="article"></script>
// and the widget annotates the article. `async`: the module runs as soon as it has arrived, in a
// task of its own, possibly while the page is still being parsed. Without it (the tag of before,
// still supported) a module script is deferred: evaluated in the task that ends the page's
// parsing, which also fires DOMContentLoaded and load and, on a long article, holds the page's
// whole first style and layout (a long task our evaluation made longer). Pages that want control
// import the API instead:
//   import { annotate } from '.../claimlens.js';
//   const handle = annotate(element, { lang: 'nl' }); await handle.ready; handle.destroy();
// Every file is found next to this one, so the folder can be hosted anywhere.
//
// Configuration (docs/embedding.md): a <script type="application/json" id="claimlens-config">
// block, then the tag's data-* attributes (they win). The wasm side validates every key and warns,
// naming it, about a bad one. The loader itself only needs `enabled` (off: nothing is loaded),
// `root` (which element) and `sources` (the one URL it may fetch, and only when configured).
//
// Isolation: nothing this file starts ever throws into the page. A failed load or an error leaves
// the article as it was (or restores it) and logs one console error.

/** A User Timing mark (`claimlens:start`, `:ready`, `:painted`) for publishers' monitoring and
 * bench/browser.mjs; never throws. */
const mark = (name) => {
  try {
    performance.mark(`claimlens:${name}`);
  } catch {
    // No User Timing: nothing to record.
  }
};
mark('start');

const base = new URL('.', import.meta.url);
const file = (name) => new URL(name, base).href;
const PREFIX = 'claimlens:';
const MARK = 'claimlens-mark';
const UI = 'claimlens-ui';

let widget = null;
/** The loaded bindings (for `stop` after a trap). */
let bindingsLoaded = null;
/** Set once the wasm module trapped (a Rust panic): it is never called again. */
let dead = false;

/**
 * Fetches and compiles the wasm module: compiled as it streams in, without waiting for the glue
 * module (its imports are only needed to instantiate), so compilation overlaps the glue's
 * download and evaluation. Resolves to a `WebAssembly.Module`.
 */
function compileWasm() {
  return fetch(file('claimlens-widget_bg.wasm')).then((response) => {
    if (!response.ok) throw new Error(`failed to fetch the wasm: HTTP ${response.status}`);
    // Streaming compilation needs the application/wasm type; a server that sends another one
    // still works, compiled from the whole body.
    const type = response.headers.get('content-type') ?? '';
    if (typeof WebAssembly.compileStreaming === 'function' && /^\s*application\/wasm\s*(;|$)/i.test(type)) {
      return WebAssembly.compileStreaming(response);
    }
    return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
}

/** Loads the wasm once; resolves to its bindings. A failed load may be retried later. */
function load() {
  // The glue module and the wasm are requested together (one round trip, not two in a row), the
  // wasm compiled while the glue loads; the glue then only instantiates the compiled module, at
  // once (`initSync`: the asynchronous `default` took a task of its own, after which the
  // annotation could only start in another).
  if (widget) return widget;
  // The wasm is requested first: it is the largest and arrives last.
  const compiled = compileWasm();
  widget = Promise.all([import(file('claimlens-widget.js')), compiled])
    .then(async ([bindings, module]) => {
      try {
        bindings.initSync({ module });
      } catch (error) {
        if (isTrap(error)) {
          // Its start trapped: `trapped()` (the caller's) can still ask it to stop.
          bindingsLoaded = bindings;
          throw error;
        }
        // An engine that refuses to instantiate synchronously here.
        await bindings.default({ module_or_path: module });
      }
      bindingsLoaded = bindings;
      watchTraps();
      return bindings;
    })
    .catch((error) => {
      widget = null;
      throw error;
    });
  return widget;
}

/**
 * The slice of work the widget does before it lets the browser run (ms). A slice ends at the
 * first check after this, and its units (a chunk's analysis: 3-15 ms while the wasm functions
 * are fresh from their first compilation) cannot be cut, so slices run over it: on the
 * 20,000-word page 10 gave slices of p90 14 ms, p99 32 ms, 5 gives p90 11 ms, p99 23 ms
 * (12 loads each, interleaved), at the same total time.
 */
const SLICE_MS = 5;
/**
 * The slice while highlights are being added (ms): the frame after it styles, lays out and paints
 * what the slice added, which takes about three times as long as adding it (~200 marks: a frame of
 * ~10-20 ms), so the two together stay well under 50 ms. Smaller slices cost no throughput here:
 * rendering, not the slices, sets the pace.
 */
const MARK_SLICE_MS = 4;

/**
 * An article of at most this much text (UTF-16 units in all its text nodes, as many as in its
 * textContent, counted by `textAtMost`; the wasm analyses up to 8 KB as one chunk) is annotated in
 * slices of SMALL_SLICE_MS with no frame between them: read, analysed and highlighted in a few
 * tasks, all its highlights painted in one frame. In 5-ms slices with frames between highlight
 * slices, the demo's 36 marks were often added in two, a frame (12-25 ms) between them: the first
 * highlight slice also prepares the claims and compiles the highlighting code.
 */
const SMALL_TEXT = 8 * 1024;
/** The slice for a small article (ms): its whole annotation takes ~10-25 ms. */
const SMALL_SLICE_MS = 15;

/**
 * Whether the text nodes under `element` hold at most `limit` UTF-16 units in all: the length of
 * its textContent, without building that string (on a multi-MB article, one long task before the
 * wasm's size guard), and counting only until the sum passes `limit`, so the cost is bounded by
 * the limit, not by the article. Text the wasm skips (scripts, code, hidden parts) is counted too,
 * as textContent counts it: an article near the limit may take the long article's path, which is
 * only slower, never wrong.
 */
function textAtMost(element, limit) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    total += node.data.length;
    if (total > limit) return false;
  }
  return true;
}

/** Resolves after the browser has had a turn (input, rendering): no 4-ms timer clamping. */
function yieldToBrowser() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves in a task right after the browser has rendered a frame, so that DOM changes made
 * before it are styled, laid out and painted in that frame on their own, not together with the
 * next slice's. A hidden page renders no frames (and throttles requestAnimationFrame), so there
 * a task is enough; the timer is a fallback for a frame that does not come.
 */
function yieldToFrame() {
  if (document.hidden || typeof requestAnimationFrame !== 'function') return yieldToBrowser();
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(go, 100);
    // A rAF callback runs before the frame's style and layout; the message after it is handled
    // once the frame is done.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = go;
      channel.port2.postMessage(null);
    });
  });
}

let pageCss = null;
let pageCssUsers = 0;
let pageCssText = null;

/** Constructed stylesheets (`document.adoptedStyleSheets`) are there. */
const adoptable = () =>
  typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && Array.isArray(document.adoptedStyleSheets);

/**
 * The highlight stylesheet's text, fetched once, alongside the wasm: a `<link>` can only be added
 * once the wasm has loaded (added earlier, it holds back the page's load event), and then the
 * highlights waited 10-60 ms more for it. Resolves to null if it could not be fetched.
 */
function fetchPageCss() {
  pageCssText ??= fetch(file('claimlens.css'), { credentials: 'same-origin' })
    .then((res) => (res.ok ? res.text() : null))
    .catch(() => null);
  return pageCssText;
}

/** Adds the stylesheet as a `<link>` (last in <head>) to `entry`; resolves when loaded or failed. */
function linkPageCss(entry) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = file('claimlens.css');
  link.dataset.claimlens = '';
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  document.head.append(link);
  entry.remove = () => link.remove();
  return loaded;
}

/**
 * Adds the highlight stylesheet to the page once; resolves when it applies (or failed). A
 * constructed sheet from the fetched text where there are such (adopted sheets come after every
 * sheet of the page's, as a link last in <head> does), else a link.
 */
function usePageCss() {
  pageCssUsers += 1;
  if (!pageCss) {
    const entry = { remove: () => {}, loaded: null };
    pageCss = entry;
    entry.loaded = !adoptable()
      ? linkPageCss(entry)
      : fetchPageCss().then((text) => {
          if (pageCss !== entry) return undefined; // released meanwhile
          try {
            if (text === null) throw new Error('not fetched');
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(text);
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
            entry.remove = () => {
              document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
            };
            return undefined;
          } catch {
            return linkPageCss(entry);
          }
        });
  }
  return pageCss.loaded;
}

function releasePageCss() {
  pageCssUsers -= 1;
  if (pageCssUsers === 0 && pageCss) {
    pageCss.remove();
    pageCss = null;
  }
}

const isOff = (v) => v === false || (typeof v === 'string' && /^\s*(false|0|no|off)\s*$/i.test(v));

/** A trap in the wasm module (a Rust panic aborts into `unreachable`). */
const isTrap = (error) => typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError;

/**
 * After a trap: never call the module again, except `stop()`, which makes its own callbacks
 * (change watcher, timers) return at once. The shipped build traps at once on a panic
 * (`-Cpanic=immediate-abort`), so the one console error is logged here; a build with the panic
 * hook has logged it already (then `stop()` returns false).
 */
function trapped() {
  if (dead) return;
  dead = true;
  let first = true;
  try {
    first = bindingsLoaded?.stop() ?? true;
  } catch {
    // A module that cannot even be stopped: its callbacks check nothing more we can set.
  }
  if (first) console.error(`${PREFIX} internal error, the widget stopped and the article is restored.`);
}

/**
 * A trap in a callback the browser calls straight into the module (a UI event handler, the change
 * watcher's timer) does not come back through the loader: it reaches the page as an uncaught
 * error, whose stack passes through the glue's closure wrapper. Then, too, the module is stopped
 * and the article restored (the page's own handlers see that error as they would any other).
 */
function watchTraps() {
  const glue = file('claimlens-widget.js');
  addEventListener('error', (event) => {
    if (dead || !isTrap(event.error) || !String(event.error.stack ?? '').includes(glue)) return;
    trapped();
    restorePage();
  });
}

/**
 * After a trap the module cannot be trusted: take every highlight and UI host off the page
 * without calling it. Unwrapping moves the page's own text nodes back in place, so the article's
 * innerHTML is what it was.
 */
function restorePage() {
  for (const mark of document.querySelectorAll(MARK)) {
    mark.replaceWith(...mark.childNodes);
  }
  for (const ui of document.querySelectorAll(UI)) ui.remove();
}

/**
 * Fetches the publisher's source list (only ever called when `sources` is a URL). Resolves to
 * the parsed list, or to undefined with a warning naming the option.
 */
async function fetchSources(url) {
  let target;
  try {
    target = new URL(url, document.baseURI);
  } catch {
    target = null;
  }
  if (!target || !['http:', 'https:'].includes(target.protocol)) {
    console.warn(`${PREFIX} option "sources" must be an http(s) URL; no source list is used.`);
    return undefined;
  }
  try {
    const res = await fetch(target.href, { credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.json();
  } catch (error) {
    console.warn(`${PREFIX} option "sources": the source list could not be read (${error?.message ?? error}); continuing without it.`);
    return undefined;
  }
}

/**
 * Annotates `element`. Returns a handle at once: `ready` resolves when the highlights are on the
 * page (to the handle; `claims` then lists them) and rejects if the widget could not load or run,
 * in which case the page is left as it was. `destroy()` removes every highlight and the UI and
 * restores the article; it may be called at any time, also before `ready`.
 *
 * Later changes to the article (lazy paragraphs, "read more", an app replacing it) are annotated
 * again once they settle, unless `observe: false`.
 */
export function annotate(element, options = {}) {
  return run(element, options, null, false);
}

/**
 * `annotate`, with `onPainted` (or null) called once, in the animation frame that paints the
 * last highlights (before the UI is mounted; with no claims, the frame after the highlighting
 * step that found nothing to add). `early`:
 * this runs in a task of its own (an `async` tag's), where the requests can start at once.
 */
function run(element, options, onPainted, early) {
  let inner = null;
  let destroyed = false;
  let cssHeld = false;
  const release = () => {
    if (cssHeld) {
      cssHeld = false;
      releasePageCss();
    }
  };
  /** Stops for good after an error, restoring the article; never throws. `log`: say so. */
  const fail = (error, log) => {
    destroyed = true;
    if (isTrap(error) || dead) {
      trapped();
      inner = null; // never call into the trapped module again (not even free())
      restorePage();
    } else {
      try {
        inner?.destroy();
        inner?.free();
      } catch {
        restorePage();
      }
      inner = null;
      if (log) console.error(`${PREFIX} the widget stopped (${error?.message ?? error}); the article is restored.`);
    }
    release();
  };
  /** Ends the run once the module has trapped (in another handle's call too): the page is restored. */
  const over = () => {
    if (dead && !destroyed) fail(null, false);
    return destroyed;
  };
  let paintedCalled = false;
  /** Calls `onPainted` once, in the next animation frame (the one that paints what is there). */
  const painted = () => {
    if (paintedCalled || !onPainted || typeof requestAnimationFrame !== 'function') return;
    paintedCalled = true;
    requestAnimationFrame(() => {
      try {
        onPainted();
      } catch {
        // Only a monitoring mark: nothing to undo.
      }
    });
  };
  const handle = {
    ready: null,
    get claims() {
      return inner && !dead ? inner.claims : [];
    },
    /** The article element annotated now (an app may have replaced the first one). */
    get root() {
      return inner && !dead ? inner.root : element;
    },
    /** The claims as W3C Web Annotations (JSON-LD objects). */
    annotations() {
      return inner && !dead ? inner.annotations() : [];
    },
    /** Re-reads the article now, without waiting for the change watcher. */
    refresh() {
      if (!inner || dead || destroyed) return;
      try {
        inner.refresh();
      } catch (error) {
        fail(error, true);
      }
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (inner && !dead) {
        try {
          inner.destroy();
          inner.free();
        } catch (error) {
          if (isTrap(error)) trapped();
          restorePage();
        }
      }
      inner = null;
      release();
    },
  };
  handle.ready = (async () => {
    if (!(element instanceof Element)) throw new TypeError(`${PREFIX} annotate() needs an element`);
    const opts = { ...options };
    if (isOff(opts.enabled)) return handle;
    // An `async` tag's module runs in a task of its own: the requests start there and then (a
    // yield first cost 2-15 ms of the time to the painted highlights). Otherwise they start in a
    // task after this one. A deferred tag's module is evaluated in the task that ends the page's
    // parsing: DOMContentLoaded, the load event (our requests do not delay it) and, when no
    // frame has been rendered yet, Chromium's layout after loading (Document::ImplicitClose),
    // i.e. the page's first style and layout of the whole article (traces of the 20,000-word
    // page: 35-55 ms, near the 50-ms budget by itself). Issuing the three requests there made
    // that task longer (traced: module evaluation 12 ms against 4).
    if (!early) await yieldToBrowser();
    if (destroyed) return handle;
    if (dead) throw new Error(`${PREFIX} the widget stopped after an internal error`);
    const loading = load();
    const list = typeof opts.sources === 'string' ? fetchSources(opts.sources) : null;
    let css = null;
    if (adoptable()) {
      // A constructed sheet is applied as soon as it has arrived (it styles only our highlights):
      // the page's restyle for it then comes while the wasm is still on its way.
      cssHeld = true;
      css = usePageCss();
    }
    let bindings;
    try {
      bindings = await loading;
    } catch (error) {
      if (isTrap(error)) trapped();
      release();
      throw error;
    }
    if (list) {
      const data = await list;
      delete opts.sources;
      if (data !== undefined) opts.sourceList = data;
    }
    if (over()) return handle;
    if (!cssHeld) {
      // A link only now: added earlier, it would hold back the page's load event.
      cssHeld = true;
      css = usePageCss();
    }
    await css;
    if (over()) return handle;
    opts.uiCss = file('claimlens-ui.css');
    // Settled changes come back through here, so that an error in a re-annotation is caught.
    opts.onChange = () => handle.refresh();
    try {
      // In slices of at most SLICE_MS, yielding to the browser between them, so that a long
      // article never blocks the page for long (no long task); the page is usable meanwhile.
      // A small article's first slice follows the module's instantiation in the same task (a
      // yield between them cost 1-12 ms), a long one's in a task after it.
      const small = textAtMost(element, SMALL_TEXT);
      let wait = small ? null : yieldToBrowser;
      if (wait) await wait();
      if (over()) return handle;
      inner = bindings.annotateSliced(element, opts);
      let marked = false;
      for (;;) {
        if (wait) await wait();
        if (over()) return handle;
        if (!inner || inner.step(small ? SMALL_SLICE_MS : inner.highlighting ? MARK_SLICE_MS : SLICE_MS)) break;
        if (!marked && inner.highlighted) {
          // That step added the last highlights (and stopped there): they are painted in the
          // next frame, before the popover data is made and the UI mounted (Yew's first render,
          // 10-25 ms), which do not hold them back.
          marked = true;
          painted();
          wait = yieldToFrame;
        } else if (inner.highlighting) {
          // While highlights are being added, a frame between slices: the browser styles and
          // lays out each slice's marks in a frame of their own (a few paragraphs), instead of
          // every mark of a long article in the one frame after the last slice (a long task).
          // A small article's marks (at most ~150) are styled in a few ms in one frame: there a
          // frame between slices only delays them (12-25 ms, 70 on a busy machine).
          wait = small ? yieldToBrowser : yieldToFrame;
        } else {
          wait = yieldToBrowser;
        }
      }
      if (!marked) painted();
    } catch (error) {
      fail(error, false);
      throw error;
    }
    return handle;
  })();
  return handle;
}

/** The configuration block and the tag's data-* attributes, merged (attributes win). */
function readConfig(tag) {
  const config = {};
  const block = document.getElementById('claimlens-config');
  if (block) {
    let parsed;
    try {
      parsed = JSON.parse(block.textContent);
    } catch (error) {
      console.warn(`${PREFIX} the #claimlens-config block is not valid JSON (${error.message}); it is ignored.`);
    }
    if (parsed !== undefined && (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))) {
      console.warn(`${PREFIX} the #claimlens-config block must hold a JSON object; it is ignored.`);
    } else if (parsed) {
      Object.assign(config, parsed);
    }
  }
  // dataset names data-min-confidence `minConfidence`, as the options object does.
  Object.assign(config, tag.dataset);
  delete config.auto;
  return config;
}

/**
 * The article's root as the wasm finds it (`findRoot`), between the `claimlens:find` and
 * `claimlens:found` marks (bench/pages.mjs reads them); null when there is none, undefined when
 * the widget could not load or run (reported here).
 */
async function findRoot() {
  let bindings;
  try {
    bindings = await load();
  } catch (error) {
    if (isTrap(error)) trapped();
    else reportStartFailure(error);
    return undefined;
  }
  if (dead) return undefined;
  try {
    mark('find');
    const root = bindings.findRoot() ?? null;
    mark('found');
    return root;
  } catch (error) {
    if (isTrap(error)) trapped();
    else reportStartFailure(error);
    return undefined;
  }
}

/** Runs the script tag's configuration: finds the article and annotates it. */
async function auto(tag) {
  // Synchronous up to run()'s first yield, so that a deferred tag's handle is on the tag by
  // DOMContentLoaded and load (which follow in the same task). Deferring this part too saved
  // ~0.5 ms of the module's evaluation (1.6 -> 1.0 ms median on a busy machine), not worth that.
  // A tag with no root waits for the wasm to find the article first: its handle comes later.
  // (An `async` tag's module may run before the document is parsed or after load: its handle is
  // on the tag from this call on.)
  const config = readConfig(tag);
  if (isOff(config.enabled)) return;
  let root = null;
  if (typeof config.root === 'string' && config.root.trim()) {
    try {
      root = document.querySelector(config.root);
    } catch {
      console.warn(`${PREFIX} option "root" is not a valid CSS selector; looking for the article.`);
      delete config.root;
    }
  } else if (config.root !== undefined) {
    console.warn(`${PREFIX} option "root" must be a CSS selector; looking for the article.`);
    delete config.root;
  }
  if (config.root && !root) {
    console.warn(`${PREFIX} no article found (root "${config.root}" matched nothing); the page is left as it is.`);
    return;
  }
  if (!root) {
    // No root named: the wasm finds the article (src/host/article.rs: publisher markup, then a
    // Readability-style score). Nothing convincing: one warning, nothing else.
    root = await findRoot();
    if (root === undefined) return;
    if (!root) {
      console.warn(
        `${PREFIX} no article found on this page; name its container with data-root="<CSS selector>" on the script tag. The page is left as it is.`,
      );
      return;
    }
  }
  // `painted`: the animation frame that paints the highlights (bench/browser.mjs measures to it).
  // An `async` tag's module, and the run after the page was parsed, are tasks of their own.
  const handle = run(root, config, () => mark('painted'), tag.async);
  // The automatic run's handle, on our own script element (no global): `destroy()`,
  // `annotations()`, `claims` for pages and tests that want them.
  tag.claimlens = handle;
  try {
    await handle.ready;
    mark('ready');
  } catch (error) {
    // annotate() already restored the page; a trap was logged (trapped()).
    if (!isTrap(error) && !dead) {
      console.error(`${PREFIX} the widget could not start (${error?.message ?? error}); the page is left as it is.`);
    }
  }
}

/**
 * The configuration as far as it can be known while the page is still being parsed: a
 * #claimlens-config block before the tag (the parser has finished an element that precedes one it
 * has started; a block after the tag may be missing yet, or cut short), then the tag's data-*
 * attributes. Only for deciding whether to start the requests early; the whole configuration is
 * read, and warned about, once the page is parsed.
 */
function configWhileParsing(tag) {
  let config = {};
  const block = document.getElementById('claimlens-config');
  if (block && block.compareDocumentPosition(tag) & Node.DOCUMENT_POSITION_FOLLOWING) {
    try {
      const parsed = JSON.parse(block.textContent);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) config = parsed;
    } catch {
      // Warned about when the configuration is read.
    }
  }
  return { ...config, ...tag.dataset };
}

/**
 * Whether the article `auto` will look for is on the page already: the configured `root`, else
 * (where the wasm's search will likely find one) an <article>, <main> or microdata article body.
 * While the page is parsed, an element is there once its start tag has been parsed.
 */
function rootParsed(config) {
  if (typeof config.root === 'string' && config.root.trim()) {
    try {
      return document.querySelector(config.root) !== null;
    } catch {
      // Not a valid selector: `auto` warns and looks for the article.
    }
  }
  // With no root named the wasm looks for the article; it is requested early only where one
  // is likely (an index page has no <article> or <main>).
  return document.querySelector('article, main, [itemprop~="articleBody"]') !== null;
}

/** Logs why the automatic run could not start: one console error; never throws. */
function reportStartFailure(error) {
  try {
    console.error(`${PREFIX} the widget could not start (${error?.message ?? error}); the page is left as it is.`);
  } catch {
    // A console that throws: nothing more to do.
  }
}

/**
 * Whether the page's HTML has arrived in full (its navigation entry's responseEnd is 0 until then),
 * though the parser may still be working through it.
 */
function pageReceived() {
  try {
    return performance.getEntriesByType('navigation')[0]?.responseEnd > 0;
  } catch {
    return false;
  }
}

/**
 * The automatic run of an `async` tag that ran while the page is still being parsed: the
 * configuration block may come after the tag, and the article may be incomplete. The
 * configuration and the article are read in a task after DOMContentLoaded, not in the task that
 * fires it (that one ends the parsing and can hold the page's first layout).
 *
 * The glue, the wasm (compiled as it streams in) and the stylesheet are requested now if the
 * page's HTML has all arrived (the parser is only busy or blocked on a script): they then take
 * nothing from it. While the HTML is still arriving, they would share the connection's bandwidth
 * with the rest of the article: the 20,000-word page over an emulated 2 Mbit/s, 100 ms link (5-7
 * loads each) reached DOMContentLoaded at 1024-1060 ms with them requested at once, 720 ms with
 * them requested after it (the tag without async: 723; no widget: 622-628), for highlights
 * painted ~100 ms earlier (2787 against 2890 ms). The article comes first.
 *
 * They are also requested early only if the article is already there (its start tag parsed): a
 * tag on every page of a site also runs on index pages with no article, where `auto` then finds
 * none and loads nothing; requested early, the glue, the wasm (compiled too) and the stylesheet
 * were downloaded there for nothing. An article not parsed yet when the module runs (the tag in
 * <head>, the parser still before <article>) is annotated after DOMContentLoaded, as on a page
 * whose HTML is still arriving.
 */
function autoWhenParsed(tag) {
  try {
    const config = pageReceived() ? configWhileParsing(tag) : null;
    if (config && !isOff(config.enabled) && rootParsed(config)) {
      // A failure here is not reported: the run retries the load and reports its own failure.
      load().catch(() => {});
      if (adoptable()) fetchPageCss();
    }
  } catch {
    // Only a head start: the run after DOMContentLoaded reads everything again, and reports.
  }
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      yieldToBrowser()
        .then(() => auto(tag))
        .catch(reportStartFailure);
    },
    { once: true },
  );
}

// Only the tag that loaded this file triggers the automatic run: importing the API alone annotates
// nothing. A deferred module (the tag without `async`) runs after the document is parsed, so the
// article is there; an `async` one may run before.
// `auto` rejects only on an error of its own (the run's failures it reports itself): caught, so
// that nothing reaches the page's unhandledrejection handlers.
try {
  const tag = [...document.querySelectorAll('script[type="module"][src]')].find((s) => s.src === import.meta.url);
  if (tag && !isOff(tag.dataset.auto)) {
    if (document.readyState === 'loading') autoWhenParsed(tag);
    else auto(tag).catch(reportStartFailure);
  }
} catch (error) {
  reportStartFailure(error);
}
