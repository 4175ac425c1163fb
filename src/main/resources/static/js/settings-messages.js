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
      s.flashAfterReload(m && m.status === 'failed' ? 'Sent again, and it failed again: see the error.' : 'Sent again.');
    }, function (error) {
      button.disabled = false;
      if (msg) {
        msg.textContent = s.message(error);
        msg.className = 'row-msg error';
      }
    });
  });
}());
