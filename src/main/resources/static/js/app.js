// Shared page behaviour: charts described by the server as ECharts options, re-drawn after htmx swaps.
// A series point (or chart) carrying a "url" drills down to it on click.
(function () {
  'use strict';

  function drawCharts(root) {
    if (!window.echarts) return;
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      var source = document.getElementById(el.dataset.chart);
      if (!source) return;
      var option = JSON.parse(source.textContent);
      var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(option, true);
      chart.off('click');
      chart.on('click', function (p) {
        var url = (p.data && p.data.url) || (option.links && option.links[p.name]);
        if (url) window.location.href = url;
      });
    });
  }

  window.addEventListener('resize', function () {
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = window.echarts && echarts.getInstanceByDom(el);
      if (chart) chart.resize();
    });
  });
  document.addEventListener('DOMContentLoaded', function () { drawCharts(document); });
  document.addEventListener('htmx:afterSettle', function (e) { drawCharts(e.target); });
  // A failed htmx request shows the server's problem+json title instead of silently doing nothing.
  document.addEventListener('htmx:responseError', function (e) {
    var box = document.getElementById('page-error');
    if (!box) return;
    var message = 'Something went wrong (' + e.detail.xhr.status + ').';
    try { message = JSON.parse(e.detail.xhr.responseText).detail || message; } catch (ignored) { /* not JSON */ }
    box.textContent = message;
    box.hidden = false;
  });
  // The session's access token lives 15 minutes. Renew it (one request at a time: a refresh token works
  // once, and a second use would end the session) before it runs out, so that a page left open does not
  // meet an expired token with several requests at once.
  var renewing = null;
  function renewSession() {
    if (!renewing) {
      renewing = fetch('/login/refresh', { method: 'POST', credentials: 'same-origin' })
        .then(function (r) { return r.ok; }, function () { return false; })
        .then(function (ok) { renewing = null; return ok; });
    }
    return renewing;
  }
  setInterval(function () { if (!document.hidden) renewSession(); }, 10 * 60 * 1000);
  window.verbatim = { drawCharts: drawCharts, renewSession: renewSession };
})();
