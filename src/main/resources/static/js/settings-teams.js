// Settings → Teams: list, create, rename, delete (/api/v1/teams).
(function () {
  'use strict';
  var s = window.settings;
  var el;

  function load() {
    var error = document.getElementById('teams-error');
    s.showError(error, null);
    return s.all('/api/v1/teams').then(render, function (e) {
      document.getElementById('teams-loading').hidden = true;
      s.showError(error, 'Teams could not be loaded: ' + s.message(e));
    });
  }

  function render(teams) {
    document.getElementById('teams-loading').hidden = true;
    document.getElementById('teams-empty').hidden = teams.length > 0;
    document.getElementById('teams-wrap').hidden = teams.length === 0;
    var body = document.querySelector('#teams tbody');
    body.textContent = '';
    teams.sort(function (a, b) { return a.name.localeCompare(b.name); }).forEach(function (t) { body.appendChild(row(t)); });
  }

  function row(team) {
    var name = el('span', { class: 'team-name', text: team.name });
    var msg = el('span', { class: 'row-msg', role: 'status' });
    var rename = el('button', { type: 'button', class: 'btn small ghost rename', text: 'Rename' });
    var remove = el('button', { type: 'button', class: 'btn small ghost delete', text: 'Delete' });
    var tr = el('tr', { 'data-id': team.id, 'data-name': team.name }, [
      el('td', {}, [name]), el('td', { class: 'num', text: String(team.members) }), el('td', { text: s.when(team.created_at) }),
      el('td', { class: 'actions' }, [rename, ' ', remove, ' ', msg])]);
    function fail(error) { msg.textContent = s.message(error); msg.className = 'row-msg error'; }
    rename.addEventListener('click', function () {
      var input = el('input', { type: 'text', class: 'inline', value: team.name, 'aria-label': 'New name', maxlength: '200' });
      var save = el('button', { type: 'button', class: 'btn small save', text: 'Save' });
      var cancel = el('button', { type: 'button', class: 'btn small ghost', text: 'Cancel' });
      var cell = tr.firstChild;
      cell.textContent = '';
      cell.appendChild(input); cell.appendChild(document.createTextNode(' '));
      cell.appendChild(save); cell.appendChild(document.createTextNode(' ')); cell.appendChild(cancel);
      input.focus();
      cancel.addEventListener('click', load);
      function submit() {
        s.busy(save, true);
        s.api('PATCH', '/api/v1/teams/' + team.id, { name: input.value.trim() }).then(function (r) {
          s.flash('Renamed to ' + r.data.name + '.');
          load();
        }, function (error) { s.busy(save, false); fail(error); });
      }
      save.addEventListener('click', submit);
      input.addEventListener('keydown', function (e) { if (e.key === 'Enter') submit(); if (e.key === 'Escape') load(); });
    });
    remove.addEventListener('click', function () {
      var warning = team.members > 0 ? ' Its ' + team.members + ' member(s) will have no team.' : '';
      if (!window.confirm('Delete the team ' + team.name + '?' + warning)) return;
      s.busy(remove, true);
      s.api('DELETE', '/api/v1/teams/' + team.id).then(function () {
        s.flash('Deleted the team ' + team.name + '.');
        load();
      }, function (error) { s.busy(remove, false); fail(error); });
    });
    return tr;
  }

  document.addEventListener('DOMContentLoaded', function () {
    el = s.el;
    var form = document.getElementById('team-form');
    var box = form.querySelector('.form-error');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      s.showError(box, null);
      var button = form.querySelector('button[type=submit]');
      s.busy(button, true);
      s.api('POST', '/api/v1/teams', { name: form.name.value.trim() }).then(function (r) {
        s.busy(button, false);
        form.reset();
        s.flash('Created the team ' + r.data.name + '.');
        load();
      }, function (error) { s.busy(button, false); s.showError(box, error); });
    });
    load();
  });
})();
