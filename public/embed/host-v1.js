/*! Batik Kota embed host script v1. Sizes Batik Kota iframes (data-batik-embed): as wide as
 * the column (at most data-batik-max-width, where the newsroom chose a width), and as tall as
 * their content.
 * It accepts a message only from one of those iframes' own windows (event.source), only of the
 * shape {type: "batik-kota:height", version: 1, height: <number>}, and only a finite height,
 * clamped to 120–4000 px. It never reads or follows an address from a message. */
(function () {
  'use strict';
  var MIN = 120;
  var MAX = 4000;
  var SELECTOR = 'iframe[data-batik-embed]';

  // The size is set through the CSSOM, not a style attribute in the snippet: a host page whose
  // Content-Security-Policy forbids inline styles refuses style attributes in its markup, but
  // not styles set from a script it allows. Without this script the iframe keeps its width and
  // height attributes. The width attribute is only that fallback: the chart inside picks its wide
  // or narrow layout by the width it is given (a container query), so it fills any column.
  function fit(frame) {
    var max = parseInt(frame.getAttribute('data-batik-max-width'), 10);
    frame.style.width = '100%';
    if (max > 0) frame.style.maxWidth = max + 'px';
    frame.style.border = '0';
  }
  function fitAll() {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) fit(frames[i]);
  }

  // Every copy of the script (one per pasted snippet) fits the iframes already in the page,
  // since an async script may run before the parser reaches the next snippet's iframe.
  fitAll();

  // Only the first copy listens, so no message is handled twice. The mark is a registered
  // symbol, not a property name: an element with id="__batikKotaHostV1" in the host page is
  // window.__batikKotaHostV1 (named access on window), and no markup can make a symbol-keyed
  // property, nor a property that is exactly true.
  var MARK = typeof Symbol === 'function' ? Symbol.for('batik-kota.embed-host.v1') : '__batikKotaEmbedHostV1';
  if (window[MARK] === true) return;
  window[MARK] = true;

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fitAll);
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'batik-kota:height' || data.version !== 1) return;
    if (typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        // An iframe added to the page after this script ran is fitted when it first reports.
        fit(frames[i]);
        frames[i].style.height = Math.round(Math.min(MAX, Math.max(MIN, data.height))) + 'px';
        return;
      }
    }
  });
})();
