// Persona editor: Edit loads a persona into the form; Save POSTs a new persona or PUTs a new version.
(function () {
  'use strict';

  var form = document.getElementById('persona-form');
  if (!form) return;
  var error = document.getElementById('page-error');
  function field(id) { return document.getElementById(id); }

  document.querySelectorAll('.persona-edit').forEach(function (button) {
    button.addEventListener('click', function () {
      fetch('/api/v1/personas/' + button.dataset.persona, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (p) {
          field('persona-id').value = p.id;
          field('persona-form-title').textContent = 'Edit ' + p.name + ' (version ' + p.version + ')';
          field('persona-name').value = p.name;
          field('persona-instructions').value = p.instructions || '';
          field('persona-tone').value = p.tone || '';
          field('persona-language').value = p.language || '';
          field('persona-length').value = p.answer_length;
          field('persona-refusal').value = p.refusal || '';
          field('persona-calls').checked = p.use_calls;
          document.querySelectorAll('.persona-collection').forEach(function (c) { c.checked = p.collection_ids.indexOf(c.value) >= 0; });
        });
    });
  });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var id = field('persona-id').value;
    var body = {
      name: field('persona-name').value, instructions: field('persona-instructions').value, tone: field('persona-tone').value,
      language: field('persona-language').value, answer_length: field('persona-length').value, refusal: field('persona-refusal').value,
      use_calls: field('persona-calls').checked,
      collection_ids: Array.prototype.filter.call(document.querySelectorAll('.persona-collection'), function (c) { return c.checked; })
        .map(function (c) { return c.value; })
    };
    fetch(id ? '/api/v1/personas/' + id : '/api/v1/personas', {
      method: id ? 'PUT' : 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body)
    }).then(function (r) {
      if (r.ok) { window.location.reload(); return; }
      return r.text().then(function (text) {
        var detail = 'The persona could not be saved (' + r.status + ').';
        try { detail = JSON.parse(text).detail || detail; } catch (ignored) { /* not JSON */ }
        error.textContent = detail;
        error.hidden = false;
      });
    });
  });
})();
