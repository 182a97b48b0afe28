// The map key says what each layer of the current view is, its source and as-of date, that
// approximate layers are approximate, and how the basemap is credited; an approximate line is
// drawn (in the accent red) on a view that shows one, and not elsewhere.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYER_KINDS } from '$lib/data-contract.js';
import { loadContent } from '$lib/server/load-content';
import { launch, open } from './browser';
import { imageStats, MAP, nextFrames, scrollToSection, waitForView } from './map-helpers';

const { story, manifest, i18n } = loadContent('.');
const { layers, basemap } = manifest;
const shows = (sectionId: string, kind: string) =>
	story.views[story.sections.find((s) => s.id === sectionId)!.view].layers.some(
		(id) => layers.find((l) => l.id === id)?.kind === kind
	);

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

describe('map key', () => {
	it('lists, for every section, the layers of its view with source and as-of date, and the basemap’s credit', async () => {
		const { page } = await open(browser, '/', { reducedMotion: 'reduce' });
		const legend = page.locator('.legend');
		await legend.locator('summary').click();
		for (const section of story.sections) {
			await scrollToSection(page, section.id);
			await waitForView(page, section.id);
			const text = (await legend.textContent()) ?? '';
			const shown = story.views[section.view].layers;
			for (const layer of layers) {
				// The map's own labels (kind `labels`) name things; they are never a line of the key.
				if (!shown.includes(layer.id) || layer.kind === 'labels') {
					expect(text, `${section.id}: ${layer.title}`).not.toContain(layer.title);
					continue;
				}
				expect(text, section.id).toContain(layer.title);
				expect(text, section.id).toContain(layer.source);
				if (LAYER_KINDS[layer.kind].approximate)
					expect(text, `${section.id}: ${layer.title}`).toContain(
						`(approximate${layer.asOf ? `, as of ${i18n.date(layer.asOf)}` : ''})`
					);
				else if (layer.asOf) expect(text, section.id).toContain(`(as of ${i18n.date(layer.asOf)})`);
			}
			expect(text).toContain(
				`${basemap.credit.title}: ${basemap.credit.source} (${basemap.credit.licence})`
			);
			// The basemap's note only where it concerns a layer the view shows.
			const { note, noteWith } = basemap.credit;
			if (note)
				expect(text.includes(note), `${section.id}: the basemap's note`).toBe(
					!noteWith || shown.some((id) => noteWith.includes(id))
				);
		}
	});
});

describe('an approximate line', () => {
	it('is drawn in the accent red on a view that shows one, and not on a view without it', async () => {
		const { page } = await open(browser, '/');
		await waitForView(page, story.sections[0].id);
		const redPixels = async (sectionId: string) => {
			await scrollToSection(page, sectionId);
			await waitForView(page, sectionId);
			await nextFrames(page);
			const png = await page.screenshot({ clip: (await page.locator(MAP).boundingBox())! });
			// The accent red, #b3261e, drawn at full opacity by the dashed line (fills are faint).
			const { near: count } = await imageStats(page, png, [0xb3, 0x26, 0x1e]);
			return count;
		};
		const withLine = story.sections.find((s) => shows(s.id, 'approximate-line'))!;
		const without = story.sections.find(
			(s) => !shows(s.id, 'approximate-line') && !shows(s.id, 'approximate-area')
		)!;
		const [red, other] = [await redPixels(withLine.id), await redPixels(without.id)];
		console.log(`accent-red pixels: ${withLine.id} ${red}, ${without.id} ${other}`);
		expect(red).toBeGreaterThan(2 * other + 400);
	});
});
