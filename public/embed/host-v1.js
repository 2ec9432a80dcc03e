/*! Batik Kota embed host script v1. Resizes Batik Kota iframes (data-batik-embed) to their content.
 * It accepts a message only from one of those iframes' own windows (event.source), only of the
 * shape {type: "batik-kota:height", version: 1, height: <number>}, and only a finite height,
 * clamped to 120–4000 px. It never reads or follows an address from a message. */
(function () {
  'use strict';
  // Only the first copy of the script (one per pasted snippet) listens, so no message is
  // handled twice. The mark is a registered symbol, not a property name: an element with
  // id="__batikKotaHostV1" in the host page is window.__batikKotaHostV1 (named access on
  // window), and no markup can make a symbol-keyed property, nor a property that is exactly true.
  var MARK = typeof Symbol === 'function' ? Symbol.for('batik-kota.embed-host.v1') : '__batikKotaEmbedHostV1';
  if (window[MARK] === true) return;
  window[MARK] = true;
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
