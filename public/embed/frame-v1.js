/*! Batik Kota embed frame script v1. Runs inside an embed page: applies ?theme=light|dark, and
 * tells the host page the height of the content whenever it changes, as
 * {type: "batik-kota:height", version: 1, height: <number>}. The message carries a number only,
 * so it may go to any parent. A classic script, not a module: inside a sandboxed iframe the page
 * has an opaque origin, and module scripts would need CORS headers from every host. */
(function () {
  'use strict';
  var theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.setAttribute('data-theme', theme);
  if (window.parent === window) return;
  var last = 0;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'batik-kota:height', version: 1, height: height }, '*');
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(post).observe(document.documentElement);
  window.addEventListener('load', post);
  post();
})();
