// The story's own page tells its window what the reader does (story-events.ts): each section
// come to, exploring opened and closed, a view's link copied, a report opened, embed code copied;
// every detail carries the schema's version and the section. No request leaves the site.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/load-content';
import { STORY_EVENT_NAMES } from '$lib/story/story-events';
import { baseURL, launch, open } from './browser';
import { waitForView } from './map-helpers';

const { sections } = loadContent('.').story;

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

type Seen = { name: string; detail: Record<string, unknown> }[];
const seen = (page: Page) =>
	page.evaluate(() => (window as unknown as { storyEvents: Seen }).storyEvents);
/** Waits for the event `name` with a detail like `detail`. */
const heard = (page: Page, name: string, detail: Record<string, unknown>) =>
	expect
		.poll(async () => (await seen(page)).filter((e) => e.name === name).map((e) => e.detail))
		.toContainEqual(expect.objectContaining({ version: 1, embedded: false, ...detail }));

describe('events on the story page', () => {
	it('tell the window of sections, exploring, shared views, embed code and reports', async () => {
		const { page, requests } = await open(browser, 'about:blank', {
			permissions: ['clipboard-read', 'clipboard-write'],
			reducedMotion: 'reduce'
		});
		await page.addInitScript((names) => {
			const seen: Seen = ((window as unknown as { storyEvents: Seen }).storyEvents = []);
			for (const name of names)
				addEventListener(name, (e) => seen.push({ name, detail: (e as CustomEvent).detail }));
		}, STORY_EVENT_NAMES);
		await page.goto(`${baseURL()}/`);
		await heard(page, 'story:section-entered', { section: sections[0].id, index: 0 });
		await page.locator('h1').click(); // the reader engages: the live map comes
		await waitForView(page, sections[0].id);
		await page.keyboard.press('j');
		await heard(page, 'story:section-entered', {
			section: sections[1].id,
			index: 1,
			count: sections.length
		});
		await waitForView(page, sections[1].id);

		await page.getByRole('button', { name: 'Explore the map' }).click();
		await heard(page, 'story:explore-opened', { section: sections[1].id });
		await page.getByRole('button', { name: 'Copy a link to this view' }).click();
		await heard(page, 'story:view-shared', { section: sections[1].id });
		const shared = (await seen(page)).find((e) => e.name === 'story:view-shared')!;
		expect(shared.detail.url).toMatch(new RegExp(`^${baseURL()}/#map=`));
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared.detail.url);
		await page.getByRole('button', { name: 'Back to the story' }).click();
		await heard(page, 'story:explore-closed', { section: sections[1].id });

		const control = page.locator(`#${sections[1].id} .embed-control`);
		await control.locator('summary').click();
		await control.getByRole('button', { name: 'Copy embed code' }).click();
		await heard(page, 'story:embed-code-copied', { section: sections[1].id });

		const cite = page.locator(`#${sections[1].id} figcaption a[href*="/sources/"]`).first();
		const href = (await cite.getAttribute('href'))!;
		await cite.click();
		await heard(page, 'story:source-opened', {
			section: sections[1].id,
			paragraph: Number(href.split('#p')[1])
		});
		const site = new URL(baseURL()).origin;
		expect(requests.filter((u) => /^https?:/.test(u) && new URL(u).origin !== site)).toEqual([]);
	});
});
