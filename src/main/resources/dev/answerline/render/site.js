// Answerline: sends the newsletter form without leaving the page. Without JavaScript the form still posts
// and the server answers with a page; this makes the same thing happen in place.
(function () {
  'use strict';
  var loaded = Date.now();
  document.querySelectorAll('form.newsletter-form').forEach(function (form) {
    var block = form.closest('.newsletter');
    var success = block.querySelector('.newsletter-success');
    var failure = block.querySelector('.newsletter-failure');
    var button = form.querySelector('button[type="submit"]');

    function show(ok) {
      button.disabled = false;
      form.removeAttribute('aria-busy');
      success.hidden = !ok;
      failure.hidden = ok;
      if (ok) {
        form.reset();
      }
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = new URLSearchParams(new FormData(form));
      // the server refuses forms sent faster than a person could have typed an address
      body.set('elapsed', String(Date.now() - loaded));
      button.disabled = true;
      form.setAttribute('aria-busy', 'true');
      success.hidden = true;
      failure.hidden = true;
      fetch(form.action, {
        method: 'POST',
        body: body,
        headers: { 'Accept': 'application/json' },
        credentials: 'same-origin'
      }).then(function (response) {
        return response.json().then(function (result) { return response.ok && result.ok === true; },
          function () { return false; });
      }).then(show, function () { show(false); });
    });
  });
})();
