// Settings → Single sign-on: saves (PUT, after the server checked the issuer) or removes (DELETE) /api/v1/sso.
(function () {
  'use strict';
  var s = window.settings;

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('sso-form');
    var error = form.querySelector('.form-error');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      s.showError(error, null);
      var f = new FormData(form);
      var body = {
        preset: f.get('preset'),
        issuer: (f.get('issuer') || '').trim() || null,
        client_id: (f.get('client_id') || '').trim(),
        allow_user_creation: form.elements.allow_user_creation.checked,
        default_role: f.get('default_role'),
        default_agent_kind: f.get('default_role') === 'agent' ? f.get('default_agent_kind') : null,
        email_domains: (f.get('email_domains') || '').split(/[\s,;]+/).filter(function (d) { return d; })
      };
      if (f.get('client_secret')) body.client_secret = f.get('client_secret');
      var button = form.querySelector('button[type=submit]');
      s.busy(button, true);
      s.api('PUT', '/api/v1/sso', body).then(function () {
        s.flashAfterReload('Single sign-on saved.');
      }, function (err) {
        s.busy(button, false);
        s.showError(error, err);
      });
    });

    var remove = document.getElementById('sso-delete');
    if (remove) {
      remove.addEventListener('click', function () {
        if (!window.confirm('Remove the single sign-on provider? People sign in with passwords only.')) return;
        s.busy(remove, true);
        s.api('DELETE', '/api/v1/sso').then(function () {
          s.flashAfterReload('Single sign-on removed.');
        }, function (err) {
          s.busy(remove, false);
          s.flash(s.message(err), 'error');
        });
      });
    }
  });
})();
