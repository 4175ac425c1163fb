// Settings → Messages: send a failed confirmation, reminder or message again.
(function () {
  'use strict';
  var s = window.settings;

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button.retry-message');
    if (!button) return;
    var msg = button.parentNode.querySelector('.row-msg');
    button.disabled = true;
    s.api('POST', '/api/v1/messages/' + encodeURIComponent(button.getAttribute('data-id')) + '/retry').then(function (m) {
      var quiet = m && m.warnings && m.warnings.indexOf('quiet-hours') >= 0
        ? ' Note: it is quiet hours for this tenant; this text went because a person sent it.' : '';
      s.flashAfterReload((m && m.status === 'failed' ? 'Sent again, and it failed again: see the error.' : 'Sent again.') + quiet);
    }, function (error) {
      button.disabled = false;
      if (msg) {
        msg.textContent = s.message(error);
        msg.className = 'row-msg error';
      }
    });
  });

  // Quiet hours and the STOP / START / HELP replies (admins; the API checks).
  var form = document.getElementById('sms-rules-form');
  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var f = form.elements;
      var body = {
        quiet_hours: f.quiet_enabled.checked
          ? { start: f.quiet_start.value, end: f.quiet_end.value, time_zone: f.time_zone.value.trim() || null } : null,
        replies: { stop: f.stop_reply.value, start: f.start_reply.value, help: f.help_reply.value }
      };
      s.api('PUT', '/api/v1/messages/settings', body).then(function () {
        s.flashAfterReload('Saved.');
      }, function (error) {
        s.showError(document.getElementById('sms-rules-error'), error);
      });
    });
  }
}());
