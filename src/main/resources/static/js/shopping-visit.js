// The shopper's visit: answers the survey (POST /api/v1/evaluations), then uploads the recording with tus (tus.js).
// On the evaluation page the same upload attaches a recording or resumes one that was interrupted.
(function () {
  'use strict';

  var VISIT_PREFIX = 'verbatim.visit:';
  var messages = document.getElementById('shop-messages');

  function say(key, values) {
    var text = (messages && messages.dataset[key]) || key;
    (values || []).forEach(function (v, i) { text = text.split('{' + i + '}').join(v); });
    return text;
  }

  function human(bytes) {
    var units = ['B', 'KB', 'MB', 'GB'];
    var i = 0;
    while (bytes >= 1024 && i < units.length - 1) { bytes /= 1024; i++; }
    return bytes.toFixed(i ? 1 : 0) + ' ' + units[i];
  }

  /** Runs the tus upload with progress shown in #upload-bar / #upload-text / #upload-state. */
  function send(file, endpoint, chunkSize, resumeUrl) {
    var bar = document.getElementById('upload-bar');
    var text = document.getElementById('upload-text');
    var state = document.getElementById('upload-state');
    bar.hidden = false;
    state.textContent = '';
    state.dataset.state = 'uploading';
    return window.verbatimTus.upload(file, endpoint, {
      chunkSize: chunkSize,
      resumeUrl: resumeUrl,
      onProgress: function (offset, size) {
        bar.value = size ? Math.floor(offset * 100 / size) : 100;
        bar.dataset.offset = offset;
        text.textContent = human(offset) + ' / ' + human(size);
      }
    }).then(function (result) {
      state.dataset.state = 'done';
      state.dataset.resumedFrom = result.resumedFrom === null ? '' : result.resumedFrom;
      state.textContent = (result.resumedFrom ? say('resumed', [human(result.resumedFrom)]) + ' ' : '') + say('done');
      return result;
    }, function (error) {
      state.dataset.state = 'interrupted';
      state.textContent = error.offset !== undefined && error.url
        ? say('interrupted', [human(error.offset)]) : say('failed', [error.message]);
      throw error;
    });
  }

  // The visit page.
  var visit = document.getElementById('visit-form');
  if (visit) {
    var campaign = visit.dataset.campaign;
    var pending = null;
    try { pending = window.localStorage.getItem(VISIT_PREFIX + campaign); } catch (ignored) { /* storage off */ }
    if (pending) {
      document.getElementById('unfinished').hidden = false;
      document.getElementById('unfinished-link').href = '/shopping/evaluations/' + pending;
    }
    var checkIn = document.getElementById('check-in');
    if (!checkIn.value) {
      var now = new Date();
      checkIn.value = new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    }

    var answers = function () {
      var out = {};
      visit.querySelectorAll('fieldset.question').forEach(function (q) {
        var name = q.dataset.name;
        var type = q.dataset.type;
        if (type === 'text' || type === 'comment') {
          var v = q.querySelector('input, textarea').value.trim();
          if (v) out[name] = v;
        } else if (type === 'dropdown') {
          var d = q.querySelector('select').value;
          if (d) out[name] = JSON.parse(d);
        } else if (type === 'checkbox') {
          var all = [];
          q.querySelectorAll('input:checked').forEach(function (c) { all.push(JSON.parse(c.value)); });
          if (all.length) out[name] = all;
        } else if (type === 'matrix') {
          var rows = {};
          q.querySelectorAll('tr[data-row]').forEach(function (tr) {
            var c = tr.querySelector('input:checked');
            if (c) rows[JSON.parse(tr.dataset.row)] = JSON.parse(c.value);
          });
          if (Object.keys(rows).length) out[name] = rows;
        } else if (type !== 'html') {
          var r = q.querySelector('input:checked');
          if (r) out[name] = JSON.parse(r.value);
        }
      });
      return out;
    };

    var errorBox = document.getElementById('visit-error');
    visit.addEventListener('submit', function (event) {
      event.preventDefault();
      errorBox.hidden = true;
      var file = document.getElementById('media').files[0];
      var max = Number(visit.dataset.maxSize);
      if (file && max && file.size > max) {
        errorBox.textContent = file.name + ': ' + human(file.size) + ' > ' + human(max);
        errorBox.hidden = false;
        return;
      }
      var body = {
        campaign_id: campaign,
        zone_id: document.getElementById('zone').value,
        answers: answers(),
        check_in_at: new Date(checkIn.value).toISOString(),
        language: visit.dataset.language
      };
      var button = document.getElementById('visit-submit');
      button.disabled = true;
      fetch('/api/v1/evaluations', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) })
        .then(function (r) {
          return r.json().then(function (data) {
            if (r.status !== 201) {
              var first = data.errors && data.errors[0];
              throw new Error((data.detail || data.title || ('HTTP ' + r.status)) + (first && first.question ? ' (' + first.question + ')' : ''));
            }
            return data;
          });
        })
        .then(function (evaluation) {
          try { window.localStorage.setItem(VISIT_PREFIX + campaign, evaluation.id); } catch (ignored) { /* storage off */ }
          visit.hidden = true;
          document.getElementById('upload-progress').hidden = false;
          var link = document.getElementById('evaluation-link');
          link.href = '/shopping/evaluations/' + evaluation.id;
          link.dataset.evaluation = evaluation.id;
          return send(file, '/api/v1/evaluations/' + evaluation.id + '/uploads', visit.dataset.chunkSize).then(function () {
            try { window.localStorage.removeItem(VISIT_PREFIX + campaign); } catch (ignored) { /* storage off */ }
            window.location.assign('/shopping/evaluations/' + evaluation.id);
          }, function () { /* interrupted: the state line says how to resume */ });
        })
        .catch(function (error) {
          button.disabled = false;
          errorBox.textContent = error.message;
          errorBox.hidden = false;
        });
    });
  }

  // The evaluation page: attach a recording, or resume the unfinished upload of the same file.
  var form = document.getElementById('upload-form');
  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var file = document.getElementById('media').files[0];
      if (!file) return;
      var resumeUrl = null;
      document.querySelectorAll('#upload-list tr[data-url]').forEach(function (tr) {
        if (tr.dataset.complete !== 'true' && tr.dataset.filename === file.name && Number(tr.dataset.length) === file.size) {
          resumeUrl = tr.dataset.url;
        }
      });
      var button = document.getElementById('upload-start');
      button.disabled = true;
      send(file, form.dataset.endpoint, form.dataset.chunkSize, resumeUrl).then(function () {
        var id = window.location.pathname.split('/').pop();
        Object.keys(window.localStorage).forEach(function (k) {
          if (k.indexOf(VISIT_PREFIX) === 0 && window.localStorage.getItem(k) === id) window.localStorage.removeItem(k);
        });
      }, function () { button.disabled = false; });
    });
  }
})();
