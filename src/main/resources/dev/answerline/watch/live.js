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
