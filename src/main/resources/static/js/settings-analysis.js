// Settings → Analysis: tenant processing settings (GET/PATCH /api/v1/settings) and the AI configuration
// (GET/PUT /api/v1/analysis/ai-config; keys the form does not show are kept as they are).
(function () {
  'use strict';
  var s = window.settings;
  var ai = {};

  function saved(form, text) {
    var el = form.querySelector('.saved');
    el.textContent = text;
    el.className = 'saved small ok';
  }

  function fail(form, error) {
    form.querySelector('.saved').textContent = '';
    s.showError(form.querySelector('.form-error'), error);
  }

  function fillTenant(form, settings) {
    form.speech_engine.value = settings.speech_engine || '';
    if (settings.speech_engine && form.speech_engine.value !== settings.speech_engine) {
      form.speech_engine.appendChild(s.el('option', { value: settings.speech_engine, text: settings.speech_engine, selected: 'selected' }));
    }
    form.language.value = settings.language || '';
    form.redact_pii.checked = settings.redact_pii === true || settings.redact_pii === 'true';
    form.retention_days.value = settings.retention_days === undefined || settings.retention_days === null ? '' : settings.retention_days;
  }

  function fillAi(form, config) {
    var llm = config.llm || {};
    form.language.value = config.language || '';
    form.provider.value = llm.provider || '';
    form.model.value = llm.model || '';
    form.base_url.value = llm.base_url || '';
    form.credential.value = llm.credential || '';
    form.querySelector('.llm-only').hidden = !form.provider.value;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var tenant = document.getElementById('tenant-form');
    var aiForm = document.getElementById('ai-form');

    s.api('GET', '/api/v1/settings').then(function (r) {
      document.getElementById('tenant-loading').hidden = true;
      tenant.hidden = false;
      fillTenant(tenant, r.data || {});
    }, function (error) {
      document.getElementById('tenant-loading').hidden = true;
      s.showError(document.getElementById('tenant-load-error'), 'The settings could not be loaded: ' + s.message(error));
    });
    s.api('GET', '/api/v1/analysis/ai-config').then(function (r) {
      document.getElementById('ai-loading').hidden = true;
      aiForm.hidden = false;
      ai = r.data || {};
      fillAi(aiForm, ai);
    }, function (error) {
      document.getElementById('ai-loading').hidden = true;
      s.showError(document.getElementById('ai-load-error'), 'The AI settings could not be loaded: ' + s.message(error));
    });

    tenant.addEventListener('submit', function (e) {
      e.preventDefault();
      s.showError(tenant.querySelector('.form-error'), null);
      var days = tenant.retention_days.value.trim();
      if (days && !(/^\d+$/.test(days) && +days > 0)) {
        fail(tenant, 'Retention must be a whole number of days (or empty to keep forever).');
        tenant.retention_days.focus();
        return;
      }
      var changes = {
        speech_engine: tenant.speech_engine.value || null,
        language: tenant.language.value.trim() || null,
        redact_pii: tenant.redact_pii.checked,
        retention_days: days ? +days : null
      };
      var button = tenant.querySelector('button[type=submit]');
      s.busy(button, true);
      s.api('PATCH', '/api/v1/settings', changes).then(function (r) {
        s.busy(button, false);
        fillTenant(tenant, r.data || {});
        saved(tenant, 'Saved.');
      }, function (error) { s.busy(button, false); fail(tenant, error); });
    });

    aiForm.provider.addEventListener('change', function () { aiForm.querySelector('.llm-only').hidden = !aiForm.provider.value; });
    aiForm.addEventListener('submit', function (e) {
      e.preventDefault();
      s.showError(aiForm.querySelector('.form-error'), null);
      var config = JSON.parse(JSON.stringify(ai));
      var language = aiForm.language.value.trim();
      if (language) config.language = language; else delete config.language;
      if (aiForm.provider.value) {
        var llm = Object.assign({}, config.llm || {}, { provider: aiForm.provider.value });
        ['model', 'base_url', 'credential'].forEach(function (k) {
          var v = aiForm[k].value.trim();
          if (v) llm[k] = v; else delete llm[k];
        });
        config.llm = llm;
      } else {
        delete config.llm;
      }
      var button = aiForm.querySelector('button[type=submit]');
      s.busy(button, true);
      s.api('PUT', '/api/v1/analysis/ai-config', config).then(function (r) {
        s.busy(button, false);
        ai = r.data || config;
        fillAi(aiForm, ai);
        saved(aiForm, 'Saved.');
      }, function (error) { s.busy(button, false); fail(aiForm, error); });
    });
  });
})();
