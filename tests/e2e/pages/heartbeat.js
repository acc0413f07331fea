// The hostile pages' heartbeat: a 10 ms timer that records how late it fires, so a test can
// tell whether anything held the main thread. qrBeat.reset() starts a new measurement.
(function () {
  'use strict';
  const PERIOD = 10;
  const beat = {
    worst: 0,
    beats: 0,
    reset() { beat.worst = 0; beat.beats = 0; },
  };
  let last = performance.now();
  function tick() {
    const now = performance.now();
    beat.worst = Math.max(beat.worst, now - last - PERIOD);
    beat.beats++;
    last = now;
    setTimeout(tick, PERIOD);
  }
  setTimeout(tick, PERIOD);
  window.qrBeat = beat;
})();
