// The map key says what each layer of the current view is, its source and as-of date, and the
// approximate line of contact is drawn on the Ukraine view.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStory, readLayers } from '$lib/content/load-story';
import { launch, open } from './browser';
import { imageStats, MAP, scrollToSection, waitForView } from './map-helpers';

const story = loadStory();
const layers = readLayers();

let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(() => browser?.close());

describe('map key', () => {
  it.each(story.sections.map((s) => [s.id, story.views[s.view].layers] as const))('%s: lists its layers with source and as-of date', async (id, shown) => {
    const { page } = await open(browser, `/#${id}`);
    await waitForView(page, id);
    const legend = page.locator('.legend');
    await legend.locator('summary').click();
    const text = (await legend.textContent()) ?? '';
    for (const layer of layers) {
      if (shown.includes(layer.id)) {
        expect(text).toContain(layer.title);
        expect(text).toContain(layer.source);
        if (layer.asOf) expect(text).toContain(layer.asOf);
      } else expect(text).not.toContain(layer.title);
    }
    if (shown.includes('contact-line')) expect(text).toMatch(/Line of contact in Ukraine \(approximate\)\s*\(approximate, as of 2025-08-15\)/);
    await page.context().close();
  });
});

describe('line of contact', () => {
  it('is drawn on the Ukraine view in the accent red, and hidden elsewhere', async () => {
    const redPixels = async (sectionId: string) => {
      const { page } = await open(browser, '/');
      await waitForView(page, story.sections[0].id);
      await scrollToSection(page, sectionId);
      await waitForView(page, sectionId);
      await page.waitForTimeout(2500);
      const png = await page.screenshot({ clip: (await page.locator(MAP).boundingBox())! });
      // The accent red, #b3261e, drawn at full opacity by the dashed line (fills are faint).
      const { near: count } = await imageStats(page, png, [0xb3, 0x26, 0x1e]);
      await page.context().close();
      return count;
    };
    const ukraine = story.sections.find((s) => story.views[s.view].layers.includes('contact-line'))!;
    const other = story.sections.find((s) => !story.views[s.view].layers.some((l) => l === 'contact-line' || l === 'claimed-regions' || l === 'base'))!;
    const [withLine, without] = [await redPixels(ukraine.id), await redPixels(other.id)];
    console.log(`accent-red pixels: ${ukraine.id} ${withLine}, ${other.id} ${without}`);
    expect(withLine).toBeGreaterThan(2 * without + 400);
  });
});
