// Ask: POST /api/v1/ask with the question and scope; the answer and its citations grouped per conversation,
// each citation opening Call Detail at the cited second.
(function () {
  'use strict';

  var form = document.getElementById('ask-form');
  if (!form) return;
  var output = document.getElementById('ask-output');

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

  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds || 0));
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0');
  }

  function show(node) {
    output.replaceChildren(node);
  }

  function problem(status, body) {
    var detail = 'The question could not be answered (' + status + ').';
    try {
      var p = JSON.parse(body);
      detail = p.detail || p.title || detail;
    } catch (ignored) { /* not JSON */ }
    return el('div', { 'class': 'card answer-card' }, [el('div', { 'class': 'error-box ask-error', text: detail })]);
  }

  /** "Agent · 12 Mar 2026 · phone" for a group's heading, filled in when the conversation has loaded. */
  function describe(heading, id) {
    fetch('/api/v1/conversations/' + id, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) return;
        var c = d.conversation;
        var when = c.started_at || c.created_at;
        var parts = [c.agent && (c.agent.name || c.agent.ref) || 'Unassigned',
          when ? new Date(when).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : null,
          (c.channel || '').replace(/_/g, ' ')].filter(Boolean);
        heading.textContent = parts.join(' · ');
      })
      .catch(function () { /* keep the id */ });
  }

  /** An extractive answer lists its citations after the lead sentence; they are shown grouped below instead. */
  function lead(a) {
    var text = a.answer || '';
    return !a.used_llm && a.kind === 'passages' && (a.citations || []).length ? text.split('\n')[0] : text;
  }

  function render(a) {
    var card = el('div', { 'class': 'card answer-card', id: 'answer' });
    var meta = el('div', { 'class': 'answer-meta' }, [
      el('span', { 'class': 'badge ' + (a.used_llm ? 'llm' : ''), id: 'used-llm', 'data-used-llm': String(!!a.used_llm),
        text: a.used_llm ? 'AI-written answer' : 'Extracted from transcripts (no AI)' }),
      el('span', { text: 'scope: ' + a.scope }),
      a.kind === 'count' ? el('span', { text: 'counted from the analysis' }) : null
    ]);
    card.appendChild(meta);
    card.appendChild(el('p', { 'class': 'answer', text: lead(a) }));
    var citations = a.citations || [];
    if (!citations.length) {
      card.appendChild(el('p', { 'class': 'muted small', text: a.kind === 'count'
        ? 'No conversation to cite.' : 'No moment matched; try other words or a wider scope.' }));
      return card;
    }
    var groups = [];
    var byId = {};
    citations.forEach(function (c) {
      if (!byId[c.conversation_id]) {
        byId[c.conversation_id] = [];
        groups.push(c.conversation_id);
      }
      byId[c.conversation_id].push(c);
    });
    groups.forEach(function (id) {
      var link = el('a', { href: '/calls/' + id, text: 'Conversation ' + id.substring(0, 8) });
      var group = el('div', { 'class': 'conversation-group', 'data-conversation': id }, [el('h3', {}, [link])]);
      byId[id].forEach(function (c) {
        group.appendChild(el('a', { 'class': 'citation', href: '/calls/' + id + '?t=' + c.start, 'data-start': String(c.start) }, [
          el('span', { 'class': 'time', text: clock(c.start) }),
          el('span', { 'class': 'speaker ' + c.speaker, text: c.speaker }),
          ' “' + c.quote + '”'
        ]));
      });
      card.appendChild(group);
      describe(link, id);
    });
    return card;
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var question = document.getElementById('ask-question').value.trim();
    if (!question) return;
    var scope = document.getElementById('ask-scope');
    var button = document.getElementById('ask-submit');
    button.disabled = true;
    show(el('div', { 'class': 'card answer-card loading', id: 'ask-loading', text: 'Searching your conversations…' }));
    fetch('/api/v1/ask', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ question: question, scope: scope ? scope.value : null })
    }).then(function (r) {
      return r.text().then(function (body) {
        show(r.ok ? render(JSON.parse(body)) : problem(r.status, body));
      });
    }).catch(function () {
      show(problem(0, ''));
    }).finally(function () { button.disabled = false; });
  });

  document.querySelectorAll('.suggestion').forEach(function (b) {
    b.addEventListener('click', function () {
      document.getElementById('ask-question').value = b.textContent;
      form.requestSubmit();
    });
  });
})();
