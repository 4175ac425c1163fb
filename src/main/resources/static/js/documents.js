// Document library: the upload form posts the file (multipart) to /api/v1/documents and reloads the list,
// which shows each document's processing status.
(function () {
  'use strict';

  var form = document.getElementById('document-upload');
  if (!form) return;
  var error = document.getElementById('page-error');

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var data = new FormData();
    data.append('file', document.getElementById('upload-file').files[0]);
    data.append('collection_id', document.getElementById('upload-collection').value);
    var title = document.getElementById('upload-title').value.trim();
    if (title) data.append('title', title);
    fetch('/api/v1/documents', { method: 'POST', credentials: 'same-origin', headers: { 'Accept': 'application/json' }, body: data })
      .then(function (r) {
        if (r.ok) { window.location.reload(); return; }
        return r.text().then(function (text) {
          var detail = 'The upload failed (' + r.status + ').';
          try { detail = JSON.parse(text).detail || detail; } catch (ignored) { /* not JSON */ }
          error.textContent = detail;
          error.hidden = false;
        });
      });
  });
})();
