// Settings > Evaluation: upload a labelled set, follow the run, show per-field and per-QA-item accuracy.
(function () {
  'use strict';
  var s = window.settings;
  var current = null;
  var timer = null;

  // The report is stored as jsonb, which does not keep key order: fields are shown in this order, others after.
  var ORDER = ['customer_sentiment', 'sentiment_trend', 'call_reason', 'booking_status', 'qualification', 'outcome',
    'kpis.resolution', 'deal_value', 'kpis.customer_effort_1to5', 'qa.greeting', 'qa.identified_self', 'qa.verified_customer',
    'qa.showed_empathy', 'qa.identified_needs', 'qa.offered_solution', 'qa.asked_for_sale_or_booking', 'qa.confirmed_next_steps',
    'qa.closing', 'qa.value_added', 'qa.interrupted_customer', 'objections', 'action_items', 'pii'];

  function ordered(map) {
    return Object.keys(map || {}).sort(function (a, b) {
      var i = ORDER.indexOf(a), j = ORDER.indexOf(b);
      if (i < 0) i = ORDER.length;
      if (j < 0) j = ORDER.length;
      return i !== j ? i - j : (a < b ? -1 : a > b ? 1 : 0);
    });
  }

  function pct(x) { return x === null || x === undefined ? '—' : (100 * x).toFixed(1) + '%'; }

  /** The most frequent wrong (gold -> predicted) pair of a field's confusion matrix. */
  function topConfusion(confusion) {
    var best = null;
    Object.keys(confusion || {}).forEach(function (gold) {
      Object.keys(confusion[gold]).forEach(function (predicted) {
        var n = confusion[gold][predicted];
        if (gold !== predicted && (!best || n > best.n)) best = { gold: gold, predicted: predicted, n: n };
      });
    });
    return best ? best.gold + ' → ' + best.predicted + ' (' + best.n + ')' : '—';
  }

  function fieldRow(name, f) {
    return s.el('tr', { 'data-field': name }, [s.el('td', { text: name }), s.el('td', { text: pct(f.accuracy) }),
      s.el('td', { text: f.correct + ' / ' + f.scored + (f.within_one !== null && f.within_one !== undefined ? ' (within one: ' + f.within_one + ')' : '') }),
      s.el('td', { text: topConfusion(f.confusion) })]);
  }

  function render(run) {
    current = run;
    document.getElementById('run').hidden = false;
    document.getElementById('run-title').textContent = run.name;
    var status = document.getElementById('run-status');
    status.textContent = 'Status: ' + run.status + ' · ' + run.total + ' conversations, ' + run.imported + ' imported, '
      + run.refused + ' refused, ' + run.analysed + ' analysed, ' + run.failed + ' failed, ' + run.waiting + ' waiting'
      + (run.error ? ' · ' + run.error : '');
    status.setAttribute('data-status', run.status);
    var box = document.getElementById('run-report');
    box.hidden = !run.report;
    if (!run.report) return;
    var figures = document.getElementById('run-scope').value === 'held_out' ? run.report.held_out : run.report.all;
    var fields = document.querySelector('#fields tbody');
    var qa = document.querySelector('#qa-items tbody');
    var matches = document.querySelector('#matches tbody');
    [fields, qa, matches].forEach(function (t) { t.textContent = ''; });
    ordered(figures.fields).forEach(function (name) {
      if (name.indexOf('qa.') === 0) qa.appendChild(fieldRow(name.substring(3), figures.fields[name]));
      else fields.appendChild(fieldRow(name, figures.fields[name]));
    });
    ordered(figures.matches).forEach(function (name) {
      var m = figures.matches[name];
      matches.appendChild(s.el('tr', { 'data-match': name }, [s.el('td', { text: name }), s.el('td', { text: pct(m.precision) }),
        s.el('td', { text: pct(m.recall) }), s.el('td', { text: pct(m.f1) }),
        s.el('td', { text: m.true_positives + ' / ' + m.predicted + ' / ' + m.gold })]));
    });
    var failures = document.getElementById('failures');
    var list = failures.querySelector('ul');
    list.textContent = '';
    (run.report.failures || []).forEach(function (f) { list.appendChild(s.el('li', { text: f.id + ': ' + f.reason })); });
    failures.hidden = !(run.report.failures || []).length;
  }

  function follow(id) {
    clearTimeout(timer);
    s.api('GET', '/api/v1/analyst-evaluations/' + id).then(function (r) {
      render(r.data);
      if (r.data.status === 'importing' || r.data.status === 'analysing') timer = setTimeout(function () { follow(id); }, 3000);
      else loadRuns();
    }, function (e) { s.showError(document.getElementById('runs-error'), e); });
  }

  function loadRuns() {
    s.api('GET', '/api/v1/analyst-evaluations').then(function (r) {
      document.getElementById('runs-loading').hidden = true;
      var items = r.data.items || [];
      document.getElementById('runs-empty').hidden = items.length > 0;
      document.getElementById('runs-wrap').hidden = items.length === 0;
      var body = document.querySelector('#runs tbody');
      body.textContent = '';
      items.forEach(function (run) {
        var open = s.el('button', { type: 'button', class: 'btn ghost small', text: 'Show' });
        open.addEventListener('click', function () { follow(run.id); });
        body.appendChild(s.el('tr', { 'data-id': run.id }, [s.el('td', { text: run.name }), s.el('td', { text: s.when(run.created_at) }),
          s.el('td', { text: run.created_by || '—' }), s.el('td', { text: run.status }), s.el('td', { text: String(run.total) }),
          s.el('td', {}, [open])]));
      });
    }, function (e) {
      document.getElementById('runs-loading').hidden = true;
      s.showError(document.getElementById('runs-error'), e);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('evaluation-form');
    var error = form.querySelector('.form-error');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      s.showError(error, null);
      var data = new FormData();
      var name = form.querySelector('input[name=name]').value;
      if (name) data.append('name', name);
      Array.prototype.forEach.call(form.querySelector('input[name=files]').files, function (f) { data.append('files', f, f.name); });
      var button = form.querySelector('button[type=submit]');
      s.busy(button, true);
      fetch('/api/v1/analyst-evaluations', { method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          return response.text().then(function (text) {
            var body = text ? JSON.parse(text) : {};
            if (!response.ok) throw new Error(body.detail || body.title || ('Upload failed (' + response.status + ')'));
            return body;
          });
        })
        .then(function (run) { s.flash('Evaluation started: ' + run.total + ' conversations'); form.reset(); loadRuns(); follow(run.id); },
          function (e) { s.showError(error, e.message); })
        .finally(function () { s.busy(button, false); });
    });
    document.getElementById('run-scope').addEventListener('change', function () { if (current) render(current); });
    loadRuns();
  });
})();
