// Settings → Users: add a user, change role / agent kind / team, deactivate and reactivate (PATCH/POST/DELETE /api/v1/users).
(function () {
  'use strict';
  var s = window.settings;

  function fillTeams(teams) {
    document.querySelectorAll('select.team').forEach(function (select) {
      var row = select.closest('tr');
      var current = row ? row.dataset.teamId : '';
      teams.forEach(function (t) {
        var option = s.el('option', { value: t.id, text: t.name });
        if (current && current === t.id) option.selected = true;
        select.appendChild(option);
      });
      if (current && !teams.some(function (t) { return t.id === current; })) {
        select.appendChild(s.el('option', { value: current, text: '(unknown team)', selected: 'selected' }));
      }
    });
  }

  function rowMessage(row, error) {
    var msg = row.querySelector('.row-msg');
    msg.textContent = error ? s.message(error) : '';
    msg.className = 'row-msg' + (error ? ' error' : '');
  }

  function patch(row, body, done) {
    rowMessage(row, null);
    row.classList.add('saving');
    return s.api('PATCH', '/api/v1/users/' + row.dataset.id, body).then(function (r) {
      row.classList.remove('saving');
      if (done) done(r.data);
    }, function (error) {
      row.classList.remove('saving');
      rowMessage(row, error);
    });
  }

  function wireRows() {
    document.querySelectorAll('#users tbody tr').forEach(function (row) {
      var email = row.dataset.email;
      var role = row.querySelector('select.role');
      if (role) role.addEventListener('change', function () {
        var body = { role: role.value };
        if (role.value === 'agent') body.agent_kind = 'csr';
        patch(row, body, function () { s.flashAfterReload('Changed the role of ' + email + ' to ' + role.value + '.'); })
          .then(function () { if (row.querySelector('.row-msg.error')) role.value = row.dataset.role; });
      });
      var kind = row.querySelector('select.agent-kind');
      if (kind) kind.addEventListener('change', function () {
        patch(row, { agent_kind: kind.value }, function () { s.flash('Saved: ' + email + ' is a ' + kind.value + '.'); });
      });
      var team = row.querySelector('select.team');
      team.addEventListener('change', function () {
        var body = team.value ? { team_id: team.value } : { clear_team: true };
        patch(row, body, function () {
          row.dataset.teamId = team.value;
          s.flash('Saved: ' + email + (team.value ? ' is in ' + team.options[team.selectedIndex].text : ' has no team') + '.');
        });
      });
      var deactivate = row.querySelector('.deactivate');
      if (deactivate) deactivate.addEventListener('click', function () {
        if (!window.confirm('Deactivate ' + email + '? They will no longer be able to sign in.')) return;
        s.busy(deactivate, true);
        s.api('DELETE', '/api/v1/users/' + row.dataset.id).then(function () {
          s.flashAfterReload('Deactivated ' + email + '.');
        }, function (error) { s.busy(deactivate, false); rowMessage(row, error); });
      });
      var reactivate = row.querySelector('.reactivate');
      if (reactivate) reactivate.addEventListener('click', function () {
        s.busy(reactivate, true);
        patch(row, { active: true }, function () { s.flashAfterReload('Reactivated ' + email + '.'); })
          .then(function () { s.busy(reactivate, false); });
      });
    });
  }

  function wireForm() {
    var form = document.getElementById('user-form');
    var box = form.querySelector('.form-error');
    var agentOnly = form.querySelector('.agent-only');
    function toggleKind() { agentOnly.hidden = form.role.value !== 'agent'; }
    form.role.addEventListener('change', toggleKind);
    toggleKind();
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      s.showError(box, null);
      var body = { name: form.name.value.trim(), email: form.email.value.trim(), role: form.role.value };
      if (form.role.value === 'agent') body.agent_kind = form.agent_kind.value;
      if (form.team_id.value) body.team_id = form.team_id.value;
      if (form.password.value) body.password = form.password.value;
      var button = form.querySelector('button[type=submit]');
      s.busy(button, true);
      s.api('POST', '/api/v1/users', body).then(function (r) {
        s.flashAfterReload('Added ' + r.data.email + ' (' + r.data.role + ').');
      }, function (error) {
        s.busy(button, false);
        s.showError(box, error);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    wireForm();
    wireRows();
    s.all('/api/v1/teams').then(fillTeams, function (error) {
      s.showError(document.getElementById('page-error'), 'Teams could not be loaded: ' + s.message(error));
    });
  });
})();
