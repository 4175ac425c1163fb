// Settings → Feature flags: set or clear the tenant's value of a flag; platform admins edit and delete definitions.
(function () {
  'use strict';
  var s = window.settings;

  function path(key) { return '/api/v1/flags/' + encodeURIComponent(key); }

  function overrideChanged(select) {
    var row = select.closest('tr');
    var key = row.getAttribute('data-key');
    var msg = row.querySelector('.row-msg');
    var option = select.options[select.selectedIndex];
    var call;
    if (!option.value) {
      call = s.api('DELETE', path(key) + '/override');
    } else {
      var raw = option.getAttribute('data-value');
      var value = row.getAttribute('data-type') === 'boolean' ? raw === 'true' : raw;
      call = s.api('PUT', path(key) + '/override', { value: value });
    }
    select.disabled = true;
    row.classList.add('saving');
    call.then(function () {
      s.flashAfterReload(option.value ? 'Set ' + key + ' to ' + option.value + ' for your organisation.'
        : 'Cleared your organisation\'s value of ' + key + '.');
    }, function (error) {
      select.disabled = false;
      row.classList.remove('saving');
      msg.textContent = s.message(error);
      msg.className = 'row-msg error';
    });
  }

  function edit(key) {
    var form = document.getElementById('definition-form');
    var stored = document.getElementById('definitions').content.querySelector('pre[data-key="' + key + '"]');
    form.key.value = key;
    form.definition.value = stored ? stored.textContent : '';
    form.scrollIntoView();
    form.definition.focus();
  }

  function remove(button, key) {
    if (!window.confirm('Delete the flag ' + key + '? Every tenant\'s value of it goes too.')) return;
    s.busy(button, true);
    s.api('DELETE', path(key)).then(function () { s.flashAfterReload('Deleted the flag ' + key + '.'); },
      function (error) { s.busy(button, false); s.showError(document.getElementById('flags-error'), error); });
  }

  function save(form) {
    var box = form.querySelector('.form-error');
    s.showError(box, null);
    var body;
    try { body = JSON.parse(form.definition.value); } catch (e) { s.showError(box, 'The definition is not valid JSON: ' + e.message); return; }
    var key = form.key.value.trim();
    var button = form.querySelector('button[type=submit]');
    s.busy(button, true);
    s.api('PUT', path(key), body).then(function (r) {
      s.flashAfterReload((r.status === 201 ? 'Created' : 'Saved') + ' the flag ' + key + '.');
    }, function (error) {
      s.busy(button, false);
      var errors = error.problem && error.problem.errors;
      s.showError(box, errors ? error.message + ' (' + Object.keys(errors).map(function (k) { return k + ': ' + errors[k]; }).join('; ') + ')' : error);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('#flags select.override').forEach(function (select) {
      select.addEventListener('change', function () { overrideChanged(select); });
    });
    document.querySelectorAll('#flags button.edit').forEach(function (b) {
      b.addEventListener('click', function () { edit(b.closest('tr').getAttribute('data-key')); });
    });
    document.querySelectorAll('#flags button.delete').forEach(function (b) {
      b.addEventListener('click', function () { remove(b, b.closest('tr').getAttribute('data-key')); });
    });
    var form = document.getElementById('definition-form');
    if (form) form.addEventListener('submit', function (e) { e.preventDefault(); save(form); });
  });
})();
