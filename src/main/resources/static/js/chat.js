// Chat: a session per persona choice; each message is POSTed with Accept: text/event-stream and the answer
// is written as its "delta" events arrive; "done" brings the citations (document page or call moment) and
// the thumbs that store feedback.
(function () {
  'use strict';

  var form = document.getElementById('chat-form');
  if (!form) return;
  var log = document.getElementById('chat-log');
  var persona = document.getElementById('chat-persona');
  var input = document.getElementById('chat-input');
  var session = null;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'class') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }

  function post(url, body, accept) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': accept || 'application/json' },
      body: JSON.stringify(body)
    });
  }

  function problem(response) {
    return response.text().then(function (text) {
      var detail = 'The message could not be answered (' + response.status + ').';
      try { detail = JSON.parse(text).detail || detail; } catch (ignored) { /* not JSON */ }
      throw new Error(detail);
    });
  }

  function ensureSession() {
    if (session && session.persona === persona.value) return Promise.resolve(session.id);
    return post('/api/v1/chat/sessions', { persona_id: persona.value }).then(function (r) {
      if (!r.ok) return problem(r);
      return r.json().then(function (s) {
        session = { id: s.id, persona: persona.value };
        log.replaceChildren();
        return s.id;
      });
    });
  }

  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds || 0));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function citation(c) {
    if (c.kind === 'call') {
      return el('li', { 'class': 'chat-citation' }, [el('a', { href: '/calls/' + c.conversation_id + '?t=' + Math.floor(c.second || 0),
        'class': 'citation', text: 'Call at ' + clock(c.second) }), ' “' + c.quote + '”']);
    }
    return el('li', { 'class': 'chat-citation', 'data-document': c.document_id }, [
      el('strong', { text: c.title + (c.page ? ', page ' + c.page : '') }), ' “' + c.quote + '”']);
  }

  function feedback(sessionId, messageId, rating, box) {
    post('/api/v1/chat/sessions/' + sessionId + '/messages/' + messageId + '/feedback', { rating: rating }).then(function (r) {
      if (r.ok) box.setAttribute('data-rated', rating);
    });
  }

  function finish(bubble, answer, sessionId) {
    bubble.querySelector('.chat-text').textContent = answer.answer;
    bubble.setAttribute('data-kind', answer.kind);
    if (answer.citations.length) {
      bubble.appendChild(el('ul', { 'class': 'chat-citations' }, answer.citations.map(citation)));
    }
    var thumbs = el('div', { 'class': 'chat-feedback' });
    var up = el('button', { type: 'button', 'class': 'chip thumb-up', title: 'Helpful', text: '👍' });
    var down = el('button', { type: 'button', 'class': 'chip thumb-down', title: 'Not helpful', text: '👎' });
    up.addEventListener('click', function () { feedback(sessionId, answer.message_id, 'up', thumbs); });
    down.addEventListener('click', function () { feedback(sessionId, answer.message_id, 'down', thumbs); });
    thumbs.append(up, down);
    bubble.appendChild(thumbs);
    bubble.setAttribute('data-done', 'true');
  }

  /** Reads the server-sent events of the answer as they arrive. */
  function stream(response, bubble, sessionId) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = '';
    var text = bubble.querySelector('.chat-text');
    function handle(block) {
      var name = 'message', data = '';
      block.split('\n').forEach(function (line) {
        if (line.indexOf('event:') === 0) name = line.slice(6).trim();
        else if (line.indexOf('data:') === 0) data += line.slice(5);
      });
      if (!data) return;
      var payload = JSON.parse(data);
      if (name === 'delta') text.textContent += payload.text;
      else if (name === 'done') finish(bubble, payload, sessionId);
    }
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        var parts = buffer.split('\n\n');
        buffer = parts.pop();
        parts.forEach(handle);
        return pump();
      });
    }
    return pump();
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var content = input.value.trim();
    if (!content) return;
    input.value = '';
    ensureSession().then(function (sessionId) {
      log.appendChild(el('div', { 'class': 'chat-message user' }, [el('p', { text: content })]));
      var bubble = el('div', { 'class': 'chat-message assistant' }, [el('p', { 'class': 'chat-text' })]);
      log.appendChild(bubble);
      return post('/api/v1/chat/sessions/' + sessionId + '/messages', { content: content }, 'text/event-stream').then(function (r) {
        if (!r.ok) return problem(r);
        return stream(r, bubble, sessionId);
      });
    }).catch(function (err) {
      log.appendChild(el('div', { 'class': 'error-box chat-error', text: err.message }));
    });
  });
})();
