// Evaluation page: the recording synced to the transcript. Clicking a turn (or Enter on it) seeks the player to the
// turn's start; while it plays, the turn being spoken is marked "current". A separate file: the CSP forbids inline scripts.
(function () {
  'use strict';
  var player = document.getElementById('player');
  var turnEls = Array.prototype.slice.call(document.querySelectorAll('#transcript .turn[data-start]'));
  var starts = turnEls.map(function (t) { return parseFloat(t.getAttribute('data-start')) || 0; });
  var current = -1;

  /** The turn playing at time t: the last one that has started. */
  function turnAt(t) {
    var found = -1;
    for (var i = 0; i < starts.length; i++) {
      if (starts[i] <= t + 0.01) found = i; else break;
    }
    return found;
  }

  function highlight(index) {
    if (index === current) return;
    if (current >= 0) turnEls[current].classList.remove('current');
    current = index;
    if (index >= 0) turnEls[index].classList.add('current');
  }

  function seek(index) {
    highlight(index);
    if (!player) return;
    var t = starts[index];
    var apply = function () { player.currentTime = t; };
    if (player.readyState >= 1) apply();
    else {
      player.addEventListener('loadedmetadata', apply, { once: true });
      try { apply(); } catch (ignored) { /* before metadata */ }
    }
  }

  turnEls.forEach(function (el, i) {
    el.addEventListener('click', function () { seek(i); });
    el.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); seek(i); }
    });
  });

  if (player) {
    player.addEventListener('timeupdate', function () { highlight(turnAt(player.currentTime)); });
    player.addEventListener('seeked', function () { highlight(turnAt(player.currentTime)); });
    player.addEventListener('error', function () {
      var note = document.getElementById('player-note');
      if (note) note.hidden = false;
    });
  }
})();
