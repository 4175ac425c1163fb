// Saves (PUT), deletes and re-keys credentials through the API; the page reloads to show the masked result.
(function () {
  const status = document.getElementById('credential-status');
  function say(text) { status.textContent = text; }
  function problem(r) { return r.json().then(p => p.detail || p.title).catch(() => 'HTTP ' + r.status); }

  document.getElementById('credential-form').addEventListener('submit', e => {
    e.preventDefault();
    const form = new FormData(e.target);
    let fields;
    try { fields = JSON.parse(form.get('fields')); } catch (err) { say('The fields are not valid JSON.'); return; }
    fetch('/api/v1/credentials/' + encodeURIComponent(form.get('name')), {
      method: 'PUT', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fields)
    }).then(r => r.ok ? location.reload() : problem(r).then(say));
  });

  document.querySelectorAll('#credentials .delete').forEach(b => b.addEventListener('click', () => {
    const name = b.closest('tr').dataset.name;
    if (!confirm('Delete credential ' + name + '?')) return;
    fetch('/api/v1/credentials/' + encodeURIComponent(name), { method: 'DELETE', credentials: 'same-origin' })
      .then(r => r.ok ? location.reload() : problem(r).then(say));
  }));

  document.getElementById('rotate-key').addEventListener('click', () => {
    fetch('/api/v1/credentials/rotate-key', { method: 'POST', credentials: 'same-origin' })
      .then(r => r.ok ? r.json().then(d => say('Data key v' + d.key_version + '; ' + d.reencrypted + ' re-encrypted.')) : problem(r).then(say));
  });
})();
