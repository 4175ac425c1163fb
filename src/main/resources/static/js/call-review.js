// Call Detail: the judgments the analyst was unsure of (flat call record "judgments" with low_confidence), shown
// as a "needs review" badge next to what they concern and listed in one line at the top of the page.
// call.js asks for the badges while it renders; this file only knows the record's shape.
(function () {
  'use strict';

  var NAMES = {
    customer_sentiment: 'customer sentiment', sentiment_trend: 'sentiment trend', booking_status: 'booking status',
    call_reason: 'call reason', action_items: 'action items'
  };

  function percent(confidence) {
    return Math.round((confidence || 0) * 100) + '%';
  }

  /** A judgment's field as a person reads it: "booking status", "scorecard: greeting". */
  function name(field) {
    if (field.indexOf('qa.') === 0) return 'scorecard: ' + field.substring(3).replace(/_/g, ' ');
    return NAMES[field] || field.replace(/_/g, ' ');
  }

  function badge(judgment) {
    var b = document.createElement('span');
    b.className = 'badge review needs-review';
    b.setAttribute('data-field', judgment.field);
    b.textContent = 'needs review · ' + percent(judgment.confidence);
    b.title = 'The analyst is only ' + percent(judgment.confidence) + ' sure of this' +
      (judgment.value != null ? ' ("' + String(judgment.value).replace(/_/g, ' ') + '")' : '') + ': please check it';
    return b;
  }

  /** The low-confidence judgments of a call record, by field; older records without judgments have none. */
  function of(call) {
    var low = {};
    var order = [];
    (call && call.judgments || []).forEach(function (j) {
      if (j.low_confidence && !low[j.field]) { low[j.field] = j; order.push(j.field); }
    });
    // A record may list a field in needs_review without its judgment (written by another analyst version).
    (call && call.needs_review || []).forEach(function (f) {
      if (!low[f]) { low[f] = { field: f, value: null, confidence: null }; order.push(f); }
    });
    return {
      fields: order,
      /** The badge for a field, or null when its judgment is sure enough. */
      badge: function (field) { return low[field] ? badge(low[field]) : null; },
      /** Fills the line at the top of the page: what needs review, each with its confidence. */
      summarise: function (box) {
        if (!box) return;
        if (!order.length) { box.hidden = true; return; }
        var parts = [document.createElement('strong')];
        parts[0].textContent = 'Needs review: ';
        order.forEach(function (f, i) {
          var item = document.createElement('span');
          item.className = 'review-item';
          item.setAttribute('data-field', f);
          item.textContent = (i ? ', ' : '') + name(f) + (low[f].confidence != null ? ' (' + percent(low[f].confidence) + ')' : '');
          parts.push(item);
        });
        var note = document.createElement('span');
        note.className = 'muted small';
        note.textContent = ' — the analyst was unsure of these; check them against the transcript.';
        parts.push(note);
        box.replaceChildren.apply(box, parts);
        box.hidden = false;
      }
    };
  }

  window.verbatimReview = { of: of };
})();
