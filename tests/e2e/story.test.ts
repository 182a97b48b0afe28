// The story in a real Chromium against the built site, at desktop and phone sizes: every section
// brings its view, deep links, reduced motion, fast scrolling, keyboard, no request off-site,
// and a screenshot per section whose map is not blank (saved in screenshots/ to look at).
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStory } from '$lib/content/load-story';
import { quotedIn } from '$lib/content/types';
import { baseURL, launch, open, VIEWPORTS } from './browser';
import { expectCamera, imageStats, MAP, scrollToSection, waitForView } from './map-helpers';

const story = loadStory();
const sections = story.sections;
const cameraOf = (id: string) => story.views[sections.find((s) => s.id === id)!.view].camera;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync('screenshots', { recursive: true });
});
afterAll(() => browser?.close());

describe.each(Object.entries(VIEWPORTS))('%s', (name, viewport) => {
  it('scrolls through every section: the map reaches each view, the hash follows without new history entries', async () => {
    const { page, requests, errors } = await open(browser, '/', { viewport });
    await waitForView(page, sections[0].id);
    const historyLength = await page.evaluate(() => history.length);
    for (const section of sections) {
      await scrollToSection(page, section.id);
      await waitForView(page, section.id);
      await expectCamera(page, cameraOf(section.id));
      // The top of the story keeps a clean URL; from then on the hash names the section read.
      const hashes = section === sections[0] ? ['', `#${section.id}`] : [`#${section.id}`];
      expect(hashes).toContain(await page.evaluate(() => location.hash));
      await page.waitForTimeout(800); // labels fade in and tiles settle before the picture
      const map = await page.locator(MAP).boundingBox();
      const png = await page.screenshot({ clip: map! });
      writeFileSync(`screenshots/${name}-${section.id}.png`, await page.screenshot());
      expect((await imageStats(page, png)).distinct, `${section.id}: colours in the map`).toBeGreaterThan(12);
    }
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    const origin = new URL(baseURL()).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens a deep link at that section and its view, with its heading in sight', async () => {
    const target = sections[3];
    const { page } = await open(browser, `/#${target.id}`, { viewport });
    await waitForView(page, target.id);
    await expectCamera(page, cameraOf(target.id));
    const heading = await page.locator(`#${target.id} h2`).boundingBox();
    const map = await page.locator(MAP).boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(0);
    if (name === 'phone') expect(heading!.y, 'heading below the map').toBeGreaterThanOrEqual(map!.y + map!.height - 1);
    await page.context().close();
  });

  it('always ends on the active section after fast scrolling', async () => {
    const { page } = await open(browser, '/', { viewport });
    await waitForView(page, sections[0].id);
    for (const section of sections.slice(1)) {
      await scrollToSection(page, section.id);
      await page.waitForTimeout(60);
    }
    await scrollToSection(page, sections[2].id);
    await waitForView(page, sections[2].id);
    await expectCamera(page, cameraOf(sections[2].id));
    await page.waitForTimeout(2500); // longer than a flight: nothing stale may land afterwards
    expect(await page.locator(MAP).getAttribute('data-view')).toBe(sections[2].id);
    await expectCamera(page, cameraOf(sections[2].id), 500);
    await page.context().close();
  });
});

describe('motion', () => {
  /** Milliseconds from the view being applied to the camera settling on it. */
  async function settleTime(reducedMotion: 'reduce' | 'no-preference') {
    const { page } = await open(browser, '/', { reducedMotion });
    await waitForView(page, sections[0].id);
    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-map-state]')!;
      const w = window as unknown as { marks: Record<string, number> };
      w.marks = {};
      new MutationObserver((records) => {
        for (const r of records) w.marks[r.attributeName!] = performance.now();
      }).observe(el, { attributes: true, attributeFilter: ['data-view', 'data-camera'] });
    });
    await scrollToSection(page, sections[1].id);
    await waitForView(page, sections[1].id);
    await expectCamera(page, cameraOf(sections[1].id));
    const marks = await page.evaluate(() => (window as unknown as { marks: Record<string, number> }).marks);
    await page.context().close();
    return marks['data-camera'] - marks['data-view'];
  }

  it('flies between views (about 1–2 s), and jumps under prefers-reduced-motion', async () => {
    expect(await settleTime('no-preference')).toBeGreaterThan(1000);
    expect(await settleTime('reduce')).toBeLessThan(500);
  });
});

describe('keyboard and layout', () => {
  it('reaches the next-section links with Tab, shows focus, and follows them', async () => {
    const { page } = await open(browser, '/');
    await waitForView(page, sections[0].id);
    let focused = '';
    for (let i = 0; i < 40 && !focused.startsWith('Next:'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    }
    expect(focused).toContain(`Next: ${sections[1].title}`);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await waitForView(page, sections[1].id);
    await page.context().close();
  });

  it.each(['PageDown', 'Space', 'ArrowDown'])('%s scrolls the page as usual', async (key) => {
    const { page } = await open(browser, '/');
    await waitForView(page, sections[0].id);
    await page.locator('h1').click();
    await page.keyboard.press(key);
    await page.waitForFunction(() => window.scrollY > 20, undefined, { timeout: 5000 });
    await page.context().close();
  });

  it('reserves the map box on a phone (about 42% of the height) so nothing shifts when it loads', async () => {
    const { page } = await open(browser, '/', { viewport: VIEWPORTS.phone });
    const before = await page.locator(MAP).boundingBox();
    await waitForView(page, sections[0].id);
    const after = await page.locator(MAP).boundingBox();
    expect(after).toEqual(before);
    expect(after!.height / VIEWPORTS.phone.height).toBeGreaterThan(0.4);
    expect(after!.height / VIEWPORTS.phone.height).toBeLessThan(0.45);
    await page.context().close();
  });

  it('reads completely without JavaScript: every section, passage and citation is in the HTML', async () => {
    const { page } = await open(browser, '/', { javaScriptEnabled: false });
    for (const s of sections) {
      await expect(page.locator(`#${s.id}[data-section="${s.id}"] h2`).textContent()).resolves.toBe(s.title);
      const quotes = page.locator(`#${s.id} blockquote`);
      const all = quotedIn(s);
      expect(await quotes.count()).toBe(all.length);
      for (const [i, p] of all.entries()) {
        await expect(quotes.nth(i).textContent()).resolves.toBe(p.quote);
        await expect(quotes.nth(i).getAttribute('data-source')).resolves.toBe(p.source);
        await expect(quotes.nth(i).getAttribute('data-paragraph')).resolves.toBe(String(p.paragraph));
      }
    }
    expect(await page.locator(MAP).isVisible()).toBe(false);
    await page.context().close();
  });
});
