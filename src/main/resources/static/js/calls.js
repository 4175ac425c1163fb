// Calls Explorer: retry a failed conversation in place (the API queues it again; the badge says so).
(function () {
  'use strict';
  if (window.verbatimCallsBound) return;
  window.verbatimCallsBound = true;
  document.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-retry]');
    if (!button) return;
    button.disabled = true;
    fetch('/api/v1/conversations/' + button.dataset.retry + '/retry', { method: 'POST', credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        var cell = button.closest('.status-cell');
        if (r.ok) {
          cell.innerHTML = '<span class="badge processing">queued again</span>';
        } else {
          button.disabled = false;
          button.textContent = 'Retry failed: ' + (r.body.detail || r.body.title || 'error');
        }
      })
      .catch(function () { button.disabled = false; });
  });
})();
