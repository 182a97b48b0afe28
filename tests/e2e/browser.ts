// Debian's Chromium driven by playwright-core (Playwright cannot download its own browser here).
// WebGL2 runs on SwiftShader, so MapLibre draws headless without a GPU.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject, onTestFinished } from 'vitest';
import { CHROME, CHROME_FLAGS } from '../../scripts/chromium.js';

/** Every built story under test; the first is this project's own. */
export const sites = () => inject('sites');
/** This story built under a base path (serve-build.ts). */
export const baseSite = () => inject('baseSite');
/** Where this project's story is served. */
export const baseURL = () => sites()[0].baseURL;

/** How long a test waits for a condition before it fails: long, since the condition is all that
 *  is waited for, and a busy machine can make a map take many times as long to draw. */
export const PATIENCE = 60_000;

export const VIEWPORTS = {
	desktop: { width: 1280, height: 800 },
	phone: { width: 390, height: 844 }
} as const;

/** How the tests start Chromium: as the bench does, with WebGL2 on ANGLE's SwiftShader. */
export const CHROMIUM = {
	executablePath: CHROME,
	args: [...CHROME_FLAGS, '--use-angle=swiftshader']
};

/** This worker's Chromium, started once for the whole run (serve-build.ts): one per worker, so
 *  that two test files drawing maps at once each have their own GPU process. Closing the returned
 *  Browser only disconnects from it. */
export function launch(): Promise<Browser> {
	const endpoints = inject('browsers');
	const worker = Number(process.env.VITEST_POOL_ID ?? 1);
	return chromium.connect(endpoints[(worker - 1) % endpoints.length]);
}

/** The console errors and uncaught exceptions of each page `open` opened (for a failure's message). */
export const pageErrors = new WeakMap<Page, string[]>();

export interface Opened {
	page: Page;
	/** Every URL the page requested. */
	requests: string[];
	/** Console errors and uncaught exceptions. */
	errors: string[];
}

/** Goes to `url` and, on one of the stories under test, once the page's scripts run (`<html
 *  data-hydrated>`), moves the pointer there as a reader does: the story loads its live map when
 *  the reader engages with the page (until then its stills show the views). Without JavaScript,
 *  or elsewhere (about:blank, a host page), the page is only opened. */
export async function visit(page: Page, url: string, scripts = true) {
	await page.goto(url);
	if (!scripts || ![...sites(), baseSite()].some((s) => url.startsWith(s.baseURL))) return;
	await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: PATIENCE });
	if (await page.locator('[data-map-state]').count()) await page.mouse.move(3, 3);
}

/** Opens `path` of this project's built story (or any absolute URL) in a fresh context (own
 *  storage, own viewport), which is closed when the test ends, whether it passes or fails. The
 *  reader has engaged with it (see `visit`). */
export async function open(
	browser: Browser,
	path: string,
	options: BrowserContextOptions = {}
): Promise<Opened> {
	const context = await browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
	onTestFinished(() => context.close());
	context.setDefaultTimeout(PATIENCE);
	const page = await context.newPage();
	const requests: string[] = [];
	const errors: string[] = [];
	pageErrors.set(page, errors);
	page.on('request', (r) => requests.push(r.url()));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(String(e)));
	await visit(
		page,
		/^[a-z]+:/.test(path) ? path : baseURL() + path,
		options.javaScriptEnabled !== false
	);
	return { page, requests, errors };
}
