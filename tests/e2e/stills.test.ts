// The map box is never empty: each view's still is in the HTML before any script runs, shows
// the same places where the live map draws them, gives way to the live map once it has drawn,
// and stays, with its note and a way to try again, whenever the live map cannot be had (no
// WebGL2, a data file failing, MapLibre failing, a hung request, a lost WebGL context). Print
// shows every section with its still; every page's card (og:image) is a 1200 × 630 PNG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapSteps } from '$lib/content/types';
import { loadContent } from '$lib/server/load-content';
import {
	frameCamera,
	MAP_INSETS,
	PHONE_INSETS,
	PRINT_BOX,
	PRINT_PIXELS,
	subjectPoints
} from '$lib/map/framing';
import { LAYER_DRAWINGS } from '$lib/map/layer-kinds';
import { cameraProjection } from '$lib/map/projection';
import { mapData } from '$lib/server/map-files';
import { baseSite, baseURL, launch, open, sites, visit, VIEWPORTS, PATIENCE } from './browser';
import { MAP, scrollToSection, scrollToStep, waitForView } from './map-helpers';
import { SITE_ORIGIN } from './serve-build';

const { story, manifest } = loadContent('.');
const sections = story.sections;
const first = sections[0];

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

/** The still in the map box: whether it shows, which file, and whether that has loaded. */
const still = (page: Page) =>
	page.locator('.still img').evaluate((img: HTMLImageElement) => ({
		shown:
			getComputedStyle(img.parentElement!).visibility !== 'hidden' &&
			img.getBoundingClientRect().width > 0,
		file: img.currentSrc.split('/').pop(),
		loaded: img.complete && img.naturalWidth > 0
	}));
/** Waits until the still has given way to the live map (it goes once the map has faded in). */
const stillGone = (page: Page) =>
	page.waitForFunction(
		() => getComputedStyle(document.querySelector('.still')!).visibility === 'hidden'
	);
const state = (page: Page) => page.locator(MAP).getAttribute('data-map-state');
const note = (page: Page) => page.locator('.fallback');

describe('before the live map', () => {
	it('shows the first section’s still, sized to the box, as the largest paint, before any script runs', async () => {
		const { page } = await open(browser, 'about:blank', { viewport: VIEWPORTS.phone });
		await page.route('**/*.js', (route) => route.abort());
		await page.goto(`${baseURL()}/`);
		await page.waitForFunction(
			() => document.querySelector<HTMLImageElement>('.still img')?.complete
		);
		expect(await still(page)).toEqual({
			shown: true,
			file: `${first.id}-narrow.webp`,
			loaded: true
		});
		const box = (await page.locator('.map-panel').boundingBox())!;
		const img = (await page.locator('.still img').boundingBox())!;
		// Centred on the box and covering it.
		expect(Math.abs(img.x + img.width / 2 - (box.x + box.width / 2))).toBeLessThan(1);
		expect(
			img.x <= box.x &&
				img.y <= box.y &&
				img.x + img.width >= box.x + box.width &&
				img.y + img.height >= box.y + box.height
		).toBe(true);
		// The largest paint so far (the text paints before the image is decoded and painted).
		const largest = () =>
			page.evaluate(
				() =>
					new Promise<string>((resolve) =>
						new PerformanceObserver((list) =>
							resolve((list.getEntries().at(-1) as PerformanceEntry & { url: string }).url)
						).observe({ type: 'largest-contentful-paint', buffered: true })
					)
			);
		await expect.poll(largest).toMatch(new RegExp(`/stills/${first.id}-narrow\\.webp$`));
	});

	it('asks for its scripts only once the still is painted, and then runs them', async () => {
		for (const path of ['/', `/embed/${first.id}`]) {
			const { page } = await open(browser, 'about:blank', { viewport: VIEWPORTS.phone });
			await page.goto(`${baseURL()}${path}`);
			await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
			const { painted, scripts } = await page.evaluate(async () => ({
				painted: await new Promise<number>((resolve) =>
					new PerformanceObserver((list) =>
						resolve((list.getEntries()[0] as PerformanceEntry & { renderTime: number }).renderTime)
					).observe({ type: 'element', buffered: true })
				),
				scripts: performance
					.getEntriesByType('resource')
					.filter((r) => r.name.endsWith('.js'))
					.map((r) => r.startTime)
			}));
			expect(painted, path).toBeGreaterThan(0);
			expect(scripts.length, path).toBeGreaterThan(0);
			expect(Math.min(...scripts), path).toBeGreaterThanOrEqual(painted!);
		}
	});

	it('paints the first page in the system’s font, caches the text’s faces, and uses them on the next', async () => {
		const { page } = await open(browser, 'about:blank', { viewport: VIEWPORTS.phone });
		const fonts = () =>
			page.evaluate(() => ({
				marked: document.documentElement.hasAttribute('data-fonts'),
				family: getComputedStyle(document.body).fontFamily,
				fetched: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.woff2'))
					.length
			}));
		await page.goto(`${baseURL()}/`);
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		expect(await fonts()).toMatchObject({ marked: false, family: 'system-ui, sans-serif' });
		// Fetched once the page runs, and remembered.
		await expect.poll(() => page.evaluate(() => localStorage.getItem('story-fonts'))).toBe('1');
		expect((await fonts()).fetched).toBeGreaterThanOrEqual(2);
		await page.reload();
		expect(await fonts()).toMatchObject({
			marked: true,
			family: '"Noto Sans", system-ui, sans-serif'
		});
		await expect
			.poll(() => page.evaluate(() => document.fonts.check('400 16px "Noto Sans"')))
			.toBe(true);
	});

	it('draws every place where the live map draws it, at desktop and phone sizes', async () => {
		for (const viewport of Object.values(VIEWPORTS)) {
			const { page } = await open(browser, '/', { viewport, reducedMotion: 'reduce' });
			for (const step of mapSteps(sections)) {
				await scrollToStep(page, step);
				await waitForView(page, step.id);
				const box = (await page.locator(MAP).boundingBox())!;
				const view = story.views[step.view];
				const projection = cameraProjection(
					frameCamera(
						view,
						box,
						subjectPoints(view, await mapData(manifest, '.')),
						viewport.width <= 760 ? PHONE_INSETS : MAP_INSETS
					),
					box
				);
				const markers = await page.locator('.place-marker:not([hidden])').evaluateAll((els) =>
					els.map((el) => ({
						id: (el as HTMLElement).dataset.place!,
						box: el.getBoundingClientRect().toJSON() as DOMRect
					}))
				);
				const features = loadContent('.').manifest.layers.flatMap((l) => l.features);
				for (const m of markers) {
					const at = features.find((f) => f.id === m.id)!.point!;
					const [x, y] = projection(at)!;
					const where = `${step.id} at ${viewport.width}: ${m.id}`;
					expect(Math.abs(m.box.x + m.box.width / 2 - box.x - x), where).toBeLessThan(2);
					expect(Math.abs(m.box.y + m.box.height / 2 - box.y - y), where).toBeLessThan(2);
				}
			}
		}
	});
});

describe('the live map', () => {
	it('takes over from the still once it has drawn the view', async () => {
		const { page } = await open(browser, '/');
		await waitForView(page, first.id);
		await stillGone(page);
		expect(await page.locator(MAP).evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
	});

	it('waits for the reader: without a pointer, a touch, a key or a scroll, only the still shows', async () => {
		const { page } = await open(browser, 'about:blank');
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto(`${baseURL()}/`);
		await page.waitForSelector('[data-live="waiting"]');
		expect(await state(page)).toBe('loading');
		expect(requests.filter((u) => u.includes('/data/'))).toEqual([]);
		await page.keyboard.press('End');
		await page.waitForSelector('[data-live="started"]');
	});
});

describe('when the live map cannot be had', () => {
	/** Opens the story with `prepare` applied first; waits for the still and its note. */
	async function fallsBack(prepare: (page: Page) => Promise<unknown>, problem: RegExp) {
		const { page, errors } = await open(browser, 'about:blank');
		await prepare(page);
		await visit(page, `${baseURL()}/`);
		await page.waitForSelector('[data-map-state="fallback"]', { timeout: PATIENCE });
		expect(await note(page).textContent()).toMatch(problem);
		expect(await still(page)).toMatchObject({ shown: true, loaded: true });
		expect(errors.filter((e) => !/Failed to load resource|net::ERR/.test(e))).toEqual([]);
		return page;
	}

	it('without WebGL2', async () => {
		await fallsBack(
			(page) =>
				page.addInitScript(() => {
					const getContext = HTMLCanvasElement.prototype.getContext;
					HTMLCanvasElement.prototype.getContext = function (
						this: HTMLCanvasElement,
						kind: string,
						...rest: unknown[]
					) {
						return kind === 'webgl2'
							? null
							: (getContext as (...a: unknown[]) => RenderingContext | null).call(
									this,
									kind,
									...rest
								);
					} as typeof getContext;
				}),
			/cannot be drawn here/
		);
	});

	it('when a data file fails, and the reader can try again', async () => {
		let fail = true;
		const page = await fallsBack(
			(page) =>
				page.route('**/data/world.topo.json', (route) =>
					fail ? route.fulfill({ status: 500 }) : route.continue()
				),
			/cannot be drawn here/
		);
		fail = false;
		await page.getByRole('button', { name: 'Try again' }).click();
		await waitForView(page, first.id);
		await stillGone(page);
	});

	it('when MapLibre itself fails to load', async () => {
		await fallsBack(
			(page) =>
				page.route('**/_app/immutable/chunks/*.js', async (route) => {
					const response = await route.fetch();
					// MapLibre is the one chunk of several hundred kilobytes.
					if ((await response.body()).length > 400_000) await route.fulfill({ status: 500 });
					else await route.fulfill({ response });
				}),
			/cannot be drawn here/
		);
	});

	it('when a data request hangs: after a few seconds the still says so', async () => {
		await fallsBack((page) => page.route('**/data/world.topo.json', () => {}), /slow to load/);
	});

	it('when the WebGL context is lost: the still follows the reader, and a restored context comes back to the section read', async () => {
		const { page, errors } = await open(browser, '/', { reducedMotion: 'reduce' });
		await waitForView(page, first.id);
		const lose = (what: 'loseContext' | 'restoreContext') =>
			page.evaluate((what) => {
				const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
				const ext = ((window as Window & { lost?: WEBGL_lose_context }).lost ??= canvas
					.getContext('webgl2')!
					.getExtension('WEBGL_lose_context')!);
				ext[what]();
			}, what);
		await lose('loseContext');
		await page.waitForSelector('[data-map-state="fallback"]');
		expect(await note(page).textContent()).toMatch(/stopped drawing/);
		const target = sections[2];
		await scrollToSection(page, target.id);
		await page.waitForFunction(
			(id) =>
				document.querySelector<HTMLImageElement>('.still img')?.currentSrc.includes(`/${id}-`),
			target.id
		);
		expect(await still(page)).toMatchObject({ shown: true });
		await lose('restoreContext');
		await waitForView(page, target.id);
		await stillGone(page);
		expect(errors).toEqual([]);
	});
});

describe('print', () => {
	/** The smallest name on a map, in CSS px (layer-kinds.ts). */
	const smallestName = Math.min(
		...Object.values(LAYER_DRAWINGS).flatMap((kind) =>
			kind.marks.flatMap((m) =>
				m.mark === 'text'
					? [m.size, ...Object.values(m.variants?.cases ?? {}).map((c) => c.size ?? m.size)]
					: []
			)
		)
	);

	it('lays out the story as a newspaper would: each section with its still, names of 7 pt or more, citations as footnotes, within 10 A4 pages', async () => {
		const { page } = await open(browser, '/');
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.map-column').isVisible()).toBe(false);
		for (const section of sections) {
			const img = page.locator(`#${section.id} .section-still`);
			await img.scrollIntoViewIfNeeded();
			await page.waitForFunction(
				([id, width]) => {
					const el = document.querySelector<HTMLImageElement>(`#${id} .section-still`);
					return !!el && el.complete && el.naturalWidth === width;
				},
				[section.id, PRINT_PIXELS.width] as const
			);
			expect(await img.isVisible(), section.id).toBe(true);
			// Printed this wide (CSS px, 96 to the inch: 0.75 pt each), the smallest name is at least 7 pt.
			const printed = (await img.boundingBox())!.width;
			const pt = (smallestName / PRINT_BOX.width) * printed * 0.75;
			expect(pt, section.id).toBeGreaterThanOrEqual(7);
			// Each citation is a footnote that names the report and the paragraph, with its address.
			const notes = await page.locator(`#${section.id} .notes li`).allTextContents();
			expect(notes.length, section.id).toBe(await page.locator(`#${section.id} a.cite`).count());
			for (const note of notes)
				expect(note).toMatch(
					new RegExp(
						`^\\s*Report \\d[^,]*(, [^,]+)?, paragraph \\d+:\\s+${baseURL()}/sources/[\\w-]+#p\\d+\\s*$`
					)
				);
		}
		// The first section starts on the first page: no page is left blank before it.
		const first = await page.locator(`#${sections[0].id}`).boundingBox();
		expect(first!.y).toBeLessThan(((29.7 - 2.8) / 2.54) * 96);
		const pdf = await page.pdf({ format: 'A4' });
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
		expect(pages).toBeGreaterThan(0);
		expect(pages).toBeLessThanOrEqual(10);
	});
});

describe('cards for shared links', () => {
	/** Width and height from a PNG's IHDR chunk. */
	const pngSize = (file: string) => {
		const bytes = readFileSync(file);
		return {
			png: bytes.subarray(1, 4).toString() === 'PNG',
			width: bytes.readUInt32BE(16),
			height: bytes.readUInt32BE(20)
		};
	};

	it.each([...sites(), baseSite()].map((s) => [s.name, s] as const))(
		'%s: every page has its own 1200 × 630 card, title and description, the card named where the site’s address is known',
		(_, site) => {
			const { story: s } = loadContent(site.root);
			const named = site.build === baseSite().build; // built with SITE_ORIGIN (package.json)
			const pages = [
				['index.html', s.sections[0].id],
				...s.sections.map((x) => [`embed/${x.id}.html`, x.id])
			];
			for (const [file, id] of pages) {
				const html = readFileSync(join(site.build, file), 'utf8');
				const meta = (name: string) =>
					new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)"`).exec(html)?.[1];
				const card = `${new URL(site.baseURL).pathname.replace(/\/$/, '')}/stills/${id}-card.png`;
				const image = meta('og:image');
				expect(image, file).toBe(named ? `${SITE_ORIGIN}${card}` : undefined);
				expect(meta('twitter:image'), file).toBe(image);
				expect(meta('og:title'), file).toBeTruthy();
				expect(meta('og:description'), file).toBeTruthy();
				expect(pngSize(join(site.build, `stills/${id}-card.png`))).toEqual({
					png: true,
					width: 1200,
					height: 630
				});
			}
		}
	);
});
