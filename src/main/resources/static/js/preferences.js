// Saves the signed-in user's preferences (PUT /api/v1/me/preferences), then shows the page in the chosen language.
(function () {
  'use strict';
  var form = document.getElementById('preferences-form');
  if (!form) return;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var error = document.getElementById('preferences-error');
    error.hidden = true;
    var language = document.getElementById('pref-language').value || null;
    var kinds = [];
    form.querySelectorAll('input[name=email_notifications]:checked').forEach(function (c) { kinds.push(c.value); });
    fetch('/api/v1/me/preferences', { method: 'PUT', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ language: language, email_notifications: kinds }) })
      .then(function (r) {
        return r.json().then(function (data) {
          if (!r.ok) throw new Error(data.detail || data.title || ('HTTP ' + r.status));
          // A stored language takes over from an earlier pick in this browser (the cookie is cleared).
          window.location.assign('/preferences?saved=1' + (language ? '&lang=' + language : '&lang='));
        });
      })
      .catch(function (e) { error.textContent = e.message; error.hidden = false; });
  });
  if (new URLSearchParams(window.location.search).has('saved')) {
    var flash = document.getElementById('flash');
    flash.textContent = flash.dataset.saved;
    flash.className = 'flash ok';
    flash.hidden = false;
  }
})();
