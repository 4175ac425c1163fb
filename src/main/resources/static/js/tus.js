// A small tus 1.0 client (creation, checksum with sha1): uploads a File in large chunks, one PATCH each, and resumes an
// earlier upload of the same file from the offset the server has (HEAD). The upload URL of an unfinished file is kept
// in localStorage under a fingerprint (endpoint, name, size, last change), so a reload or a dropped connection does
// not start over.
(function () {
  'use strict';

  var PREFIX = 'verbatim.tus:';
  var RETRY_DELAYS = [1000, 3000];
  // Each PATCH has a fixed cost on the server (a request, a database commit, an fsync): 8 MiB PATCHes reached about
  // 30% of a plain copy's speed, 64 MiB ones about 65% (docs/mystery-shopping.md, session 14). With a checksum the chunk
  // is read into memory once for its SHA-1, so its size bounds the page's memory; without one the browser streams the
  // File itself and the whole file goes in one PATCH (a dropped connection resumes from the bytes the server kept).
  var CHECKSUM_CHUNK = 64 * 1024 * 1024;

  function canChecksum() {
    return !!(window.crypto && window.crypto.subtle);
  }

  function fingerprint(file, endpoint) {
    return PREFIX + endpoint + '|' + file.name + '|' + file.size + '|' + file.lastModified;
  }

  function b64(text) {
    var bytes = new TextEncoder().encode(text);
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  }

  // Upload-Checksum of a chunk; crypto.subtle exists only on secure origins (https, localhost): elsewhere none is sent.
  function checksum(blob) {
    if (!canChecksum()) return Promise.resolve(null);
    return blob.arrayBuffer().then(function (buffer) { return window.crypto.subtle.digest('SHA-1', buffer); })
      .then(function (digest) {
        var bytes = new Uint8Array(digest);
        var s = '';
        for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
        return 'sha1 ' + btoa(s);
      });
  }

  // One request; on a 401 the session's short-lived access token is renewed once (app.js) and the request repeated.
  function request(method, url, headers, body) {
    headers['Tus-Resumable'] = '1.0.0';
    var send = function () { return fetch(url, { method: method, headers: headers, body: body, credentials: 'same-origin' }); };
    return send().then(function (response) {
      if (response.status !== 401 || !(window.verbatim && window.verbatim.renewSession)) return response;
      return window.verbatim.renewSession().then(function (ok) { return ok ? send() : response; });
    });
  }

  function problem(response) {
    return response.text().then(function (text) {
      var detail = null;
      try { detail = JSON.parse(text).detail; } catch (ignored) { /* not problem+json */ }
      var error = new Error(detail || ('HTTP ' + response.status));
      error.status = response.status;
      return Promise.reject(error);
    });
  }

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  /** The server's offset of an upload URL, or null when it is gone (404, 410). */
  function offsetOf(url) {
    return request('HEAD', url, {}).then(function (r) {
      if (r.status === 404 || r.status === 410 || r.status === 403) return null;
      if (!r.ok) return problem(r);
      return Number(r.headers.get('Upload-Offset'));
    });
  }

  function create(file, endpoint) {
    var metadata = 'filename ' + b64(file.name) + (file.type ? ',filetype ' + b64(file.type) : '');
    return request('POST', endpoint, { 'Upload-Length': String(file.size), 'Upload-Metadata': metadata })
      .then(function (r) {
        if (r.status !== 201) return problem(r);
        return new URL(r.headers.get('Location'), window.location.href).pathname;
      });
  }

  /**
   * Uploads {@code file} to the tus {@code endpoint}. options: chunkSize (bytes; default 64 MiB with a checksum, else
   * the whole file), resumeUrl (an unfinished upload of
   * this file the server listed), onProgress(offset, size). Resolves with {url, resumedFrom}; rejects with an Error
   * carrying {offset, url} when the connection stays down after the retries.
   */
  function upload(file, endpoint, options) {
    options = options || {};
    var chunkSize = Math.max(1, Number(options.chunkSize) || (canChecksum() ? CHECKSUM_CHUNK : file.size));
    var key = fingerprint(file, endpoint);
    var progress = options.onProgress || function () {};
    var state = { url: null, offset: 0, resumedFrom: null };

    function start() {
      var known = null;
      try { known = window.localStorage.getItem(key); } catch (ignored) { /* storage off */ }
      known = known || options.resumeUrl || null;
      if (!known) return fresh();
      return offsetOf(known).then(function (offset) {
        if (offset === null) return fresh();
        state.url = known;
        state.offset = offset;
        state.resumedFrom = offset;
      });
    }

    function fresh() {
      return create(file, endpoint).then(function (url) {
        state.url = url;
        state.offset = 0;
        try { window.localStorage.setItem(key, url); } catch (ignored) { /* storage off: resume by the server's list */ }
      });
    }

    function patch() {
      var chunk = file.slice(state.offset, Math.min(file.size, state.offset + chunkSize));
      return checksum(chunk).then(function (sum) {
        var headers = { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(state.offset) };
        if (sum) headers['Upload-Checksum'] = sum;
        return request('PATCH', state.url, headers, chunk);
      }).then(function (r) {
        if (r.status !== 204) return problem(r);
        state.offset = Number(r.headers.get('Upload-Offset'));
      });
    }

    // A dropped connection or a busy upload (409) is retried from the server's offset; a refusal (4xx) is final.
    function loop(attempt) {
      progress(state.offset, file.size);
      if (state.offset >= file.size) return Promise.resolve();
      return patch().then(function () { return loop(0); }, function (error) {
        var retryable = !error.status || error.status === 409 || error.status >= 500 || error.status === 460;
        if (!retryable || attempt >= RETRY_DELAYS.length) {
          error.offset = state.offset;
          error.url = state.url;
          return Promise.reject(error);
        }
        return wait(RETRY_DELAYS[attempt]).then(function () { return offsetOf(state.url); })
          .then(function (offset) { if (offset !== null) state.offset = offset; return loop(attempt + 1); },
            function () { return loop(attempt + 1); });
      });
    }

    return start().then(function () { return loop(0); }).then(function () {
      try { window.localStorage.removeItem(key); } catch (ignored) { /* storage off */ }
      return { url: state.url, resumedFrom: state.resumedFrom };
    });
  }

  window.verbatimTus = { upload: upload };
})();
