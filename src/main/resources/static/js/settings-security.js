// Settings → Security: two-step sign-in (enrol with a QR code, confirm, recovery codes shown once, turn off),
// the user's sessions (list, end), and for admins the organisation's MFA policy. All through /api/v1/auth/*.
(function () {
  'use strict';
  var s = window.settings;

  function loadSessions() {
    var error = document.getElementById('sessions-error');
    s.showError(error, null);
    return s.api('GET', '/api/v1/auth/sessions').then(function (r) { renderSessions(r.data.items || []); }, function (e) {
      document.getElementById('sessions-loading').hidden = true;
      s.showError(error, 'Sessions could not be loaded: ' + s.message(e));
    });
  }

  function renderSessions(items) {
    document.getElementById('sessions-loading').hidden = true;
    document.getElementById('sessions-wrap').hidden = false;
    var body = document.querySelector('#sessions tbody');
    body.textContent = '';
    items.forEach(function (session) { body.appendChild(sessionRow(session)); });
  }

  function sessionRow(session) {
    var el = s.el;
    var msg = el('span', { class: 'row-msg', role: 'status' });
    var actions = el('td', { class: 'actions' });
    if (session.current) {
      actions.appendChild(el('span', { class: 'badge completed', text: 'this browser' }));
    } else {
      var end = el('button', { type: 'button', class: 'btn small ghost end-session', text: 'Sign out' });
      end.addEventListener('click', function () {
        s.busy(end, true);
        s.api('DELETE', '/api/v1/auth/sessions/' + session.id).then(function () {
          s.flash('Session ended.');
          loadSessions();
        }, function (error) { s.busy(end, false); msg.textContent = s.message(error); msg.className = 'row-msg error'; });
      });
      actions.appendChild(end);
    }
    actions.appendChild(msg);
    return el('tr', { 'data-id': session.id, class: session.current ? 'current' : '' }, [
      el('td', { text: device(session.user_agent) }), el('td', { text: session.ip || '—' }),
      el('td', { text: s.when(session.created_at) }), el('td', { text: s.when(session.last_seen_at) }),
      el('td', { text: (session.factors || []).indexOf('otp') >= 0 ? 'password + code' : session.method }), actions]);
  }

  /** A readable name for a user agent: the browser and the system, else the raw text. */
  function device(agent) {
    if (!agent) return 'unknown';
    var browser = /Edg\//.test(agent) ? 'Edge' : /Chrom(e|ium)\//.test(agent) ? 'Chrome' : /Firefox\//.test(agent) ? 'Firefox'
      : /Safari\//.test(agent) ? 'Safari' : null;
    var system = /Windows/.test(agent) ? 'Windows' : /Mac OS X/.test(agent) ? 'macOS' : /Android/.test(agent) ? 'Android'
      : /iPhone|iPad/.test(agent) ? 'iOS' : /Linux/.test(agent) ? 'Linux' : null;
    return browser ? browser + (system ? ' on ' + system : '') : agent.slice(0, 80);
  }

  function showCodes(codes) {
    var list = document.getElementById('recovery-codes');
    list.textContent = '';
    codes.forEach(function (code) { list.appendChild(s.el('li', {}, [s.el('code', { text: code })])); });
    document.getElementById('recovery').hidden = false;
  }

  function startEnrolment() {
    var button = document.getElementById('enrol-start');
    var error = document.getElementById('enrol-error');
    s.showError(error, null);
    s.busy(button, true);
    s.api('POST', '/api/v1/auth/mfa/totp').then(function (r) {
      s.busy(button, false);
      // The SVG is our own server's rendering of the otpauth URI (no script in it); parsed, never run.
      var svg = new DOMParser().parseFromString(r.data.qr_svg, 'image/svg+xml').documentElement;
      var qr = document.getElementById('qr');
      qr.textContent = '';
      qr.appendChild(document.importNode(svg, true));
      var secret = /[?&]secret=([^&]+)/.exec(r.data.otpauth_uri);
      document.getElementById('manual-key').textContent = secret ? secret[1] : '';
      document.getElementById('enrol').hidden = false;
      button.hidden = true;
      document.querySelector('#confirm-form input[name=code]').focus();
    }, function (e) { s.busy(button, false); s.showError(error, e); });
  }

  function wire(formId, handler) {
    var form = document.getElementById(formId);
    if (!form) return;
    var box = form.querySelector('.form-error');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      s.showError(box, null);
      var button = form.querySelector('button[type=submit]');
      s.busy(button, true);
      handler(form).then(function () { s.busy(button, false); }, function (error) {
        s.busy(button, false);
        s.showError(box, error);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('enrol-start').addEventListener('click', startEnrolment);
    wire('confirm-form', function (form) {
      return s.api('POST', '/api/v1/auth/mfa/totp/confirm', { code: form.code.value.replace(/\s/g, '') }).then(function (r) {
        document.getElementById('mfa-off').hidden = true;
        document.getElementById('mfa-on').hidden = false;
        document.getElementById('codes-left').textContent = r.data.recovery_codes.length;
        var banner = document.getElementById('must-enrol');
        if (banner) banner.hidden = true;
        showCodes(r.data.recovery_codes);
        s.flash('Two-step sign-in is on.');
        loadSessions();
      });
    });
    wire('disable-form', function (form) {
      return s.api('POST', '/api/v1/auth/mfa/totp/disable', { code: form.code.value.trim() }).then(function () {
        s.flashAfterReload('Two-step sign-in is off.');
      });
    });
    wire('policy-form', function (form) {
      return s.api('PUT', '/api/v1/auth/mfa/policy', { required: form.required.value }).then(function () {
        s.flash('Policy saved.');
      });
    });
    document.getElementById('dismiss-codes').addEventListener('click', function () {
      document.getElementById('recovery-codes').textContent = '';
      document.getElementById('recovery').hidden = true;
    });
    loadSessions();
  });
})();
