// Reading the map's contract attributes and screenshots in the end-to-end tests.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Camera } from '$lib/content/types';
import { fitZoom, normaliseAngle, parseCamera } from '$lib/map/camera';

export const MAP = '[data-map-state]';

/** Waits until the map shows `sectionId`'s view and its camera has settled there. */
export async function waitForView(page: Page, sectionId: string, timeout = 20_000) {
  await page.waitForFunction(
    ([selector, id]) => {
      const el = document.querySelector<HTMLElement>(selector);
      return el?.dataset.mapState === 'ready' && el.dataset.view === id && !!el.dataset.camera;
    },
    [MAP, sectionId] as const,
    { timeout }
  );
}

/** The settled camera, once it equals `expected` (fitted to the map's box); fails with both if not. */
export async function expectCamera(page: Page, expected: Camera, timeout = 10_000) {
  const box = await page.locator(MAP).boundingBox();
  const want = { ...expected, zoom: fitZoom(expected.zoom, box!.width, box!.height) };
  let got: Camera | null = null;
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    got = parseCamera((await page.locator(MAP).getAttribute('data-camera')) ?? '');
    if (got && sameCamera(got, want)) return;
    await page.waitForTimeout(100);
  }
  expect(got, 'settled camera').toEqual(want);
}

function sameCamera(a: Camera, b: Camera) {
  return (
    Math.abs(normaliseAngle(a.center[0] - b.center[0])) < 1e-3 &&
    Math.abs(a.center[1] - b.center[1]) < 1e-3 &&
    Math.abs(a.zoom - b.zoom) < 0.02 &&
    Math.abs(normaliseAngle(a.bearing - b.bearing)) < 0.2 &&
    Math.abs(a.pitch - b.pitch) < 0.2
  );
}

/** What a PNG (decoded by the browser itself) holds: its distinct colours (to 4 bits a channel)
 *  and how many pixels lie within 24 of `near`, an [r, g, b] colour. */
export async function imageStats(page: Page, png: Buffer, near: [number, number, number] = [0, 0, 0]): Promise<{ distinct: number; near: number }> {
  return page.evaluate(
    async ([base64, [r, g, b]]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const seen = new Set<number>();
      let close = 0;
      for (let i = 0; i < data.length; i += 4) {
        seen.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
        if (Math.abs(data[i] - r) < 24 && Math.abs(data[i + 1] - g) < 24 && Math.abs(data[i + 2] - b) < 24) close++;
      }
      return { distinct: seen.size, near: close };
    },
    [png.toString('base64'), near] as const
  );
}

/** Scrolls a section to where a reader would be reading it (as a link to it would). */
export async function scrollToSection(page: Page, id: string) {
  await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start', behavior: 'instant' }), id);
}
