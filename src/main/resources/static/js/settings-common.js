// Shared by the settings pages: JSON API calls with problem+json errors, messages, small DOM helpers.
(function () {
  'use strict';

  /** Calls the API; resolves with {status, headers, data} on 2xx, rejects with an Error carrying .problem otherwise. */
  function api(method, path, body, options) {
    var init = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    // The session's access token is short-lived: on a 401, renew it once with the refresh cookie and retry.
    var send = function () { return fetch(path, init); };
    return send().then(function (response) {
      if (response.status !== 401) return response;
      var renew = window.verbatim && window.verbatim.renewSession ? window.verbatim.renewSession()
        : fetch('/login/refresh', { method: 'POST', credentials: 'same-origin' }).then(function (r) { return r.ok; });
      return renew.then(function (ok) { return ok ? send() : response; }, function () { return response; });
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        if (text) {
          try { data = JSON.parse(text); } catch (ignored) { data = text; }
        }
        if (response.ok) {
          return { status: response.status, headers: response.headers, data: data, text: text };
        }
        var problem = (data && typeof data === 'object') ? data : {};
        var error = new Error(problem.detail || problem.title || ('Request failed (' + response.status + ')'));
        error.status = response.status;
        error.problem = problem;
        throw error;
      });
    }, function () {
      var error = new Error('The server could not be reached. Check your connection and try again.');
      error.status = 0;
      error.problem = {};
      throw error;
    });
  }

  function message(error) {
    if (error && error.status === 401) return 'Your session has ended; sign in again.';
    if (error && error.status === 403) return 'Your role does not allow this.';
    return (error && error.message) || 'Something went wrong.';
  }

  /** Shows an error in a box next to what caused it (or clears it with a null error). */
  function showError(box, error) {
    if (!box) return;
    if (!error) { box.hidden = true; box.textContent = ''; return; }
    box.textContent = typeof error === 'string' ? error : message(error);
    box.hidden = false;
  }

  function flash(text, kind) {
    var el = document.getElementById('flash');
    if (!el) return;
    el.textContent = text;
    el.className = 'flash ' + (kind || 'ok');
    el.hidden = false;
    clearTimeout(flash.timer);
    flash.timer = setTimeout(function () { el.hidden = true; }, 6000);
  }

  /** A message that survives the reload that follows a change. */
  function flashAfterReload(text) {
    try { sessionStorage.setItem('verbatim-flash', text); } catch (ignored) { /* private mode */ }
    window.location.reload();
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'class') node.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function when(iso) {
    if (!iso) return '—';
    var d = new Date(iso);
    if (isNaN(d.getTime())) return iso;
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }

  /** Every page of a cursor-paginated list. */
  function all(path) {
    var items = [];
    function next(cursor) {
      var url = path + (path.indexOf('?') < 0 ? '?' : '&') + 'limit=500' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
      return api('GET', url).then(function (r) {
        items = items.concat(r.data.items || []);
        return r.data.next_cursor && items.length < 5000 ? next(r.data.next_cursor) : items;
      });
    }
    return next(null);
  }

  function busy(button, on) {
    if (!button) return;
    button.disabled = on;
    button.classList.toggle('busy', on);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var text = null;
    try { text = sessionStorage.getItem('verbatim-flash'); sessionStorage.removeItem('verbatim-flash'); } catch (ignored) { /* none */ }
    if (text) flash(text);
  });

  window.settings = { api: api, showError: showError, message: message, flash: flash, flashAfterReload: flashAfterReload,
    el: el, when: when, all: all, busy: busy };
})();
