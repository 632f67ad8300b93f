// Answerline: reports the view of a page of a static export to the serve that counts it. No cookie, no
// storage: the request carries only what any request does.
(function () {
  'use strict';
  var script = document.currentScript;
  var to = script && script.getAttribute('data-events');
  if (!to || !navigator.sendBeacon) {
    return;
  }
  function send() {
    // text, not JSON: a text beacon needs no CORS preflight to another origin
    navigator.sendBeacon(to, JSON.stringify({ e: 'view', p: location.pathname + location.search, r: document.referrer }));
  }
  // a page prerendered for a link the reader may follow is viewed only when shown
  if (document.prerendering) {
    document.addEventListener('prerenderingchange', send, { once: true });
  } else {
    send();
  }
})();
