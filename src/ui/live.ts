// The explorer's one script, served from /ui/assets/live.js (the CSP allows scripts from 'self'
// only, never inline). Progressive enhancement of the saga page: while the saga is not final it
// listens to /ui/sagas/:id/events and, on each new history row, re-fetches the page and swaps
// the #saga-body content in place (scroll position kept). Without JavaScript the page is unchanged.
import { createHash } from 'node:crypto';

/** The script served at /ui/assets/live.js. */
export const LIVE_SCRIPT = `(function () {
  'use strict';
  var live = document.getElementById('live');
  var body = document.getElementById('saga-body');
  if (!live || !body || !window.EventSource || !window.fetch || !window.DOMParser) return;
  var url = live.getAttribute('data-events');
  if (!url || live.getAttribute('data-final') === 'true') return;
  var source = new EventSource(url);
  var busy = false;
  var again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.pathname + location.search, { cache: 'no-store', headers: { Accept: 'text/html' } })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (text) {
        if (text === null) return;
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var next = doc.getElementById('saga-body');
        if (!next) return;
        var x = window.scrollX, y = window.scrollY;
        body.replaceChildren.apply(body, Array.prototype.slice.call(next.childNodes).map(function (n) { return document.adoptNode(n); }));
        if (doc.title) document.title = doc.title;
        window.scrollTo(x, y);
      })
      .catch(function () { /* the next event tries again */ })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }
  source.onopen = function () { live.textContent = 'Live: updates as the saga moves'; };
  source.onmessage = refresh;
  source.addEventListener('final', function () {
    source.close();
    live.textContent = 'Finished: no more updates';
    refresh();
  });
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) live.textContent = '';
    else live.textContent = 'Reconnecting…';
  };
})();
`;

/** Content hash of the script: pages link to it with ?v=<hash>, so it can be cached for a year. */
export const LIVE_SCRIPT_VERSION = createHash('sha256').update(LIVE_SCRIPT).digest('hex').slice(0, 12);
