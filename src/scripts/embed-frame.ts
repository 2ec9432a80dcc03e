/**
 * Inside an embed: apply the theme asked for in the address (?theme=dark or light), and
 * tell the host page the height of the content whenever it changes. The message carries a
 * number only, so it may go to any parent.
 */
import { EMBED_MESSAGE_TYPE } from '../lib/embed';

const theme = new URLSearchParams(location.search).get('theme');
if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;

let last = 0;
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: EMBED_MESSAGE_TYPE, version: 1, height }, '*');
};
new ResizeObserver(post).observe(document.documentElement);
addEventListener('load', post);
