// A page that changes its article after load. Every change is made twice: on the article and on
// a detached twin cloned before the widget ran, so that the test knows what the article's
// innerHTML must be once the widget is destroyed.
const article = document.querySelector('#story');
const twin = article.cloneNode(true);
window.__twin = twin;
const both = (fn) => {
  fn(article);
  fn(twin);
};
window.expected = () => twin.innerHTML;

/** Replaces `from` by `to` in the first text node containing it (inside a highlight or not). */
window.editText = (from, to) =>
  both((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.data.includes(from)) {
        n.data = n.data.replace(from, to);
        return;
      }
    }
  });

/** Replaces a paragraph's whole content, as a re-rendering editor does. */
window.rewrite = (index, text) =>
  both((root) => {
    root.querySelectorAll('p')[index].textContent = text;
  });

window.removeParagraph = (index) => both((root) => root.querySelectorAll('p')[index].remove());

// Lazy loading: a paragraph arrives later, then "read more" unhides the rest.
window.addEventListener('load', () => {
  setTimeout(() => {
    both((root) => {
      const p = document.createElement('p');
      p.textContent = 'Later meldde de NS dat er 45 bussen werden ingezet.';
      root.append(p);
    });
    setTimeout(() => both((root) => root.querySelector('#more').removeAttribute('hidden')), 300);
  }, 1200);
});
