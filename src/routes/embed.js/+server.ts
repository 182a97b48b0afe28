// /embed.js: the optional script of the embed snippet, for the host page. It sizes every story
// iframe on the page to its content: it says hello to each iframe (at once, when the iframe
// loads, and when its page says it is ready), and the embed page answers with its height
// (src/lib/embed/report-height.ts). A height is accepted only from an iframe of
// the page, sent from this site's exact origin (taken from the script's own URL, so the file
// works wherever the site is deployed; never "null", the origin of a sandboxed or data: frame),
// and only within EMBED_HEIGHTS.
import { EMBED_HEIGHTS, EMBED_MESSAGES } from '$lib/embed/snippet';

export const prerender = true;

const script = `(function () {
  var script = document.currentScript;
  var origin = new URL(script ? script.src : location.href).origin;
  var READY = ${JSON.stringify(EMBED_MESSAGES.ready)}, HELLO = ${JSON.stringify(EMBED_MESSAGES.hello)}, HEIGHT = ${JSON.stringify(EMBED_MESSAGES.height)};
  var MIN = ${EMBED_HEIGHTS.min}, MAX = ${EMBED_HEIGHTS.max};
  function frames() { return document.querySelectorAll('iframe[data-story-embed]'); }
  function hello(frame) { if (frame.contentWindow) frame.contentWindow.postMessage({ type: HELLO }, origin); }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || origin === 'null' || !data) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow !== event.source) return;
      if (data.type === READY) hello(frame);
      var height = data.height;
      if (data.type === HEIGHT && typeof height === 'number' && height >= MIN && height <= MAX) frame.style.height = Math.ceil(height) + 'px';
    });
  });
  function start() {
    frames().forEach(function (frame) {
      frame.addEventListener('load', function () { hello(frame); });
      hello(frame);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
`;

export function GET() {
  return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
