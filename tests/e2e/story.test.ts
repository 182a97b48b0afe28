// This story in a real Chromium against the built site, at desktop and phone sizes: deep links,
// reduced motion, fast scrolling, keyboard, reading without JavaScript, links and history.
// (Scrolling through every section, with its screenshots, is in smoke.test.ts, for any story.)
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapSteps, quotedIn, type MapStep } from '$lib/content/types';
import { loadContent } from '$lib/server/load-content';
import { baseURL, launch, open, visit, VIEWPORTS, PATIENCE } from './browser';
import { expectCamera, MAP, nextFrames, scrollToSection, waitForView } from './map-helpers';

const { story, manifest } = loadContent('.');
const sections = story.sections;
const cameraOf = (id: string) => story.views[sections.find((s) => s.id === id)!.view];

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

describe.each(Object.entries(VIEWPORTS))('%s', (name, viewport) => {
	it('opens a deep link at that section and its view, with its heading in sight', async () => {
		const target = sections[3];
		const { page } = await open(browser, `/#${target.id}`, { viewport });
		await waitForView(page, target.id);
		await expectCamera(page, cameraOf(target.id));
		const heading = await page.locator(`#${target.id} h2`).boundingBox();
		const map = await page.locator(MAP).boundingBox();
		expect(heading!.y).toBeGreaterThanOrEqual(0);
		if (name === 'phone')
			expect(heading!.y, 'heading below the map').toBeGreaterThanOrEqual(map!.y + map!.height - 1);
	});

	it('always ends on the active section after fast scrolling', async () => {
		const { page } = await open(browser, '/', { viewport });
		await waitForView(page, sections[0].id);
		for (const section of sections.slice(1)) {
			await scrollToSection(page, section.id);
			await nextFrames(page, 1); // one frame each: the reading line sees every section go by
		}
		await scrollToSection(page, sections[2].id);
		await waitForView(page, sections[2].id);
		await expectCamera(page, cameraOf(sections[2].id));
		// Nothing stale may land afterwards: a late crossing would show within a few frames.
		await nextFrames(page, 4);
		expect(await page.locator(MAP).getAttribute('data-view')).toBe(sections[2].id);
		await expectCamera(page, cameraOf(sections[2].id));
	});
});

describe('motion', () => {
	// Flights (and their turning into cuts where frames come slowly) are the controller's unit tests':
	// this browser draws WebGL in software, so its views change by cuts, as under reduced motion.
	it('cuts between views where WebGL is drawn in software, as under prefers-reduced-motion', async () => {
		const { page } = await open(browser, '/', { reducedMotion: 'no-preference' });
		await waitForView(page, sections[0].id);
		await page.evaluate(() => {
			const el = document.querySelector<HTMLElement>('[data-map-state]')!;
			const w = window as Window & { marks?: Record<string, number> };
			w.marks = {};
			new MutationObserver((records) => {
				for (const r of records) w.marks![r.attributeName!] = performance.now();
			}).observe(el, { attributes: true, attributeFilter: ['data-view', 'data-camera'] });
		});
		/** Milliseconds from the view of section `i` being applied to the camera settling on it. */
		const settleTime = async (i: number) => {
			await scrollToSection(page, sections[i].id);
			await waitForView(page, sections[i].id);
			await expectCamera(page, cameraOf(sections[i].id));
			const marks = await page.evaluate(
				() => (window as Window & { marks?: Record<string, number> }).marks!
			);
			return marks['data-camera'] - marks['data-view'];
		};
		expect(await settleTime(1)).toBeLessThan(500);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		expect(await settleTime(2)).toBeLessThan(500);
	});
});

describe('map data', () => {
	it("fetches the layers of the view read and the next before the first view, others' when needed", async () => {
		const steps = mapSteps(sections);
		const layersOf = (step: MapStep) => story.views[step.view].layers;
		const { page } = await open(browser, '/');
		await waitForView(page, sections[0].id);
		/** The data layers fetched so far, by id. */
		const fetched = async () => {
			const files = await page.evaluate(() =>
				performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
			);
			return new Set(manifest.layers.filter((l) => files.includes(l.file)).map((l) => l.id));
		};
		const first = new Set([...layersOf(steps[0]), ...layersOf(steps[1])]);
		expect(first.size, 'the first views show fewer layers than the story has').toBeLessThan(
			manifest.layers.length
		);
		expect(await fetched()).toEqual(first);
		const last = sections.at(-1)!;
		await scrollToSection(page, last.id);
		await waitForView(page, last.id);
		await expectCamera(page, cameraOf(last.id));
		const now = await fetched();
		for (const id of layersOf(steps.find((s) => s.section === last)!)) expect(now).toContain(id);
	});
});

describe('keyboard and layout', () => {
	it('reaches the next-section links with Tab, shows focus, and follows them', async () => {
		const { page } = await open(browser, '/');
		await waitForView(page, sections[0].id);
		let focused = '';
		for (let i = 0; i < 40 && !focused.startsWith('Next:'); i++) {
			await page.keyboard.press('Tab');
			focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
		}
		expect(focused).toContain(`Next: ${sections[1].title}`);
		const outline = await page.evaluate(
			() => getComputedStyle(document.activeElement!).outlineStyle
		);
		expect(outline).not.toBe('none');
		await page.keyboard.press('Enter');
		await waitForView(page, sections[1].id);
	});

	it('PageDown, Space and ArrowDown scroll the page as usual', async () => {
		const { page } = await open(browser, '/');
		await waitForView(page, sections[0].id);
		await page.locator('h1').click();
		for (const key of ['PageDown', 'Space', 'ArrowDown']) {
			const before = await page.evaluate(() => scrollY);
			await page.keyboard.press(key);
			await page.waitForFunction((y) => scrollY > y + 20, before, { timeout: PATIENCE });
		}
	});

	it('reserves the map box on a phone (about 42% of the height) so nothing shifts when it loads', async () => {
		const { page } = await open(browser, '/', { viewport: VIEWPORTS.phone });
		const before = await page.locator(MAP).boundingBox();
		await waitForView(page, sections[0].id);
		const after = await page.locator(MAP).boundingBox();
		expect(after).toEqual(before);
		expect(after!.height / VIEWPORTS.phone.height).toBeGreaterThan(0.4);
		expect(after!.height / VIEWPORTS.phone.height).toBeLessThan(0.45);
	});

	it('reads completely without JavaScript: every section, passage and citation is in the HTML', async () => {
		const { page } = await open(browser, '/', { javaScriptEnabled: false });
		for (const s of sections) {
			await expect(page.locator(`#${s.id}[data-section="${s.id}"] h2`).textContent()).resolves.toBe(
				s.title
			);
			const quotes = page.locator(`#${s.id} blockquote`);
			const all = quotedIn(s);
			expect(await quotes.count()).toBe(all.length);
			for (const [i, p] of all.entries()) {
				await expect(quotes.nth(i).textContent()).resolves.toBe(p.quote);
				await expect(quotes.nth(i).getAttribute('data-source')).resolves.toBe(p.source);
				await expect(quotes.nth(i).getAttribute('data-paragraph')).resolves.toBe(
					String(p.paragraph)
				);
			}
		}
		expect(await page.locator(MAP).isVisible()).toBe(false);
	});
});

describe('links and history', () => {
	it('opens a link whose hash is not valid percent-encoding (#%, #%E0%A4%A) at the top, the story whole', async () => {
		const { page, errors } = await open(browser, 'about:blank');
		for (const hash of ['#%', '#%E0%A4%A']) {
			await visit(page, `${baseURL()}/${hash}`);
			await waitForView(page, sections[0].id);
			expect(await page.locator('section[data-section]').count(), hash).toBe(sections.length);
			expect(await page.locator('h1').textContent(), hash).toBe(story.title);
			await page.goto('about:blank');
		}
		expect(errors).toEqual([]);
	});

	it('shows the first section’s view, and names it in the URL, when the reader goes back to the top', async () => {
		const last = sections.at(-1)!;
		const { page } = await open(browser, `/#${last.id}`);
		await waitForView(page, last.id);
		await page.locator(`#${last.id} h2`).click(); // the reader's click in the text gives the keys to the page
		await page.keyboard.press('Home');
		await page.waitForFunction(() => scrollY === 0);
		await waitForView(page, sections[0].id);
		// …so that a reload, or the link copied now, opens at the first section too.
		expect(await page.evaluate(() => location.hash)).toBe(`#${sections[0].id}`);
	});

	it('shows the first section’s view again when Back undoes a link from the contents, even while exploring', async () => {
		const target = sections[3];
		const { page } = await open(browser, '/');
		await waitForView(page, sections[0].id);
		await page.locator(`nav[aria-label="Contents"] a[href="#${target.id}"]`).click();
		await waitForView(page, target.id);
		await page.getByRole('button', { name: 'Explore the map' }).click();
		await page.evaluate(() => history.back());
		await page.waitForFunction(() => location.hash === '');
		await waitForView(page, sections[0].id);
		expect(await page.locator('[data-mode]').getAttribute('data-mode')).toBe('story');
		expect(await page.evaluate(() => scrollY)).toBe(0);
	});
});
