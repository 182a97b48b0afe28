// The dark theme: the page, the live map, the stills and the key follow the system's
// prefers-color-scheme; the reader's own choice (the Colours control) overrides it and is
// remembered, from the first paint of the next page; the right still shows before any script runs;
// print and embeds stay light.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/load-content';
import { palette, type Theme } from '$lib/theme/tokens';
import { baseURL, launch, open, visit, VIEWPORTS } from './browser';
import { waitForView } from './map-helpers';

const { story, sources } = loadContent('.');
const first = story.sections[0];
const ukraine = story.sections.find((s) => story.views[s.view].layers.includes('contact-line'))!;

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

/** A colour as the browser computes it: rgb(r, g, b). */
const rgb = (hex: string) =>
	`rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const paper = (page: Page) =>
	page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const stillSrc = (page: Page) =>
	page.locator('.still img').evaluate((img: HTMLImageElement) => img.currentSrc);
/** The live map's water, as MapLibre holds it (the page lists its maps for the tests). */
const water = (page: Page) =>
	page.evaluate(() => {
		const maps = (
			window as unknown as { __storyMaps: { getPaintProperty(l: string, p: string): unknown }[] }
		).__storyMaps;
		return maps[0]?.getPaintProperty('water', 'background-color');
	});
/** The key's swatch line of the front line, as drawn. */
const frontLineSwatch = (page: Page) =>
	page
		.locator('svg[data-swatch="approximate-line"] line')
		.first()
		.evaluate((l) => getComputedStyle(l).stroke);

/** A fresh page that lists its live maps for the test (window.__storyMaps), not yet opened. */
async function openWithMaps(options: Parameters<typeof open>[2]) {
	const opened = await open(browser, 'about:blank', options);
	await opened.page.addInitScript(
		() => ((window as unknown as { __storyMaps: unknown[] }).__storyMaps = [])
	);
	return opened;
}

describe('the theme', () => {
	for (const scheme of ['light', 'dark'] as Theme[]) {
		const colours = palette(scheme);

		it(`follows a system that prefers ${scheme}: page, still before any script, live map, key`, async () => {
			// Without JavaScript: the still the <picture> chooses, and the page's colours.
			for (const [viewport, kind] of [
				[VIEWPORTS.desktop, 'wide'],
				[VIEWPORTS.phone, 'narrow']
			] as const) {
				const { page } = await open(browser, '/', {
					colorScheme: scheme,
					javaScriptEnabled: false,
					viewport
				});
				await page.locator('.still img').evaluate((img: HTMLImageElement) => img.decode());
				expect(await stillSrc(page)).toMatch(
					new RegExp(`/stills/${first.id}-${kind}${scheme === 'dark' ? '-dark' : ''}\\.webp$`)
				);
				expect(await paper(page)).toBe(rgb(colours.paper));
			}
			// With it: the live map and the key.
			const { page, errors } = await openWithMaps({ colorScheme: scheme });
			await visit(page, `${baseURL()}/#${ukraine.id}`);
			await waitForView(page, ukraine.id);
			expect(await water(page)).toBe(colours.water);
			await page.locator('.legend summary').click();
			expect(await frontLineSwatch(page)).toBe(rgb(colours.frontLine));
			expect(errors).toEqual([]);
		});
	}

	it('follows the reader’s choice over the system’s, remembered from the first paint of the next page', async () => {
		const { page, errors } = await openWithMaps({ colorScheme: 'light' });
		await visit(page, `${baseURL()}/`);
		await waitForView(page, first.id);
		expect(await water(page)).toBe(palette('light').water);

		await page.getByLabel('Colours').selectOption('dark');
		await expect.poll(() => paper(page)).toBe(rgb(palette('dark').paper));
		await expect.poll(() => water(page)).toBe(palette('dark').water);
		await expect.poll(() => stillSrc(page)).toMatch(/-dark\.webp$/);

		// The next page is dark before its scripts run: the boot script in its head.
		await page.goto(`${baseURL()}/sources/${sources[0].id}`, { waitUntil: 'commit' });
		await page.waitForSelector('body', { state: 'attached' });
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		expect(await page.getByLabel('Colours').inputValue()).toBe('dark');
		expect(await paper(page)).toBe(rgb(palette('dark').paper));

		// Back to the system's: light again.
		await page.getByLabel('Colours').selectOption('auto');
		await expect.poll(() => paper(page)).toBe(rgb(palette('light').paper));
		expect(errors).toEqual([]);
	});

	it('stays light in print and in embeds', async () => {
		const { page } = await open(browser, '/', { colorScheme: 'dark' });
		await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
		expect(await paper(page)).toBe(rgb(palette('light').paper));
		await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
		await page.goto(`${baseURL()}/embed/${first.id}`);
		await page.locator('.still img').evaluate((img: HTMLImageElement) => img.decode());
		expect(await stillSrc(page)).not.toMatch(/-dark\.webp$/);
		expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe(
			rgb(palette('light').ink)
		);
	});
});
