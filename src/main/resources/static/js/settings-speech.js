// Settings → Speech vocabulary: edit the phrase rows, save them whole (PUT), ask for a language-model rebuild.
(function () {
  'use strict';
  var s = window.settings;

  function rows() { return Array.prototype.slice.call(document.querySelectorAll('#phrases tbody tr.phrase')); }

  function refreshEmpty() { document.getElementById('no-phrases').hidden = rows().length > 0; }

  function addRow() {
    var row = document.getElementById('phrase-row').content.firstElementChild.cloneNode(true);
    document.querySelector('#phrases tbody').appendChild(row);
    refreshEmpty();
    row.querySelector('input[name="text"]').focus();
  }

  function phrases() {
    return rows().map(function (row) {
      var text = row.querySelector('input[name="text"]').value.trim();
      var sounds = row.querySelector('input[name="sounds_like"]').value.split(';')
        .map(function (v) { return v.trim(); }).filter(function (v) { return v.length > 0; });
      return { text: text, sounds_like: sounds };
    }).filter(function (p) { return p.text.length > 0; });
  }

  function save(event) {
    event.preventDefault();
    var box = document.getElementById('vocabulary-error');
    s.showError(box, null);
    s.api('PUT', '/api/v1/speech/vocabulary', { phrases: phrases() }).then(function (r) {
      s.flashAfterReload('Saved ' + r.data.phrases.length + ' phrase(s); the language model is being rebuilt.');
    }, function (error) { s.showError(box, error); });
  }

  function rebuild() {
    s.api('POST', '/api/v1/speech/language-model/rebuild').then(function () {
      s.flashAfterReload('The language model is being rebuilt.');
    }, function (error) { s.showError(document.getElementById('vocabulary-error'), error); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('add-phrase').addEventListener('click', addRow);
    document.getElementById('vocabulary-form').addEventListener('submit', save);
    document.getElementById('rebuild').addEventListener('click', rebuild);
    document.getElementById('phrases').addEventListener('click', function (e) {
      if (e.target.classList.contains('remove')) {
        e.target.closest('tr').remove();
        refreshEmpty();
      }
    });
  });
})();
