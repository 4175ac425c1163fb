// Settings → Webhooks: replay an inbound event (process it again) or an outbound delivery (send it again).
(function () {
  'use strict';
  var s = window.settings;

  function replay(button, path, done) {
    var msg = button.parentNode.querySelector('.row-msg');
    button.disabled = true;
    s.api('POST', path).then(function () {
      s.flashAfterReload(done);
    }, function (error) {
      button.disabled = false;
      if (msg) {
        msg.textContent = s.message(error);
        msg.className = 'row-msg error';
      }
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button');
    if (!button) return;
    if (button.classList.contains('replay-inbound')) {
      replay(button, '/api/v1/inbound-webhooks/' + encodeURIComponent(button.getAttribute('data-id')) + '/replay',
        'The event will be processed again.');
    } else if (button.classList.contains('replay-outbound')) {
      replay(button, '/api/v1/webhook-endpoints/' + encodeURIComponent(button.getAttribute('data-endpoint')) + '/deliveries/'
        + encodeURIComponent(button.getAttribute('data-id')) + '/replay', 'The delivery will be sent again.');
    }
  });
}());
