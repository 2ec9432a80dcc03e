/*! Batik Kota embed host script v1. Resizes Batik Kota iframes (data-batik-embed) to their content.
 * It accepts a message only from one of those iframes' own windows (event.source), only of the
 * shape {type: "batik-kota:height", version: 1, height: <number>}, and only a finite height,
 * clamped to 120–4000 px. It never reads or follows an address from a message. */
(function () {
  'use strict';
  if (window.__batikKotaHostV1) return;
  window.__batikKotaHostV1 = true;
  var MIN = 120;
  var MAX = 4000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'batik-kota:height' || data.version !== 1) return;
    if (typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-batik-embed]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.round(Math.min(MAX, Math.max(MIN, data.height))) + 'px';
        return;
      }
    }
  });
})();
