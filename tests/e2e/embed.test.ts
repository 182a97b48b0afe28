// Embedding a section in someone else's article: a host page on another origin embeds two
// sections with the snippet; the iframes size themselves, their maps render, the host keeps its
// scroll, nothing fails or leaves the two origins. Also: the oEmbed documents, the Embed control,
// and unknown sections. (Every section's embed page, 280 to 1200 px wide: smoke.test.ts.)
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_HEIGHT, EMBED_HEIGHTS, EMBED_MESSAGES, embedSnippet } from '$lib/embed/snippet';
import { quotedIn } from '$lib/content/types';
import { STORY_EVENT_NAMES } from '$lib/story/story-events';
import { loadContent } from '$lib/server/load-content';
import { baseURL, launch, open, PATIENCE } from './browser';
import { BASE_PATH, SITE_ORIGIN } from './serve-build';

const { story } = loadContent('.');
/** Two sections a host article embeds: two views from the middle of the story. */
const embedded = story.sections.slice(2, 5).filter((_, i) => i !== 1);
const filler = (n: number) =>
	Array.from(
		{ length: n },
		(_, i) =>
			`<p>Paragraph ${i + 1} of the host article, which goes on for a while so that the page scrolls.</p>`
	).join('\n');

/** A host article on its own origin (another port), embedding the sections with the snippet. */
function hostPage(siteOrigin: string, withScript: boolean) {
	const snippets = embedded.map((s) => {
		const code = embedSnippet(siteOrigin, s);
		return withScript ? code : code.split('\n')[0];
	});
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>Host article</title>
<style>body { font: 18px/1.5 serif; max-width: 720px; margin: 0 auto; padding: 1rem; }</style>
<script>
  // What a newsroom's own counter would do: listen to the story's events, and to raw messages.
  window.storyEvents = []; window.rawEvents = 0;
  ${JSON.stringify(STORY_EVENT_NAMES)}.forEach(function (name) {
    addEventListener(name, function (e) { storyEvents.push({ name: name, detail: e.detail, from: e.target.getAttribute('title') }); });
  });
  addEventListener('message', function (e) { if (e.data && e.data.type === ${JSON.stringify(EMBED_MESSAGES.event)}) rawEvents++; });
</script></head>
<body><h1>A host article</h1>${filler(12)}${snippets[0]}${filler(10)}${snippets[1]}${filler(12)}</body></html>`;
}

/** A host page with the script, one real embed, and a sandboxed frame (origin "null") marked as an
 *  embed that claims a height of its own. */
function guardedPage(siteOrigin: string) {
	const forged = `<script>setInterval(() => parent.postMessage({ type: ${JSON.stringify(EMBED_MESSAGES.height)}, height: 3000 }, '*'), 100)</script>`;
	// The host counts the forged frame's messages, so the test knows they arrive.
	const count = `<script>window.forged = 0; addEventListener('message', (e) => { if (e.origin === 'null') window.forged++; });</script>`;
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">${count}</head><body>
${embedSnippet(siteOrigin, embedded[0])}
<iframe data-story-embed sandbox="allow-scripts" height="${EMBED_HEIGHT}" srcdoc="${forged.replace(/"/g, '&quot;')}" title="forged"></iframe>
</body></html>`;
}

/** A host page whose embed is far below the fold: its lazy iframe stays blank until scrolled to. */
function lazyPage(siteOrigin: string) {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>
${filler(400)}${embedSnippet(siteOrigin, embedded[0])}${filler(5)}</body></html>`;
}

/** Pages of the site under the spellings a clickjacker might try, framed by a page on another
 *  origin: only the embed pages may be shown. */
const FRAMED = [
	'/',
	'/index',
	'/index.html',
	'//sources/' + loadContent('.').sources[0].id,
	'/404',
	'/404.html',
	'/nope',
	'//embed/../index.html',
	'/embed/arrival'
];
function framingPage(siteOrigin: string) {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>
${FRAMED.map((path) => `<iframe src="${siteOrigin}${path}" title="${path}" width="300" height="200"></iframe>`).join('\n')}</body></html>`;
}

let browser: Browser;
let host: Server;
let hostOrigin: string;
let withScript = true;
beforeAll(async () => {
	browser = await launch();
	host = createServer((req, res) => {
		const pages: Record<string, () => string> = {
			'/': () => hostPage(baseURL(), withScript),
			'/guarded': () => guardedPage(baseURL()),
			'/lazy': () => lazyPage(baseURL()),
			'/framing': () => framingPage(baseURL())
		};
		const page = pages[req.url ?? '']?.();
		res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
		res.end(page ?? 'not found');
	});
	await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
	hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await browser?.close();
	host?.close();
});

function openHost(script: boolean) {
	withScript = script;
	return open(browser, hostOrigin);
}

/** Scrolls an iframe into view (they load lazily) and returns its frame once its map is ready. */
async function frameOf(page: Page, index: number): Promise<Frame> {
	const iframe = page.locator('iframe[data-story-embed]').nth(index);
	await iframe.scrollIntoViewIfNeeded();
	const frame = (await (await iframe.elementHandle())!.contentFrame())!;
	await frame.waitForSelector('[data-map-state="ready"][data-camera]', { timeout: PATIENCE });
	return frame;
}

describe('a host article on another origin', () => {
	it('sizes both iframes to their content, renders their maps, keeps its scroll, and stays on the two origins', async () => {
		const { page, requests, errors } = await openHost(true);
		for (const [i, section] of embedded.entries()) {
			const frame = await frameOf(page, i);
			expect(await frame.locator('h1').textContent()).toBe(section.title);
			expect(await frame.locator('[data-map-state]').getAttribute('data-view')).toBe(section.id);
			const iframe = page.locator('iframe[data-story-embed]').nth(i);
			await expect
				.poll(
					async () => {
						const content = await frame.evaluate(
							() => document.documentElement.getBoundingClientRect().height
						);
						const box = await iframe.boundingBox();
						return Math.abs(box!.height - content);
					},
					{ timeout: PATIENCE }
				)
				.toBeLessThanOrEqual(4);
		}

		// A wheel over the embedded map scrolls the host page (the map keeps cooperative gestures).
		const frame = await frameOf(page, 0);
		const before = await page.evaluate(() => scrollY);
		const camera = await frame.locator('[data-map-state]').getAttribute('data-camera');
		// Boxes of elements inside a frame are given in the host page's viewport.
		const map = (await frame.locator('[data-map-state]').boundingBox())!;
		await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
		await page.mouse.wheel(0, 400);
		await page.waitForFunction((y) => scrollY > y + 100, before, { timeout: PATIENCE });
		expect(await frame.locator('[data-map-state]').getAttribute('data-camera')).toBe(camera);

		const origins = new Set([hostOrigin, new URL(baseURL()).origin]);
		expect(
			requests.filter((u) => !u.startsWith('data:') && !origins.has(new URL(u).origin))
		).toEqual([]);
		expect(errors).toEqual([]);
		await page.screenshot({ path: 'screenshots/host-article.png', fullPage: true });
	});

	it('shows each section at a sensible fixed height without the script', async () => {
		const { page } = await openHost(false);
		const frame = await frameOf(page, 0);
		const box = await page.locator('iframe[data-story-embed]').first().boundingBox();
		expect(box!.height).toBe(EMBED_HEIGHT);
		// The content is taller than the fixed frame: what the script's resizing fixes above.
		const content = await frame.evaluate(
			() => document.documentElement.getBoundingClientRect().height
		);
		expect(Math.abs(content - EMBED_HEIGHT)).toBeGreaterThan(4);
	});
});

describe('/embed.js on the host page', () => {
	it('takes heights only from the site itself, and only within bounds', async () => {
		const { page } = await open(browser, `${hostOrigin}/guarded`);
		const [real, forged] = [
			page.locator('iframe[data-story-embed]').first(),
			page.locator('iframe[title="forged"]')
		];
		const frame = await frameOf(page, 0);
		const height = async (iframe: typeof real) => (await iframe.boundingBox())!.height;
		const own = await height(forged); // its height attribute, with the iframe's default border
		// The real embed is sized to its content: the script runs and answers the site.
		await expect.poll(() => height(real), { timeout: PATIENCE }).not.toBe(EMBED_HEIGHT);
		const sized = await height(real);
		// The sandboxed frame (origin "null") keeps posting a height, while the script listens; its
		// own height stays.
		const arrived = await page.evaluate(() => (window as unknown as { forged: number }).forged);
		await page.waitForFunction(
			(n) => (window as unknown as { forged: number }).forged > n,
			arrived
		);
		expect(await height(forged)).toBe(own);
		// From the site's own frame, heights outside the bounds, or not numbers, are ignored; one
		// within them is taken (so the messages did arrive).
		await frame.evaluate(
			({ type, heights }) => {
				for (const height of [1e9, heights.max + 1, heights.min - 1, -5, Number.NaN, '900'])
					parent.postMessage({ type, height }, '*');
				parent.postMessage({ type, height: heights.min + 1 }, '*');
			},
			{ type: EMBED_MESSAGES.height, heights: EMBED_HEIGHTS }
		);
		await expect.poll(() => height(real)).toBe(EMBED_HEIGHTS.min + 1);
		expect(sized).toBeGreaterThan(EMBED_HEIGHTS.min + 1);
		expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(5000);
	});

	it('posts nothing to a lazy iframe before its page says it is ready, then sizes it', async () => {
		const { page } = await open(browser, 'about:blank');
		const messages: string[] = [];
		page.on('console', (m) => messages.push(m.text()));
		await page.goto(`${hostOrigin}/lazy`);
		const iframe = page.locator('iframe[data-story-embed]');
		// The script has run, and the iframe below the fold is still blank.
		await page.waitForFunction(
			() =>
				[...document.scripts].some((s) => s.src.endsWith('/embed.js')) &&
				document.readyState === 'complete'
		);
		expect(await iframe.evaluate((f: HTMLIFrameElement) => f.contentDocument?.URL)).toBe(
			'about:blank'
		);
		await frameOf(page, 0);
		await expect
			.poll(async () => (await iframe.boundingBox())!.height, { timeout: PATIENCE })
			.not.toBe(EMBED_HEIGHT);
		expect(messages.filter((m) => /postMessage|target origin/i.test(m))).toEqual([]);
	});
});

describe('a page on another origin framing the site', () => {
	it('is refused every spelling of a story page, and shown the embed pages', async () => {
		const { page } = await open(browser, `${hostOrigin}/framing`);
		await page.waitForLoadState('load');
		const shown: Record<string, boolean> = {};
		for (const path of FRAMED) {
			const frame = await (await page
				.locator(`iframe[title="${path}"]`)
				.elementHandle())!.contentFrame();
			shown[path] = !!frame && frame.url().startsWith(baseURL());
		}
		expect(shown).toEqual(
			Object.fromEntries(FRAMED.map((path) => [path, path.startsWith('/embed/')]))
		);
	});
});

describe('an unknown embed', () => {
	it('answer an unknown section with a small not-found page linking to the story, echoing nothing of the URL', async () => {
		const response = await fetch(`${baseURL()}/embed/no-such-section%3Cscript%3E`);
		expect(response.status).toBe(404);
		const { page, errors } = await open(browser, '/embed/no-such-section%3Cb%3Ebold%3C%2Fb%3E');
		await page.getByRole('heading', { name: 'There is nothing here' }).waitFor();
		expect(await page.getByRole('link', { name: /Read the story/ }).getAttribute('href')).toBe('/');
		expect(await page.locator('b').count()).toBe(0);
		expect(await page.locator('body').textContent()).not.toContain('no-such-section');
		expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
	});
});

describe('oEmbed', () => {
	it.each(story.sections.map((s) => [s.id, s.title]))(
		'%s: a valid rich document, discoverable from the embed page where the site’s address is known',
		async (id, title) => {
			const doc = await (await fetch(`${baseURL()}/oembed/${id}.json`)).json();
			expect(doc).toMatchObject({ version: '1.0', type: 'rich', title });
			expect(Number.isInteger(doc.width) && doc.width > 0).toBe(true);
			expect(Number.isInteger(doc.height) && doc.height > 0).toBe(true);
			expect(doc.provider_url).toBe(`${baseURL()}/`);
			expect(doc.html).toMatch(
				new RegExp(`^<iframe src="${baseURL()}/embed/${id}" [^>]*loading="lazy"[^>]*></iframe>`)
			);
			const html = readFileSync(`build-base/embed/${id}.html`, 'utf8');
			expect(html).toContain(
				`<link rel="alternate" type="application/json+oembed" href="${SITE_ORIGIN}${BASE_PATH}/oembed/${id}.json"`
			);
		}
	);

	it('is discoverable from the story page for every section', () => {
		const html = readFileSync('build-base/index.html', 'utf8');
		for (const s of story.sections)
			expect(html).toContain(`href="${SITE_ORIGIN}${BASE_PATH}/oembed/${s.id}.json"`);
	});
});

describe('the Embed control', () => {
	it('shows the snippet for this site and copies it to the clipboard', async () => {
		const section = embedded[0];
		const { page } = await open(browser, `/#${section.id}`, {
			permissions: ['clipboard-read', 'clipboard-write']
		});
		const control = page.locator(`#${section.id} .embed-control`);
		await control.locator('summary').click();
		const expected = embedSnippet(new URL(baseURL()).origin, section);
		await expect.poll(() => control.locator('textarea').inputValue()).toBe(expected);
		await control.getByRole('button', { name: 'Copy embed code' }).click();
		await control.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
	});
});

describe('an embed a host can afford', () => {
	it.each(story.sections.map((s) => [s.id, s] as const))(
		'%s: at 390 px, the map, the text and one line for the passages, which open on demand',
		async (id, section) => {
			const { page } = await open(browser, `/embed/${id}`, {
				viewport: { width: 390, height: 844 }
			});
			const size = await page.evaluate(() => {
				const outer = (el: Element) => {
					const style = getComputedStyle(el);
					return (
						el.getBoundingClientRect().height +
						parseFloat(style.marginTop) +
						parseFloat(style.marginBottom)
					);
				};
				const main = document.querySelector('main.embed')!;
				const parts = [...main.children];
				const map = parts.find((el) => el.classList.contains('map-box'))!;
				const text = parts.filter((el) => el !== map && el.tagName !== 'DETAILS');
				const frame = getComputedStyle(main);
				return {
					page: document.documentElement.getBoundingClientRect().height,
					map: map.getBoundingClientRect().height,
					// The text, and the page's own padding around it.
					text:
						text.reduce((sum, el) => sum + outer(el), 0) +
						parseFloat(frame.paddingTop) +
						parseFloat(frame.paddingBottom)
				};
			});
			expect(size.page, JSON.stringify(size)).toBeLessThanOrEqual(size.map + size.text + 48);
			// The section's own text is there; the passages wait behind their control.
			const paragraphs = await page.locator('main.embed > p').allTextContents();
			expect(paragraphs.length).toBeGreaterThanOrEqual(section.body.length);
			const quoted = page.locator('main.embed blockquote');
			expect(await quoted.first().isVisible()).toBe(false);
			await page.locator('details.passages summary').click();
			await expect.poll(() => quoted.first().isVisible()).toBe(true);
			expect(await quoted.count()).toBe(quotedIn(section).length);
		}
	);

	it('never says the map is slow while it is on its way', async () => {
		const { page } = await open(browser, 'about:blank');
		// The map's data comes late (longer than the map once had in all), but it comes.
		await page.route('**/data/world.topo.json', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 6_500));
			await route.continue();
		});
		await page.addInitScript(() => {
			const seen = ((window as Window & { problems?: string[] }).problems = [] as string[]);
			new MutationObserver(() => {
				const problem = document.querySelector<HTMLElement>('[data-map-state]')?.dataset.mapState;
				if (problem === 'fallback') seen.push(problem);
			}).observe(document, {
				subtree: true,
				attributes: true,
				attributeFilter: ['data-map-state']
			});
		});
		await page.goto(`${baseURL()}/embed/${embedded[0].id}`);
		await page.waitForSelector('[data-map-state="ready"]', { timeout: PATIENCE });
		expect(
			await page.evaluate(() => (window as Window & { problems?: string[] }).problems)
		).toEqual([]);
	});
});

describe('events for the host page', () => {
	type Seen = { name: string; detail: Record<string, unknown>; from: string }[];
	const seen = (page: Page) =>
		page.evaluate(() => (window as unknown as { storyEvents: Seen }).storyEvents);

	it('reach a host on another origin from each embed, on its iframe, only through /embed.js', async () => {
		const { page } = await openHost(true);
		const frame = await frameOf(page, 0);
		const section = embedded[0];
		const title = `Map: ${section.title}`;
		await expect
			// (The other embed on the page may speak first: each event comes from its own iframe.)
			.poll(async () =>
				(await seen(page)).find((e) => e.name === 'story:section-entered' && e.from === title)
			)
			.toEqual({
				name: 'story:section-entered',
				detail: { version: 1, section: section.id, embedded: true, index: 0, count: 1 },
				from: title
			});
		// A citation opened from the embed (in a new tab: the host page stays).
		await frame.locator('details.passages summary').click();
		const cite = frame.locator('figcaption a[href*="/sources/"]').first();
		const href = (await cite.getAttribute('href'))!;
		await cite.click();
		await expect
			.poll(async () =>
				(await seen(page)).find((e) => e.name === 'story:source-opened' && e.from === title)
			)
			.toMatchObject({
				detail: {
					version: 1,
					section: section.id,
					source: new URL(href, baseURL()).pathname.split('/').pop(),
					paragraph: Number(href.split('#p')[1])
				},
				from: title
			});
		// The reader's own move of the embedded map (an arrow key on it) opens exploring; its button
		// closes it.
		await frame.locator('.maplibregl-canvas').focus();
		await page.keyboard.press('ArrowRight');
		await frame.getByRole('button', { name: 'Back to this view' }).click();
		await expect
			.poll(async () => (await seen(page)).map((e) => e.name))
			.toEqual(expect.arrayContaining(['story:explore-opened', 'story:explore-closed']));
	});

	it('are posted to no host page that did not say hello (no /embed.js)', async () => {
		const { page } = await openHost(false);
		await frameOf(page, 0);
		// The embed has entered its section and waits for a hello that never comes.
		await page.waitForFunction(() => document.querySelector('iframe')?.contentWindow);
		expect(await page.evaluate(() => (window as unknown as { rawEvents: number }).rawEvents)).toBe(
			0
		);
		expect(await seen(page)).toEqual([]);
	});
});
