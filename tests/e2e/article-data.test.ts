// A published story changes, and says so: each update or correction shows under the title of the
// section it touches and in a log at the end (the second story carries two); the story page
// carries schema.org NewsArticle data and every page Open Graph tags, as a real consumer
// (open-graph-scraper) reads them from the built HTML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ogs from 'open-graph-scraper';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/load-content';
import { baseSite, launch, open, sites } from './browser';
import { BASE_PATH, SITE_ORIGIN } from './serve-build';

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

const second = () => sites().find((s) => s.root === 'tests/fixtures/second-story')!;
const read = async (build: string, file: string) =>
	(await ogs({ html: readFileSync(join(build, file), 'utf8') })).result;

describe('updates and corrections', () => {
	it('show under the section they touch, in the embed too, and all in a log at the end, newest first', async () => {
		const site = second();
		const { page } = await open(browser, `${site.baseURL}/`);
		expect(await page.locator('#the-narrows .update').textContent()).toMatch(
			/^\s*Aktualisiert am 16\. August 2025:\s+Die Überfahrtszeit wird jetzt aus der Notiz zitiert\.\s*$/
		);
		expect(await page.locator('#further-south .update.correction').textContent()).toMatch(
			/^\s*Korrektur vom 18\. August 2025:\s+Eine frühere Fassung verlegte die Brücke in die falsche Meerenge\.\s*$/
		);
		const log = page.locator('.updates-log li');
		expect(await log.allTextContents()).toEqual([
			expect.stringMatching(
				/18\. August 2025 \(Korrektur\) — Weiter südlich: Eine frühere Fassung/
			),
			expect.stringMatching(/16\. August 2025\s+— Die Meerenge: Die Überfahrtszeit/)
		]);
		await log.first().getByRole('link').click();
		await expect.poll(() => page.evaluate(() => location.hash)).toBe('#further-south');
		const embed = await open(browser, `${site.baseURL}/embed/further-south`);
		expect(await embed.page.locator('.update.correction').textContent()).toMatch(
			/Korrektur vom 18\. August 2025/
		);
	});
});

describe('NewsArticle data and share tags', () => {
	it('the story page: headline, description, dates (the latest update), byline, publisher', async () => {
		const fixture = loadContent('tests/fixtures/second-story').story;
		const result = await read(second().build, 'index.html');
		expect(result.jsonLD).toEqual([
			{
				'@context': 'https://schema.org',
				'@type': 'NewsArticle',
				headline: fixture.title,
				inLanguage: 'de',
				description:
					'Eine Testgeschichte mit zwei Abschnitten, zwei Notizen und einigen eigenen Orten.',
				dateModified: '2025-08-18',
				author: { '@type': 'Organization', name: 'Das Testressort' },
				publisher: { '@type': 'Organization', name: 'Testanzeiger' }
			}
		]);
		expect(result.ogSiteName).toBe('Testanzeiger');
		// This story: published, not updated; under a base path with SITE_ORIGIN, its card and address.
		const ours = loadContent('.').story;
		const article = (await read(baseSite().build, 'index.html')).jsonLD![0] as Record<
			string,
			unknown
		>;
		expect(article).toMatchObject({
			headline: ours.title,
			datePublished: ours.ending!.published,
			dateModified: ours.ending!.published,
			author: { name: ours.byline },
			publisher: { name: ours.publisher },
			url: `${SITE_ORIGIN}${BASE_PATH}/`,
			image: `${SITE_ORIGIN}${BASE_PATH}/stills/${ours.sections[0].id}-card.png`
		});
	});

	it('every page, source pages included, has its title, description, type and site name', async () => {
		const { story, sources } = loadContent('.');
		const pages = [
			'index.html',
			...story.sections.map((s) => `embed/${s.id}.html`),
			...sources.map((s) => `sources/${s.id}.html`)
		];
		for (const file of pages) {
			const result = await read(sites()[0].build, file);
			expect(result.ogTitle, file).toBeTruthy();
			expect(result.ogDescription, file).toBeTruthy();
			expect(result.ogType, file).toBe('article');
			expect(result.ogSiteName, file).toBe(story.publisher);
		}
		const source = await read(baseSite().build, `sources/${sources[0].id}.html`);
		expect(source.ogUrl).toBe(`${SITE_ORIGIN}${BASE_PATH}/sources/${sources[0].id}`);
	});
});
