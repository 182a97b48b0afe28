// Reading the map's contract attributes and screenshots in the end-to-end tests. Every wait here
// is for a condition (an attribute, a rendered frame), never for a fixed time.
import { pageErrors, PATIENCE } from './browser';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MapStep, MapView } from '$lib/content/types';
import {
	frameCamera,
	MAP_INSETS,
	NARROW_MEDIA,
	PHONE_INSETS,
	subjectPoints
} from '$lib/map/framing';
import { loadContent } from '$lib/server/load-content';
import { mapData } from '$lib/server/map-files';
import { parseCamera, sameCamera } from '$lib/map/camera';

export const MAP = '[data-map-state]';

/** Waits until the map shows `sectionId`'s view and its camera has come to rest there; if it
 *  does not, fails saying what the map and the page showed instead. */
export async function waitForView(page: Page, sectionId: string, timeout = PATIENCE) {
	try {
		await page.waitForFunction(
			([selector, id]) => {
				const el = document.querySelector<HTMLElement>(selector);
				// …and faded in over the still (0.3 s after it is ready): what is read or measured is on screen.
				const shown = !!el && getComputedStyle(el).opacity === '1';
				return (
					el?.dataset.mapState === 'ready' &&
					el.dataset.view === id &&
					!!el.dataset.camera &&
					el.dataset.moving === undefined &&
					shown
				);
			},
			[MAP, sectionId] as const,
			{ timeout }
		);
	} catch (error) {
		const seen = await page
			.evaluate((selector) => {
				const el = document.querySelector<HTMLElement>(selector);
				const root = document.documentElement;
				return JSON.stringify({
					map: el && { ...el.dataset, opacity: getComputedStyle(el).opacity },
					note: document.querySelector('p.fallback[role="status"]')?.textContent?.trim(),
					scroll: `${Math.round(scrollY)} of ${root.scrollHeight - innerHeight}`,
					hash: location.hash
				});
			}, MAP)
			.catch((e) => `(the page could not be read: ${e})`);
		const errors = pageErrors.get(page)?.join('\n') || 'none';
		throw new Error(`${sectionId}'s view was not shown: ${seen}; errors: ${errors}`, {
			cause: error
		});
	}
}

/** Waits until the camera is at rest (no flight, no gesture still moving it). */
export async function waitForRest(page: Page, timeout = PATIENCE) {
	await page.waitForFunction(
		(selector) => {
			const el = document.querySelector<HTMLElement>(selector);
			return !!el?.dataset.camera && el.dataset.moving === undefined;
		},
		MAP,
		{ timeout }
	);
}

/** Waits until the settled camera differs from `before` (a data-camera value) and is at rest. */
export async function waitForCameraChange(page: Page, before: string, timeout = PATIENCE) {
	await page.waitForFunction(
		([selector, was]) => {
			const el = document.querySelector<HTMLElement>(selector);
			return !!el?.dataset.camera && el.dataset.camera !== was && el.dataset.moving === undefined;
		},
		[MAP, before] as const,
		{ timeout }
	);
}

/** Waits until the browser has rendered `count` more frames: what a reading-line crossing, a
 *  label placement or a stale update would need to show itself. */
export async function nextFrames(page: Page, count = 2) {
	await page.evaluate(
		(n) =>
			new Promise<void>((resolve) => {
				const step = (left: number) =>
					left ? requestAnimationFrame(() => step(left - 1)) : resolve();
				step(n);
			}),
		count
	);
}

/** Once the camera is at rest, it must be `view`'s in the map's box (framing.ts, with the data of
 *  the story in `root`). */
export async function expectCamera(page: Page, view: MapView, root = '.') {
	await waitForRest(page);
	// The box as the controller measures it: whole CSS px.
	const { narrow, ...box } = await page.locator(MAP).evaluate(
		(el, media) => ({
			width: el.clientWidth,
			height: el.clientHeight,
			narrow: matchMedia(media).matches
		}),
		NARROW_MEDIA
	);
	const data = await mapData(loadContent(root).manifest, root);
	const want = frameCamera(
		view,
		box,
		subjectPoints(view, data),
		narrow ? PHONE_INSETS : MAP_INSETS
	);
	const got = parseCamera((await page.locator(MAP).getAttribute('data-camera')) ?? '');
	expect(got && sameCamera(got, want) ? want : got, 'settled camera').toEqual(want);
}

/** What a PNG (decoded by the browser itself) holds: its distinct colours (to 4 bits a channel)
 *  and how many pixels lie within 24 of `near`, an [r, g, b] colour. */
export async function imageStats(
	page: Page,
	png: Buffer,
	near: [number, number, number] = [0, 0, 0]
): Promise<{ distinct: number; near: number }> {
	return page.evaluate(
		async ([base64, [r, g, b]]) => {
			const image = new Image();
			image.src = `data:image/png;base64,${base64}`;
			await image.decode();
			const canvas = Object.assign(document.createElement('canvas'), {
				width: image.width,
				height: image.height
			});
			const context = canvas.getContext('2d')!;
			context.drawImage(image, 0, 0);
			const { data } = context.getImageData(0, 0, image.width, image.height);
			const seen = new Set<number>();
			let close = 0;
			for (let i = 0; i < data.length; i += 4) {
				seen.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
				if (
					Math.abs(data[i] - r) < 24 &&
					Math.abs(data[i + 1] - g) < 24 &&
					Math.abs(data[i + 2] - b) < 24
				)
					close++;
			}
			return { distinct: seen.size, near: close };
		},
		[png.toString('base64'), near] as const
	);
}

/** Scrolls a section to where a reader would be reading it (as a link to it would). */
export async function scrollToSection(page: Page, id: string) {
	await page.evaluate(
		(id) => document.getElementById(id)!.scrollIntoView({ block: 'start', behavior: 'instant' }),
		id
	);
}

/** Scrolls a step (a section, or a question with a view of its own) to where it takes the map: a
 *  section as a link to it would; a question with its top just above the reading line (the next
 *  question may be above the line too when the question is short, and would take the map). */
export async function scrollToStep(page: Page, step: MapStep) {
	if (step.id === step.section.id) return scrollToSection(page, step.id);
	await page.evaluate(
		([id, narrow]) => {
			const top = document.getElementById(id)!.getBoundingClientRect().top + scrollY;
			const line = innerHeight * (matchMedia(narrow).matches ? 0.73 : 0.46);
			window.scrollTo({ top: top - line, behavior: 'instant' });
		},
		[step.id, NARROW_MEDIA] as const
	);
}

/** The controls drawn over the map: the mode button, the key, MapLibre's zoom buttons and credit. */
export const MAP_CONTROLS =
	'.mode, .legend, .maplibregl-ctrl-bottom-right .maplibregl-ctrl, .maplibregl-ctrl-attrib';

/** The ids of the shown place markers whose centre lies under one of the map's controls. */
export function markersUnderControls(page: Page): Promise<string[]> {
	return page.evaluate((controls) => {
		const boxes = [...document.querySelectorAll(controls)].map((c) => c.getBoundingClientRect());
		return [...document.querySelectorAll<HTMLElement>('.place-marker:not([hidden])')]
			.filter((m) => {
				const r = m.getBoundingClientRect();
				const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
				return boxes.some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
			})
			.map((m) => m.dataset.place!);
	}, MAP_CONTROLS);
}
