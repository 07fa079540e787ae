// A single-page app: "navigating" replaces the whole <article> with a new one.
const NEXT = `
    <h1>Veerdienst vaart weer</h1>
    <p>Volgens de TESO voeren er zaterdag 14 extra afvaarten naar Texel.</p>
    <p>,,We verwachten zo'n 8000 passagiers”, zegt een woordvoerder van de TESO.</p>`;
window.navigate = () => {
  const fresh = document.createElement('article');
  fresh.innerHTML = NEXT;
  window.__expected = fresh.innerHTML;
  window.__old = document.querySelector('article');
  window.__oldExpected = window.__oldHtml;
  history.pushState({}, '', '?page=2');
  window.__old.replaceWith(fresh);
};
window.__oldHtml = document.querySelector('article').innerHTML;
