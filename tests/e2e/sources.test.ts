// The source reader in a real Chromium against the built site: following a citation lands on the
// marked passage and leads back to the section it came from; filtering by place is shared through
// the URL; bad query parameters change nothing; without JavaScript every paragraph shows.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/load-content';
import { launch, open, VIEWPORTS, PATIENCE } from './browser';
import { nextFrames } from './map-helpers';

const { story, sources, places, manifest } = loadContent('.');
/** A section past the first that quotes reports, so that its hash is not the story's default. */
const section = story.sections.find((s, i) => i > 1 && s.passages.length)!;
const features = manifest.layers.flatMap((l) => l.features);
/** Paragraphs of `report` that mention each place, for the places it mentions. */
const placesIn = (report: string) =>
	Object.entries(places)
		.map(([id, passages]) => ({
			id,
			paragraphs: [...new Set(passages.filter((p) => p.source === report).map((p) => p.paragraph))]
		}))
		.filter((p) => p.paragraphs.length);
/** The report that mentions the most places, and the place it mentions in the most paragraphs. */
const REPORT = [...sources].sort((a, b) => placesIn(b.id).length - placesIn(a.id).length)[0].id;
const PLACE = placesIn(REPORT).sort((a, b) => b.paragraphs.length - a.paragraphs.length)[0];
const placeName = (() => {
	const f = features.find((f) => f.id === PLACE.id)!;
	return f.label ?? f.name;
})();
const total = sources.find((s) => s.id === REPORT)!.paragraphs.length;
const ids = (ns: number[]) => ns.map((n) => `p${n}`);

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
	mkdirSync('screenshots', { recursive: true });
});
afterAll(() => browser?.close());

/** Ids of the report's paragraphs a reader can see. */
const visibleParagraphs = (page: Page) =>
	page
		.locator('ol li[id^="p"]')
		.evaluateAll((items) => items.filter((li) => li.checkVisibility()).map((li) => li.id));

/** Waits until `selector` is wholly inside the viewport (smooth scrolling may still be moving). */
async function waitInViewport(page: Page, selector: string) {
	await page.waitForFunction(
		(selector) => {
			const box = document.querySelector(selector)?.getBoundingClientRect();
			return !!box && box.top >= 0 && box.bottom <= innerHeight;
		},
		selector,
		{ timeout: PATIENCE }
	);
}

describe.each(Object.entries(VIEWPORTS))('%s', (name, viewport) => {
	it('follows a citation to the marked passage and back to the section it came from', async () => {
		const passage = section.passages[0];
		const { page, errors } = await open(browser, `/#${section.id}`, { viewport });
		const link = page.locator(`#${section.id} figcaption a`).first();
		expect(await link.getAttribute('href')).toBe(
			`/sources/${passage.source}?from=${section.id}#p${passage.paragraph}`
		);
		await link.click();

		await page.waitForURL(
			(url) =>
				url.pathname === `/sources/${passage.source}` && url.hash === `#p${passage.paragraph}`
		);
		await page.waitForFunction(
			(id) => document.querySelector(':target')?.id === id,
			`p${passage.paragraph}`
		);
		const marks = await page.locator(`#p${passage.paragraph} mark`).allTextContents();
		expect(marks.some((m) => m.includes(passage.quote))).toBe(true);
		await waitInViewport(page, `#p${passage.paragraph}`);
		writeFileSync(`screenshots/${name}-source-cited.png`, await page.screenshot());

		const back = page.getByRole('link', { name: `← Back to “${section.title}”`, exact: true });
		await back.waitFor();
		expect(await back.getAttribute('href')).toBe(`/#${section.id}`);
		await back.click();

		// The story scrolls down to the section (smoothly, unless motion is reduced), and the hash
		// follows the sections it passes: wait for both to arrive, then check they stay.
		await page.waitForURL((url) => url.pathname === '/');
		await waitInViewport(page, `#${section.id} h2`);
		await page.waitForFunction((hash) => location.hash === hash, `#${section.id}`, {
			timeout: PATIENCE
		});
		await nextFrames(page, 4);
		expect(await page.evaluate(() => location.hash)).toBe(`#${section.id}`);
		expect(await page.locator(`#${section.id} h2`).textContent()).toBe(section.title);
		expect(errors).toEqual([]);
	});

	it('reads comfortably: nothing wider than the screen, buttons at least 44 px tall, focus visible', async () => {
		const { page } = await open(browser, `/sources/${REPORT}`, { viewport });
		const buttons = page.locator('.place-filter button');
		await buttons.first().waitFor();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			viewport.width
		);
		for (const box of await buttons.evaluateAll((all) =>
			all.map((b) => b.getBoundingClientRect().height)
		)) {
			expect(box).toBeGreaterThanOrEqual(44);
		}
		let focused = '';
		for (let i = 0; i < 10 && !focused.startsWith('BUTTON'); i++) {
			await page.keyboard.press('Tab');
			focused = await page.evaluate(() => document.activeElement?.tagName ?? '');
		}
		expect(focused).toBe('BUTTON');
		expect(
			await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
		).not.toBe('none');
		writeFileSync(`screenshots/${name}-source.png`, await page.screenshot({ fullPage: false }));
	});
});

describe('history across pages', () => {
	it('leaves a source page’s URL as it was when Back returns to it from the story', async () => {
		const passage = section.passages[0];
		const { page } = await open(browser, `/#${section.id}`);
		await page.locator(`#${section.id} figcaption a`).first().click();
		await page.waitForURL((url) => url.pathname === `/sources/${passage.source}`);
		await page.getByRole('link', { name: `← Back to “${section.title}”`, exact: true }).click();
		await page.waitForURL((url) => url.pathname === '/');
		// Every frame from here on, what the address bar says (the story must not write into the
		// source page's URL while SvelteKit brings that page back).
		await page.evaluate(() => {
			const seen: string[] = [];
			Object.assign(window, { seen });
			const record = () => {
				seen.push(location.pathname + location.hash);
				requestAnimationFrame(record);
			};
			record();
		});
		await page.evaluate(() => history.back());
		await page.waitForURL((url) => url.pathname === `/sources/${passage.source}`);
		await page.locator(`#p${passage.paragraph}`).waitFor();
		await nextFrames(page, 10);
		const seen: string[] = await page.evaluate(() => Reflect.get(window, 'seen'));
		expect(new Set(seen.filter((u) => u.startsWith('/sources/')))).toEqual(
			new Set([`/sources/${passage.source}#p${passage.paragraph}`])
		);
	});
});

describe('filter by place', () => {
	it('restores ?place= on load, shows all again, and writes each choice into the URL', async () => {
		const { page, errors } = await open(browser, `/sources/${REPORT}?place=${PLACE.id}`);
		const chosen = page.getByRole('button', { name: `${placeName} (${PLACE.paragraphs.length})` });
		await page.waitForFunction(() => document.querySelector('.place-filter [aria-pressed="true"]'));
		expect(await chosen.getAttribute('aria-pressed')).toBe('true');
		expect(await visibleParagraphs(page)).toEqual(ids(PLACE.paragraphs));
		// Hidden paragraphs stay in the page, so numbering and ids hold.
		expect(await page.locator('ol li[id^="p"]').count()).toBe(total);
		expect(await page.locator(`#p${total}`).getAttribute('value')).toBe(String(total));
		const historyLength = await page.evaluate(() => history.length);

		await page.getByRole('button', { name: 'Show all paragraphs' }).click();
		expect(await visibleParagraphs(page)).toHaveLength(total);
		expect(await chosen.getAttribute('aria-pressed')).toBe('false');
		expect(new URL(page.url()).searchParams.has('place')).toBe(false);

		await chosen.click();
		expect(new URL(page.url()).searchParams.get('place')).toBe(PLACE.id);
		expect(await visibleParagraphs(page)).toEqual(ids(PLACE.paragraphs));
		const other = page
			.locator('.place-filter button[aria-pressed]')
			.filter({ hasNotText: placeName })
			.first();
		await other.click();
		expect(await other.getAttribute('aria-pressed')).toBe('true');
		expect(new URL(page.url()).searchParams.get('place')).not.toBe(PLACE.id);
		expect(new URL(page.url()).searchParams.get('place')).toMatch(/^[\w-]+$/);
		await other.click(); // pressing the chosen place again shows everything
		expect(new URL(page.url()).searchParams.has('place')).toBe(false);
		expect(await visibleParagraphs(page)).toHaveLength(total);
		expect(await page.evaluate(() => history.length)).toBe(historyLength);
		expect(errors).toEqual([]);
	});
});

describe('untrusted query parameters', () => {
	it.each([
		['a script', `?from=${encodeURIComponent('<script>alert(1)</script>')}&place=nope`],
		['inherited names', '?from=__proto__&place=constructor'],
		['a real place id as the section', `?from=${PLACE.id}&place=%3Cimg%20src%3Dx%3E`]
	])('ignores %s: the page stays whole and shows none of it', async (_, query) => {
		const { page, errors } = await open(browser, `/sources/${REPORT}${query}`);
		// Pressing a place proves the page has hydrated (and so has read the query).
		const chosen = page.getByRole('button', { name: `${placeName} (${PLACE.paragraphs.length})` });
		await chosen.click();
		await page.waitForFunction(
			(id) => new URL(location.href).searchParams.get('place') === id,
			PLACE.id
		);
		const back = page.locator('main a').first();
		expect(await back.textContent()).toBe('← Back to the story');
		expect(await back.getAttribute('href')).toBe('/');
		const html = await page.content();
		for (const bad of ['<script>alert', 'alert(1)', 'nope', '__proto__', '<img src'])
			expect(html).not.toContain(bad);
		await chosen.click();
		expect(await visibleParagraphs(page)).toHaveLength(total);
		expect(errors).toEqual([]);
	});
});

describe('without JavaScript', () => {
	it('shows every paragraph with its id and the marked passages, and no place buttons', async () => {
		const target = PLACE.paragraphs[0];
		const { page } = await open(
			browser,
			`/sources/${REPORT}?place=${PLACE.id}&from=${section.id}#p${target}`,
			{ javaScriptEnabled: false }
		);
		expect(await visibleParagraphs(page)).toEqual(
			Array.from({ length: total }, (_, i) => `p${i + 1}`)
		);
		expect(await page.locator('.place-filter').isVisible()).toBe(false);
		expect(await page.locator('main a').first().textContent()).toBe('← Back to the story');
		const cited = story.sections.flatMap((s) => s.passages).filter((p) => p.source === REPORT);
		expect(cited.length).toBeGreaterThan(0);
		for (const p of cited) {
			const marks = await page.locator(`#p${p.paragraph} mark`).allTextContents();
			expect(
				marks.some((m) => m.includes(p.quote)),
				`¶${p.paragraph}: “${p.quote}”`
			).toBe(true);
		}
		expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(`p${target}`);
	});
});
