// WCAG 2.2 AA, checked by axe-core (from npm, injected into the page) in Chromium over the states a
// reader meets: the story with its map ready at desktop and phone sizes, a place's panel open,
// explore mode with a feature's panel open, the embed control and the key open; every source page,
// the embed pages (two stand for the template) and the not-found page. Any violation fails, with its rule, nodes and help.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapSteps } from '$lib/content/types';
import { loadContent } from '$lib/server/load-content';
import { baseURL, launch, open, visit, VIEWPORTS } from './browser';
import { HELD_OPACITY } from '$lib/map/layer-kinds';
import { palette } from '$lib/theme/tokens';
import {
	MAP,
	markersUnderControls,
	nextFrames,
	scrollToSection,
	waitForCameraChange,
	waitForView
} from './map-helpers';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const { story, sources, manifest } = loadContent('.');
const first = story.sections[0];

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

/** axe's violations on the page as it is now, one line each: rule, how many nodes, the first ones. */
async function violations(page: Page): Promise<string[]> {
	// Evaluated, not added as a script tag: the page's Content-Security-Policy blocks inline scripts.
	await page.evaluate(AXE);
	const found = await page.evaluate(async (tags) => {
		const axe = (
			window as unknown as {
				axe: {
					run(
						c: Document,
						o: object
					): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
				};
			}
		).axe;
		const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
		return violations.map(
			(v) =>
				`${v.id} (${v.nodes.length}): ${v.help}: ${v.nodes
					.slice(0, 3)
					.map((n) => n.target.join(' '))
					.join(' | ')}`
		);
	}, TAGS);
	return found;
}

// The states a reader meets, in turn on one page (the page and its live map load once): axe's
// findings are named by the state they were found in.
it.each([
	['desktop', VIEWPORTS.desktop, 'light'],
	['phone', VIEWPORTS.phone, 'light'],
	['desktop', VIEWPORTS.desktop, 'dark'],
	['phone', VIEWPORTS.phone, 'dark']
] as const)(
	'the story on a %s, %s theme: with the map ready, a place’s panel open, the embed control and the key open, and exploring with a feature’s panel open',
	async (_, viewport, colorScheme) => {
		const { page } = await open(browser, '/', { viewport, colorScheme });
		const found: string[] = [];
		const check = async (state: string) =>
			found.push(...(await violations(page)).map((v) => `${state}: ${v}`));
		await waitForView(page, first.id);
		await check('the map ready');

		await page.locator('.place-marker:not([hidden])').first().click();
		await page.getByRole('dialog').waitFor();
		await check('a place’s panel open');
		await page.keyboard.press('Escape');
		await page.getByRole('dialog').waitFor({ state: 'detached' });

		await page.locator(`#${first.id} .embed-control summary`).click();
		await page.locator('.legend summary').click();
		await check('the embed control and the key open');
		await page.locator('.legend summary').click(); // on a phone, the open key covers the controls
		await page.locator(`#${first.id} .embed-control summary`).click();

		const section = story.sections.find((s) =>
			story.views[s.view].layers.includes('contact-line')
		)!;
		await scrollToSection(page, section.id);
		await waitForView(page, section.id);
		await page.getByRole('button', { name: 'Explore the map' }).click();
		await page.locator('.place-marker:not([hidden])').first().click();
		await page.getByRole('dialog').waitFor();
		await check('exploring, with a feature’s panel open');
		expect(found).toEqual([]);
	}
);

it.each(['light', 'dark'] as const)('every source page, %s theme', async (colorScheme) => {
	const { page } = await open(browser, 'about:blank', { colorScheme });
	const found: string[] = [];
	for (const s of sources) {
		await page.goto(`${baseURL()}/sources/${s.id}`);
		found.push(...(await violations(page)).map((v) => `${s.id}: ${v}`));
	}
	expect(found).toEqual([]);
});

// The embed pages share one template: the first section's, and the one with the questions of
// "Where the reports differ" (a markup of its own), stand for all.
it.each(
	[story.sections[0], story.sections.find((s) => s.disagreements.length)]
		.filter((s) => s !== undefined)
		.map((s) => s.id)
)('the embed page of %s', async (id) => {
	const { page } = await open(browser, `/embed/${id}`);
	await waitForView(page, id);
	expect(await violations(page)).toEqual([]);
});

it('the not-found page', async () => {
	const { page } = await open(browser, '/no-such-page');
	expect(await violations(page)).toEqual([]);
});

describe('by keyboard and screen reader', () => {
	it('skips to the story from the first Tab', async () => {
		const { page } = await open(browser, '/');
		await waitForView(page, first.id);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
			'Skip to the story'
		);
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.activeElement?.id === 'story-text');
	});

	it('reaches the section’s map and its markers from the section, and comes back, without the page moving', async () => {
		const section = story.sections.find(
			(s) => story.views[s.view].highlight.length > 1 && s !== first
		)!;
		const { page } = await open(browser, `/#${section.id}`);
		await waitForView(page, section.id);
		const entry = page.locator(`#${section.id} .to-map`);
		await entry.focus();
		const y = await page.evaluate(() => scrollY);
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.activeElement?.id === 'map-panel');
		const visited: string[] = [];
		for (let i = 0; i < 30; i++) {
			await page.keyboard.press('Tab');
			const at = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement;
				return (
					el.dataset.place ?? (el.classList.contains('to-map') ? 'back' : el.tagName.toLowerCase())
				);
			});
			expect(await page.evaluate(() => scrollY), `after Tab to ${at}`).toBe(y);
			if (at === 'back') break;
			visited.push(at);
		}
		expect(await page.evaluate(() => document.activeElement?.closest('section')?.id)).toBe(
			section.id
		);
		const markers = story.views[section.view].highlight.filter((id) => visited.includes(id));
		expect(markers.length, `markers reached: ${visited.join(', ')}`).toBeGreaterThan(0);
		expect(await page.locator('[data-map-state]').getAttribute('data-view')).toBe(section.id);
	});

	it('never hides the focused element under the phone’s sticky map, forwards or backwards', async () => {
		const section = story.sections[2];
		const { page } = await open(browser, `/#${section.id}`, { viewport: VIEWPORTS.phone });
		await waitForView(page, section.id);
		await page.locator(`#${section.id} h2`).click();
		for (const key of [...Array(14).fill('Tab'), ...Array(14).fill('Shift+Tab')]) {
			await page.keyboard.press(key);
			const hidden = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement;
				const map = document.querySelector('.map-column')!;
				if (map.contains(el) || el === document.body) return null;
				const r = el.getBoundingClientRect();
				return r.top < map.getBoundingClientRect().bottom - 1
					? el.textContent?.trim().slice(0, 40)
					: null;
			});
			expect(hidden, `${key}: focus under the map`).toBeNull();
		}
	});

	it('shows focus on every kind of focusable element, the map and its controls included', async () => {
		const { page } = await open(browser, '/');
		await waitForView(page, first.id);
		await page.keyboard.press('Tab'); // the keyboard is the last input: focus() now shows as :focus-visible
		const kinds = [
			'.maplibregl-canvas',
			'.mode',
			'.place-marker:not([hidden])',
			'.legend summary',
			`#${first.id} figcaption a`,
			`#${first.id} .embed-control summary`,
			'nav[aria-label="Contents"] a'
		];
		for (const selector of kinds) {
			const el = page.locator(selector).first();
			await el.scrollIntoViewIfNeeded();
			await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
			const box = (await el.boundingBox())!;
			const clip = {
				x: Math.max(0, box.x - 6),
				y: Math.max(0, box.y - 6),
				width: box.width + 12,
				height: box.height + 12
			};
			const before = await page.screenshot({ clip });
			await el.focus();
			expect(await el.evaluate((e) => e.matches(':focus-visible')), selector).toBe(true);
			const after = await page.screenshot({ clip });
			expect(before.equals(after), `${selector}: focus changes no pixel`).toBe(false);
		}
	});

	it('never puts a marker under a control while exploring, even when the reader pans one there', async () => {
		for (const viewport of [VIEWPORTS.desktop, VIEWPORTS.phone]) {
			const { page } = await open(browser, 'about:blank', { viewport });
			await page.addInitScript(
				() => ((window as unknown as { __storyMaps: unknown[] }).__storyMaps = [])
			);
			await visit(page, `${baseURL()}/#${first.id}`);
			await waitForView(page, first.id);
			await page.getByRole('button', { name: 'Explore the map' }).click();
			const button = (await page.locator('.mode').boundingBox())!;
			const before = (await page.locator(MAP).getAttribute('data-camera'))!;
			// Pan so that the airfield's marker would sit under the Back button.
			const airfield = manifest.layers
				.flatMap((l) => l.features)
				.find((f) => f.id === story.measureFrom)!.point!;
			await page.evaluate(
				({ at, target }) => {
					type P = { x: number; y: number };
					const map = (
						window as unknown as {
							__storyMaps: {
								project(l: number[]): P;
								unproject(p: number[]): unknown;
								getContainer(): HTMLElement;
								jumpTo(o: object): void;
							}[];
						}
					).__storyMaps.at(-1)!;
					const box = map.getContainer().getBoundingClientRect();
					map.jumpTo({ center: at, zoom: 11, bearing: 0, pitch: 0 }); // flat, so that a shift is a pan
					const p = map.project(at);
					map.jumpTo({
						center: map.unproject([
							p.x + p.x - (target.x - box.left),
							p.y + p.y - (target.y - box.top)
						])
					});
				},
				{
					at: airfield,
					target: { x: button.x + button.width / 2, y: button.y + button.height / 2 }
				}
			);
			await waitForCameraChange(page, before);
			const covered = await markersUnderControls(page);
			expect(covered, `at ${viewport.width}`).toEqual([]);
		}
	});

	it('keeps focus on the mode button as it turns from Explore to Back and back', async () => {
		const { page } = await open(browser, '/');
		await waitForView(page, first.id);
		await page.getByRole('button', { name: 'Explore the map' }).focus();
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.activeElement?.textContent === 'Back to the story');
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.activeElement?.textContent === 'Explore the map');
	});

	it('says once which map is shown after a fast scroll through every section', async () => {
		const { page } = await open(browser, '/');
		await waitForView(page, first.id);
		// What is said, and when each map is shown.
		await page.evaluate(() => {
			const region = document.querySelector('[data-announcement]')!;
			const map = document.querySelector('[data-map-state]')!;
			const w = window as unknown as { said: string[]; shown: [string, number][] };
			w.said = [];
			w.shown = [];
			new MutationObserver(() => region.textContent && w.said.push(region.textContent)).observe(
				region,
				{ childList: true, characterData: true, subtree: true }
			);
			new MutationObserver(() =>
				w.shown.push([map.getAttribute('data-view')!, performance.now()])
			).observe(map, { attributes: true, attributeFilter: ['data-view'] });
		});
		await page.evaluate(
			async (ids) => {
				for (const id of ids) {
					document.getElementById(id)!.scrollIntoView({ block: 'center' });
					await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
				}
			},
			story.sections.map((s) => s.id)
		);
		const last = story.sections.at(-1)!;
		await page.waitForFunction(
			(title) => (window as unknown as { said: string[] }).said.at(-1)?.includes(title),
			last.title
		);
		const { said, shown } = await page.evaluate(() => {
			const w = window as unknown as { said: string[]; shown: [string, number][] };
			return { said: w.said, shown: w.shown };
		});
		expect(said.at(-1)).toBe(`The map now shows: ${last.title}.`);
		expect(shown.length, 'maps shown on the way').toBeGreaterThan(1);
		expect(new Set(said).size, 'each map said once').toBe(said.length);
		// A map shown for less than a moment (StoryMap's SETTLE_MS, 1 s; 0.9 s here, for the few ms
		// between the step and the view changing) as the page scrolls on is not said. (A machine
		// busy enough to hold the page longer on one may say that one.)
		const title = new Map(mapSteps(story.sections).map((s) => [s.id, s.title]));
		const passed = shown
			.filter(([, t], i) => i + 1 < shown.length && shown[i + 1][1] - t < 900)
			.map(([id]) => `The map now shows: ${title.get(id)}.`);
		expect(said.filter((line) => passed.includes(line) && line !== said.at(-1))).toEqual([]);
	});
});

describe('the map’s colours under colour-vision deficiencies', () => {
	/** What the Ukraine view draws, as flat swatches on its land: the line of contact, the claimed
	 *  regions' outline and fill, the held ground's shading, a highlighted point and the boundary blue. */
	const colours = palette('light');
	const swatches = {
		line: colours.frontLine,
		claimOutline: colours.claimedRegion,
		claimFill: `color-mix(in srgb, ${colours.claimedRegion} 16%, ${colours.land})`,
		held: `color-mix(in srgb, ${colours.heldGround} ${HELD_OPACITY * 100}%, ${colours.land})`,
		land: colours.land,
		boundary: colours.boundary
	};
	/** Pairs a reader must tell apart by colour alone, with the least CIE76 ΔE allowed. */
	const pairs: [keyof typeof swatches, keyof typeof swatches, number][] = [
		['line', 'claimOutline', 20],
		['line', 'boundary', 20],
		['claimOutline', 'boundary', 15],
		['held', 'claimFill', 5],
		['claimFill', 'land', 5]
	];
	const lab = ([r, g, b]: number[]) => {
		const lin = [r, g, b]
			.map((c) => c / 255)
			.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
		const [x, y, z] = [
			(0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047,
			0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2],
			(0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883
		].map((t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116));
		return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
	};

	it.each(['none', 'protanopia', 'deuteranopia', 'tritanopia'] as const)(
		'%s: the line, the claims, the held ground and the boundaries stay apart',
		async (type) => {
			const { page } = await open(browser, 'about:blank', {
				viewport: { width: 600, height: 100 }
			});
			await page.setContent(
				`<body style="margin:0;display:flex">${Object.values(swatches)
					.map((c) => `<div style="width:100px;height:100px;background:${c}"></div>`)
					.join('')}</body>`
			);
			const cdp = await page.context().newCDPSession(page);
			await cdp.send('Emulation.setEmulatedVisionDeficiency', { type });
			await nextFrames(page); // a frame drawn with the emulation (capturing before one fails in CI)
			const png = await page.screenshot();
			const seen = await page.evaluate(async (data) => {
				const img = new Image();
				img.src = `data:image/png;base64,${data}`;
				await img.decode();
				const canvas = Object.assign(document.createElement('canvas'), {
					width: img.width,
					height: img.height
				});
				const ctx = canvas.getContext('2d')!;
				ctx.drawImage(img, 0, 0);
				return Array.from({ length: img.width / 100 }, (_, i) => [
					...ctx.getImageData(i * 100 + 50, 50, 1, 1).data.slice(0, 3)
				]);
			}, png.toString('base64'));
			const at = Object.fromEntries(Object.keys(swatches).map((k, i) => [k, lab(seen[i])]));
			for (const [a, b, least] of pairs) {
				const dE = Math.hypot(...at[a].map((v, i) => v - at[b][i]));
				expect(dE, `${type}: ${a} against ${b}`).toBeGreaterThanOrEqual(least);
			}
		}
	);
});
