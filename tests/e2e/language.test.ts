// The interface speaks the story's language: the second story is written in German (language:
// de), and no English interface string is left in any of its built pages (story, source pages,
// embeds, the not-found page, oEmbed documents, share tags, the map's notes), nor in what its
// pages show once they run (the live map's controls, the Sections menu, a feature's panel). Its
// figures and dates are written the German way; this project's story stays English. An interface
// string that the story's own files also contain (a name, say) cannot be told from the story's
// words and is not looked for.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Messages } from '$lib/i18n/translate.js';
import { launch, open, sites, VIEWPORTS } from './browser';
import { MAP, MAP_CONTROLS, waitForView } from './map-helpers';

const FIXTURE = 'tests/fixtures/second-story';
const site = () => sites().find((s) => s.root === FIXTURE)!;
const ours = () => sites().find((s) => s.root === '.')!;

const files = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]
	);
const messages = (language: string): Messages =>
	JSON.parse(readFileSync(`src/lib/i18n/${language}.json`, 'utf8'));
const texts = (m: Messages) =>
	Object.values(m).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)));

/** What the story itself says, in its own files (text, names, labels, credits). */
const storyText = [...files(join(FIXTURE, 'content')), ...files(join(FIXTURE, 'geodata'))]
	.map((f) => readFileSync(f, 'utf8'))
	.join('\n');

/** Every piece of English interface text between placeholders with a word of four letters or
 *  more, unless the story's own files also have it. (A German message the same as the English
 *  is found too: tests/unit/messages.test.ts lists the few that may be.) */
const englishPieces = [
	...new Set(
		texts(messages('en')).flatMap((text) =>
			text
				.split(/\{\w+\}/)
				.map((piece) => piece.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, ''))
				.filter((piece) => /\p{L}{4}/u.test(piece))
		)
	)
].filter((piece) => !storyText.includes(piece));

/** A built page, without Svelte's hydration markers (<!--[-->). */
const built = (build: string, file: string) =>
	readFileSync(join(build, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The English pieces found in `text`, as whole words. */
const englishIn = (text: string) =>
	englishPieces.filter((piece) =>
		new RegExp(`(?<!\\p{L})${escape(piece)}(?!\\p{L})`, 'u').test(text)
	);

/** What a page shows and says: its text and the attributes a reader or a machine reads. */
function readable(html: string): string {
	const attributes = [
		...html.matchAll(/\s(?:aria-label|title|alt|content|placeholder)="([^"]*)"/g)
	].map((m) => m[1]);
	const text = html
		.replace(/<script(?![^>]*application\/ld\+json)[\s\S]*?<\/script>/g, ' ')
		.replace(/<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\S*\/\S*/g, ' '); // (addresses: /sources/note-a#p2)
	return [text, ...attributes]
		.join('\n')
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"');
}

/** A JSON document's text values (not its field names). */
const valuesOf = (value: unknown): string =>
	typeof value === 'string'
		? readable(value)
		: value && typeof value === 'object'
			? Object.values(value).map(valuesOf).join('\n')
			: '';

/** Everything the page shows once it runs: its text, and every label and title in it. */
const shown = (page: Page) =>
	page.evaluate(() =>
		[
			document.title,
			document.body.innerText,
			...[...document.querySelectorAll('[aria-label], [title], [alt]')].flatMap((e) =>
				['aria-label', 'title', 'alt'].map((a) => e.getAttribute(a) ?? '')
			)
		].join('\n')
	);

/** The pairs of `selector`'s visible elements that overlap, by their class. */
const overlaps = (page: Page, selector: string) =>
	page.evaluate((selector) => {
		const boxes = [...document.querySelectorAll<HTMLElement>(selector)]
			.filter((e) => e.offsetParent)
			.map((e) => ({ name: e.className, r: e.getBoundingClientRect() }));
		return boxes.flatMap((a, i) =>
			boxes
				.slice(i + 1)
				.filter(
					({ r: b }) =>
						a.r.left < b.right && b.left < a.r.right && a.r.top < b.bottom && b.top < a.r.bottom
				)
				.map((b) => `${a.name} × ${b.name}`)
		);
	}, selector);

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
	mkdirSync('screenshots', { recursive: true });
});
afterAll(() => browser?.close());

describe('a story in German', () => {
	it('looks for enough of the English interface to mean something', () => {
		expect(englishPieces.length).toBeGreaterThan(80);
		expect(englishPieces).toContain('Explore the map');
	});

	it('leaves no English interface string in any built page, share tag or document', () => {
		// (Of the map's data, the manifest holds what the key and panels show; the shapes' metadata
		// and the distances' methods are for the data's readers, not the story's.)
		const built = files(site().build).filter(
			(f) => /\.(html|json)$/.test(f) && !/data\/(?!manifest\.json)/.test(relative(site().build, f))
		);
		const pages = built.filter((f) => f.endsWith('.html'));
		expect(pages.map((f) => relative(site().build, f))).toEqual(
			expect.arrayContaining([
				'index.html',
				'404.html',
				'embed/the-narrows.html',
				'sources/note-a.html'
			])
		);
		expect(built.some((f) => f.includes('oembed'))).toBe(true);
		const found = built.flatMap((f) => {
			const text = readFileSync(f, 'utf8');
			return englishIn(f.endsWith('.html') ? readable(text) : valuesOf(JSON.parse(text))).map(
				(piece) => `${relative(site().build, f)}: ${piece}`
			);
		});
		expect(found).toEqual([]);
		for (const f of pages)
			expect(readFileSync(f, 'utf8'), f).toMatch(/^<!doctype html>\s*<html lang="de"/);
	});

	it('writes dates, numbers and distances the German way', () => {
		const page = built(site().build, 'index.html');
		expect(page).toContain('Aktualisiert am <time datetime="2025-08-16">16. August 2025</time>:');
		expect(page).toContain('Korrektur vom <time datetime="2025-08-18">18. August 2025</time>:');
		expect(page).toMatch(/6,3\u00a0km \(3,9\u00a0mi\)/);
		expect(page).toContain('<meta property="og:locale" content="de_DE"');
		expect(page).toContain('"inLanguage":"de"');
		const notes = JSON.parse(readFileSync(join(site().build, 'map-notes.json'), 'utf8'));
		expect(notes.featureDistances.copenhagen).toEqual([
			'Von Helsingør, Großkreis: 40\u00a0km (25\u00a0mi)'
		]);
	});

	it.each(Object.entries(VIEWPORTS))(
		'%s: the running pages speak German too (the live map, the menu, a place’s panel, an embed)',
		async (name, viewport) => {
			const { page, errors } = await open(browser, `${site().baseURL}/`, { viewport });
			await waitForView(page, 'the-narrows');
			await page.locator('.story-nav .toggle').click();
			await expect.poll(() => page.locator('#section-menu').isVisible()).toBe(true);
			expect(await page.locator('.story-nav .toggle').textContent()).toMatch(/Abschnitt 1 von 2/);
			await page.locator('.story-nav .toggle').click();
			await page.getByRole('button', { name: 'Karte erkunden' }).click();
			await expect.poll(() => page.locator(MAP).getAttribute('data-map-state')).toBe('ready');
			await expect
				.poll(() => page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title'))
				.toBe('Vergrößern');
			// German's longer words: the map's controls still sit clear of one another.
			expect(await overlaps(page, `${MAP_CONTROLS}, .locator`)).toEqual([]);
			await page.locator('.place-marker:not([hidden])').first().click({ force: true });
			await expect.poll(() => page.locator('.panel h3').textContent()).toBe('Erwähnt in: Notizen');
			expect(await page.locator('.panel .count').textContent()).toMatch(
				/^(\d Textstellen? nennen? den Ort|Nicht namentlich erwähnt in: die zwei Notizen)\.$/
			);
			await page.screenshot({ path: `screenshots/de-${name}-explore.png` });
			expect(englishIn(await shown(page))).toEqual([]);

			const embed = await open(browser, `${site().baseURL}/embed/the-narrows`, { viewport });
			await waitForView(embed.page, 'the-narrows');
			await embed.page.locator('details.passages summary').click();
			await embed.page.screenshot({ path: `screenshots/de-${name}-embed.png`, fullPage: true });
			expect(englishIn(await shown(embed.page))).toEqual([]);
			expect(errors).toEqual([]);
		}
	);

	it('leaves this project’s story in English', () => {
		const page = built(ours().build, 'index.html');
		expect(page).toMatch(/^<!doctype html>\s*<html lang="en-GB"/);
		expect(page).toContain('Published <time datetime="2026-12-02">2 December 2026</time>.');
		expect(readable(page)).toContain('Map for this section');
	});
});
