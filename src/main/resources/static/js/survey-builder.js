// The survey builder: edits a SurveyJS definition as sections (pages) of questions and saves it through
// /api/v1/surveys (POST a new survey, PUT a new version). Properties the builder does not edit are kept as they were;
// elements it does not edit (panels, expressions, html) are kept whole and can only be moved or removed.
(function () {
  'use strict';

  var root = document.getElementById('survey-builder');
  if (!root) return;
  var sections = document.getElementById('sections');
  var messages = document.getElementById('builder-messages').dataset;
  var EDITED = ['text', 'comment', 'rating', 'boolean', 'radiogroup', 'checkbox', 'dropdown', 'matrix', 'file'];
  var CHOICES = ['radiogroup', 'checkbox', 'dropdown', 'matrix'];
  var surveyId = root.dataset.surveyId || null;
  var original = {};

  function clone(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  function locale() {
    return document.getElementById('survey-locale').value;
  }

  // A SurveyJS localizable string from the Spanish and English texts: a text only in the survey's language stays a
  // plain string; a text only in the other language keeps its language ({"en": ...}) so it is not read as the default.
  function localized(es, en) {
    es = es.trim();
    en = en.trim();
    if (es && en) return { 'default': locale() === 'en' ? en : es, es: es, en: en };
    if (!es && !en) return undefined;
    var lang = es ? 'es' : 'en';
    if (lang === locale()) return es || en;
    var text = {};
    text[lang] = es || en;
    return text;
  }

  function split(value, lang) {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return lang === locale() ? value : '';
    return value[lang] || (lang === locale() ? value['default'] || '' : '');
  }

  function scalar(text) {
    text = text.trim();
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }

  // Choice lines: "value | score | Spanish text | English text" (rows: "value | Spanish | English").
  function choicesToText(list, withScore) {
    return (list || []).map(function (c) {
      var o = typeof c === 'object' ? c : { value: c };
      var parts = [String(o.value)];
      if (withScore) parts.push(o.score === undefined ? '' : String(o.score));
      parts.push(split(o.text, 'es'), split(o.text, 'en'));
      while (parts.length > 1 && !parts[parts.length - 1]) parts.pop();
      return parts.join(' | ');
    }).join('\n');
  }

  function textToChoices(text, withScore) {
    return text.split('\n').map(function (l) { return l.trim(); }).filter(Boolean).map(function (line) {
      var p = line.split('|').map(function (s) { return s.trim(); });
      var c = { value: scalar(p[0]) };
      var i = 1;
      if (withScore) {
        if (p[1]) c.score = Number(p[1]);
        i = 2;
      }
      var label = localized(p[i] || '', p[i + 1] || '');
      if (label !== undefined) c.text = label;
      return c;
    });
  }

  function showFor(q) {
    var type = q.querySelector('.q-type').value;
    q.querySelector('.for-rating').hidden = type !== 'rating';
    q.querySelector('.for-choices').hidden = CHOICES.indexOf(type) < 0;
    q.querySelector('.for-matrix').hidden = type !== 'matrix';
  }

  function question(element) {
    element = element || { type: 'boolean', name: '' };
    if (EDITED.indexOf(element.type) < 0) {
      var raw = clone('raw-template');
      raw.dataset.original = JSON.stringify(element);
      raw.querySelector('.raw-type').textContent = element.type + ' · ' + (element.name || '');
      raw.querySelector('.raw-json').textContent = JSON.stringify(element).slice(0, 300);
      wireMoves(raw, '.question-editor');
      return raw;
    }
    var q = clone('question-template');
    q.dataset.original = JSON.stringify(element);
    q.querySelector('.q-type').value = element.type;
    q.querySelector('.q-name').value = element.name || '';
    q.querySelector('.q-weight').value = element.weight === undefined ? '' : element.weight;
    q.querySelector('.q-required').checked = !!element.isRequired;
    q.querySelector('.q-critical').checked = !!element.critical;
    q.querySelector('.q-title-es').value = split(element.title, 'es');
    q.querySelector('.q-title-en').value = split(element.title, 'en');
    q.querySelector('.q-visible-if').value = element.visibleIf || '';
    if (element.rateMin !== undefined) q.querySelector('.q-rate-min').value = element.rateMin;
    if (element.rateMax !== undefined) q.querySelector('.q-rate-max').value = element.rateMax;
    q.querySelector('.q-choices').value = choicesToText(element.type === 'matrix' ? element.columns : element.choices, true);
    q.querySelector('.q-rows').value = choicesToText(element.rows, false);
    q.querySelector('.q-type').addEventListener('change', function () { showFor(q); });
    showFor(q);
    wireMoves(q, '.question-editor');
    return q;
  }

  function readQuestion(q) {
    var element = JSON.parse(q.dataset.original);
    if (q.classList.contains('raw')) return element;
    var type = q.querySelector('.q-type').value;
    ['choices', 'columns', 'rows', 'rateMin', 'rateMax', 'rateValues', 'title', 'weight', 'isRequired', 'critical', 'visibleIf']
      .forEach(function (k) { delete element[k]; });
    element.type = type;
    element.name = q.querySelector('.q-name').value.trim();
    var title = localized(q.querySelector('.q-title-es').value, q.querySelector('.q-title-en').value);
    if (title !== undefined) element.title = title;
    var weight = q.querySelector('.q-weight').value;
    if (weight !== '') element.weight = Number(weight);
    if (q.querySelector('.q-required').checked) element.isRequired = true;
    if (q.querySelector('.q-critical').checked) element.critical = true;
    var visibleIf = q.querySelector('.q-visible-if').value.trim();
    if (visibleIf) element.visibleIf = visibleIf;
    if (type === 'rating') {
      element.rateMin = Number(q.querySelector('.q-rate-min').value || 1);
      element.rateMax = Number(q.querySelector('.q-rate-max').value || 5);
    }
    var choices = textToChoices(q.querySelector('.q-choices').value, true);
    if (type === 'matrix') {
      element.columns = choices;
      element.rows = textToChoices(q.querySelector('.q-rows').value, false);
    } else if (CHOICES.indexOf(type) >= 0) {
      element.choices = choices;
    }
    return element;
  }

  function wireMoves(node, selector) {
    node.querySelector('.q-up, .s-up').addEventListener('click', function () {
      var prev = node.previousElementSibling;
      if (prev && prev.matches(selector)) node.parentNode.insertBefore(node, prev);
    });
    node.querySelector('.q-down, .s-down').addEventListener('click', function () {
      var next = node.nextElementSibling;
      if (next && next.matches(selector)) node.parentNode.insertBefore(next, node);
    });
    node.querySelector('.q-remove, .s-remove').addEventListener('click', function () { node.remove(); });
  }

  function section(page) {
    page = page || { name: 'seccion' + (sections.children.length + 1), elements: [] };
    var s = clone('section-template');
    var rest = Object.assign({}, page);
    delete rest.elements;
    s.dataset.original = JSON.stringify(rest);
    s.querySelector('.s-name').value = page.name || '';
    s.querySelector('.s-title').value = page.title || '';
    var list = s.querySelector('.s-questions');
    (page.elements || []).forEach(function (e) { list.appendChild(question(e)); });
    s.querySelector('.s-add-question').addEventListener('click', function () {
      var q = question();
      list.appendChild(q);
      q.querySelector('.q-name').focus();
    });
    wireMoves(s, '.section');
    sections.appendChild(s);
    return s;
  }

  function definition() {
    var d = Object.assign({}, original);
    delete d.pages;
    var title = document.getElementById('survey-title').value.trim();
    if (title) d.title = title; else delete d.title;
    d.locale = locale();
    d.pages = Array.prototype.map.call(sections.querySelectorAll('.section'), function (s) {
      var page = JSON.parse(s.dataset.original);
      page.name = s.querySelector('.s-name').value.trim();
      var t = s.querySelector('.s-title').value.trim();
      if (t) page.title = t; else delete page.title;
      page.elements = Array.prototype.map.call(s.querySelectorAll('.question-editor'), readQuestion);
      return page;
    });
    return d;
  }

  function load(d) {
    original = d || {};
    document.getElementById('survey-locale').value = original.locale === 'en' ? 'en' : (original.locale || root.dataset.locale || 'es');
    document.getElementById('survey-title').value = original.title || '';
    document.getElementById('preview-language').value = document.getElementById('survey-locale').value;
    sections.innerHTML = '';
    (original.pages || [{ name: 'seccion1', elements: [] }]).forEach(section);
  }

  var flash = document.getElementById('flash');
  var errors = document.getElementById('survey-errors');
  function showErrors(problem) {
    errors.innerHTML = '';
    var list = problem.errors && problem.errors.length ? problem.errors : [{ message: problem.detail || problem.title }];
    list.forEach(function (e) {
      var li = document.createElement('li');
      li.textContent = (e.path ? e.path + ': ' : '') + (e.message || JSON.stringify(e));
      errors.appendChild(li);
    });
    errors.hidden = false;
  }

  document.getElementById('add-section').addEventListener('click', function () { section(); });
  document.getElementById('save-survey').addEventListener('click', function () {
    errors.hidden = true;
    flash.hidden = true;
    var d = definition();
    document.getElementById('survey-json').textContent = JSON.stringify(d, null, 2);
    var body = JSON.stringify({ name: document.getElementById('survey-name').value.trim(), definition: d });
    fetch(surveyId ? '/api/v1/surveys/' + surveyId : '/api/v1/surveys', { method: surveyId ? 'PUT' : 'POST',
      credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: body })
      .then(function (r) {
        return r.json().then(function (data) {
          if (!r.ok) { showErrors(data); return; }
          original = data.definition;
          if (!surveyId) {
            surveyId = data.survey_id;
            root.dataset.surveyId = surveyId;
            window.history.replaceState(null, '', '/shopping/surveys/' + surveyId + '/edit');
          }
          root.dataset.version = data.version;
          document.getElementById('survey-version').textContent = messages.version.split('{0}').join(data.version);
          flash.textContent = messages.saved.split('{0}').join(data.version);
          flash.className = 'flash ok';
          flash.hidden = false;
        });
      }, function (error) { showErrors({ detail: error.message }); });
  });

  // The preview is rendered by the server from the definition as it stands (saved or not), as the visit page renders it.
  var previewLanguage = document.getElementById('preview-language');
  var preview = document.getElementById('survey-preview');
  function showPreview() {
    fetch('/shopping/surveys/preview?language=' + encodeURIComponent(previewLanguage.value), { method: 'POST',
      credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'Accept': 'text/html' },
      body: JSON.stringify(definition()) })
      .then(function (r) {
        if (!r.ok) throw new Error('preview ' + r.status);
        return r.text();
      })
      .then(function (html) { preview.innerHTML = html; }, function (error) { preview.textContent = error.message; });
  }
  document.getElementById('preview-survey').addEventListener('click', showPreview);
  previewLanguage.addEventListener('change', function () { if (preview.childElementCount) showPreview(); });

  if (surveyId) {
    fetch('/api/v1/surveys/' + surveyId, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (data) { root.dataset.version = data.version; load(data.definition); });
  } else {
    load(null);
  }
})();
