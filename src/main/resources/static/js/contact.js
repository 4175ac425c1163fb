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
