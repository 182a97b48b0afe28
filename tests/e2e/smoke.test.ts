// Any story the engine builds, read as a reader would, at desktop and phone sizes: scrolling
// brings every section's view (the hash follows, without new history entries, and nothing is
// fetched from elsewhere), every cited passage is marked in its paragraph on its source page, and
// every section's embed page fits 280 to 1200 px wide (its live map drawn at both ends). Run for this project's story
// and for the small second story of tests/fixtures/second-story, built from its own folder with
// no code change, and for this story built under a base path (every request must stay under it).
// Screenshots of every section are saved in screenshots/ to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyPassages } from '$lib/content/types';
import { loadContent } from '$lib/server/load-content';
import { baseSite, launch, open, sites, VIEWPORTS } from './browser';
import {
	expectCamera,
	imageStats,
	MAP,
	nextFrames,
	scrollToSection,
	waitForView
} from './map-helpers';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
	mkdirSync('screenshots', { recursive: true });
});
afterAll(() => browser?.close());

describe.each(
	[...sites(), baseSite()].map((site, i) => ({ ...site, prefix: ['', 'second-', 'base-'][i] }))
)('$name', ({ root, baseURL, prefix }) => {
	const { story, sources } = loadContent(root);
	const sections = story.sections;
	const viewOf = (id: string) => story.views[sections.find((s) => s.id === id)!.view];

	// Under a base path, what is at stake is that every request stays under it: one size shows it.
	it.each(Object.entries(VIEWPORTS).filter(([name]) => prefix !== 'base-' || name === 'desktop'))(
		'%s: every section brings its view as the reader scrolls; the hash follows',
		async (name, viewport) => {
			// Jumps, not flights (reduced motion): flights are story.test.ts's; here every view counts.
			const { page, requests, errors } = await open(browser, `${baseURL}/`, {
				viewport,
				reducedMotion: 'reduce'
			});
			await waitForView(page, sections[0].id);
			const historyLength = await page.evaluate(() => history.length);
			for (const section of sections) {
				await scrollToSection(page, section.id);
				await waitForView(page, section.id);
				await expectCamera(page, viewOf(section.id), root);
				// The top of the story keeps a clean URL; from then on the hash names the section read.
				const hashes = section === sections[0] ? ['', `#${section.id}`] : [`#${section.id}`];
				expect(hashes).toContain(await page.evaluate(() => location.hash));
				await nextFrames(page); // labels are placed in the frames after the camera settles
				const png = await page.screenshot({ clip: (await page.locator(MAP).boundingBox())! });
				writeFileSync(`screenshots/${prefix}${name}-${section.id}.png`, await page.screenshot());
				expect(
					(await imageStats(page, png)).distinct,
					`${section.id}: colours in the map`
				).toBeGreaterThan(12);
			}
			expect(await page.evaluate(() => history.length)).toBe(historyLength);
			expect(
				requests.filter((url) => !url.startsWith(baseURL) && !/^(data|blob):/.test(url))
			).toEqual([]);
			expect(errors).toEqual([]);
		}
	);

	it('marks every cited passage in its paragraph on its source page', async () => {
		const passages = storyPassages(story);
		expect(passages.length).toBeGreaterThan(0);
		const { page } = await open(browser, 'about:blank');
		for (const source of sources.filter((s) => passages.some((p) => p.source === s.id))) {
			await page.goto(`${baseURL}/sources/${source.id}`);
			for (const p of passages.filter((p) => p.source === source.id)) {
				const marks = await page.locator(`#p${p.paragraph} mark`).allTextContents();
				expect(
					marks.some((m) => m.includes(p.quote)),
					`${source.id} ¶${p.paragraph}: “${p.quote}”`
				).toBe(true);
			}
		}
	});

	// The layout of every section's embed page, as served (without scripts, so no live map: the
	// still holds its box); the live map drawn in two of them, one at each end of the range.
	it('lays out every section in its embed page, 280 to 1200 px wide without sideways scrolling', async () => {
		const { page } = await open(browser, 'about:blank', { javaScriptEnabled: false });
		for (const [i, section] of sections.entries()) {
			const width = i % 2 ? 1200 : 280;
			await page.setViewportSize({ width, height: 900 });
			await page.goto(`${baseURL}/embed/${section.id}`);
			expect(await page.locator('h1').textContent()).toBe(section.title);
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth),
				`${section.id} at ${width} px`
			).toBeLessThanOrEqual(width);
		}
	});

	it.each([280, 1200])('draws the live map of an embed page %i px wide', async (width) => {
		const section = sections[width === 280 ? 0 : sections.length - 1];
		const { page, errors } = await open(browser, `${baseURL}/embed/${section.id}`, {
			viewport: { width, height: 900 }
		});
		await waitForView(page, section.id);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width
		);
		await page.screenshot({ path: `screenshots/${prefix}embed-${width}-${section.id}.png` });
		expect(errors).toEqual([]);
	});
});
