// SvelteKit ends every page with an inline script that imports the app at once. On a slow phone
// that download (about 160 KiB) competes with the map's still, the page's largest paint, and
// Lighthouse's simulation then counts it before the still. This rewrites the script so that the
// imports wait until the still has been painted (Element Timing; where a browser lacks it, the
// first contentful paint; where the still fails to load, at once; 3 s at most), and puts the
// rewritten script's hash in the page's Content-Security-Policy in place of the old one.
import { createHash } from 'node:crypto';
import { STILL_TIMING } from '$lib/map/stills';

/** Calls `go` once the still is painted (ES5: it runs before anything is loaded). */
const AFTER_STILL = `function (go) {
	setTimeout(go, 3000);
	var still = document.querySelector('img[elementtiming="${STILL_TIMING}"]');
	var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
	var type = still && types.indexOf('element') >= 0 ? 'element' : types.indexOf('paint') >= 0 ? 'paint' : '';
	if (!type) return go();
	if (still) still.addEventListener('error', go);
	new PerformanceObserver(function (list, observer) {
		list.getEntries().forEach(function (e) {
			if (e.name === 'first-contentful-paint' || e.identifier === '${STILL_TIMING}') observer.disconnect(), go();
		});
	}).observe({ type: type, buffered: true });
}`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** `html` with SvelteKit's start script waiting for the still; pages without one unchanged. */
export function startAfterStill(html: string): string {
	const script = /<script>(\s*\{\s*__sveltekit_[\s\S]*?)<\/script>/.exec(html);
	if (!script) return html;
	const start = script[1];
	const imports = start.indexOf('Promise.all([');
	const end = start.lastIndexOf('});');
	if (imports < 0 || end < imports || (html.includes('sha256-') && !html.includes(sha256(start))))
		throw new Error(
			"SvelteKit's start script is not as start-after-still.ts expects: update the rewrite"
		);
	const waiting = `${start.slice(0, imports)}new Promise(${AFTER_STILL}).then(() => ${start.slice(imports, end)}}));${start.slice(end + 3)}`;
	return html
		.replace(script[0], () => `<script>${waiting}</script>`)
		.replace(sha256(start), () => sha256(waiting));
}
