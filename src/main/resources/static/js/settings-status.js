// Settings → Status: run a backup or a restore verification now (POST /api/v1/backups[/verifications]), then reload.
(function () {
  'use strict';
  var s = window.settings;

  function trigger(button, path, done) {
    button.addEventListener('click', function () {
      var box = document.getElementById('backup-error');
      s.showError(box, null);
      button.disabled = true;
      s.api('POST', path).then(function () {
        s.flashAfterReload(done);
      }, function (e) {
        button.disabled = false;
        s.showError(box, e);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    trigger(document.getElementById('run-backup'), '/api/v1/backups',
      'Backup started; it appears below as running, then succeeded. Reload to follow it.');
    trigger(document.getElementById('run-verification'), '/api/v1/backups/verifications',
      'Verification started: the latest backup is being restored into a scratch database. Reload to follow it.');
  });
})();
