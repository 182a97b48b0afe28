import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startAfterStill } from '$lib/server/start-after-still';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

// SvelteKit's start script as it ends a prerendered page (its shape in @sveltejs/kit 2).
const START = `
				{
					__sveltekit_abc = { base: "" };
					const element = document.currentScript.parentElement;
					Promise.all([
						import("/_app/immutable/entry/start.js"),
						import("/_app/immutable/entry/app.js")
					]).then(([kit, app]) => {
						kit.start(app, element, { node_ids: [0, 2] });
					});
				}
			`;
const page = (script: string) =>
	`<html><head><meta http-equiv="content-security-policy" content="script-src 'self' '${sha256(script)}'"></head><body><div><script>${script}</script></div></body></html>`;

describe('startAfterStill', () => {
	it('makes the start script wait for the still, and allows the new script by its hash', () => {
		const html = startAfterStill(page(START));
		const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
		expect(script).not.toBe(START);
		expect(html).toContain(`'${sha256(script)}'`);
		expect(html).not.toContain(sha256(START));
		// Still a script that parses, waits for the paint, then starts the app as before.
		expect(() => new Function(script)).not.toThrow();
		expect(script.indexOf('PerformanceObserver')).toBeLessThan(script.indexOf('Promise.all(['));
		expect(script).toContain('kit.start(app, element');
	});

	it('leaves a page without a start script as it is', () => {
		const html = '<html><body><p>No scripts</p></body></html>';
		expect(startAfterStill(html)).toBe(html);
	});

	it('refuses a start script it does not know, rather than break the page', () => {
		expect(() => startAfterStill(page(START.replace('Promise.all([', 'load([')))).toThrow(
			/start-after-still/
		);
		expect(() => startAfterStill(page(START).replace(sha256(START), 'sha256-other'))).toThrow(
			/start-after-still/
		);
	});
});
