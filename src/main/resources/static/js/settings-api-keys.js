// Settings → API keys: list, create (the key is shown once), revoke (/api/v1/api-keys).
(function () {
  'use strict';
  var s = window.settings;

  function load() {
    var error = document.getElementById('keys-error');
    s.showError(error, null);
    return s.all('/api/v1/api-keys').then(render, function (e) {
      document.getElementById('keys-loading').hidden = true;
      s.showError(error, 'API keys could not be loaded: ' + s.message(e));
    });
  }

  function render(keys) {
    document.getElementById('keys-loading').hidden = true;
    document.getElementById('keys-empty').hidden = keys.length > 0;
    document.getElementById('keys-wrap').hidden = keys.length === 0;
    var body = document.querySelector('#keys tbody');
    body.textContent = '';
    keys.sort(function (a, b) {
      return (a.revoked_at ? 1 : 0) - (b.revoked_at ? 1 : 0) || String(b.created_at).localeCompare(String(a.created_at));
    }).forEach(function (k) { body.appendChild(row(k)); });
  }

  function row(key) {
    var el = s.el;
    var msg = el('span', { class: 'row-msg', role: 'status' });
    var revoked = !!key.revoked_at;
    var actions = el('td', { class: 'actions' });
    if (!revoked) {
      var revoke = el('button', { type: 'button', class: 'btn small ghost revoke', text: 'Revoke' });
      revoke.addEventListener('click', function () {
        if (!window.confirm('Revoke the key ' + key.name + '? Integrations using it stop working at once.')) return;
        s.busy(revoke, true);
        s.api('DELETE', '/api/v1/api-keys/' + key.id).then(function () {
          s.flash('Revoked ' + key.name + '.');
          load();
        }, function (error) { s.busy(revoke, false); msg.textContent = s.message(error); msg.className = 'row-msg error'; });
      });
      actions.appendChild(revoke);
      actions.appendChild(document.createTextNode(' '));
    }
    actions.appendChild(msg);
    return el('tr', { 'data-id': key.id, 'data-name': key.name, class: revoked ? 'inactive' : '' }, [
      el('td', { text: key.name }), el('td', {}, [el('code', { text: key.prefix + '…' })]), el('td', { text: key.role }),
      el('td', { text: s.when(key.created_at) }), el('td', { text: key.last_used_at ? s.when(key.last_used_at) : 'never' }),
      el('td', {}, [el('span', { class: 'badge ' + (revoked ? 'failed' : 'completed'), text: revoked ? 'revoked ' + s.when(key.revoked_at) : 'active' })]),
      actions]);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = s.el('textarea', { class: 'offscreen' });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (ignored) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error('copy refused'));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('key-form');
    var box = form.querySelector('.form-error');
    var panel = document.getElementById('new-key');
    var value = document.getElementById('new-key-value');
    var status = document.getElementById('copy-status');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      s.showError(box, null);
      var button = form.querySelector('button[type=submit]');
      s.busy(button, true);
      s.api('POST', '/api/v1/api-keys', { name: form.name.value.trim(), role: form.role.value }).then(function (r) {
        s.busy(button, false);
        form.reset();
        value.textContent = r.data.key;
        status.textContent = '';
        panel.hidden = false;
        panel.scrollIntoView({ block: 'nearest' });
        load();
      }, function (error) { s.busy(button, false); s.showError(box, error); });
    });
    document.getElementById('copy-key').addEventListener('click', function () {
      copy(value.textContent).then(function () { status.textContent = 'Copied to the clipboard.'; },
        function () {
          var range = document.createRange();
          range.selectNodeContents(value);
          var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
          status.textContent = 'Copying is blocked here: the key is selected, press Ctrl+C.';
        });
    });
    document.getElementById('dismiss-key').addEventListener('click', function () {
      value.textContent = '';
      panel.hidden = true;
    });
    load();
  });
})();
