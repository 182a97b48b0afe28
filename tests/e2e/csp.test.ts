// Every kind of page works under its Content-Security-Policy (the meta tag SvelteKit writes, and
// the header the server sends from build/_headers): the story with its live map, a source page, an
// embed page and the not-found page load with no violation; and the policy does its job: a script
// injected inline is blocked. One page of each kind stands for all of its kind: they share their
// template, their scripts and their policy.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/load-content';
import { baseURL, launch, open } from './browser';
import { waitForView } from './map-helpers';

const { story, sources } = loadContent('.');
let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

/** Opens a page, recording every CSP violation it reports. */
async function openRecording(path: string) {
	const opened = await open(browser, 'about:blank');
	await opened.page.addInitScript(() => {
		const found: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
		document.addEventListener('securitypolicyviolation', (e) =>
			found.push(`${e.effectiveDirective} ${e.blockedURI || 'inline'}`)
		);
	});
	await opened.page.goto(baseURL() + path);
	return opened;
}
const violations = (page: Page) =>
	page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe('the Content-Security-Policy', () => {
	it('lets the story load, hydrate and draw its live map, with no violation', async () => {
		const { page, errors } = await openRecording('/');
		const meta = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(meta).toMatch(/script-src 'self' 'sha256-/);
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		await page.mouse.move(3, 3);
		await waitForView(page, story.sections[0].id);
		expect(await violations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});

	it.each([`/sources/${sources[0].id}`, `/embed/${story.sections[0].id}`, '/nope'])(
		'lets %s load, with no violation',
		async (path) => {
			const { page, errors } = await openRecording(path);
			await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
			if (path.startsWith('/embed/')) await waitForView(page, path.slice('/embed/'.length));
			expect(await violations(page)).toEqual([]);
			// The not-found page is sent with its 404, which the console reports.
			expect(errors.filter((e) => path !== '/nope' || !e.includes('404'))).toEqual([]);
		}
	);

	it('blocks a script injected inline', async () => {
		const { page } = await openRecording('/');
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.__injected = true';
			document.body.append(script);
		});
		// Reported once per policy that blocks it: the page's meta tag and the server's header.
		await expect.poll(() => violations(page)).toContain('script-src-elem inline');
		expect(new Set(await violations(page))).toEqual(new Set(['script-src-elem inline']));
		expect(
			await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)
		).toBeUndefined();
	});
});
