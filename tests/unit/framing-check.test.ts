// The framing check (src/lib/server/stills/framing-check.ts): every view of both stories passes it
// in every map box; a view broken on purpose fails it, naming the story file's line, and fails the
// build before anything is written. The rules it leans on: names beside a point take only the
// sides clear of lines, edges and controls (label-anchors.ts); centred names that do not fit the
// box are hidden (label-fit.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Camera, MapView } from '$lib/content/types';
import {
	frameCamera,
	MAP_INSETS,
	PHONE_INSETS,
	subjectPoints,
	type Insets
} from '$lib/map/framing';
import type { Box } from '$lib/map/projection';
import { anchorOrders, labelSetting } from '$lib/map/label-anchors';
import { cutLabels } from '$lib/map/label-fit';
import { loadContent } from '$lib/server/load-content';
import { mapData } from '$lib/server/map-files';
import { drawStill } from '$lib/server/stills/draw-still';
import { checkFraming, checkStoryFraming, FRAMING_BOXES } from '$lib/server/stills/framing-check';
import { lineWidth } from '$lib/server/stills/text';

const FIXTURE = 'tests/fixtures/second-story';

describe.each(['.', FIXTURE])('the story in %s', (root) => {
	it('frames every view in every box without a problem', async () => {
		expect(await checkStoryFraming(root)).toEqual([]);
	}, 60_000);
});

describe('a view broken on purpose', async () => {
	const { story, manifest } = loadContent('.');
	const data = await mapData(manifest, '.');
	const view = story.views['anchorage'];

	it('is refused for a named place outside the map, in every box', () => {
		const away: MapView = {
			...view,
			subject: [],
			camera: { ...view.camera, center: [-153, 61.25] }
		};
		const problems = checkFraming([away], manifest.layers, data).map((p) => p.message);
		for (const { name } of FRAMING_BOXES)
			expect(problems).toContain(`view "anchorage" at ${name}: "panc" is outside the map`);
	});

	it('shows every place it names in a box too narrow for zoom 0 (a polar view), and its name', async () => {
		// Framed below zoom 0 at 800×1000, as MapLibre's tiles never are: places without a minzoom
		// stay on the map (they were once left out of the still, and the check passed it).
		const polar = story.views['arctic'];
		const narrow = FRAMING_BOXES.find((b) => b.name === '800×1000')!;
		const scene = drawStill(polar, manifest.layers, data, {
			box: narrow.box,
			image: narrow.box,
			insets: narrow.insets
		});
		expect(scene.setting.camera.zoom).toBeLessThan(0);
		for (const id of polar.highlight)
			expect(scene.labels.find((l) => l.feature === id)?.box, id).toBeTruthy();
	});

	it('is refused for a place drawn without its name', () => {
		// A layer of places whose names are all taken elsewhere draws their dots without them.
		const renamed = manifest.layers.map((l) =>
			l.id === 'labels'
				? { ...l, features: [...l.features, { ...l.features[0], id: 'x', names: 'panc' }] }
				: l
		);
		const problems = checkFraming([view], renamed, data).map((p) => p.message);
		expect(problems).toContain(`view "anchorage" at 1280×800: "panc" is drawn without its name`);
	});

	it('is refused for a name cut by an edge, under the controls or hidden', () => {
		// Zoomed in on the city: the names of the places near the box's edges meet its controls.
		const close: MapView = { ...view, subject: [], camera: { ...view.camera, zoom: 10.5 } };
		const problems = checkFraming([close], manifest.layers, data).map((p) => p.message);
		expect(
			problems.some((p) => /label "[^"]+" (cut by the \w+ edge|hidden|under the controls)/.test(p))
		).toBe(true);
	});
});

describe('names and lines', async () => {
	const { story, manifest } = loadContent('.');
	const data = await mapData(manifest, '.');
	const view = story.views['ukraine-front'];
	const setting = (v: MapView, camera: Camera, box: Box, insets: Insets) =>
		labelSetting({ view: v, layers: manifest.layers, data, camera, box, insets, width: lineWidth });

	it('a town beside the front line may only take the sides clear of it', () => {
		const box = { width: 390, height: 354 };
		const camera = frameCamera(view, box, subjectPoints(view, data), PHONE_INSETS);
		const { orders, hidden } = anchorOrders(setting(view, camera, box, PHONE_INSETS));
		// Pokrovsk lies a few km west of the line: never to its right, where the line runs.
		const pokrovsk = orders.get('pokrovsk');
		expect(pokrovsk ?? hidden.has('pokrovsk')).toBeTruthy();
		if (pokrovsk) expect(pokrovsk).not.toContain('left');
		// With no line in a view, a name keeps the usual order.
		const noLines = { ...view, layers: ['places', 'towns'] };
		expect(anchorOrders(setting(noLines, camera, box, PHONE_INSETS)).orders.size).toBe(0);
	});

	it('a country name cut by the edge of the box is hidden, one well inside is not', () => {
		const globe = story.views['three-capitals'];
		const box = { width: 390, height: 354 };
		const camera = frameCamera(globe, box, subjectPoints(globe, data), PHONE_INSETS);
		const cut = cutLabels(setting(globe, camera, box, PHONE_INSETS)).map((l) => l.id);
		expect(cut).toContain('Mexico');
		expect(cut).not.toContain('Ukraine');
		// In a wider box the same camera has room for it.
		const wide = { width: 1600, height: 800 };
		expect(cutLabels(setting(globe, camera, wide, MAP_INSETS)).map((l) => l.id)).not.toContain(
			'Mexico'
		);
	});
});

describe('the build', () => {
	const root = mkdtempSync(path.join(tmpdir(), 'framing-build-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('fails before writing anything, naming the line of a view that hides its places', () => {
		for (const dir of ['content', 'static'])
			cpSync(path.join(FIXTURE, dir), path.join(root, dir), { recursive: true });
		const file = path.join(root, 'content/story.yaml');
		const text = readFileSync(file, 'utf8');
		writeFileSync(file, text.replace('center: [12.65, 56.04]', 'center: [13.4, 56.04]'));
		const line = text.split('\n').findIndex((l) => l.trim() === 'narrows:') + 1;
		const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
			env: { ...process.env, STORY: root },
			encoding: 'utf8'
		});
		expect(build.status).toBe(1);
		expect(build.stderr).toContain(
			`${file}:${line}: view "narrows" at 390×844: "helsingor" is outside the map`
		);
		expect(build.stderr).toMatch(/The story was not built: \d+ problems in its content/);
		expect(() => readFileSync(path.join(root, 'build/index.html'))).toThrow();
	}, 120_000);
});
