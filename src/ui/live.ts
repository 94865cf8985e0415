// The explorer's one script, served from /ui/assets/live.js (the CSP allows scripts from 'self'
// only, never inline). Progressive enhancement of the saga page and the saga list: the page's
// #live element names an event stream (data-events) and the element it refreshes (data-target).
// On each event the script re-fetches the page and swaps that element's content in place (scroll
// position kept): a saga page until the saga is final (/ui/sagas/:id/events), the list whenever
// its rows change (/ui/sagas/events, at most every 2 s). Without JavaScript the page is unchanged.
import { createHash } from 'node:crypto';

/** The script served at /ui/assets/live.js. */
export const LIVE_SCRIPT = `(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live || !window.EventSource || !window.fetch || !window.DOMParser) return;
  var target = live.getAttribute('data-target');
  var body = target && document.getElementById(target);
  if (!body) return;
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
        var next = doc.getElementById(target);
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
  source.onopen = function () { live.textContent = live.getAttribute('data-live-text') || 'Live'; };
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
