// The rep's day: records a visit with MediaRecorder and sends it to the recording-session API as it is recorded,
// one chunk at a time at the session's offset, so a long visit never sits whole in the phone's memory.
(function () {
  'use strict';

  var CHUNK_MS = 2000;

  function status(card, text) { card.querySelector('.record-status').textContent = text; }

  function putChunk(sessionId, offset, blob, type) {
    return fetch('/api/v1/recording-sessions/' + sessionId + '/audio', {
      method: 'PUT', credentials: 'same-origin', body: blob,
      headers: { 'Upload-Offset': String(offset), 'Content-Type': type, 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          var error = new Error(data.detail || data.title || 'Upload failed');
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function record(card) {
    var box = document.getElementById('rep-error');
    settings.showError(box, null);
    if (!navigator.mediaDevices || !window.MediaRecorder) {
      settings.showError(box, 'This browser cannot record audio.');
      return;
    }
    var start = card.querySelector('button.record');
    var stop = card.querySelector('button.stop');
    settings.busy(start, true);
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      return settings.api('POST', '/api/v1/recording-sessions', { appointment_id: card.dataset.appointmentId })
        .then(function (r) {
          var session = r.data;
          var type = MediaRecorder.isTypeSupported('audio/webm') ? 'audio/webm' : '';
          var recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
          var offset = 0;
          var queue = Promise.resolve();
          var failed = null;
          card.dataset.sessionId = session.id;
          recorder.ondataavailable = function (event) {
            if (!event.data || event.data.size === 0) return;
            // chunks go one after another: each starts where the server says the last one ended
            queue = queue.then(function () {
              if (failed) return null;
              return putChunk(session.id, offset, event.data, (recorder.mimeType || 'audio/webm').split(';')[0])
                .then(function (s) { offset = s.bytes_received; status(card, 'Recording… ' + Math.round(offset / 1024) + ' KB sent'); });
            }).catch(function (error) { failed = error; settings.showError(box, error); });
          };
          recorder.onstop = function () {
            stream.getTracks().forEach(function (t) { t.stop(); });
            queue.then(function () {
              if (failed) { settings.busy(stop, false); return; }
              status(card, 'Uploading…');
              return settings.api('POST', '/api/v1/recording-sessions/' + session.id + '/stop').then(function (s) {
                card.dataset.conversationId = s.data.conversation_id;
                stop.hidden = true;
                status(card, 'Recorded and uploaded: the visit is being transcribed.');
                card.classList.add('recorded');
              });
            }).catch(function (error) { settings.busy(stop, false); settings.showError(box, error); });
          };
          recorder.start(CHUNK_MS);
          start.hidden = true;
          stop.hidden = false;
          status(card, 'Recording…');
          stop.onclick = function () { settings.busy(stop, true); recorder.stop(); };
        });
    }).catch(function (error) {
      settings.busy(start, false);
      settings.showError(box, error && error.name === 'NotAllowedError' ? 'Allow the microphone to record the visit.' : error);
    });
  }

  // status, outcome and deal value of a visit, through PATCH /api/v1/appointments/{id}
  document.addEventListener('submit', function (event) {
    var form = event.target.closest('form.outcome');
    if (!form) return;
    event.preventDefault();
    var card = form.closest('article.visit');
    var button = form.querySelector('button.save-outcome');
    var value = form.elements.deal_value.value;
    var body = { status: form.elements.status.value, outcome: form.elements.outcome.value };
    if (value !== '') body.deal_value = Number(value);
    settings.busy(button, true);
    settings.api('PATCH', '/api/v1/appointments/' + card.dataset.appointmentId, body).then(function (r) {
      settings.busy(button, false);
      card.querySelector('.badge').textContent = r.data.appointment ? r.data.appointment.status : body.status;
      status(card, 'Saved.');
    }, function (error) {
      settings.busy(button, false);
      settings.showError(document.getElementById('rep-error'), error);
    });
  });

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button.record');
    if (button) record(button.closest('article.visit'));
  });
})();
