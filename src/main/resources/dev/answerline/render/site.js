// Answerline: reports a click on the call to action, which goes straight to the shop. Where script does
// not run, the link's ping attribute reports it. Firefox does not send pings and cannot be told apart from
// a browser that does, so with script every browser sends a beacon instead, and the ping is taken off so that
// no click counts twice.
(function () {
  'use strict';
  if (!navigator.sendBeacon) {
    return;
  }
  document.querySelectorAll('a[ping]').forEach(function (link) {
    var to = link.getAttribute('ping');
    link.removeAttribute('ping');
    function report() {
      navigator.sendBeacon(to);
    }
    link.addEventListener('click', report);
    // the middle button opens a new tab without a click event
    link.addEventListener('auxclick', function (event) {
      if (event.button === 1) {
        report();
      }
    });
  });
})();

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

// Answerline: suggestions under the search box as the reader types, following the ARIA combobox pattern
// (arrows move through them, Enter opens one, Esc closes the list, then clears the box). Without
// JavaScript the box is a plain form that opens the results page.
(function () {
  'use strict';
  var input = document.getElementById('site-search-q');
  if (!input || !window.fetch) {
    return;
  }
  var form = input.form;
  // the texts in the site's language, from the form: the page is rendered with them, this file is shared
  var texts = form.dataset;
  var list = document.createElement('ul');
  var status = document.createElement('div');
  var timer = null;
  var pending = null;
  var options = [];
  var active = -1;
  list.id = 'site-search-suggestions';
  list.className = 'search-suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', texts.suggestions);
  list.hidden = true;
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  form.appendChild(list);
  form.appendChild(status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  // a function, so that `$&` in what the reader typed stays text
  function fill(text, name, value) {
    return text.replace('{' + name + '}', function () { return value; });
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function select(index) {
    options.forEach(function (option, i) {
      option.setAttribute('aria-selected', i === index ? 'true' : 'false');
    });
    active = index;
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function go(option) {
    window.location.assign(option.getAttribute('data-href'));
  }

  function option(id, href, title, label, all) {
    var item = document.createElement('li');
    item.id = id;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', 'false');
    item.setAttribute('data-href', href);
    var text = document.createElement('span');
    text.textContent = title;
    if (all) {
      text.className = 'suggestion-all';
    }
    item.appendChild(text);
    if (label) {
      var small = document.createElement('span');
      small.className = 'suggestion-label';
      small.textContent = label;
      item.appendChild(small);
    }
    // pressing on an option must not blur the box first, which would close the list
    item.addEventListener('mousedown', function (event) { event.preventDefault(); });
    item.addEventListener('click', function () { go(item); });
    return item;
  }

  function show(query, results) {
    list.textContent = '';
    options = [];
    results.forEach(function (result, i) {
      // only pages of this site: the box never leads anywhere else
      if (typeof result.url === 'string' && result.url.charAt(0) === '/' && result.url.charAt(1) !== '/') {
        options.push(option('site-search-option-' + i, result.url, result.title, result.label, false));
      }
    });
    options.push(option('site-search-option-all', '/search?q=' + encodeURIComponent(query),
      fill(texts.suggestionsAll, 'query', query), null, true));
    options.forEach(function (item) { list.appendChild(item); });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    var found = options.length - 1;
    status.textContent = found === 0 ? texts.suggestionsNone
      : fill(found === 1 ? texts.suggestionsOne : texts.suggestionsOther, 'count', String(found));
  }

  function suggest() {
    var query = input.value.trim();
    if (pending) {
      pending.abort();
      pending = null;
    }
    if (query.length < 2) {
      close();
      return;
    }
    pending = new AbortController();
    fetch('/api/search?limit=6&q=' + encodeURIComponent(query), {
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin',
      signal: pending.signal
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (body) {
      if (body && input.value.trim() === query && document.activeElement === input) {
        show(query, body.results || []);
      }
    }, function () { /* aborted by newer typing, or offline: the form still works */ });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });

  input.addEventListener('keydown', function (event) {
    var open = !list.hidden && options.length > 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) {
        suggest();
      } else {
        select(active + 1 < options.length ? active + 1 : 0);
      }
    } else if (event.key === 'ArrowUp') {
      if (open) {
        event.preventDefault();
        select(active > 0 ? active - 1 : options.length - 1);
      }
    } else if (event.key === 'Enter') {
      if (open && active >= 0) {
        event.preventDefault();
        go(options[active]);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        close();
      } else if (input.value) {
        event.preventDefault();
        input.value = '';
      }
    }
  });

  input.addEventListener('blur', close);
})();
