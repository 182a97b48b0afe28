// /embed.js: the optional script of the embed snippet, for the host page. It is the
// @open-iframe-resizer/core browser build (MIT) plus one call that sizes every story iframe on
// the page to its content, accepting messages only from this site's origin (taken from the
// script's own URL, so the file works on whatever origin the site is deployed to).
import { readFileSync } from 'node:fs';

export const prerender = true;

export function GET() {
  const library = readFileSync('node_modules/@open-iframe-resizer/core/dist/index.umd.cjs', 'utf8');
  const init = `
(function () {
  var script = document.currentScript;
  var origin = new URL(script ? script.src : location.href).origin;
  function start() { iframeResizer.initialize({ checkOrigin: [origin] }, 'iframe[data-story-embed]'); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
`;
  return new Response(library + init, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
