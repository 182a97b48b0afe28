// One declaration per layer kind (src/lib/map/layer-kinds.ts) draws the live map, the stills and
// the key: for every kind and theme, the MapLibre paint, the still's SVG attributes and the key's
// swatch carry the same colour, width, dash and opacity. And the kinds listed for editors in
// geodata/README.md are the kinds there are.
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { LayerInfo, LayerKind, MapView } from '$lib/content/types';
import { LAYER_KINDS } from '$lib/data-contract.js';
import { LAYER_DRAWINGS, pick, svgDash, swatch } from '$lib/map/layer-kinds';
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { layersFor, litFilters, type MapData } from '$lib/map/style';
import { overlayLines } from '$lib/map/route-overlay';
import { stillSvg } from '$lib/server/stills/draw-still';
import { lineWidth } from '$lib/server/stills/text';
import { NO_INSETS } from '$lib/map/framing';
import { palette, THEMES } from '$lib/theme/tokens';

const KINDS = Object.keys(LAYER_KINDS) as LayerKind[];

/** One feature of a kind's geometry near 0°, 0° (a square, a line or a point). */
function sample(kind: LayerKind): Feature {
	const type = LAYER_KINDS[kind].geometry[0];
	const geometry: Geometry =
		type === 'Point'
			? { type: 'Point', coordinates: [0, 0] }
			: type === 'LineString'
				? {
						type: 'LineString',
						coordinates: [
							[-2, 0],
							[2, 0]
						]
					}
				: {
						type: 'Polygon',
						coordinates: [
							[
								[-1, -1],
								[-1, 1],
								[1, 1],
								[1, -1],
								[-1, -1]
							]
						]
					};
	return {
		type: 'Feature',
		geometry,
		properties: { id: 'x', name: 'Somewhere', label: 'Somewhere', labelKind: 'region' }
	};
}

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** One layer of `kind` with its sample feature, and a view of it. */
function fixture(kind: LayerKind) {
	const layer = {
		id: 'layer',
		title: 'A layer',
		kind,
		file: '',
		source: '',
		licence: '',
		features: []
	} as LayerInfo;
	const data: MapData = {
		countries: empty,
		borders: empty,
		countryLabels: empty,
		details: [],
		layers: { layer: { type: 'FeatureCollection', features: [sample(kind)] } },
		credit: ''
	};
	const view = {
		camera: { center: [0, 0], zoom: 5, bearing: 0, pitch: 0 },
		layers: ['layer'],
		highlight: [],
		subject: [],
		padding: 0
	} as unknown as MapView;
	return { layer, data, view, box: { width: 600, height: 600 } };
}

/** The still of one layer of `kind`, its feature not highlighted. */
function still(kind: LayerKind, theme: (typeof THEMES)[number]): string {
	const { layer, data, view, box } = fixture(kind);
	return stillSvg(view, [layer], data, { box, image: box, insets: NO_INSETS }, theme);
}

/** How the live map draws a kind: MapLibre's layers, or, for a kind the overlay draws
 *  (route-overlay.ts), its SVG line and name as the same paint properties. */
function live(kind: LayerKind, theme: (typeof THEMES)[number]): LayerSpecification[] {
	if (!LAYER_DRAWINGS[kind].overlay) return layersFor({ id: 'layer', kind } as LayerInfo, theme);
	const colours = palette(theme);
	const { layer, data, view, box } = fixture(kind);
	const [line] = overlayLines(['layer'], [layer], data, view.camera, box, lineWidth);
	return [
		{ type: 'line', paint: { 'line-color': colours[line.colour], 'line-width': line.width } },
		{
			type: 'symbol',
			paint: {
				'text-color': colours[line.label!.colour],
				'text-halo-color': colours[line.label!.halo]
			},
			layout: { 'text-size': line.label!.size }
		}
	] as unknown as LayerSpecification[];
}

/** A MapLibre paint value as a feature that is not highlighted, of no variant, gets it. */
const base = (value: unknown): unknown =>
	Array.isArray(value)
		? value[0] === 'case'
			? base(value[3])
			: value[0] === 'match'
				? base(value.at(-1))
				: value[0] === 'literal'
					? value[1]
					: value
		: value;

const paintOf = (layers: LayerSpecification[], type: string) =>
	layers.find((l) => l.type === type) as
		{ paint: Record<string, unknown>; layout?: Record<string, unknown> } | undefined;

/** The attributes of the first SVG element matching `pattern`. */
function attributes(svg: string, pattern: RegExp): Record<string, string> | null {
	const element = svg.match(pattern)?.[0];
	if (!element) return null;
	return Object.fromEntries([...element.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe.each(THEMES)('layer kinds, %s theme', (theme) => {
	const colours = palette(theme);

	it.each(KINDS)('%s: the live map, the still and the key agree', (kind) => {
		const layers = live(kind, theme);
		const svg = still(kind, theme);
		const key = swatch(kind, colours);
		const { marks } = LAYER_DRAWINGS[kind];

		for (const mark of marks) {
			if (mark.mark === 'fill') {
				const paint = paintOf(layers, 'fill')!.paint;
				const colour = colours[mark.colour];
				expect(base(paint['fill-color'])).toBe(colour);
				expect(base(paint['fill-opacity'])).toBe(pick(mark.opacity));
				const drawn = attributes(svg, new RegExp(`<path d="M[^"]*" fill="${colour}"[^>]*/>`));
				expect(drawn, `${kind}: the still's fill`).not.toBeNull();
				expect(Number(drawn!['fill-opacity'] ?? 1)).toBe(pick(mark.opacity));
				expect(key?.box?.fill).toBe(colour);
				expect(key?.box?.opacity).toBe(pick(mark.opacity));
			}
			if (mark.mark === 'line') {
				const paint = paintOf(layers, 'line')!.paint;
				const colour = colours[mark.colour];
				const width = pick(mark.width);
				expect(base(paint['line-color'])).toBe(colour);
				expect(base(paint['line-width'])).toBe(width);
				expect(base(paint['line-dasharray'])).toEqual(mark.dash);
				const drawn = attributes(
					svg,
					new RegExp(`<path d="M[^"]*" fill="none" stroke="${colour}"[^>]*/>`)
				);
				expect(drawn, `${kind}: the still's line`).not.toBeNull();
				expect(Number(drawn!['stroke-width'])).toBe(width);
				expect(drawn!['stroke-dasharray']).toBe(svgDash(mark.dash, width));
				const keyLine = key?.lines?.[0] ?? {
					colour: key?.box?.stroke,
					width: key?.box?.width,
					dash: key?.box?.dash
				};
				expect([keyLine.colour, keyLine.width, keyLine.dash]).toEqual([colour, width, mark.dash]);
			}
			if (mark.mark === 'dot') {
				const paint = paintOf(layers, 'circle')!.paint;
				const colour = colours[pick(mark.colour)];
				expect(base(paint['circle-color'])).toBe(colour);
				expect(base(paint['circle-radius'])).toBe(pick(mark.radius));
				expect(paint['circle-stroke-color']).toBe(colours[mark.outline]);
				const drawn = attributes(svg, /<circle [^>]*\/>/);
				expect(drawn?.fill).toBe(colour);
				expect(drawn?.stroke).toBe(colours[mark.outline]);
				expect(Number(drawn?.r)).toBe(pick(mark.radius) + mark.outlineWidth / 2);
				expect(key?.dot).toEqual({
					colour,
					radius: pick(mark.radius),
					outline: colours[mark.outline],
					outlineWidth: mark.outlineWidth
				});
			}
			if (mark.mark === 'text') {
				const layer = paintOf(layers, 'symbol')!;
				expect(base(layer.paint['text-color'])).toBe(colours[pick(mark.colour)]);
				expect(layer.paint['text-halo-color']).toBe(colours[mark.halo]);
				expect(base(layer.layout!['text-size'])).toBe(mark.size);
				if (mark.minzoom === undefined) {
					const drawn = attributes(svg, /<path transform="[^"]*"[^>]*\/>/);
					expect(drawn?.fill, `${kind}: the still's name`).toBe(colours[pick(mark.colour)]);
					expect(drawn?.stroke).toBe(colours[mark.halo]);
					expect(Number(drawn?.['stroke-width'])).toBe(2 * mark.haloWidth);
				}
			}
		}
		if (marks.every((m) => m.mark === 'text')) expect(key).toBeNull();
	});
});

describe('the layer kinds in geodata/README.md', () => {
	it('are the kinds there are', () => {
		const readme = readFileSync('geodata/README.md', 'utf8').replace(/\s+/g, ' ');
		const listed = /the kinds are ((?:`[a-z-]+`(?:, )?)+)/.exec(readme)?.[1];
		expect(listed?.match(/`([a-z-]+)`/g)?.map((k) => k.slice(1, -1))).toEqual(KINDS);
	});
});

describe('a feature the view highlights', () => {
	it('is drawn on the live map at any zoom, the others from their minzoom', () => {
		const kind = (Object.keys(LAYER_DRAWINGS) as LayerKind[]).find(
			(k) => LAYER_DRAWINGS[k].fromMinzoom
		)!;
		const info = { id: 'towns', kind, features: [] } as unknown as LayerInfo;
		const filters = litFilters([info], ['big']);
		const parts = filters.map((f) => f.layer);
		expect(parts).toContain('towns:dot');
		for (const { layer, filter } of filters) {
			const { filter: test } = featureFilter(filter as FilterSpecification, layer);
			const shown = (id: string, zoom: number) =>
				test({ zoom }, { type: 1, properties: { id, minzoom: 5 } } as never);
			const lit = layer.endsWith(':label') ? 'small' : 'big'; // each name layer draws one side
			if (layer.endsWith(':label-lit')) expect(shown('small', 9), layer).toBe(false);
			expect(shown(lit, 4), layer).toBe(lit === 'big');
			expect(shown(lit, 5), layer).toBe(true);
		}
	});
});
