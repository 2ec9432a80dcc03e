/*! Batik Kota embed frame v1: ?theme=dark|auto; posts the height to host-v1.js and AMP. */
(function () {
  'use strict';
  var theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'dark' || theme === 'auto') document.documentElement.setAttribute('data-theme', theme);
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
