/*! Batik Kota embed frame v1: ?theme=dark|auto; posts the height to host-v1.js and AMP. */
(function () {
  'use strict';
  // The theme in effect; see src/lib/embed.ts.
  var theme = new URLSearchParams(location.search).get('theme');
  var dark = theme === 'auto' && window.matchMedia && matchMedia('(prefers-color-scheme: dark)');
  function apply() {
    document.documentElement.setAttribute('data-theme', theme === 'dark' || (dark && dark.matches) ? 'dark' : 'light');
  }
  apply();
  if (dark) dark.addListener(apply);
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
