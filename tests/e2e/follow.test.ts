// The map follows the text everywhere: the end of the page (End, scrolling to the bottom) shows
// the last section's view at every width, from anywhere; a jump to any section shows its view,
// framed as from any other (from the opening view zoomed in on the base too);
// each question with a view of its own takes the map as it is read, forwards, backwards and by a
// jump, with its own still; and on a phone a section owns the map as soon as its heading is on
// screen below the map.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapSteps } from '$lib/content/types';
import { loadContent } from '$lib/server/load-content';
import { launch, open, VIEWPORTS } from './browser';
import { expectCamera, MAP, scrollToSection, scrollToStep, waitForView } from './map-helpers';

const { story } = loadContent('.');
const { sections } = story;
const [first, last] = [sections[0], sections.at(-1)!];
/** The questions that move the map, and the section they are in. */
const questions = mapSteps(sections).filter((s) => s.id !== s.section.id);
const asked = questions[0].section;

/** The file of the still in the map box (it follows the reader under the live map too). */
const stillFile = (page: Page) =>
	page.locator('.still img').evaluate((img: HTMLImageElement) => img.currentSrc.split('/').pop());

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

const toBottom = (page: Page) =>
	page.evaluate(() =>
		window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' })
	);

describe.each([
	['desktop', VIEWPORTS.desktop],
	['tablet', { width: 800, height: 1000 }],
	['phone', VIEWPORTS.phone]
] as const)('on a %s', (_, viewport) => {
	it('shows the last view at the end of the page (by End or by scrolling there), and the view of any section jumped to from the end or the beginning', async () => {
		const { page } = await open(browser, '/', { viewport, reducedMotion: 'reduce' });
		await waitForView(page, first.id);
		await page.locator('h1').click(); // the reader's click in the text gives the keys to the page
		await page.keyboard.press('End');
		await page.waitForFunction(
			() => innerHeight + scrollY >= document.documentElement.scrollHeight - 1
		);
		await waitForView(page, last.id);
		await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
		await waitForView(page, first.id);
		for (const section of sections.slice(0, -1)) {
			await toBottom(page);
			await waitForView(page, last.id);
			await scrollToSection(page, section.id);
			await waitForView(page, section.id);
			await expectCamera(page, story.views[section.view]);
		}
		for (const section of sections.slice(1)) {
			await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
			await waitForView(page, first.id);
			await scrollToSection(page, section.id);
			await waitForView(page, section.id);
			await expectCamera(page, story.views[section.view]);
		}
	});

	it('moves the map to each question’s view as it is read, forwards, backwards and by a jump', async () => {
		expect(questions.length).toBeGreaterThan(1);
		const { page } = await open(browser, '/', { viewport, reducedMotion: 'reduce' });
		await waitForView(page, first.id);
		const narrow = viewport.width <= 760 ? 'narrow' : 'wide';
		// A jump from the top of the page straight into the middle of the questions.
		const middle = questions[Math.floor(questions.length / 2)];
		await scrollToStep(page, middle);
		await waitForView(page, middle.id);
		// Back to the section's own text: its own view.
		await scrollToSection(page, asked.id);
		await waitForView(page, asked.id);
		for (const question of questions) {
			await scrollToStep(page, question);
			await waitForView(page, question.id);
			expect(await page.locator('#map-description').textContent()).toContain(
				question.mapDescription
			);
			await expect.poll(() => stillFile(page)).toBe(`${question.id}-${narrow}.webp`);
		}
		// Below the last question, in the rest of its section, the last question keeps the map.
		await page.evaluate(
			(id) => document.querySelector(`#${id} .steps`)!.scrollIntoView({ block: 'center' }),
			asked.id
		);
		await expect.poll(() => page.locator(MAP).getAttribute('data-view')).toBe(questions.at(-1)!.id);
		for (const question of questions.toReversed()) {
			await scrollToStep(page, question);
			await waitForView(page, question.id);
		}
	});
});

describe('on a phone', () => {
	it('gives the map to the section whose heading is on screen below the map', async () => {
		const { page } = await open(browser, '/', {
			viewport: VIEWPORTS.phone,
			reducedMotion: 'reduce'
		});
		await waitForView(page, first.id);
		const mapBottom = (await page.locator(MAP).boundingBox())!;
		for (const section of sections.slice(1)) {
			// The heading two thirds of the way down the text below the map: on screen, with the
			// section's first lines under it.
			await page.evaluate(
				([id, top]) => {
					const heading = document.querySelector(`#${id} h2`)!;
					const y = heading.getBoundingClientRect().top + scrollY;
					window.scrollTo({ top: y - top, behavior: 'instant' });
				},
				[section.id, mapBottom.y + mapBottom.height + 0.4 * (844 - mapBottom.height)] as const
			);
			const heading = (await page.locator(`#${section.id} h2`).boundingBox())!;
			expect(heading.y).toBeGreaterThan(mapBottom.y + mapBottom.height);
			expect(heading.y + heading.height).toBeLessThan(844);
			await waitForView(page, section.id);
		}
	});
});
