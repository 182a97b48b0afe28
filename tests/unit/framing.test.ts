// Every view that declares its subject is fitted to it in every map box: at 390, 800 and 1280 px
// wide windows, the share card and embeds of 320 and 700 px, the subject's extent spans at least
// 70% of the free box's width or height (the box less its controls and the view's padding), and
// every point of it is inside that free box; in a box too small for it even at the lowest zoom
// (a hemisphere in a 320 px embed), it is shown as large as the map allows.
import { describe, expect, it } from 'vitest';
import { frameCamera, freeBox, subjectPoints } from '$lib/map/framing';
import { MIN_ZOOM } from '$lib/map/camera';
import { cameraProjection } from '$lib/map/projection';
import { loadContent } from '$lib/server/load-content';
import { mapData } from '$lib/server/map-files';
import { FRAMING_BOXES } from '$lib/server/stills/framing-check';

const { story, manifest } = loadContent('.');
const data = await mapData(manifest, '.');

const views = Object.values(story.views).filter((v) => v.subject.length);

describe.each(views.map((v) => [v.id, v] as const))('view %s', (_, view) => {
	it.each(FRAMING_BOXES)('$name: the subject fills the free box', ({ name, box, insets }) => {
		const points = subjectPoints(view, data);
		expect(points.length).toBeGreaterThan(0);
		const camera = frameCamera(view, box, points, insets);
		// Only the small boxes (embeds, the printed page) may need the whole globe, and more.
		if (camera.zoom === MIN_ZOOM) {
			expect(name).toMatch(/embed|printed/);
			return;
		}
		const projection = cameraProjection(camera, box);
		const xy = points.map((p) => projection(p)!);
		const [xs, ys] = [xy.map((p) => p[0]), xy.map((p) => p[1])];
		const free = freeBox(view, box, insets);
		for (const [x, y] of xy) {
			expect(x).toBeGreaterThanOrEqual(free.x0 - 0.5);
			expect(x).toBeLessThanOrEqual(free.x1 + 0.5);
			expect(y).toBeGreaterThanOrEqual(free.y0 - 0.5);
			expect(y).toBeLessThanOrEqual(free.y1 + 0.5);
		}
		const span = Math.max(
			(Math.max(...xs) - Math.min(...xs)) / (free.x1 - free.x0),
			(Math.max(...ys) - Math.min(...ys)) / (free.y1 - free.y0)
		);
		expect(span).toBeGreaterThanOrEqual(0.7);
	});
});
