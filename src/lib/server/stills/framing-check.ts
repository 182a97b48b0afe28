// The framing check, run by the build (vite.config.ts) and the tests: every view laid out by the
// still renderer (draw-still.ts, the live map's placement) in every map box a reader or a host
// page shows it in. In each: every place the view names (its subject and highlights) is inside the
// box, clear of the controls, and labelled; no label is cut by an edge; no label sits under the
// controls; no label comes within 4 px of a line it does not name. Each problem names the line of
// the story file that declares the view.
import type { LayerInfo, MapView } from '$lib/content/types';
import type { Box } from '$lib/map/projection';
import {
	MAP_INSETS,
	CARD_INSETS,
	PHONE_INSETS,
	NO_INSETS,
	PRINT_BOX,
	subjectPoints,
	type Insets
} from '$lib/map/framing';
import { cameraProjection } from '$lib/map/projection';
import type { MapData } from '$lib/map/style';
import { clearOfLines, LABEL_PADDING as PADDING, LINE_CLEARANCE } from '$lib/map/label-anchors';
import { loadContent } from '../load-content';
import { mapData } from '../map-files';
import { readText } from '../read-text';
import { STORY_ROOT, storyPaths } from '../story-paths.js';
import { YamlFile, type Problem } from '../yaml-reader';
import { drawStill, type Rect } from './draw-still';

/** The map boxes of each view (CSS px): the map above the text on a 390 × 844 phone (42% of the
 *  height), the map column beside it at 800 × 1000 and 1280 × 800, a shared link's card, and the
 *  map of an embed (16:10, at least 220 px tall) 320 and 700 px wide. */
export const FRAMING_BOXES: { name: string; box: Box; insets: Insets }[] = [
	{ name: '390×844', box: { width: 390, height: 354 }, insets: PHONE_INSETS },
	{ name: '800×1000', box: { width: 360, height: 1000 }, insets: MAP_INSETS },
	{ name: '1280×800', box: { width: 668, height: 800 }, insets: MAP_INSETS },
	{ name: 'the 1200×630 card', box: { width: 1200, height: 630 }, insets: CARD_INSETS },
	{ name: 'the printed page', box: PRINT_BOX, insets: NO_INSETS },
	{ name: 'a 320 px embed', box: { width: 320, height: 220 }, insets: PHONE_INSETS },
	{ name: 'a 700 px embed', box: { width: 700, height: 437 }, insets: PHONE_INSETS }
];

/** Positions along a run of positions, at most 0.05° apart. */
function densify(points: [number, number][]): [number, number][] {
	return points.flatMap((p, i) => {
		const q = points[i + 1];
		if (!q) return [p];
		const n = Math.min(200, Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1]) / 0.05));
		return Array.from({ length: n }, (_, k) => [
			p[0] + ((q[0] - p[0]) * k) / n,
			p[1] + ((q[1] - p[1]) * k) / n
		]) as [number, number][];
	});
}

/** The areas the controls take: the insets' bands. */
function controlBands({ width, height }: Box, insets: Insets): Rect[] {
	const bands: Rect[] = [];
	if (insets.top) bands.push([0, 0, width, insets.top]);
	if (insets.bottom) bands.push([0, height - insets.bottom, width, height]);
	if (insets.left) bands.push([0, 0, insets.left, height]);
	if (insets.right) bands.push([width - insets.right, 0, width, height]);
	return bands;
}

const overlaps = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** The problems of one view in one box, each a sentence after `view "<id>" at <box>: `. */
export function framingProblems(
	view: MapView,
	layers: LayerInfo[],
	data: MapData,
	box: Box,
	insets: Insets
): string[] {
	const scene = drawStill(view, layers, data, { box, image: box, insets });
	const problems: string[] = [];
	const inBox = ([x, y]: [number, number]) => x >= 0 && x <= box.width && y >= 0 && y <= box.height;
	const bands = controlBands(box, insets);
	// The view's subject must be in the box; what it highlights must be named too.
	const named = new Set(view.highlight);

	// Every place the view names is shown: its position inside the box and clear of the controls
	// (a subject is framed so; a highlight must fall inside too), its label placed.
	const { camera, lines } = scene.setting;
	const projection = cameraProjection(camera, box);
	const outside = new Set<string>();
	for (const id of new Set([...view.subject, ...view.highlight])) {
		// Its positions, a long line's every 20th of a degree, so that one crossing the box counts.
		const points = densify(subjectPoints({ ...view, subject: [id] }, data));
		const xy = points.map((p) => projection(p)).filter((p) => p !== null);
		if (points.length && !xy.some((p) => inBox(p))) {
			problems.push(`"${id}" is outside the map`);
			outside.add(id);
		} else if (
			points.length === 1 &&
			bands.some((b) => overlaps(b, [xy[0][0], xy[0][1], xy[0][0], xy[0][1]]))
		)
			problems.push(`"${id}" is under the map's controls`);
	}
	// Every named feature that has a label shows one (a place, whose name is its mark's, always has
	// one: a place drawn without its name is as wrong as a name cut).
	for (const id of named) {
		const its = scene.labels.filter((l) => l.feature === id);
		if (outside.has(id) || its.some((l) => l.box)) continue;
		if (!its.length) {
			const place = layers.flatMap((l) => l.features).find((f) => f.id === id && f.point);
			if (place) problems.push(`"${id}" is drawn without its name`);
			continue;
		}
		const [{ text, dropped }] = its;
		problems.push(
			!dropped
				? `label "${text}" hidden: wherever it goes it is cut by an edge, under the controls or within ${LINE_CLEARANCE} px of a line`
				: 'edge' in dropped
					? `label "${text}" cut by the ${dropped.edge} edge`
					: `label "${text}" hidden: it overlaps "${dropped.overlaps}"`
		);
	}
	for (const label of scene.labels) {
		const where = `label "${label.text}"`;
		if (!label.box) {
			// A label whose point is in the box but that no spot inside the box holds is cut by its
			// edge on the live map (names that do not fit are hidden there, label-fit.ts).
			if (inBox(label.at) && label.dropped && 'edge' in label.dropped && !named.has(label.feature!))
				problems.push(`${where} cut by the ${label.dropped.edge} edge`);
			continue;
		}
		if (bands.some((b) => overlaps(b, label.box!))) problems.push(`${where} under the controls`);
		const text: Rect = [
			label.box[0] + PADDING,
			label.box[1] + PADDING,
			label.box[2] - PADDING,
			label.box[3] - PADDING
		];
		const near = lines.find(
			(line) => line.feature !== label.feature && !clearOfLines(text, [line.points])
		);
		if (near) problems.push(`${where} within ${LINE_CLEARANCE} px of the line "${near.feature}"`);
	}
	return [...new Set(problems)];
}

/** Every framing problem of the views, as `view "<id>" at <box>: <problem>`, by view id. */
export function checkFraming(
	views: MapView[],
	layers: LayerInfo[],
	data: MapData
): { view: string; message: string }[] {
	return views.flatMap((view) =>
		FRAMING_BOXES.flatMap(({ name, box, insets }) =>
			framingProblems(view, layers, data, box, insets).map((p) => ({
				view: view.id,
				message: `view "${view.id}" at ${name}: ${p}`
			}))
		)
	);
}

/** The framing problems of the story in `root`, each at the line of its view in the story file
 *  (`content/story.yaml:53: view "arctic" at 800×1000: label "Washington" cut by the right edge`). */
export async function checkStoryFraming(root = STORY_ROOT): Promise<Problem[]> {
	const { story, manifest } = loadContent(root);
	const data = await mapData(manifest, root);
	const file = storyPaths(root).story;
	const reader = new YamlFile(readText(file), file);
	for (const p of checkFraming(Object.values(story.views), manifest.layers, data))
		reader.reportAtKey(['views', p.view], p.message);
	return reader.problems;
}
