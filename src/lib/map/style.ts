// The offline map style: everything it draws comes from the site itself (no tiles, no glyph
// server). Each data layer is drawn as its kind declares (layer-kinds.ts), in the colours of the
// theme (src/lib/theme/tokens.ts), so a new geodata file needs no code here.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerInfo } from '$lib/content/types';
import { palette, type Theme, type Token } from '$lib/theme/tokens';
import {
	basePriority,
	BASEMAP,
	LAYER_DRAWINGS,
	litPair,
	type Lit,
	type Mark,
	type TextMark,
	type Variants
} from './layer-kinds';
import { anchorExpression } from './label-anchors';
import { namedElsewhere } from './label-fit';

/** Decoded data the style is built from. */
export interface MapData {
	countries: FeatureCollection;
	borders: FeatureCollection;
	/** A point per sizeable country, with the zoom (`minzoom`) from which it is named. */
	countryLabels: FeatureCollection;
	/** Small high-detail patches (10m) drawn over the 50m world where views zoom in (the manifest's
	 *  basemap.details). */
	details: {
		id: string;
		water: FeatureCollection;
		land: FeatureCollection;
		borders: FeatureCollection;
	}[];
	/** One collection per data layer, keyed by layer id: every layer for the stills, those fetched
	 *  so far in the live map (open-map). */
	layers: Record<string, FeatureCollection>;
	/** Who the basemap comes from, for the map's attribution. */
	credit: string;
}

export const FONT = 'Noto Sans Regular';

const lit: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
/** Features with a `minzoom` property (minor places, small countries) appear from that zoom on. */
const fromMinzoom: ExpressionSpecification = ['>=', ['zoom'], ['coalesce', ['get', 'minzoom'], 0]];
const hidden = { visibility: 'none' as const };

/**
 * A paint or layout value: plain, one for highlighted features and one for the rest, or one per
 * value of a feature property (the mark's variants). `as` turns a declared value into MapLibre's.
 */
function value<T>(
	declared: Lit<T>,
	as: (v: T) => unknown,
	variants?: Variants<Record<string, unknown>>,
	key?: string
): never {
	const cases = variants && key ? Object.entries(variants.cases).filter(([, c]) => key in c) : [];
	if (cases.length)
		return [
			'match',
			['get', variants!.by],
			...cases.flatMap(([k, c]) => [k, as(c[key!] as T)]),
			as(litPair(declared)?.base ?? (declared as T))
		] as never;
	const pair = litPair(declared);
	return (pair ? ['case', lit, as(pair.lit), as(pair.base)] : as(declared as T)) as never;
}

const literal = (v: unknown) => (Array.isArray(v) ? ['literal', v] : v);

/** What a text mark shows: the short label or the name, in capitals where declared. */
function textField(mark: TextMark): ExpressionSpecification {
	const field: ExpressionSpecification =
		mark.text === 'label' ? ['coalesce', ['get', 'label'], ['get', 'name']] : ['get', 'name'];
	const upper = mark.variants?.cases
		? Object.entries(mark.variants.cases).filter(([, c]) => c.upperCase)
		: [];
	if (mark.upperCase) return ['upcase', field];
	if (!upper.length) return field;
	return ['match', ['get', mark.variants!.by], upper.map(([k]) => k), ['upcase', field], field];
}

const PLACEMENT: Record<TextMark['placement'], Record<string, unknown>> = {
	// The view's highlighted names are in a layer above the rest (layersFor, litFilters).
	beside: { 'text-justify': 'auto' },
	centre: {},
	along: { 'symbol-placement': 'line' },
	'line-middle': { 'symbol-placement': 'line-center' }
};

/** The MapLibre layers of one mark of a data layer (`<layer id>:<part>`), all hidden at first. */
function markLayer(
	mark: Mark,
	info: LayerInfo,
	colours: Record<Token, string>,
	minzoomFilter: boolean,
	ranked: boolean,
	namedElsewhere: string[],
	litIds: string[],
	part: 'label' | 'label-lit' | null = null
): LayerSpecification {
	const source = info.id;
	const colour = (t: Token) => colours[t];
	const same = (v: unknown) => v;
	const isLit: ExpressionSpecification = ['in', ['get', 'id'], ['literal', litIds]];
	// What the view highlights is drawn at any zoom (the stills do the same, draw-still.ts).
	const filters: ExpressionSpecification[] = minzoomFilter ? [['any', isLit, fromMinzoom]] : [];
	if (mark.mark === 'text' && mark.unnamed)
		filters.push(['!', ['in', ['get', mark.unnamed.by], ['literal', mark.unnamed.values]]]);
	// A feature that a label of the map names (its `names`) is not named twice.
	if (mark.mark === 'text' && namedElsewhere.length)
		filters.push(['!', ['in', ['get', 'id'], ['literal', namedElsewhere]]]);
	// The view's highlighted names in a layer of their own, above every other (see layersFor).
	if (part) filters.push(part === 'label-lit' ? isLit : ['!', isLit]);
	const filter = filters.length > 1 ? (['all', ...filters] as ExpressionSpecification) : filters[0];
	const common = { source, ...(filter ? { filter } : {}) };
	switch (mark.mark) {
		case 'fill':
			return {
				id: `${info.id}:fill`,
				type: 'fill',
				...common,
				layout: hidden,
				paint: { 'fill-color': colour(mark.colour), 'fill-opacity': value(mark.opacity, same) }
			};
		case 'line':
			return {
				id: `${info.id}:line`,
				type: 'line',
				...common,
				layout: { ...hidden, ...(mark.roundCaps ? { 'line-cap': 'round' as const } : {}) },
				paint: {
					'line-color': value(mark.colour, colour, mark.variants, 'colour'),
					'line-width': value(mark.width, same),
					...(mark.dash
						? { 'line-dasharray': value(mark.dash, literal, mark.variants, 'dash') }
						: {})
				}
			};
		case 'dot':
			return {
				id: `${info.id}:dot`,
				type: 'circle',
				...common,
				layout: hidden,
				paint: {
					'circle-radius': value(mark.radius, same),
					'circle-color': value(mark.colour, colour),
					'circle-stroke-color': colour(mark.outline),
					'circle-stroke-width': mark.outlineWidth
				}
			};
		case 'text':
			return {
				id: `${info.id}:${part ?? 'label'}`,
				type: 'symbol',
				...common,
				...(mark.minzoom ? { minzoom: mark.minzoom } : {}),
				layout: {
					...hidden,
					'text-field': textField(mark),
					'text-font': [FONT],
					'text-size': value(mark.size, same, mark.variants, 'size'),
					...(mark.letterSpacing !== undefined || mark.variants
						? {
								'text-letter-spacing': value(
									mark.letterSpacing ?? 0,
									same,
									mark.variants,
									'letterSpacing'
								)
							}
						: {}),
					...(mark.maxWidth ? { 'text-max-width': mark.maxWidth } : {}),
					...(mark.spacing ? { 'symbol-spacing': mark.spacing } : {}),
					...(mark.placement === 'beside'
						? // The usual order; the controller keeps the anchors clear of lines and edges.
							{ 'text-variable-anchor-offset': anchorExpression(new Map(), mark.offset ?? 0) }
						: mark.offset !== undefined
							? { 'text-offset': [0, -mark.offset] }
							: {}),
					...PLACEMENT[mark.placement],
					...(ranked ? { 'symbol-sort-key': ['coalesce', ['get', 'rank'], 9] } : {})
				},
				paint: {
					'text-color': value(mark.colour, colour, mark.variants, 'colour'),
					'text-halo-color': colour(mark.halo),
					'text-halo-width': mark.haloWidth,
					'text-opacity': unlessCut
				}
			} as LayerSpecification;
	}
}

/** A name with no room in the map box is hidden (label-fit.ts, label-anchors.ts; set by the
 *  controller for each view). */
const unlessCut: ExpressionSpecification = [
	'case',
	['boolean', ['feature-state', 'cut'], false],
	0,
	1
];

/**
 * The MapLibre layers that draw one data layer, by its kind; all start hidden. Names set beside
 * their points come in two layers: the view's highlighted ones (`lit`, set by the controller
 * through litFilters) in `<id>:label-lit`, drawn above every other name so that MapLibre places
 * them first in every tile, and the rest in `<id>:label`.
 */
export function layersFor(
	info: LayerInfo,
	theme: Theme = 'light',
	namedElsewhere: string[] = [],
	lit: string[] = []
): LayerSpecification[] {
	const {
		marks,
		fromMinzoom: minzoom = false,
		ranked = false,
		overlay
	} = LAYER_DRAWINGS[info.kind];
	// The overlay draws these (route-overlay.ts).
	if (overlay) return [];
	const colours = palette(theme);
	return marks.flatMap((m) =>
		m.mark === 'text' && m.placement === 'beside'
			? (['label', 'label-lit'] as const).map((part) =>
					markLayer(m, info, colours, minzoom, ranked, namedElsewhere, lit, part)
				)
			: [markLayer(m, info, colours, minzoom, ranked, namedElsewhere, lit)]
	);
}

/** The filters that depend on `lit` (a view's highlighted features): those of the name layers
 *  that put them above the rest, and of the layers that show the others from their minzoom. */
export function litFilters(
	layers: LayerInfo[],
	lit: string[]
): { layer: string; filter: unknown }[] {
	const named = [...namedElsewhere(layers)];
	return layers.flatMap((info) => {
		const specs = layersFor(info, 'light', named, lit);
		const minzoom = LAYER_DRAWINGS[info.kind].fromMinzoom;
		return specs
			.filter((l) => minzoom || /:label(-lit)?$/.test(l.id))
			.map((l) => ({ layer: l.id, filter: (l as { filter?: unknown }).filter }));
	});
}

/** The basemap's layers: water, the world's countries and borders, the detail patches, the
 *  country names. */
function basemapLayers(data: MapData, colours: Record<Token, string>): LayerSpecification[] {
	const borders = (id: string, source: string, minzoom?: number): LayerSpecification => ({
		id,
		type: 'line',
		source,
		...(minzoom ? { minzoom } : {}),
		paint: { 'line-color': colours.countryBorder, 'line-width': BASEMAP.borderWidth }
	});
	const name = BASEMAP.countryName;
	return [
		{ id: 'water', type: 'background', paint: { 'background-color': colours.water } },
		{ id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': colours.land } },
		borders('borders', 'borders'),
		...data.details.flatMap((d): LayerSpecification[] => [
			{
				id: `${d.id}:water`,
				type: 'fill',
				source: `${d.id}-water`,
				minzoom: BASEMAP.detailsFrom,
				paint: { 'fill-color': colours.water }
			},
			{
				id: `${d.id}:land`,
				type: 'fill',
				source: `${d.id}-land`,
				minzoom: BASEMAP.detailsFrom,
				paint: { 'fill-color': colours.land }
			},
			borders(`${d.id}:borders`, `${d.id}-borders`, BASEMAP.detailsFrom)
		]),
		{
			id: 'country-labels',
			type: 'symbol',
			source: 'country-labels',
			filter: fromMinzoom,
			layout: {
				'text-field': ['upcase', ['get', 'name']],
				'text-font': [FONT],
				'text-size': name.size,
				'text-letter-spacing': name.letterSpacing,
				'text-max-width': name.maxWidth
			},
			paint: {
				'text-color': colours[name.colour],
				'text-halo-color': colours[name.halo],
				'text-halo-width': name.haloWidth,
				'text-opacity': unlessCut
			}
		}
	];
}

/** The zoom each kind of source is cut into tiles to (MapLibre draws deeper zooms from those
 *  tiles): about where its data's precision ends (the world at 1:50m, the detail patches at 1:10m
 *  or finer, the layers to a few metres). A camera that changes zoom then waits for fewer tiles,
 *  and the views zoomed in on Anchorage share the world's. */
const TILED_TO = { world: 6, detail: 10, layer: 12 };

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The whole style: the basemap, then the data layers, in the colours of `theme`. */
export function buildStyle(
	data: MapData,
	layers: LayerInfo[],
	fontUrl: string,
	theme: Theme = 'light'
): StyleSpecification {
	const geojson = (d: FeatureCollection, maxzoom: number) => ({
		type: 'geojson' as const,
		data: d,
		maxzoom
	});
	const { world, detail, layer } = TILED_TO;
	const sources: StyleSpecification['sources'] = {
		countries: { ...geojson(data.countries, world), attribution: data.credit },
		borders: geojson(data.borders, world),
		// By name, for the controller's feature state (label-fit.ts).
		'country-labels': { ...geojson(data.countryLabels, world), promoteId: 'name' }
	};
	for (const d of data.details) {
		sources[`${d.id}-water`] = geojson(d.water, detail);
		sources[`${d.id}-land`] = geojson(d.land, detail);
		sources[`${d.id}-borders`] = geojson(d.borders, detail);
	}
	// promoteId lets the controller highlight features by their string `id` property. A layer not
	// fetched yet starts empty (open-map sets its data when a view needs it).
	for (const info of layers)
		sources[info.id] = { ...geojson(data.layers[info.id] ?? EMPTY, layer), promoteId: 'id' };
	return {
		version: 8,
		projection: { type: 'globe' },
		'font-faces': { [FONT]: fontUrl },
		sources,
		layers: [...basemapLayers(data, palette(theme)), ...dataLayers(layers, theme)]
	};
}

/**
 * The data layers in drawing order: shapes, then dots, then names, the names that win collisions
 * on top (MapLibre places the top layer's names first): by their marks' priority, as the stills
 * place them (a boundary's name, then a place's, a route's, a region's or a runway's).
 */
function dataLayers(layers: LayerInfo[], theme: Theme): LayerSpecification[] {
	const named = [...namedElsewhere(layers)];
	const drawn = layers.flatMap((info) => {
		const text = LAYER_DRAWINGS[info.kind].marks.find((m) => m.mark === 'text');
		const priority = text?.mark === 'text' ? basePriority(text) : 0;
		return layersFor(info, theme, named).map((layer) => ({ layer, priority }));
	});
	// Highlighted names on top of all, then names by priority, dots, shapes.
	const rank = ({ layer, priority }: (typeof drawn)[number]) =>
		layer.id.endsWith(':label-lit')
			? 4
			: layer.type === 'symbol'
				? 2 + 1 / (1 + priority)
				: layer.type === 'circle'
					? 1
					: 0;
	return drawn.sort((a, b) => rank(a) - rank(b)).map((d) => d.layer);
}

/** Every paint property of the style in `theme`, by layer: what a change of theme sets. */
export function themePaint(
	data: MapData,
	layers: LayerInfo[],
	theme: Theme
): { id: string; paint: Record<string, unknown> }[] {
	return [...basemapLayers(data, palette(theme)), ...dataLayers(layers, theme)].map((l) => ({
		id: l.id,
		paint: ('paint' in l ? l.paint : {}) as Record<string, unknown>
	}));
}
