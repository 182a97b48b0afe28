// The stills are rendered at build time from the geodata (src/lib/server/stills/): the same view and
// data must give the same bytes, so that a build is reproducible and build/stills is what the
// geodata and views say now, and each still must be a map (many colours), not a flat box.
import { existsSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stillFormat, stillPath, stillThemes, type StillKind } from '$lib/map/stills';
import { loadContent } from '$lib/server/load-content';
import { renderStill, STILLS } from '$lib/server/stills/render';

const { story, manifest } = loadContent();
const KINDS = Object.keys(STILLS) as StillKind[];
/** Every still there is: each kind in the light theme, the map box's in the dark one too. */
const STILL_THEMES = KINDS.flatMap((kind) =>
	stillThemes(kind).map((theme) => [kind, theme] as const)
);

describe.each(STILL_THEMES)('the %s stills, %s', (kind, theme) => {
	it.each(story.sections.map((s) => [s.id, s.view]))(
		'%s: deterministic, sized, drawn',
		async (id, view) => {
			const file = await renderStill(story.views[view], manifest, kind, undefined, theme);
			expect(
				(await renderStill(story.views[view], manifest, kind, undefined, theme)).equals(file),
				'a second render differs'
			).toBe(true);

			const { data, info } = await sharp(file)
				.ensureAlpha()
				.raw()
				.toBuffer({ resolveWithObject: true });
			expect((await sharp(file).metadata()).format).toBe(stillFormat(kind));
			const { image: area, scale } = STILLS[kind];
			expect([info.width, info.height]).toEqual([
				Math.round(area.width * scale),
				Math.round(area.height * scale)
			]);
			const rgba = new Uint32Array(data.buffer, data.byteOffset, data.length / 4);
			expect(new Set(rgba).size, 'a still of a few flat colours is not a map').toBeGreaterThan(20);

			const built = `build${stillPath(id, kind, theme)}`;
			if (existsSync(built))
				expect(
					readFileSync(built).equals(file),
					`${built} is not what the geodata gives now: rebuild`
				).toBe(true);
		}
	);
});
