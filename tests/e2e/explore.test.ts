// Exploring the map: unlock, pan and zoom, share the view, return to the story; the locked map
// never takes the page's scroll; keyboard-only exploring and feature popups.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCamera } from '$lib/map/camera';
import { formatShareHash, parseShareHash } from '$lib/map/share';
import { loadContent } from '$lib/server/load-content';
import { baseURL, launch, open, visit, VIEWPORTS, PATIENCE } from './browser';
import {
	expectCamera,
	MAP,
	nextFrames,
	scrollToSection,
	waitForCameraChange,
	waitForView
} from './map-helpers';

const { story } = loadContent('.');
const [first, second, third] = story.sections;
const cameraOf = (id: string) => story.views[story.sections.find((s) => s.id === id)!.view];

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

const mode = (page: Page) => page.locator('[data-mode]').getAttribute('data-mode');
const camera = async (page: Page) =>
	parseCamera((await page.locator(MAP).getAttribute('data-camera')) ?? '')!;

/** A one-finger swipe by touch events (Playwright has taps only), through the DevTools protocol. */
async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
	const cdp = await page.context().newCDPSession(page);
	const point = (p: { x: number; y: number }) => [{ x: p.x, y: p.y }];
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
	for (let i = 1; i <= 8; i++) {
		const at = { x: from.x + ((to.x - from.x) * i) / 8, y: from.y + ((to.y - from.y) * i) / 8 };
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(at) });
	}
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describe.each(Object.entries(VIEWPORTS))('%s', (name, viewport) => {
	const touch = name === 'phone' ? { hasTouch: true, isMobile: true } : {};

	it('unlocks, pans and zooms, shares the view, and returns to the section’s view', async () => {
		const { page, errors } = await open(browser, `/#${second.id}`, { viewport, ...touch });
		await waitForView(page, second.id);
		const explore = page.getByRole('button', { name: 'Explore the map' });
		const size = await explore.boundingBox();
		expect(size!.height).toBeGreaterThanOrEqual(44);
		await explore.click();
		expect(await mode(page)).toBe('explore');

		const box = (await page.locator(MAP).boundingBox())!;
		const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		let before = (await page.locator(MAP).getAttribute('data-camera'))!;
		if (name === 'phone') await swipe(page, centre, { x: centre.x - 80, y: centre.y - 40 });
		else {
			await page.mouse.move(centre.x, centre.y);
			await page.mouse.down();
			await page.mouse.move(centre.x - 120, centre.y - 60, { steps: 8 });
			await page.mouse.up();
		}
		await waitForCameraChange(page, before);
		const panned = await camera(page);
		expect(panned.center).not.toEqual(cameraOf(second.id).camera.center);

		before = (await page.locator(MAP).getAttribute('data-camera'))!;
		const zoomIn = page.getByRole('button', { name: 'Zoom in' });
		const zoomBox = await zoomIn.boundingBox();
		expect(zoomBox!.width).toBeGreaterThanOrEqual(44);
		await zoomIn.click();
		await waitForCameraChange(page, before);
		expect((await camera(page)).zoom).toBeGreaterThan(panned.zoom + 0.5);
		await expect(page.locator('.maplibregl-ctrl-scale').isVisible()).resolves.toBe(true);

		// The URL now carries the camera; a fresh page opened from it explores the same view.
		const hash = await page.evaluate(() => location.hash);
		const shared = parseShareHash(hash)!;
		expect(shared).not.toBeNull();
		const copy = await open(browser, `/${hash}`, { viewport, ...touch });
		await copy.page.waitForSelector('[data-map-state="ready"][data-camera]');
		expect(await mode(copy.page)).toBe('explore');
		// A shared camera is taken as it is (no fitting to the box), to the hash's precision.
		await expect.poll(async () => formatShareHash(await camera(copy.page))).toBe(hash);

		const back = page.getByRole('button', { name: 'Back to the story' });
		await back.click();
		expect(await mode(page)).toBe('story');
		await expectCamera(page, cameraOf(second.id));
		expect(await page.evaluate(() => location.hash)).toBe(`#${second.id}`);
		expect(errors).toEqual([]);
	});

	it('ends exploring when the reader scrolls to another section, and follows the story again', async () => {
		const { page } = await open(browser, `/#${second.id}`, { viewport, ...touch });
		await waitForView(page, second.id);
		await page.getByRole('button', { name: 'Explore the map' }).click();
		const before = (await page.locator(MAP).getAttribute('data-camera'))!;
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await waitForCameraChange(page, before);
		await scrollToSection(page, third.id);
		await waitForView(page, third.id);
		expect(await mode(page)).toBe('story');
		await expectCamera(page, cameraOf(third.id));
	});

	it('lets scrolling over the locked map scroll the page', async () => {
		const { page } = await open(browser, '/', { viewport, ...touch });
		await waitForView(page, first.id);
		const box = (await page.locator(MAP).boundingBox())!;
		const before = await page.evaluate(() => scrollY);
		const cameraBefore = await page.locator(MAP).getAttribute('data-camera');
		if (name === 'phone')
			await swipe(
				page,
				{ x: box.x + box.width / 2, y: box.y + box.height * 0.7 },
				{ x: box.x + box.width / 2, y: box.y + 20 }
			);
		else {
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
			await page.mouse.wheel(0, 500);
		}
		await page.waitForFunction((y) => scrollY > y + 50, before, { timeout: PATIENCE });
		expect(await mode(page)).toBe('story');
		await nextFrames(page);
		expect(await page.locator(MAP).getAttribute('data-view')).toBe(first.id);
		expect(await page.locator(MAP).getAttribute('data-camera')).toBe(cameraBefore);
	});
});

describe('layout shifts', () => {
	it('leave the explored view alone when they change the section under the reading line without a scroll', async () => {
		const { page } = await open(browser, `/#${second.id}`);
		await waitForView(page, second.id);
		// Put the reading line (the middle of the viewport) 40 px above the end of the section.
		await page.evaluate((id) => {
			const end = document.getElementById(id)!.getBoundingClientRect().bottom + scrollY;
			window.scrollTo({ top: end - innerHeight * 0.49 - 40, behavior: 'instant' });
		}, second.id);
		await nextFrames(page);
		expect(await page.locator(MAP).getAttribute('data-view')).toBe(second.id);
		await page.getByRole('button', { name: 'Explore the map' }).click();
		const before = (await page.locator(MAP).getAttribute('data-camera'))!;
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await waitForCameraChange(page, before);
		const explored = await page.locator(MAP).getAttribute('data-camera');
		const scrolled = await page.evaluate(() => scrollY);
		// The layout shift: the end of the section (its links) collapses, and the next section
		// moves up under the reading line, while the page does not scroll.
		const next = await page.evaluate((id) => {
			document.querySelector<HTMLElement>(`#${id} .steps`)!.style.display = 'none';
			return document
				.elementFromPoint(innerWidth / 4, innerHeight * 0.49)
				?.closest('section[data-section]')?.id;
		}, second.id);
		expect(next).toBe(third.id);
		expect(await page.evaluate(() => scrollY)).toBe(scrolled);
		// The reading line sees the new section within a frame or two; the explored view must stay.
		await nextFrames(page, 4);
		expect(await mode(page)).toBe('explore');
		expect(await page.locator(MAP).getAttribute('data-camera')).toBe(explored);
		expect(await page.locator(MAP).getAttribute('data-view')).toBe(second.id);
	});
});

describe('share links', () => {
	// Every malformed or out-of-range form is refused by parseShareHash (tests/unit/camera.test.ts);
	// here, that the page then tells the story, with one of each kind.
	it('fall back to the story when malformed, out of range or hostile', async () => {
		const { page, errors } = await open(browser, 'about:blank');
		for (const hash of ['#map=7/10/10', '#map=99/10/10/0/0', '#map=<img src=x onerror=alert(1)>']) {
			await visit(page, `${baseURL()}/${hash}`);
			await waitForView(page, first.id);
			expect(await mode(page), hash).toBe('story');
			await expectCamera(page, cameraOf(first.id));
			expect(await page.locator('img[src=x]').count(), hash).toBe(0);
			await page.goto('about:blank');
		}
		expect(errors).toEqual([]);
	});
});

describe('keyboard', () => {
	it('explores with the keyboard alone and opens and closes a feature’s popup', async () => {
		const section = story.sections.find((s) =>
			story.views[s.view].layers.includes('contact-line')
		)!;
		const { page } = await open(browser, `/#${section.id}`);
		await waitForView(page, section.id);
		// From the top of the map column: Tab reaches the Explore button.
		await page.locator('.map canvas').click({ position: { x: 5, y: 5 } });
		let label = '';
		for (let i = 0; i < 10 && label !== 'Explore the map'; i++) {
			await page.keyboard.press('Tab');
			label = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
		}
		expect(label).toBe('Explore the map');
		await page.keyboard.press('Enter');
		expect(await mode(page)).toBe('explore');

		// Shift+Tab back to the map itself; arrows pan and + zooms.
		await page.locator('.maplibregl-canvas').focus();
		let before = (await page.locator(MAP).getAttribute('data-camera'))!;
		await page.keyboard.press('ArrowRight');
		await waitForCameraChange(page, before);
		const zoom = (await camera(page)).zoom;
		before = (await page.locator(MAP).getAttribute('data-camera'))!;
		await page.keyboard.press('Equal');
		await waitForCameraChange(page, before);
		expect((await camera(page)).zoom).toBeGreaterThan(zoom + 0.5);

		// Back out to the whole view, then Tab to the line of contact's marker and open it.
		before = (await page.locator(MAP).getAttribute('data-camera'))!;
		await page.keyboard.press('Minus');
		await waitForCameraChange(page, before);
		let place: string | undefined;
		for (let i = 0; i < 40 && place !== 'line-of-contact'; i++) {
			await page.keyboard.press('Tab');
			place = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.place);
		}
		expect(place).toBe('line-of-contact');
		await page.keyboard.press('Enter');
		const popup = page.getByRole('dialog');
		await popup.waitFor();
		const text = (await popup.textContent()) ?? '';
		expect(text).toContain('Approximate line of contact, 15 Aug 2025');
		expect(text).toMatch(/Accuracy\s*approximate/);
		expect(text).toContain('15 August 2025'); // its as-of date, 2025-08-15, as the story's language writes it
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
		await page.keyboard.press('Escape');
		await popup.waitFor({ state: 'detached' });
		expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.place)).toBe(
			'line-of-contact'
		);
	});
});
