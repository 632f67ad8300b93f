// Answerline preview (serve --watch): reloads this page when a saved file changes it.
(function () {
  'use strict';
  var events = new EventSource('/_answerline/events');
  events.addEventListener('change', function (event) {
    var paths = JSON.parse(event.data);
    if (paths.indexOf('*') >= 0 || paths.indexOf(location.pathname) >= 0) {
      location.reload();
    }
  });
})();

// Answerline preview: an answer's funnel over the last 30 days, in a bar above the page, from the figures
// serve counts (no bar when it counts nothing). Styled from here: the site's stylesheet is the brand's.
(function () {
  'use strict';
  if (location.pathname.indexOf('/answers/') !== 0 || !window.fetch) {
    return;
  }
  function n(value) {
    return value.toLocaleString();
  }
  function rate(part, whole) {
    return whole > 0 ? ' (' + (100 * part / whole).toFixed(1) + '%)' : '';
  }
  fetch('/_answerline/funnel?p=' + encodeURIComponent(location.pathname), { headers: { 'Accept': 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (f) {
      if (!f) {
        return;
      }
      var bar = document.createElement('aside');
      bar.className = 'preview-funnel';
      bar.setAttribute('aria-label', 'Funnel of this answer (preview only)');
      bar.textContent = 'Last ' + f.days + ' days: ' + n(f.views) + ' views · ' + n(f.visitors) + ' visitors · '
        + n(f.ai_reads) + ' AI reads → ' + n(f.cta_clicks) + ' shop clicks' + rate(f.cta_clicks, f.views)
        + ' → ' + n(f.signups) + ' signups' + rate(f.signups, f.views) + ' → ' + n(f.confirmed) + ' confirmed';
      bar.style.cssText = 'background:#1a1a1a;color:#fff;font:14px/1.5 system-ui,sans-serif;padding:6px 12px';
      document.body.insertBefore(bar, document.body.firstChild);
    }, function () {});
})();
