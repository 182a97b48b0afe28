// Debian's Chromium driven by playwright-core (Playwright cannot download its own browser here).
// WebGL2 runs on SwiftShader, so MapLibre draws headless without a GPU.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject, onTestFinished } from 'vitest';

/** Every built story under test; the first is this project's own. */
export const sites = () => inject('sites');
/** Where this project's story is served. */
export const baseURL = () => sites()[0].baseURL;

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 }
} as const;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'
    ]
  });
}

export interface Opened {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** Opens `path` of this project's built story (or any absolute URL) in a fresh context (own
 *  storage, own viewport), which is closed when the test ends, whether it passes or fails. */
export async function open(browser: Browser, path: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(/^[a-z]+:/.test(path) ? path : baseURL() + path);
  return { page, requests, errors };
}
