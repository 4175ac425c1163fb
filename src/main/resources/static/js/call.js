// Call Detail: player + waveform, transcript synced to playback, the analysis cards, and "ask about this call".
// Everything is read from the role-scoped APIs, so redaction and visibility are the API's.
(function () {
  'use strict';

  var root = document.getElementById('call');
  if (!root) return;
  var id = root.dataset.id;
  var api = '/api/v1/conversations/' + id;
  var player = document.getElementById('player');
  var turns = [];          // transcript turns as the API returned them
  var turnEls = [];        // their elements, same index
  var current = -1;
  var peaks = null;
  var duration = 0;
  var review = null;       // the low-confidence judgments (call-review.js), once the analysis is read

  // ---- helpers ----------------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'class') e.className = attrs[k];
      else if (k.indexOf('data-') === 0) e.setAttribute(k, attrs[k]);
      else e[k] = attrs[k];
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }

  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds || 0));
    var h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0');
  }

  function label(text) {
    return String(text == null ? '' : text).replace(/_/g, ' ');
  }

  /** fetch JSON; rejects with {status, type, detail} from problem+json. */
  function json(url, options) {
    return fetch(url, Object.assign({ credentials: 'same-origin', headers: { 'Accept': 'application/json' } }, options || {}))
      .then(function (r) {
        if (r.ok) return r.status === 204 ? null : r.json();
        return r.text().then(function (body) {
          var problem = { status: r.status, detail: 'Request failed (' + r.status + ')' };
          try {
            var p = JSON.parse(body);
            problem.type = p.type;
            problem.detail = p.detail || p.title || problem.detail;
          } catch (ignored) { /* not JSON */ }
          throw problem;
        });
      });
  }

  function send(method, url, body) {
    return json(url, {
      method: method,
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: body == null ? undefined : JSON.stringify(body)
    });
  }

  function empty(container, title, text) {
    container.replaceChildren(el('div', { 'class': 'empty small-empty' }, [el('strong', { text: title }), text || '']));
  }

  function fail(container, problem) {
    container.replaceChildren(el('div', { 'class': 'error-box', text: (problem && problem.detail) || 'Could not load this.' }));
  }

  function notice(text, isError) {
    var box = document.getElementById(isError ? 'page-error' : 'page-notice');
    box.textContent = text;
    box.hidden = false;
    if (!isError) document.getElementById('page-error').hidden = true;
  }

  /** A button that seeks to a moment: the player when there is one, else the transcript turn. */
  function seekButton(start, turn, text) {
    var b = el('button', { type: 'button', 'class': 'seek', 'data-start': start, text: text || clock(start) });
    if (turn != null) b.setAttribute('data-turn', turn);
    b.title = 'Go to ' + clock(start);
    return b;
  }

  // ---- playback ---------------------------------------------------------------------------------
  /** The turn playing at time t: the last one that has started. */
  function turnAt(t) {
    var found = -1;
    for (var i = 0; i < turns.length; i++) {
      if (turns[i].start <= t + 0.01) found = i; else break;
    }
    return found;
  }

  function highlight(index, scroll) {
    if (index === current) return;
    if (current >= 0 && turnEls[current]) turnEls[current].classList.remove('current');
    current = index;
    if (index >= 0 && turnEls[index]) {
      turnEls[index].classList.add('current');
      if (scroll) {
        var box = document.getElementById('transcript');
        var top = turnEls[index].offsetTop - box.clientHeight / 3; // the box is the turns' offsetParent
        box.scrollTo({ top: Math.max(0, top), behavior: 'auto' });
      }
    }
  }

  function seek(t, turn) {
    t = Math.max(0, Number(t) || 0);
    if (player) {
      var apply = function () { player.currentTime = t; };
      if (player.readyState >= 1) apply();
      else {
        player.addEventListener('loadedmetadata', apply, { once: true });
        try { apply(); } catch (ignored) { /* before metadata */ }
      }
    }
    highlight(turn != null && turns[turn] ? Number(turn) : turnAt(t), true);
    drawWaveform(t);
  }

  function playbackTime() {
    return player ? player.currentTime : 0;
  }

  if (player) {
    player.addEventListener('timeupdate', function () {
      highlight(turnAt(player.currentTime), !player.paused);
      drawWaveform(player.currentTime);
    });
    player.addEventListener('loadedmetadata', function () {
      if (isFinite(player.duration)) duration = player.duration;
      drawWaveform(player.currentTime);
    });
    player.addEventListener('error', function () {
      var note = document.getElementById('player-note');
      note.hidden = false;
      note.textContent = 'The recording cannot be played right now (it may still be being redacted). The transcript and analysis are below.';
    });
  }

  // Any seek button on the page.
  root.addEventListener('click', function (e) {
    var b = e.target.closest('[data-start]');
    if (!b || !root.contains(b)) return;
    e.preventDefault();
    seek(parseFloat(b.getAttribute('data-start')), b.hasAttribute('data-turn') ? parseInt(b.getAttribute('data-turn'), 10) : null);
  });

  // ---- waveform ---------------------------------------------------------------------------------
  function loadWaveform() {
    var status = document.getElementById('waveform-status');
    if (!status) return;
    json(api + '/waveform').then(function (w) {
      peaks = w;
      if (!duration && w.sample_rate && w.samples_per_pixel && w.length) duration = w.length * w.samples_per_pixel / w.sample_rate;
      status.hidden = true;
      drawWaveform(playbackTime());
    }).catch(function (p) {
      status.textContent = p.status === 404 ? 'No waveform for this recording yet.' : (p.detail || 'Could not load the waveform.');
      status.classList.add('muted');
    });
    var box = document.getElementById('waveform');
    box.addEventListener('click', function (e) {
      var total = duration || (player && player.duration) || 0;
      if (!total) return;
      var rect = box.getBoundingClientRect();
      seek(total * (e.clientX - rect.left) / rect.width);
    });
    window.addEventListener('resize', function () { drawWaveform(playbackTime()); });
  }

  function drawWaveform(t) {
    var canvas = document.getElementById('waveform-canvas');
    if (!canvas || !peaks) return;
    var width = canvas.parentElement.clientWidth, height = canvas.height;
    if (canvas.width !== width) canvas.width = width;
    var ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, width, height);
    var data = peaks.data || [], channels = peaks.channels || 1, bits = peaks.bits || 8;
    var scale = bits === 8 ? 128 : 32768;
    var points = Math.floor(data.length / (2 * channels));
    var total = duration || 1;
    var played = Math.min(1, (t || 0) / total) * width;
    // Turn spans under the waveform: agent and customer in their colours.
    turns.forEach(function (turn) {
      ctx.fillStyle = turn.speaker === 'agent' ? 'rgba(57,73,171,.10)' : turn.speaker === 'customer' ? 'rgba(230,126,34,.12)' : 'rgba(0,0,0,.05)';
      ctx.fillRect(turn.start / total * width, 0, Math.max(1, (turn.end - turn.start) / total * width), height);
    });
    var mid = height / 2;
    for (var x = 0; x < width; x++) {
      var from = Math.floor(x / width * points), to = Math.max(from + 1, Math.floor((x + 1) / width * points));
      var min = 0, max = 0;
      for (var i = from; i < to && i < points; i++) {
        for (var c = 0; c < channels; c++) {
          var k = (i * channels + c) * 2;
          if (data[k] < min) min = data[k];
          if (data[k + 1] > max) max = data[k + 1];
        }
      }
      ctx.fillStyle = x < played ? '#3949ab' : '#a9b1d6';
      ctx.fillRect(x, mid - max / scale * mid, 1, Math.max(1, (max - min) / scale * mid));
    }
    ctx.fillStyle = '#b3261e';
    ctx.fillRect(played, 0, 2, height);
  }

  // ---- transcript -------------------------------------------------------------------------------
  // Correcting turns (call-edit.js), for the roles the page marks as editors.
  var editor = root.dataset.edits === 'true' && window.verbatimTurnEdit ? window.verbatimTurnEdit.create({
    api: api, send: send, notice: notice,
    saved: function (t) { turns = t.turns || []; renderTranscript(); watch(); }
  }) : null;

  function loadTranscript() {
    var box = document.getElementById('transcript');
    return json(api + '/transcript').then(function (t) {
      turns = t.turns || [];
      if (!duration && t.duration_seconds) duration = t.duration_seconds;
      renderTranscript();
    }).catch(function (p) {
      turns = [];
      turnEls = [];
      if (p.status === 404) empty(box, 'No transcript yet', 'It appears here once the conversation has been transcribed.');
      else if (p.status === 409) empty(box, 'Being redacted', 'The transcript appears once personal data has been removed.');
      else fail(box, p);
    });
  }

  function renderTranscript() {
    var box = document.getElementById('transcript');
    current = -1;
    if (!turns.length) {
      turnEls = [];
      empty(box, 'Empty transcript', 'Nothing was said, or nothing could be recognised.');
      return;
    }
    turnEls = turns.map(function (turn, i) {
      var who = turn.speaker || 'unknown';
      return el('div', { 'class': 'turn ' + who, 'data-start': turn.start, 'data-turn': i, role: 'button', tabIndex: 0 }, [
        el('div', { 'class': 'turn-head' }, [
          el('span', { 'class': 'speaker ' + who, text: who === 'unknown' ? (turn.speaker_label || 'Speaker') : who }),
          el('span', { 'class': 'time', text: clock(turn.start) })
        ]),
        el('div', { 'class': 'text', text: turn.text })
      ]);
    });
    if (editor) {
      turnEls.forEach(function (e, i) { editor.decorate(e, i); });
      editor.load(turnEls);
    }
    box.replaceChildren.apply(box, turnEls);
    highlight(turnAt(playbackTime()), false);
    drawWaveform(playbackTime());
  }

  document.getElementById('transcript').addEventListener('keydown', function (e) {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.classList.contains('turn')) {
      e.preventDefault();
      e.target.click();
    }
  });

  // ---- analysis ---------------------------------------------------------------------------------
  function loadAnalysis() {
    var ids = ['summary', 'scorecard', 'sentiment', 'talk', 'moments', 'actions', 'entities'];
    return json(api + '/analysis').then(function (a) {
      review = window.verbatimReview ? window.verbatimReview.of(a.call) : null;
      if (review) review.summarise(document.getElementById('review-summary'));
      renderSummary(a.call);
      renderScorecard(a.qa);
      renderSentiment(a.call);
      renderTalk(a.call);
      renderMoments(a.call);
      renderActions(a.call);
      renderEntities(a.call);
    }).catch(function (p) {
      ids.forEach(function (k) {
        var box = document.getElementById(k);
        if (p.status === 404) empty(box, 'Not analysed yet', k === 'summary' ? 'Results appear here when the pipeline has finished.' : '');
        else fail(box, p);
      });
    });
  }

  /** A "needs review" badge for a judgment the analyst was unsure of, or null. */
  function reviewBadge(field) {
    return review ? review.badge(field) : null;
  }

  function renderSummary(call) {
    var box = document.getElementById('summary');
    var parts = [];
    var facts = el('div', { 'class': 'facts' });
    [['Sentiment', call.customer_sentiment, 'customer_sentiment'], ['Trend', call.sentiment_trend, 'sentiment_trend'],
      ['Reason', call.call_reason, 'call_reason'], ['Resolution', call.resolution, 'resolution'],
      ['Outcome', call.outcome, 'outcome'], ['Booking', call.booking_status, 'booking_status'],
      ['Qualification', call.qualification, 'qualification']].forEach(function (f) {
      if (f[1]) facts.appendChild(el('span', { 'class': 'fact', 'data-field': f[2] }, [el('span', { 'class': 'muted', text: f[0] + ' ' }),
        el('span', { 'class': 'badge ' + f[1], text: label(f[1]) }), reviewBadge(f[2])]));
    });
    parts.push(facts);
    if (call.executive_narrative) {
      parts.push(el('h3', { text: 'Executive narrative' }), el('p', { 'class': 'narrative', text: call.executive_narrative }));
    }
    if (call.abstractive_summary) {
      parts.push(el('h3', { text: 'Summary (generated)' }), el('p', { text: call.abstractive_summary }));
    }
    parts.push(el('h3', { text: call.abstractive_summary ? 'Extractive summary' : 'Summary' }),
      el('p', { text: call.summary || 'No summary.' }));
    if (call.kpis) {
      var k = call.kpis, kpis = el('div', { 'class': 'mini-kpis' });
      [['Effort', k.customer_effort_1to5 != null ? k.customer_effort_1to5 + '/5' : null],
        ['Churn risk', k.churn_risk != null ? Math.round(k.churn_risk) + '/100' : null],
        ['Opportunity', k.commercial_opportunity != null ? Math.round(k.commercial_opportunity) + '/100' : null],
        ['NPS band', k.nps_band]].forEach(function (f) {
        if (f[1] != null) kpis.appendChild(el('div', { 'class': 'mini-kpi' }, [el('div', { 'class': 'label', text: f[0] }),
          el('div', { 'class': 'value', text: label(f[1]) })]));
      });
      parts.push(kpis);
    }
    box.replaceChildren.apply(box, parts);
  }

  function renderScorecard(qa) {
    var box = document.getElementById('scorecard');
    if (!qa) { empty(box, 'No scorecard', 'No scorecard applies to this conversation.'); return; }
    var head = el('div', { 'class': 'score-head' }, [
      el('span', { 'class': 'score' + (qa.auto_failed ? ' failed' : ''), text: qa.score == null ? '—' : Math.round(qa.score) + '%' }),
      el('span', { 'class': 'muted', text: label(qa.scorecard) }),
      qa.auto_failed ? el('span', { 'class': 'badge failed', text: 'auto-failed' }) : null
    ]);
    var list = el('ul', { 'class': 'items' });
    var sections = {};
    (qa.items || []).forEach(function (item) {
      if (!sections[item.section]) {
        sections[item.section] = true;
        list.appendChild(el('li', { 'class': 'section', text: label(item.section) }));
      }
      var evidence = el('div', { 'class': 'evidence' });
      (item.evidence || []).forEach(function (ev) {
        evidence.appendChild(el('button', { type: 'button', 'class': 'seek evidence-item', 'data-start': ev.start, 'data-turn': ev.turn,
          title: 'Go to ' + clock(ev.start) }, [el('span', { 'class': 'time', text: clock(ev.start) }), ' “' + ev.quote + '”']));
      });
      list.appendChild(el('li', { 'class': 'item ' + item.result, 'data-field': 'qa.' + item.key }, [
        el('span', { 'class': 'badge ' + item.result, text: label(item.result) }), ' ',
        el('span', { 'class': 'key', text: label(item.key) }), reviewBadge('qa.' + item.key),
        (item.evidence || []).length ? evidence : null
      ]));
    });
    box.replaceChildren(head, list);
  }

  function chart(container, chartId, option, onClick) {
    var holder = el('div', { 'class': 'chart', 'data-chart': chartId + '-option', id: chartId });
    var source = el('script', { type: 'application/json', id: chartId + '-option', text: JSON.stringify(option) });
    container.appendChild(source);
    container.appendChild(holder);
    if (window.verbatim) window.verbatim.drawCharts(container);
    var instance = window.echarts && echarts.getInstanceByDom(holder);
    if (instance && onClick) instance.on('click', onClick);
  }

  function renderSentiment(call) {
    var box = document.getElementById('sentiment');
    var facts = el('p', { 'class': 'small' }, ['Customer overall ',
      el('span', { 'class': 'badge ' + call.customer_sentiment, text: label(call.customer_sentiment) }),
      reviewBadge('customer_sentiment'), ' · trend ', el('strong', { text: label(call.sentiment_trend) }),
      reviewBadge('sentiment_trend')]);
    box.replaceChildren(facts);
    var quarters = call.sentiment_quarters || [];
    if (!quarters.length) {
      box.appendChild(el('div', { 'class': 'muted small', text: 'No sentiment timeline for this analysis; re-analyse to add it.' }));
      return;
    }
    var point = function (who) {
      return quarters.map(function (q) { return { value: [(q.start + q.end) / 2, q[who]], start: q.start }; });
    };
    chart(box, 'sentiment-chart', {
      grid: { left: 40, right: 12, top: 26, bottom: 28 },
      legend: { top: 0, data: ['Customer', 'Agent'] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', min: 0, max: Math.max(duration, quarters[quarters.length - 1].end), name: 's', nameGap: 4 },
      yAxis: { type: 'value', min: -1, max: 1, splitNumber: 4 },
      series: [
        { name: 'Customer', type: 'line', smooth: true, connectNulls: true, data: point('customer'), color: '#e67e22',
          markLine: { silent: true, symbol: 'none', lineStyle: { color: '#ccc' }, data: [{ yAxis: 0 }] } },
        { name: 'Agent', type: 'line', smooth: true, connectNulls: true, data: point('agent'), color: '#3949ab' }
      ]
    }, function (p) { if (p.data && p.data.start != null) seek(p.data.start); });
  }

  function renderTalk(call) {
    var box = document.getElementById('talk');
    var talk = call.talk;
    if (!talk) { empty(box, 'No talk metrics'); return; }
    box.replaceChildren();
    chart(box, 'talk-chart', {
      tooltip: { trigger: 'item', formatter: '{b}: {c} s ({d}%)' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['45%', '72%'], center: ['50%', '45%'], label: { formatter: '{d}%' },
        data: [
          { name: 'Agent', value: talk.agent_talk_seconds, itemStyle: { color: '#3949ab' } },
          { name: 'Customer', value: talk.customer_talk_seconds, itemStyle: { color: '#e67e22' } },
          { name: 'Silence', value: talk.non_talk_seconds, itemStyle: { color: '#cfd5e2' } }
        ] }]
    });
    var rows = [['Agent talk ratio', talk.talk_ratio != null ? Math.round(talk.talk_ratio * 100) + '%' : '—', '']];
    [['Interruptions', 'interruptions'], ['Questions', 'questions'], ['Longest monologue (s)', 'longest_monologue_seconds'],
      ['Words per minute', 'words_per_minute']].forEach(function (r) {
      var v = talk[r[1]] || {};
      rows.push([r[0], v.agent == null ? '—' : v.agent, v.customer == null ? '—' : v.customer]);
    });
    var table = el('table', { 'class': 'data compact' }, [
      el('thead', {}, [el('tr', {}, [el('th', { text: '' }), el('th', { 'class': 'num', text: 'Agent' }), el('th', { 'class': 'num', text: 'Customer' })])]),
      el('tbody', {}, rows.map(function (r) {
        return el('tr', {}, [el('td', { text: r[0] }), el('td', { 'class': 'num', text: String(r[1]) }), el('td', { 'class': 'num', text: String(r[2]) })]);
      }))
    ]);
    box.appendChild(table);
  }

  function renderMoments(call) {
    var box = document.getElementById('moments');
    var parts = [];
    var fired = (call.trackers || []).filter(function (t) { return t.count > 0; });
    var chips = el('div', { 'class': 'chips' });
    fired.forEach(function (t) { chips.appendChild(el('span', { 'class': 'badge tracker', text: label(t.key) + ' × ' + t.count })); });
    parts.push(el('h3', { text: 'Trackers' }), fired.length ? chips : el('p', { 'class': 'muted small', text: 'No tracker fired.' }));
    parts.push(el('h3', { text: 'Objections' }, [reviewBadge('objections')]));
    if ((call.objections || []).length) {
      parts.push(el('ul', { 'class': 'moments' }, call.objections.map(function (o) {
        return el('li', {}, [seekButton(o.start, o.turn), ' ', el('span', { 'class': 'badge', text: label(o.category) }), ' “' + o.quote + '”']);
      })));
    } else {
      parts.push(el('p', { 'class': 'muted small', text: 'No objections raised.' }));
    }
    box.replaceChildren.apply(box, parts);
  }

  function renderActions(call) {
    var box = document.getElementById('actions');
    var items = call.action_items || [];
    if (!items.length) { empty(box, 'No action items', 'Nobody committed to a next step.'); return; }
    box.replaceChildren(el('ul', { 'class': 'moments' }, items.map(function (a) {
      var turn = a.turn != null ? turns[a.turn] : null;
      return el('li', {}, [turn ? seekButton(turn.start, a.turn) : null, ' ',
        el('span', { 'class': 'badge', text: a.owner }), ' ' + a.text, a.due ? el('span', { 'class': 'muted', text: ' · due ' + a.due }) : null]);
    })));
  }

  function renderEntities(call) {
    var box = document.getElementById('entities');
    var parts = [];
    var byType = {};
    (call.pii || []).forEach(function (p) { (byType[p.type] = byType[p.type] || []).push(p); });
    var types = Object.keys(byType);
    parts.push(el('h3', { text: 'Personal data' }));
    if (types.length) {
      parts.push(el('table', { 'class': 'data compact pii' }, [el('tbody', {}, types.map(function (type) {
        var texts = [];
        byType[type].forEach(function (p) { if (texts.indexOf(p.text) < 0) texts.push(p.text); });
        return el('tr', {}, [el('td', {}, [el('span', { 'class': 'badge', text: type })]),
          el('td', { 'class': 'num', text: String(byType[type].length) }), el('td', { 'class': 'wrap', text: texts.join(', ') })]);
      }))]));
    } else {
      parts.push(el('p', { 'class': 'muted small', text: 'None detected.' }));
    }
    parts.push(el('h3', { text: 'Key phrases' }));
    var phrases = call.key_phrases || [];
    if (phrases.length) {
      var chips = el('div', { 'class': 'chips' });
      phrases.forEach(function (k) {
        var first = k.turns && k.turns.length ? turns[k.turns[0]] : null;
        chips.appendChild(first
          ? el('button', { type: 'button', 'class': 'chip seek', 'data-start': first.start, 'data-turn': k.turns[0], text: k.phrase + ' ×' + k.count })
          : el('span', { 'class': 'chip', text: k.phrase + ' ×' + k.count }));
      });
      parts.push(chips);
    } else {
      parts.push(el('p', { 'class': 'muted small', text: 'None.' }));
    }
    box.replaceChildren.apply(box, parts);
  }

  // ---- ask about this call ----------------------------------------------------------------------
  var askForm = document.getElementById('ask-call');
  askForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var question = document.getElementById('ask-call-question').value.trim();
    var out = document.getElementById('ask-call-result');
    if (!question) return;
    var button = askForm.querySelector('button');
    button.disabled = true;
    out.replaceChildren(el('div', { 'class': 'loading', text: 'Searching this call…' }));
    send('POST', '/api/v1/ask', { question: question, conversation_id: id }).then(function (a) {
      // An extractive answer repeats its citations after the lead sentence; they are listed below instead.
      var text = !a.used_llm && a.kind === 'passages' && (a.citations || []).length ? a.answer.split('\n')[0] : a.answer;
      var parts = [el('p', { 'class': 'answer', text: text })];
      if (a.used_llm) parts.push(el('span', { 'class': 'badge llm', text: 'AI-written' }));
      if ((a.citations || []).length) {
        parts.push(el('ul', { 'class': 'citations' }, a.citations.map(function (c) {
          return el('li', {}, [el('button', { type: 'button', 'class': 'seek citation', 'data-start': c.start, 'data-turn': c.turn },
            [el('span', { 'class': 'time', text: clock(c.start) }), ' ', el('span', { 'class': 'speaker ' + c.speaker, text: c.speaker }),
              ' “' + c.quote + '”'])]);
        })));
      } else {
        parts.push(el('p', { 'class': 'muted small', text: 'No moment in this call matched.' }));
      }
      out.replaceChildren.apply(out, parts);
    }).catch(function (p) {
      out.replaceChildren(el('div', { 'class': 'error-box', text: p.detail }));
    }).finally(function () { button.disabled = false; });
  });

  // ---- actions ----------------------------------------------------------------------------------
  function action(buttonId, run) {
    var b = document.getElementById(buttonId);
    if (!b) return;
    b.addEventListener('click', function () {
      b.disabled = true;
      run().catch(function (p) { notice(p.detail, true); }).finally(function () { b.disabled = false; });
    });
  }

  action('swap-speakers', function () {
    return send('PATCH', api, { swap_speakers: true }).then(function () {
      return loadTranscript();
    }).then(function () {
      notice('Agent and customer swapped. Re-analyse to score the call with the corrected speakers.');
    });
  });

  action('reanalyse', function () {
    return send('POST', api + '/reanalyse').then(function () {
      notice('Re-analysis queued; the results below refresh when it is done.');
      watch();
    });
  });

  action('retry', function () {
    return send('POST', api + '/retry').then(function () {
      notice('Retry queued; this page reloads when the conversation has been processed.');
      watch(function () { window.location.reload(); });
    });
  });

  /** Polls the status until the conversation leaves the pipeline, then refreshes. */
  function watch(done) {
    var badge = document.getElementById('status-badge');
    var tries = 0;
    var tick = function () {
      json(api).then(function (d) {
        var s = d.conversation.status;
        badge.textContent = s;
        badge.className = 'badge ' + s;
        if (s === 'completed' || s === 'failed' || tries++ > 150) {
          if (done) done();
          else { loadTranscript().then(loadAnalysis); notice(s === 'completed' ? 'Re-analysis done.' : 'Processing ' + s + '.', s === 'failed'); }
        } else {
          setTimeout(tick, 2000);
        }
      }).catch(function (p) { notice(p.detail, true); });
    };
    setTimeout(tick, 1000);
  }

  // ---- start ------------------------------------------------------------------------------------
  loadWaveform();
  loadTranscript().then(loadAnalysis).then(function () {
    var t = parseFloat(new URLSearchParams(window.location.search).get('t'));
    if (!isNaN(t)) seek(t);
    root.setAttribute('data-ready', 'true');
  });
})();
