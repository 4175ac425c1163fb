// Uploads each dropped file as its own conversation, with progress, then follows its pipeline status.
(function () {
  const zone = document.getElementById('dropzone');
  const input = document.getElementById('files');
  const table = document.getElementById('uploads');
  const body = table.querySelector('tbody');
  const options = document.getElementById('upload-options');
  const TRANSCRIPT = /\.(json|txt)$/i;

  function human(bytes) {
    const units = ['B', 'KB', 'MB', 'GB'];
    let i = 0;
    while (bytes >= 1024 && i < units.length - 1) { bytes /= 1024; i++; }
    return bytes.toFixed(i ? 1 : 0) + ' ' + units[i];
  }

  function metadata() {
    const f = new FormData(options);
    const m = { direction: f.get('direction'), channel: f.get('channel'),
      channel_roles: { left: f.get('left'), right: f.get('left') === 'agent' ? 'customer' : 'agent' } };
    if (f.get('agent')) m.agent = f.get('agent');
    return m;
  }

  function row(file) {
    table.hidden = false;
    const tr = document.createElement('tr');
    tr.innerHTML = '<td class="name"></td><td></td><td><progress max="100" value="0"></progress> <span class="pct">0%</span></td><td class="status">waiting</td>';
    tr.querySelector('.name').textContent = file.name;
    tr.children[1].textContent = human(file.size);
    body.appendChild(tr);
    return tr;
  }

  function follow(tr, url) {
    const status = tr.querySelector('.status');
    fetch(url, { credentials: 'same-origin' }).then(r => r.json().then(d => {
      if (!r.ok) {
        status.textContent = d.detail || ('error ' + r.status);
        status.className = 'status failed';
        return;
      }
      const c = d.conversation;
      status.textContent = c.status + (c.status === 'processing' ? ' · ' + c.stage : '');
      status.className = 'status ' + c.status;
      if (c.status === 'failed') {
        status.textContent = 'failed: ' + (c.last_error || c.last_error_type);
      } else if (c.status !== 'completed') {
        setTimeout(() => follow(tr, url), 1500);
      }
    })).catch(() => setTimeout(() => follow(tr, url), 3000));
  }

  function send(file) {
    const tr = row(file);
    const form = new FormData();
    form.append(TRANSCRIPT.test(file.name) ? 'transcript' : 'media', file, file.name);
    form.append('metadata', new Blob([JSON.stringify(metadata())], { type: 'application/json' }));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/conversations');
    xhr.setRequestHeader('Idempotency-Key', file.name + ':' + file.size + ':' + file.lastModified);
    xhr.upload.onprogress = e => {
      if (e.lengthComputable) {
        const pct = Math.round(100 * e.loaded / e.total);
        tr.querySelector('progress').value = pct;
        tr.querySelector('.pct').textContent = pct + '%';
      }
    };
    xhr.onload = () => {
      const status = tr.querySelector('.status');
      let answer = {};
      try { answer = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      if (xhr.status === 202 || xhr.status === 200) {
        tr.querySelector('progress').value = 100;
        tr.querySelector('.pct').textContent = '100%';
        status.textContent = answer.duplicate ? 'already uploaded' : 'received';
        follow(tr, answer.status_url);
      } else {
        status.textContent = 'refused: ' + (answer.detail || xhr.statusText);
        status.className = 'status failed';
      }
    };
    xhr.onerror = () => { tr.querySelector('.status').textContent = 'network error'; };
    xhr.send(form);
  }

  function take(files) { Array.from(files).forEach(send); }

  input.addEventListener('change', () => take(input.files));
  ['dragenter', 'dragover'].forEach(t => zone.addEventListener(t, e => { e.preventDefault(); zone.classList.add('over'); }));
  ['dragleave', 'drop'].forEach(t => zone.addEventListener(t, e => { e.preventDefault(); zone.classList.remove('over'); }));
  zone.addEventListener('drop', e => take(e.dataTransfer.files));
  zone.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') input.click(); });
})();
