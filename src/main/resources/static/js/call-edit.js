// Call Detail: correcting a turn's text (admins and managers who see the unredacted transcript). A correction is
// stored as a revision with the recognised original kept, and the call is analysed again; corrected turns carry a
// "corrected" badge whose title is the original. call.js asks this file to decorate each turn while it renders.
(function () {
  'use strict';

  function make(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  /**
   * options: api (the conversation's API path), send(method, url, body) -> Promise, notice(text, isError),
   * saved(transcript) called with the corrected transcript the API returned.
   */
  function create(options) {
    var originals = {};   // turn index -> the text first recognised, for turns with revisions

    function badge(turnEl, index) {
      var head = turnEl.querySelector('.turn-head');
      var old = head.querySelector('.corrected');
      if (old) old.remove();
      if (originals[index] == null) return;
      var b = make('span', 'badge corrected', 'corrected');
      b.title = 'Recognised as: ' + originals[index];
      head.insertBefore(b, head.querySelector('.edit-turn'));
    }

    function open(turnEl, index) {
      if (turnEl.querySelector('.turn-editor')) return;
      var textEl = turnEl.querySelector('.text');
      var form = make('form', 'turn-editor');
      var area = make('textarea', 'turn-text-input');
      area.value = textEl.textContent;
      area.rows = Math.max(2, Math.ceil(area.value.length / 70));
      area.maxLength = 10000;
      area.setAttribute('aria-label', 'Corrected text of this turn');
      var save = make('button', 'btn small save-turn', 'Save');
      save.type = 'submit';
      var cancel = make('button', 'btn ghost small cancel-turn', 'Cancel');
      cancel.type = 'button';
      var buttons = make('div', 'turn-editor-actions');
      buttons.append(save, cancel);
      form.append(area, buttons);
      // clicks and keys inside the editor are the editor's, not the transcript's (which seeks the player)
      form.addEventListener('click', function (e) { e.stopPropagation(); });
      form.addEventListener('keydown', function (e) {
        e.stopPropagation();
        if (e.key === 'Escape') close();
      });
      textEl.hidden = true;
      turnEl.appendChild(form);
      area.focus();

      function close() {
        form.remove();
        textEl.hidden = false;
      }

      cancel.addEventListener('click', close);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var before = textEl.textContent;
        if (area.value.trim() === before.trim()) { close(); return; }
        save.disabled = true;
        options.send('PATCH', options.api + '/turns/' + index, { text: area.value }).then(function (t) {
          if (originals[index] == null) originals[index] = before;
          close();
          options.notice('Turn corrected; the call is being analysed again with the corrected text.');
          options.saved(t);
        }).catch(function (p) {
          save.disabled = false;
          options.notice((p && p.detail) || 'The correction was not saved.', true);
        });
      });
    }

    function decorate(turnEl, index) {
      var head = turnEl.querySelector('.turn-head');
      var edit = make('button', 'btn ghost tiny edit-turn', 'Edit');
      edit.type = 'button';
      edit.title = 'Correct the text of this turn';
      edit.addEventListener('click', function (e) {
        e.stopPropagation();
        open(turnEl, index);
      });
      head.appendChild(edit);
      badge(turnEl, index);
    }

    /** Reads which turns were corrected (their originals), then marks them on the rendered turns. */
    function load(turnEls) {
      return fetch(options.api + '/revisions', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { revisions: [] }; })
        .then(function (body) {
          originals = {};
          (body.revisions || []).forEach(function (rev) {
            if (originals[rev.turn_index] == null) originals[rev.turn_index] = rev.original_text;
          });
          turnEls.forEach(function (el, i) { badge(el, i); });
        });
    }

    return { decorate: decorate, load: load };
  }

  window.verbatimTurnEdit = { create: create };
})();
