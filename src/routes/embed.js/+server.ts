// /embed.js: the optional script of the embed snippet, for the host page. It sizes every story
// iframe on the page to its content: it says hello to an iframe once the embed page in it says
// it is ready (or at once, for an iframe whose page had loaded before this script), and the
// embed page answers with its height (src/lib/embed/host-channel.ts). Nothing is posted to an
// iframe that is still blank (a lazy one below the fold): its window is not yet the site's. A height is accepted only from an iframe of
// the page, sent from this site's exact origin (taken from the script's own URL, so the file
// works wherever the site is deployed; never "null", the origin of a sandboxed or data: frame),
// and only within EMBED_HEIGHTS. The reader's events in an embed (src/lib/story/story-events.ts),
// sent the same way, are dispatched on its iframe, whence they bubble to the host's window.
import { EMBED_HEIGHTS, EMBED_MESSAGES } from '$lib/embed/snippet';

export const prerender = true;

const script = `(function () {
  var script = document.currentScript;
  var origin = new URL(script ? script.src : location.href).origin;
  var READY = ${JSON.stringify(EMBED_MESSAGES.ready)}, HELLO = ${JSON.stringify(EMBED_MESSAGES.hello)}, HEIGHT = ${JSON.stringify(EMBED_MESSAGES.height)}, EVENT = ${JSON.stringify(EMBED_MESSAGES.event)};
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
      if (data.type === EVENT && /^story:[a-z-]+$/.test(data.name) && data.detail && typeof data.detail === 'object') frame.dispatchEvent(new CustomEvent(data.name, { detail: data.detail, bubbles: true }));
    });
  });
  // A page that loaded before this script said it was ready to no one: greet it now. A frame
  // whose document this page can read and that is about:blank has not loaded yet.
  function loaded(frame) {
    try { return !frame.contentDocument || frame.contentDocument.URL !== 'about:blank'; } catch (e) { return true; }
  }
  function start() {
    frames().forEach(function (frame) { if (loaded(frame)) hello(frame); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
`;

export function GET() {
	return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
