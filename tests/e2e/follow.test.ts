// The map follows the text everywhere: the end of the page (End, scrolling to the bottom) shows
// the last section's view at every width, from anywhere; a jump to any section shows its view;
// and on a phone a section owns the map as soon as its heading is on screen below the map.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/load-content';
import { launch, open, VIEWPORTS } from './browser';
import { MAP, scrollToSection, waitForView } from './map-helpers';

const { story } = loadContent('.');
const { sections } = story;
const [first, last] = [sections[0], sections.at(-1)!];

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

const toBottom = (page: Page) =>
	page.evaluate(() =>
		window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' })
	);

describe.each([
	['desktop', VIEWPORTS.desktop],
	['tablet', { width: 800, height: 1000 }],
	['phone', VIEWPORTS.phone]
] as const)('on a %s', (_, viewport) => {
	it('shows the last view at the end of the page, by End or by scrolling there, from the top', async () => {
		const { page } = await open(browser, '/', { viewport, reducedMotion: 'reduce' });
		await waitForView(page, first.id);
		await page.keyboard.press('End');
		await waitForView(page, last.id);

		await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
		await waitForView(page, first.id);
		await toBottom(page);
		await waitForView(page, last.id);
	});

	it('shows the view of any section jumped to, from the end of the page or its beginning', async () => {
		const { page } = await open(browser, '/', { viewport, reducedMotion: 'reduce' });
		await waitForView(page, first.id);
		for (const section of sections.slice(0, -1)) {
			await toBottom(page);
			await waitForView(page, last.id);
			await scrollToSection(page, section.id);
			await waitForView(page, section.id);
		}
		await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
		await waitForView(page, first.id);
		await scrollToSection(page, last.id);
		await waitForView(page, last.id);
	});
});

describe('on a phone', () => {
	it('gives the map to the section whose heading is on screen below the map', async () => {
		const { page } = await open(browser, '/', {
			viewport: VIEWPORTS.phone,
			reducedMotion: 'reduce'
		});
		await waitForView(page, first.id);
		const mapBottom = (await page.locator(MAP).boundingBox())!;
		for (const section of sections.slice(1)) {
			// The heading two thirds of the way down the text below the map: on screen, with the
			// section's first lines under it.
			await page.evaluate(
				([id, top]) => {
					const heading = document.querySelector(`#${id} h2`)!;
					const y = heading.getBoundingClientRect().top + scrollY;
					window.scrollTo({ top: y - top, behavior: 'instant' });
				},
				[section.id, mapBottom.y + mapBottom.height + 0.4 * (844 - mapBottom.height)] as const
			);
			const heading = (await page.locator(`#${section.id} h2`).boundingBox())!;
			expect(heading.y).toBeGreaterThan(mapBottom.y + mapBottom.height);
			expect(heading.y + heading.height).toBeLessThan(844);
			await waitForView(page, section.id);
		}
	});
});
