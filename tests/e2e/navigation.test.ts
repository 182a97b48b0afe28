// Ways through the story besides scrolling, by keyboard and pointer, at every width: the Sections
// bar says where the reader is and its menu (the section read marked) jumps to a section and names
// it in the address; J and K go to the next and previous section, never while typing or with a
// modifier, and the reader can turn them off (remembered); Esc leaves exploring; Back from a
// source page brings the live map back without waiting for the reader's next move.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadContent } from '$lib/server/load-content';
import { baseURL, launch, open, PATIENCE, VIEWPORTS } from './browser';
import { MAP, waitForView } from './map-helpers';

const { story } = loadContent('.');
const { sections } = story;

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

const bar = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const toggle = (page: Page) => bar(page).locator('button.toggle');
/** The section the bar says is read. */
const says = (page: Page, n: number) =>
	expect
		.poll(() => toggle(page).textContent(), { timeout: PATIENCE })
		.toContain(`Section ${n} of ${sections.length}`);

describe.each([
	['desktop', VIEWPORTS.desktop],
	['tablet', { width: 800, height: 1000 }],
	['phone', VIEWPORTS.phone]
] as const)('on a %s', (_, viewport) => {
	it('says where the reader is, and its menu jumps to a section, marked, and names it in the address', async () => {
		const { page } = await open(browser, '/', { viewport });
		await says(page, 1);
		const target = sections[2];
		await toggle(page).click();
		expect(await toggle(page).getAttribute('aria-expanded')).toBe('true');
		const menu = page.locator('#section-menu');
		expect(await menu.locator('a[aria-current="location"]').textContent()).toBe(sections[0].title);
		await menu.getByRole('link', { name: target.title, exact: true }).click();
		await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${target.id}`);
		await says(page, 3);
		await waitForView(page, target.id);
		expect(await menu.isVisible()).toBe(false);
		// The bar covers neither the map nor its controls (on a phone the map is on top).
		const [nav, map] = await Promise.all([
			bar(page).boundingBox(),
			page.locator(MAP).boundingBox()
		]);
		expect(nav!.y + nav!.height).toBeCloseTo(viewport.height, 0);
		if (viewport.width <= 760) expect(map!.y + map!.height).toBeLessThanOrEqual(nav!.y);
		else expect(nav!.x + nav!.width).toBeLessThanOrEqual(map!.x + 1);
		await toggle(page).click();
		expect(await menu.locator('a[aria-current="location"]').textContent()).toBe(target.title);
		await page.keyboard.press('Escape');
		expect(await menu.isVisible()).toBe(false);
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.className))
			.toContain('toggle');
	});
});

describe('keys', () => {
	it('J and K go to the next and previous section, not while typing or with a modifier held', async () => {
		const { page } = await open(browser, '/', { reducedMotion: 'reduce' });
		await page.locator('h1').click();
		await page.keyboard.press('j');
		await says(page, 2);
		await waitForView(page, sections[1].id);
		await page.keyboard.press('j');
		await says(page, 3);
		await page.keyboard.press('k');
		await says(page, 2);
		await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${sections[1].id}`);
		for (const key of ['Control+j', 'Alt+j', 'Meta+j', 'Shift+J']) {
			await page.keyboard.press(key);
			await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
			await says(page, 2);
		}
		// Typed into a text field (fixed on screen: focusing it scrolls nothing), the key is text.
		await page.evaluate(() => {
			const input = document.createElement('input');
			input.id = 'typing';
			input.style.cssText = 'position: fixed; top: 0; left: 0';
			document.body.append(input);
		});
		await page.locator('#typing').focus();
		await page.keyboard.type('jjj');
		expect(await page.locator('#typing').inputValue()).toBe('jjj');
		await says(page, 2);
	});

	it('the menu works by keyboard alone: Tab reaches it after the skip link, and its links in order', async () => {
		const { page } = await open(browser, '/', { reducedMotion: 'reduce' });
		await page.keyboard.press('Tab'); // Skip to the story
		await page.keyboard.press('Tab');
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.className))
			.toContain('toggle');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
			sections[1].title
		);
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${sections[1].id}`);
		await says(page, 2);
	});

	it('can be turned off in the menu, and stay off on the next visit', async () => {
		const { page } = await open(browser, '/');
		await toggle(page).click();
		const box = page.getByRole('checkbox', { name: /Keys J and K/ });
		expect(await box.isChecked()).toBe(true);
		await box.uncheck();
		await page.keyboard.press('Escape');
		await page.locator('h1').click();
		await page.keyboard.press('j');
		await page.keyboard.press('j');
		await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
		await says(page, 1);
		await page.reload();
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		await toggle(page).click();
		expect(await box.isChecked()).toBe(false);
	});

	it('are named in the page’s how-to-read hint', async () => {
		const { page } = await open(browser, '/');
		const hint = await page.locator('.how-to-read').textContent();
		expect(hint).toMatch(/J and K for the next and previous section/);
		expect(hint).toMatch(/Esc to leave the map/);
	});

	it('Esc leaves exploring, wherever focus is', async () => {
		const { page } = await open(browser, '/');
		await waitForView(page, sections[0].id);
		await page.getByRole('button', { name: 'Explore the map' }).click();
		await expect.poll(() => page.locator('.map-panel').getAttribute('data-mode')).toBe('explore');
		await page.locator('h1').click();
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('.map-panel').getAttribute('data-mode')).toBe('story');
	});
});

describe('coming back to the story', () => {
	it('brings the live map back at once (Back from a source page, a reload), without the reader’s next move', async () => {
		// By touch alone: no mouse pointer rests over the page to move when it comes back.
		const context = await browser.newContext({ viewport: VIEWPORTS.phone, hasTouch: true });
		onTestFinished(() => context.close());
		const page = await context.newPage();
		await page.goto(baseURL() + '/');
		await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: PATIENCE });
		const h1 = (await page.locator('h1').boundingBox())!;
		await page.touchscreen.tap(h1.x + 10, h1.y + 10);
		await waitForView(page, sections[0].id);
		// From the top of the page (where coming back scrolls nothing), by a citation in the dek.
		const cite = (await page.locator('header .dek a[href*="/sources/"]').first().boundingBox())!;
		await page.touchscreen.tap(cite.x + 4, cite.y + cite.height / 2);
		await page.waitForURL(/\/sources\//);
		await page.waitForFunction(() => document.title.endsWith('source text'));
		await page.goBack();
		// No touch or key from here: the map loads by itself (SvelteKit's scroll on the way back is
		// not the reader's doing) …
		await waitForView(page, sections[0].id);
		expect(await page.locator(MAP).getAttribute('data-live')).toBe('started');
		// … and on a reload of the tab, where nothing scrolls: the reader had it in this tab.
		await page.reload();
		await waitForView(page, sections[0].id);
	});
});
