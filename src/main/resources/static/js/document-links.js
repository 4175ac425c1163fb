// Tracked links of one document: share a new link (its URL is shown once, then the list reloads on demand)
// and revoke an active one. Both go through /api/v1/documents/{id}/links.
(function () {
  'use strict';

  var page = document.querySelector('.document-links-page');
  if (!page) return;
  var base = '/api/v1/documents/' + page.getAttribute('data-document') + '/links';
  var error = document.getElementById('page-error');

  function fail(r) {
    return r.text().then(function (text) {
      var detail = 'The request failed (' + r.status + ').';
      try { detail = JSON.parse(text).detail || detail; } catch (ignored) { /* not JSON */ }
      error.textContent = detail;
      error.hidden = false;
    });
  }

  document.getElementById('link-create').addEventListener('submit', function (e) {
    e.preventDefault();
    var hours = parseInt(document.getElementById('link-hours').value, 10);
    fetch(base, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ expires_in_hours: hours })
    }).then(function (r) {
      if (!r.ok) return fail(r);
      return r.json().then(function (link) {
        error.hidden = true;
        document.getElementById('link-url').value = window.location.origin + link.url;
        document.getElementById('link-created').hidden = false;
      });
    });
  });

  page.addEventListener('click', function (e) {
    var button = e.target.closest('.link-revoke');
    if (!button) return;
    var row = button.closest('.link-row');
    fetch(base + '/' + row.getAttribute('data-link'), { method: 'DELETE', credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) {
        if (!r.ok) return fail(r);
        row.setAttribute('data-state', 'revoked');
        var state = row.querySelector('.status');
        state.textContent = 'revoked';
        state.className = 'status revoked';
        button.remove();
      });
  });
})();
