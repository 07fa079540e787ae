// claimlens loader. A publisher pastes one tag:
//   <script type="module" src=".../claimlens.js" data-root="article"></script>
// and the widget annotates the article. Pages that want control import the API instead:
//   import { annotate } from '.../claimlens.js';
//   const handle = annotate(element, { lang: 'nl' }); await handle.ready; handle.destroy();
// Every file is found next to this one, so the folder can be hosted anywhere.

const base = new URL('.', import.meta.url);
const file = (name) => new URL(name, base).href;
const PREFIX = 'claimlens:';

let widget = null;

/** Loads the wasm once; resolves to its bindings. */
function load() {
  widget ??= import(file('claimlens-widget.js')).then(async (bindings) => {
    await bindings.default({ module_or_path: file('claimlens-widget_bg.wasm') });
    return bindings;
  });
  return widget;
}

let pageCss = null;
let pageCssUsers = 0;

/** Adds the highlight stylesheet to the page once; resolves when it has loaded (or failed). */
function usePageCss() {
  pageCssUsers += 1;
  if (!pageCss) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = file('claimlens.css');
    link.dataset.claimlens = '';
    const loaded = new Promise((resolve) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', resolve, { once: true });
    });
    document.head.append(link);
    pageCss = { link, loaded };
  }
  return pageCss.loaded;
}

function releasePageCss() {
  pageCssUsers -= 1;
  if (pageCssUsers === 0 && pageCss) {
    pageCss.link.remove();
    pageCss = null;
  }
}

/**
 * Annotates `element`. Returns a handle at once: `ready` resolves when the highlights are on the
 * page (to the handle; `claims` then lists them) and rejects if the widget could not load or run,
 * in which case the page is left as it was. `destroy()` removes every highlight and the UI and
 * restores the article; it may be called at any time, also before `ready`.
 */
export function annotate(element, options = {}) {
  let inner = null;
  let destroyed = false;
  let cssHeld = false;
  const handle = {
    ready: null,
    get claims() {
      return inner ? inner.claims : [];
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (inner) {
        inner.destroy();
        inner.free();
        inner = null;
      }
      if (cssHeld) {
        cssHeld = false;
        releasePageCss();
      }
    },
  };
  handle.ready = (async () => {
    if (!(element instanceof Element)) throw new TypeError(`${PREFIX} annotate() needs an element`);
    const bindings = await load();
    if (destroyed) return handle;
    cssHeld = true;
    await usePageCss();
    if (destroyed) return handle;
    try {
      inner = bindings.annotate(element, { ...options, uiCss: file('claimlens-ui.css') });
    } catch (error) {
      handle.destroy();
      throw error;
    }
    return handle;
  })();
  return handle;
}

/** Runs the script tag's configuration: finds the article and annotates it. */
async function auto(tag) {
  const selector = tag.dataset.root;
  const root = selector
    ? document.querySelector(selector)
    : document.querySelector('article') ?? document.querySelector('main');
  if (!root) {
    const looked = selector ? `data-root="${selector}" matched nothing` : 'no <article> or <main>';
    console.warn(`${PREFIX} no article found (${looked}); the page is left as it is.`);
    return;
  }
  const options = {};
  if (tag.dataset.lang) options.lang = tag.dataset.lang;
  try {
    await annotate(root, options).ready;
  } catch (error) {
    console.warn(`${PREFIX} the widget could not start (${error?.message ?? error}); the page is left as it is.`);
  }
}

// Module scripts run after the document is parsed, so the article is there. Only the tag that
// loaded this file triggers the automatic run: importing the API alone annotates nothing.
const tag = [...document.querySelectorAll('script[type="module"][src]')].find((s) => s.src === import.meta.url);
if (tag && tag.dataset.auto !== 'false') auto(tag);
