// Each view shows what its section's (or question's) text says, legibly, at the three widths
// readers use: the
// highlighted places are named on the map (MapLibre's own rendered labels) and their markers are
// clear of the map's controls; the map keeps at least 45% of a two-column window; the opening view
// draws the runways. What cannot be measured is looked at in screenshots (screenshots/maps-*).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_BAND, PHONE_BAND } from '$lib/map/camera';
import { hasLocator } from '$lib/map/locator';
import { mapSteps } from '$lib/content/types';
import { loadContent } from '$lib/server/load-content';
import { baseURL, launch, open, visit } from './browser';
import {
	MAP,
	markersUnderControls,
	scrollToStep,
	scrollToSection,
	waitForView
} from './map-helpers';

const { story, manifest } = loadContent('.');
const steps = mapSteps(story.sections);
const WIDTHS = [
	{ width: 1280, height: 800 },
	{ width: 800, height: 1000 },
	{ width: 390, height: 844 }
];

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

interface LiveMap {
	queryRenderedFeatures(o: object): { properties: { id: string } }[];
	getLayoutProperty(layer: string, name: string): unknown;
	once(event: 'idle', listener: () => void): void;
	triggerRepaint(): void;
}

/** The ids of the features of `layerParts` that MapLibre has drawn in the map's box, once it is
 *  idle (labels are placed, and faded in, after the camera stops). */
const rendered = (page: Page, layerParts: string[]) =>
	page.evaluate(async (layers) => {
		const map = (window as unknown as { __storyMaps: LiveMap[] }).__storyMaps.at(-1)!;
		await new Promise<void>((resolve) => {
			map.once('idle', resolve);
			map.triggerRepaint();
		});
		return [...new Set(map.queryRenderedFeatures({ layers }).map((f) => f.properties.id))];
	}, layerParts);

async function openMaps(viewport: { width: number; height: number }) {
	const opened = await open(browser, 'about:blank', { viewport, reducedMotion: 'reduce' });
	await opened.page.addInitScript(
		() => ((window as unknown as { __storyMaps: unknown[] }).__storyMaps = [])
	);
	await visit(opened.page, `${baseURL()}/`);
	return opened;
}

const pointLayers = manifest.layers.filter((l) => l.kind === 'points');

/** How far a path's direction turns along it, in degrees (a loop turns through 360). */
function turning(d: string): { points: number; degrees: number } {
	let degrees = 0;
	let points = 0;
	for (const sub of d.split('M').filter(Boolean)) {
		const xy = (sub.match(/-?[\d.]+/g) ?? []).map(Number);
		// Points 5 px apart or more: the path's digits are rounded to a tenth of a px.
		const pts: number[][] = [];
		for (let i = 0; i + 1 < xy.length; i += 2) {
			const last = pts.at(-1);
			if (!last || Math.hypot(xy[i] - last[0], xy[i + 1] - last[1]) >= 5)
				pts.push([xy[i], xy[i + 1]]);
		}
		points += pts.length;
		const angles = pts.slice(1).map(([x, y], i) => Math.atan2(y - pts[i][1], x - pts[i][0]));
		for (let i = 1; i < angles.length; i++) {
			let a = Math.abs(angles[i] - angles[i - 1]);
			if (a > Math.PI) a = 2 * Math.PI - a;
			degrees += (a * 180) / Math.PI;
		}
	}
	return { points, degrees };
}

const overlaid = manifest.layers.filter((l) => l.kind === 'route').map((l) => l.id);

describe.each(WIDTHS)('at $width × $height', (viewport) => {
	// One walk through every step checks all that each view shows (a page load and a walk cost
	// more than all the checks together).
	it('names every highlighted place of every view, its marker clear of the controls; a locator globe on every zoomed-in map, in the band of the controls, and none on a globe', async () => {
		const { page, errors } = await openMaps(viewport);
		for (const step of steps) {
			await scrollToStep(page, step);
			await waitForView(page, step.id);
			const where = `${step.id} at ${viewport.width}`;
			const view = story.views[step.view];
			const shown = pointLayers.filter((l) => view.layers.includes(l.id));
			const highlighted = shown
				.flatMap((l) => l.features)
				.filter((f) => view.highlight.includes(f.id))
				.map((f) => f.id);
			const labelled = await rendered(
				page,
				shown.flatMap((l) => [`${l.id}:label`, `${l.id}:label-lit`])
			);
			expect(
				highlighted.filter((id) => !labelled.includes(id)),
				`${where}: highlighted places without a label`
			).toEqual([]);
			// The view's plan of where each name goes (open-map.ts) reaches the highlighted names too.
			const unplanned = await page.evaluate(
				(ids) => {
					const map = (window as unknown as { __storyMaps: LiveMap[] }).__storyMaps.at(-1)!;
					const plan = (layer: string) =>
						JSON.stringify(map.getLayoutProperty(layer, 'text-variable-anchor-offset'));
					return ids.filter((id) => plan(`${id}:label-lit`) !== plan(`${id}:label`));
				},
				shown.map((l) => l.id)
			);
			expect(unplanned, `${where}: highlighted names placed by another plan`).toEqual([]);

			const covered = await markersUnderControls(page);
			expect(covered, `${where}: markers under a control`).toEqual([]);
			await page.screenshot({ path: `screenshots/maps-${viewport.width}-${step.id}.png` });

			const locator = page.locator('.map-panel img[data-locator]');
			if (!hasLocator(view)) {
				expect(await locator.count(), `${where}: a globe has no locator`).toBe(0);
				continue;
			}
			await expect
				.poll(() => locator.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
				.toBeGreaterThan(0);
			const box = (await page.locator(MAP).boundingBox())!;
			const at = (await locator.boundingBox())!;
			const narrow = viewport.width <= 760;
			const band = narrow ? PHONE_BAND : CONTROL_BAND;
			// Inside the map box, within the band along its top (beside the text) or its bottom.
			expect(at.x).toBeGreaterThanOrEqual(box.x);
			expect(at.x + at.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
			if (narrow) expect(at.y).toBeGreaterThanOrEqual(box.y + box.height - band - 0.5);
			else expect(at.y + at.height).toBeLessThanOrEqual(box.y + band + 0.5);
			// The key says what it is.
			await expect
				.poll(() => page.locator('.legend [data-swatch="locator"]').count(), { message: where })
				.toBe(1);
		}
		expect(errors).toEqual([]);
	});

	it('draws every great circle as one smooth curve, with no loop at the pole', async () => {
		const { page, errors } = await openMaps(viewport);
		const sections = story.sections.filter((s) =>
			story.views[s.view].layers.some((l) => overlaid.includes(l))
		);
		expect(sections.length).toBeGreaterThan(0);
		for (const section of sections) {
			await scrollToSection(page, section.id);
			await waitForView(page, section.id);
			const d = await page.locator('.map-panel svg.overlay path').first().getAttribute('d');
			const { points, degrees } = turning(d ?? '');
			expect(points, `${section.id}: the route's points`).toBeGreaterThan(10);
			expect(degrees, `${section.id}: how far the route turns`).toBeLessThan(180);
		}
		expect(errors).toEqual([]);
	});
});

it('keeps the map at least 45% of the window in two columns (800 px)', async () => {
	const { page } = await openMaps({ width: 800, height: 1000 });
	const box = (await page.locator(MAP).boundingBox())!;
	expect(box.width / 800).toBeGreaterThanOrEqual(0.45);
	expect(box.height).toBeGreaterThan(900); // beside the text, not above it
});

it('draws the runways on the opening view, each named by its designators', async () => {
	const first = story.sections[0];
	expect(story.views[first.view].layers).toContain('runways');
	const { page } = await openMaps({ width: 1280, height: 800 });
	await waitForView(page, first.id);
	const runways = manifest.layers
		.find((l) => l.id === 'runways')!
		.features.filter((f) => f.id.startsWith('paed-'))
		.map((f) => f.id);
	expect(runways).toHaveLength(2);
	expect((await rendered(page, ['runways:fill'])).sort()).toEqual(expect.arrayContaining(runways));
	expect((await rendered(page, ['runways:label'])).sort()).toEqual(expect.arrayContaining(runways));
});
