/*! Batik Kota embed frame v1: posts the embed's height to host-v1.js and AMP. */
(function () {
  'use strict';
  // The theme is set before the first paint by the page's inline theme script (src/styles/embed-style.ts).
  if (window.parent === window) return;
  var last = 0;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'batik-kota:height', version: 1, height: height }, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: height }, '*');
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(post).observe(document.documentElement);
  window.addEventListener('load', post);
  post();
})();
