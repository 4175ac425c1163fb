// Contact card: merges a possible duplicate into the card shown (admins and managers; the API checks).
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest('#duplicates button.merge');
    if (!button) return;
    var row = button.closest('tr');
    var card = document.getElementById('duplicates').dataset.contactId;
    settings.busy(button, true);
    settings.api('POST', '/api/v1/contacts/' + card + '/merge', { duplicate_id: row.dataset.duplicateId }).then(function () {
      settings.flashAfterReload('Merged into this card');
    }, function (error) {
      settings.busy(button, false);
      settings.showError(document.getElementById('merge-error'), error);
    });
  });
})();

// SMS consent: records an opt-out (or, for admins and managers, an opt-in) of one of the card's numbers.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest('#sms-consent button.consent-set');
    if (!button) return;
    var row = button.closest('tr');
    var card = document.getElementById('sms-consent').dataset.contactId;
    var state = button.dataset.state;
    var note = row.querySelector('input.consent-note').value;
    settings.busy(button, true);
    settings.api('PUT', '/api/v1/contacts/' + card + '/sms-consent', { phone: row.dataset.phone, state: state, note: note })
      .then(function () {
        settings.flashAfterReload(state === 'opted_out' ? 'Opt-out recorded' : 'Opt-in recorded');
      }, function (error) {
        settings.busy(button, false);
        settings.showError(document.getElementById('consent-error'), error);
      });
  });
})();
