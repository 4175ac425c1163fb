// CSR home: complete my tasks and close missed-call queue items in place (the API decides who may).
(function () {
  'use strict';

  function removeRow(row, table) {
    row.parentNode.removeChild(row);
    if (table && !table.querySelector('tbody tr')) table.closest('.table-wrap').hidden = true;
  }

  document.addEventListener('click', function (event) {
    var box = document.getElementById('csr-error');
    var done = event.target.closest('button.complete-task');
    if (done) {
      var taskRow = done.closest('tr');
      settings.busy(done, true);
      settings.api('PATCH', '/api/v1/tasks/' + taskRow.dataset.taskId, { status: 'completed' }).then(function () {
        removeRow(taskRow, document.getElementById('my-tasks'));
        settings.flash('Task completed');
      }, function (error) {
        settings.busy(done, false);
        settings.showError(box, error);
      });
      return;
    }
    var close = event.target.closest('button.close-missed');
    if (close) {
      var row = close.closest('tr');
      var reason = row.querySelector('select.close-reason').value;
      settings.busy(close, true);
      settings.api('POST', '/api/v1/missed-calls/queue/' + row.dataset.conversationId + '/close', { reason: reason })
        .then(function () {
          removeRow(row, document.getElementById('missed-queue'));
          settings.flash('Closed: ' + reason.replace(/_/g, ' '));
        }, function (error) {
          settings.busy(close, false);
          settings.showError(box, error);
        });
    }
  });
})();
