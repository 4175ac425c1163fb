// Settings → Scorecards: the tenant's qa-config.json in a JSON editor with line numbers and an outline;
// Validate (POST .../qa-config/validate, nothing saved), Save (PUT), Reset to defaults (DELETE), errors shown
// with their JSON paths and lines; "Test on this call" (POST .../qa-config/preview) scores a conversation with
// the unsaved config.
(function () {
  'use strict';
  var s = window.settings;
  var CONFIG = '/api/v1/analysis/qa-config';
  var area, gutter, saved = '', errorLines = {};

  // ---- Where each JSON path is in the text: a small parser that records the line of every value. ----
  function locate(text) {
    var i = 0, line = 1, lines = {};
    function ws() {
      while (i < text.length) {
        var c = text[i];
        if (c === '\n') { line++; i++; } else if (c === ' ' || c === '\t' || c === '\r') { i++; } else break;
      }
    }
    function str() {
      var start = ++i, out = '';
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        if (text[i] === '\n') line++;
        i++;
      }
      out = text.slice(start, i);
      i++;
      return out;
    }
    function value(path, keyLine) {
      ws();
      lines[path] = keyLine || line;
      var c = text[i];
      if (c === '{') {
        i++; ws();
        if (text[i] === '}') { i++; return; }
        while (i < text.length) {
          ws();
          if (text[i] !== '"') throw new Error('key');
          var kl = line, key = str();
          ws(); if (text[i] !== ':') throw new Error(':'); i++;
          value(path + '.' + key, kl);
          ws();
          if (text[i] === ',') { i++; continue; }
          if (text[i] === '}') { i++; return; }
          throw new Error('object');
        }
      } else if (c === '[') {
        i++; ws();
        if (text[i] === ']') { i++; return; }
        for (var n = 0; i < text.length; n++) {
          value(path + '[' + n + ']');
          ws();
          if (text[i] === ',') { i++; continue; }
          if (text[i] === ']') { i++; return; }
          throw new Error('array');
        }
      } else if (c === '"') {
        str();
      } else {
        while (i < text.length && /[^,\]\}\s]/.test(text[i])) i++;
      }
    }
    try { value('$'); } catch (ignored) { /* invalid JSON: whatever was located so far */ }
    return lines;
  }

  function lineOf(lines, path) {
    var p = path;
    while (p) {
      if (lines[p]) return lines[p];
      var cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) break;
      p = p.slice(0, cut);
    }
    return null;
  }

  // ---- Editor ----
  function renderGutter() {
    var count = area.value.split('\n').length;
    var out = [];
    for (var n = 1; n <= count; n++) out.push(errorLines[n] ? '<b class="err" title="' + escapeAttr(errorLines[n]) + '">' + n + '</b>' : String(n));
    gutter.innerHTML = out.join('\n') + '\n';
    gutter.scrollTop = area.scrollTop;
  }

  function escapeAttr(t) {
    return String(t).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  }

  function goToLine(n) {
    var lines = area.value.split('\n');
    var start = 0;
    for (var k = 0; k < n - 1 && k < lines.length; k++) start += lines[k].length + 1;
    area.focus();
    area.setSelectionRange(start, start + (lines[n - 1] || '').length);
    var lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (n - 5) * lineHeight);
    gutter.scrollTop = area.scrollTop;
  }

  function setText(text) {
    area.value = text;
    saved = text;
    markDirty();
    clearMessages();
    renderGutter();
    outline();
  }

  function markDirty() {
    document.getElementById('dirty').hidden = area.value === saved;
  }

  function clearMessages() {
    errorLines = {};
    var box = document.getElementById('config-errors');
    box.hidden = true;
    box.querySelector('ul').textContent = '';
    document.getElementById('config-ok').hidden = true;
  }

  /** The config in the editor as an object, or shows a JSON syntax error at its line. */
  function parsed() {
    try {
      return JSON.parse(area.value);
    } catch (e) {
      var line = null, m = /line (\d+)/.exec(e.message), pos = /position (\d+)/.exec(e.message);
      if (m) line = +m[1];
      else if (pos) line = area.value.slice(0, +pos[1]).split('\n').length;
      showErrors([{ path: line ? 'line ' + line : '$', message: 'not valid JSON: ' + e.message, line: line }],
        'The text is not valid JSON; nothing was sent.');
      return null;
    }
  }

  function showErrors(errors, title) {
    var box = document.getElementById('config-errors');
    var list = box.querySelector('ul');
    list.textContent = '';
    errorLines = {};
    var lines = locate(area.value);
    errors.forEach(function (e) {
      var line = e.line || lineOf(lines, e.path);
      if (line) errorLines[line] = (errorLines[line] ? errorLines[line] + '; ' : '') + e.message;
      var item = s.el('li', { class: 'config-error', 'data-path': e.path }, [
        s.el('code', { class: 'path', text: e.path }), ' ', s.el('span', { class: 'message', text: e.message })]);
      if (line) {
        var go = s.el('button', { type: 'button', class: 'link goto', text: 'line ' + line });
        go.addEventListener('click', function () { goToLine(line); });
        item.appendChild(document.createTextNode(' '));
        item.appendChild(go);
      }
      list.appendChild(item);
    });
    document.getElementById('config-errors-title').textContent = title;
    box.hidden = false;
    document.getElementById('config-ok').hidden = true;
    renderGutter();
  }

  /** A failed API call: a 422 invalid-qa-config lists its paths; anything else shows its detail. */
  function showFailure(error, title) {
    var errors = error.problem && Array.isArray(error.problem.errors) ? error.problem.errors : null;
    if (errors && errors.length) showErrors(errors, title);
    else showErrors([{ path: '$', message: s.message(error) }], title);
  }

  function ok(text) {
    errorLines = {};
    renderGutter();
    document.getElementById('config-errors').hidden = true;
    var box = document.getElementById('config-ok');
    box.textContent = text;
    box.hidden = false;
  }

  function source(value) {
    var badge = document.getElementById('config-source');
    badge.textContent = value === 'tenant' ? 'your scorecards' : 'shipped defaults';
    badge.className = 'badge ' + (value === 'tenant' ? 'completed' : 'neutral');
  }

  function load() {
    return s.api('GET', CONFIG).then(function (r) {
      document.getElementById('editor-loading').hidden = true;
      document.getElementById('code-editor').hidden = false;
      source(r.headers.get('X-Verbatim-Config-Source'));
      setText(JSON.stringify(r.data, null, 2));
    }, function (error) {
      document.getElementById('editor-loading').hidden = true;
      s.showError(document.getElementById('page-error'), 'The configuration could not be loaded: ' + s.message(error));
    });
  }

  // ---- Outline: scorecards > sections > items, trackers ----
  function outline() {
    var box = document.getElementById('outline');
    var config;
    try { config = JSON.parse(area.value); } catch (e) {
      box.insertBefore(s.el('p', { class: 'small warn-text', text: 'Outline paused: the JSON has a syntax error.' }), box.firstChild);
      var extra = box.querySelectorAll('.warn-text');
      for (var k = 1; k < extra.length; k++) extra[k].remove();
      return;
    }
    box.textContent = '';
    var cards = (config && Array.isArray(config.scorecards)) ? config.scorecards : [];
    if (!cards.length) box.appendChild(s.el('p', { class: 'empty small', text: 'No scorecards: conversations will be analysed without one.' }));
    var lines = locate(area.value);
    cards.forEach(function (card, ci) {
      var sections = Array.isArray(card.sections) ? card.sections : [];
      var itemCount = sections.reduce(function (n, sec) { return n + (Array.isArray(sec.items) ? sec.items.length : 0); }, 0);
      var details = s.el('details', { class: 'outline-card' }, [s.el('summary', {}, [
        s.el('strong', { text: card.name || card.key || '(no key)' }), ' ',
        s.el('span', { class: 'muted small', text: sections.length + ' sections · ' + itemCount + ' items' })])]);
      sections.forEach(function (sec, si) {
        var list = s.el('ul');
        (Array.isArray(sec.items) ? sec.items : []).forEach(function (item, ii) {
          var path = '$.scorecards[' + ci + '].sections[' + si + '].items[' + ii + ']';
          var link = s.el('button', { type: 'button', class: 'link', text: item.name || item.key || '(no key)' });
          link.addEventListener('click', function () { var l = lineOf(lines, path); if (l) goToLine(l); });
          var flags = [];
          if (item.auto_fail) flags.push('auto-fail');
          if (item.must_not_occur) flags.push('must not occur');
          list.appendChild(s.el('li', {}, [link, flags.length ? s.el('span', { class: 'badge negative', text: flags.join(', ') }) : null]));
        });
        details.appendChild(s.el('div', { class: 'outline-section' }, [
          s.el('span', { class: 'small', text: (sec.name || sec.key || '(no key)') + ' · weight ' + (sec.weight === undefined ? 1 : sec.weight) }), list]));
      });
      box.appendChild(details);
    });
    var trackers = config && Array.isArray(config.trackers) ? config.trackers.length : 0;
    box.appendChild(s.el('p', { class: 'muted small', text: trackers + ' tracker' + (trackers === 1 ? '' : 's') + ', ' +
      Object.keys((config && config.conditions) || {}).length + ' named conditions' }));
  }

  // ---- Actions ----
  function validate() {
    var config = parsed();
    if (!config) return;
    var button = document.getElementById('validate');
    s.busy(button, true);
    s.api('POST', CONFIG + '/validate', area.value).then(function () {
      s.busy(button, false);
      ok('Valid. Nothing was saved.');
    }, function (error) { s.busy(button, false); showFailure(error, 'The configuration has errors; nothing was saved.'); });
  }

  function save() {
    var config = parsed();
    if (!config) return;
    var button = document.getElementById('save');
    s.busy(button, true);
    s.api('PUT', CONFIG, area.value).then(function (r) {
      s.busy(button, false);
      source('tenant');
      setText(JSON.stringify(r.data, null, 2));
      ok('Saved. Conversations analysed from now on use it.');
      s.flash('Scorecards saved.');
    }, function (error) { s.busy(button, false); showFailure(error, 'The configuration has errors; nothing was saved.'); });
  }

  function reset() {
    if (!window.confirm('Replace your scorecards with the shipped defaults? Your current configuration is deleted.')) return;
    var button = document.getElementById('reset');
    s.busy(button, true);
    s.api('DELETE', CONFIG).then(function () {
      s.busy(button, false);
      return load().then(function () { ok('Back to the shipped default scorecards.'); s.flash('Scorecards reset to the defaults.'); });
    }, function (error) { s.busy(button, false); showFailure(error, 'Reset failed.'); });
  }

  function loadConversations() {
    var select = document.getElementById('preview-conversation');
    s.api('GET', '/api/v1/conversations?status=completed&limit=50').then(function (r) {
      select.textContent = '';
      var items = r.data.items || [];
      select.appendChild(s.el('option', { value: '', text: items.length ? 'Choose a conversation…' : 'No completed conversations yet' }));
      items.forEach(function (c) {
        var who = c.agent && (c.agent.name || c.agent.email) ? c.agent.name || c.agent.email : 'no agent';
        var label = s.when(c.started_at || c.created_at) + ' · ' + (c.channel || '') + ' · ' + who + ' · ' + (c.external_id || c.id.slice(0, 8));
        select.appendChild(s.el('option', { value: c.id, text: label }));
      });
    }, function (error) {
      select.textContent = '';
      select.appendChild(s.el('option', { value: '', text: 'Could not load conversations' }));
      s.showError(document.getElementById('preview-error'), 'Conversations could not be loaded: ' + s.message(error) + ' Paste an id instead.');
    });
  }

  function preview(e) {
    e.preventDefault();
    var errorBox = document.getElementById('preview-error');
    s.showError(errorBox, null);
    var id = document.getElementById('preview-id').value.trim() || document.getElementById('preview-conversation').value;
    if (!id) { s.showError(errorBox, 'Choose a conversation or paste its id.'); return; }
    var config = parsed();
    if (!config) { s.showError(errorBox, 'Fix the JSON first (see the errors above the editor).'); return; }
    var button = document.getElementById('preview-run');
    var loading = document.getElementById('preview-loading');
    s.busy(button, true);
    loading.hidden = false;
    s.api('POST', CONFIG + '/preview', { config: config, conversation_id: id }).then(function (r) {
      s.busy(button, false);
      loading.hidden = true;
      clearMessages();
      renderGutter();
      renderPreview(r.data);
    }, function (error) {
      s.busy(button, false);
      loading.hidden = true;
      if (error.status === 422 && error.problem.errors) {
        showFailure(error, 'The configuration has errors; fix them to test it.');
        s.showError(errorBox, 'The configuration has errors (listed above the editor).');
      } else if (error.status === 404) {
        s.showError(errorBox, 'No conversation ' + id + ' in your organisation.');
      } else if (error.status === 400 && /conversation_id|malformed/.test((error.problem.type || '') + (error.problem.detail || ''))) {
        s.showError(errorBox, 'That is not a conversation id.');
      } else {
        s.showError(errorBox, error);
      }
    });
  }

  function renderPreview(result) {
    var panel = document.getElementById('preview-result');
    var summary = document.getElementById('preview-summary');
    var warnings = document.getElementById('preview-warnings');
    var body = document.querySelector('#preview-items tbody');
    summary.textContent = ''; warnings.textContent = ''; body.textContent = '';
    document.getElementById('preview-conversation-id').textContent = result.conversation_id;
    var card = result.scorecard;
    (result.warnings || []).forEach(function (w) { warnings.appendChild(s.el('p', { class: 'warn-text small', text: w })); });
    if (!card) {
      summary.appendChild(s.el('div', { class: 'empty' }, [s.el('strong', { text: 'No scorecard applies to this conversation' }),
        'Check the scorecards\' applies_to (channels, directions, tags, languages).']));
    } else {
      function kpi(label, value, sub, cls) {
        return s.el('div', { class: 'kpi ' + (cls || '') }, [s.el('div', { class: 'label', text: label }),
          s.el('div', { class: 'value', text: value }), sub ? s.el('div', { class: 'sub', text: sub }) : null]);
      }
      summary.appendChild(kpi('Scorecard', card.name || card.scorecard, card.scorecard));
      summary.appendChild(kpi('Score', card.score === null || card.score === undefined ? '—' : String(Math.round(card.score * 10) / 10),
        card.auto_failed && card.raw_score !== null ? 'before auto-fail: ' + Math.round(card.raw_score * 10) / 10 : null, 'preview-score'));
      summary.appendChild(kpi('Result', card.passed ? 'Passed' : 'Not passed', null, card.passed ? 'good' : 'bad'));
      summary.appendChild(kpi('Auto-fail', card.auto_failed ? 'Yes' : 'No',
        card.auto_failed ? 'by ' + card.auto_failed_by.join(', ') : null, card.auto_failed ? 'bad' : ''));
      var sectionNames = {};
      (card.sections || []).forEach(function (sec) { sectionNames[sec.key] = sec.name || sec.key; });
      (card.items || []).forEach(function (item) {
        var evidence = s.el('td', { class: 'wrap' });
        (item.evidence || []).forEach(function (ev) {
          evidence.appendChild(s.el('blockquote', { class: 'evidence' }, [
            s.el('span', { class: 'muted small', text: 'turn ' + ev.turn + ' · ' + formatTime(ev.start) + ' ' }), '“' + ev.quote + '”']));
        });
        if (!item.evidence || !item.evidence.length) evidence.appendChild(s.el('span', { class: 'muted', text: '—' }));
        var flags = [];
        if (item.auto_fail) flags.push('auto-fail');
        if (item.must_not_occur) flags.push('must not occur');
        body.appendChild(s.el('tr', { class: 'preview-item', 'data-key': item.key, 'data-result': item.result }, [
          s.el('td', { text: sectionNames[item.section] || item.section || '' }),
          s.el('td', {}, [item.name || item.key, flags.length ? s.el('span', { class: 'muted small', text: ' (' + flags.join(', ') + ')' }) : null]),
          s.el('td', {}, [s.el('span', { class: 'badge ' + item.result, text: item.result.replace('_', ' ') })]),
          s.el('td', { class: 'num', text: String(item.weight) }), evidence]));
      });
    }
    document.querySelector('#preview-result .table-wrap').hidden = !card;
    panel.hidden = false;
    panel.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  function formatTime(seconds) {
    var t = Math.max(0, Math.round(seconds || 0));
    return Math.floor(t / 60) + ':' + (t % 60 < 10 ? '0' : '') + (t % 60);
  }

  document.addEventListener('DOMContentLoaded', function () {
    area = document.getElementById('config');
    gutter = document.getElementById('gutter');
    var timer;
    area.addEventListener('input', function () {
      markDirty();
      renderGutter();
      clearTimeout(timer);
      timer = setTimeout(outline, 400);
    });
    area.addEventListener('scroll', function () { gutter.scrollTop = area.scrollTop; });
    area.addEventListener('keydown', function (e) {
      if (e.key === 'Tab') {
        e.preventDefault();
        var start = area.selectionStart;
        area.setRangeText('  ', start, area.selectionEnd, 'end');
        markDirty();
      }
    });
    document.getElementById('format').addEventListener('click', function () {
      var config = parsed();
      if (config) { area.value = JSON.stringify(config, null, 2); markDirty(); clearMessages(); renderGutter(); outline(); }
    });
    document.getElementById('validate').addEventListener('click', validate);
    document.getElementById('save').addEventListener('click', save);
    document.getElementById('reset').addEventListener('click', reset);
    document.getElementById('preview-form').addEventListener('submit', preview);
    window.addEventListener('beforeunload', function (e) {
      if (area.value !== saved) { e.preventDefault(); e.returnValue = ''; }
    });
    load();
    loadConversations();
  });
})();
