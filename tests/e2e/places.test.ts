// Places speak: activating a highlighted place on the map (click, tap or keyboard) shows the
// passages of every report that mention it, with citations; Escape closes and focus returns.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/load-content';
import { launch, open, VIEWPORTS } from './browser';
import { waitForView } from './map-helpers';

const { story, places, manifest } = loadContent('.');
const points = new Map(
	manifest.layers.flatMap((l) => l.features.filter((f) => f.point).map((f) => [f.id, f]))
);
/** The points a section's view marks. */
const marked = (sectionId: string) => {
	const view = story.views[story.sections.find((s) => s.id === sectionId)!.view];
	return view.highlight.filter((id) => points.has(id));
};
/** A section whose view marks one place, which the reports mention. */
const section = story.sections.find(
	(s) => marked(s.id).length === 1 && places[marked(s.id)[0]]?.length
)!;
const place = points.get(marked(section.id)[0])!;
const passages = places[place.id];

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

describe('places on the map', () => {
	it('opens a place’s passages from the keyboard, and Escape returns focus to the marker', async () => {
		const { page } = await open(browser, `/#${section.id}`);
		await waitForView(page, section.id);
		// From the map's surface (as a keyboard reaches it), the next Tab reaches the view's first
		// place marker (the only one of this view). Not a click: one on a shape opens its panel.
		await page.locator('.map canvas').focus();
		await page.keyboard.press('Tab');
		expect(
			await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.place)
		).toBe(place.id);
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: place.name, exact: true });
		await dialog.waitFor();
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(place.name);
		const quotes = dialog.locator('blockquote');
		expect(await quotes.count()).toBe(passages.length);
		for (const [i, p] of passages.entries()) {
			expect(await quotes.nth(i).textContent()).toBe(p.quote);
			expect(await quotes.nth(i).getAttribute('data-source')).toBe(p.source);
			expect(await quotes.nth(i).getAttribute('data-paragraph')).toBe(String(p.paragraph));
		}
		expect(await dialog.locator('a').first().getAttribute('href')).toBe(
			`/sources/${passages[0].source}?from=${section.id}#p${passages[0].paragraph}`
		);
		await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'detached' });
		expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.place)).toBe(
			place.id
		);
	});

	it('opens on a tap on a phone and closes with the close button', async () => {
		const { page } = await open(browser, `/#${section.id}`, {
			viewport: VIEWPORTS.phone,
			hasTouch: true,
			isMobile: true
		});
		await waitForView(page, section.id);
		// force: MapLibre re-positions markers on every frame it draws, which Playwright reads as "not stable".
		await page.locator(`.place-marker[data-place="${place.id}"]`).tap({ force: true });
		const dialog = page.getByRole('dialog', { name: place.name, exact: true });
		await dialog.waitFor();
		const close = dialog.getByRole('button', { name: 'Close' });
		const box = await close.boundingBox();
		expect(box!.width).toBeGreaterThanOrEqual(44);
		expect(box!.height).toBeGreaterThanOrEqual(44);
		await close.tap();
		await dialog.waitFor({ state: 'detached' });
	});
});
