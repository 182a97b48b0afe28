// The offline map style: everything it draws comes from the site itself (no tiles, no glyph
// server). Data layers are styled by their manifest `style` kind, so a new geodata file needs
// no code here, only a kind that data-contract.js lists.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerInfo, LayerKind } from '$lib/content/types';

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
	/** One collection per data layer, keyed by layer id. */
	layers: Record<string, FeatureCollection>;
	/** Who the basemap comes from, for the map's attribution. */
	credit: string;
}

export const FONT = 'Noto Sans Regular';

export const colours = {
	water: '#d7e3ea',
	land: '#f5f2ea',
	border: '#9d978c',
	ink: '#2b2b2b',
	countryLabel: '#6b665d',
	/** Country names the story itself places (labels layers): dark enough to read at 12 px. */
	countryLabelDark: '#5c574e',
	accent: '#b3261e',
	/** Claimed and approximate areas: violet, apart from the red line of contact and the boundary
	 *  blue for every kind of colour vision (tests/e2e/a11y.test.ts). */
	claim: '#8a63c2',
	boundary: '#1f4e79',
	halo: '#ffffff',
	runway: '#9a958b',
	route: '#5a3d7a',
	sea: '#4f7690'
};

const lit: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
const ifLit = <T>(on: T, off: T): ExpressionSpecification => [
	'case',
	lit,
	on as never,
	off as never
];
/** Features with a `minzoom` property (minor places, small countries) appear from that zoom on. */
const fromMinzoom: ExpressionSpecification = ['>=', ['zoom'], ['coalesce', ['get', 'minzoom'], 0]];

const hidden = { visibility: 'none' as const };
/** How strongly held ground is shaded, under its red line. */
export const HELD_OPACITY = 0.13;
/** The zoom from which runways are named. */
export const RUNWAY_LABELS_FROM = 11;

/** Areas: a faint fill and an outline, dashed when the area is approximate. */
const area = (
	id: (part: string) => string,
	source: string,
	approximate: boolean
): LayerSpecification[] => [
	{
		id: id('fill'),
		type: 'fill',
		source,
		layout: hidden,
		paint: {
			'fill-color': colours.claim,
			'fill-opacity': ifLit(0.16, 0.08)
		}
	},
	{
		id: id('outline'),
		type: 'line',
		source,
		layout: hidden,
		paint: {
			'line-color': colours.claim,
			'line-width': ifLit(2, 1.2),
			...(approximate ? { 'line-dasharray': [2, 2] } : {})
		}
	}
];

type Painter = (id: (part: string) => string, source: string) => LayerSpecification[];

/** How each layer kind is drawn (kinds are listed in data-contract.js). Ids are `<layer id>:<part>`. */
const painters: Record<LayerKind, Painter> = {
	points: (id, source) => [
		{
			id: id('dot'),
			type: 'circle',
			source,
			filter: fromMinzoom,
			layout: hidden,
			paint: {
				'circle-radius': ifLit(6, 3.5),
				'circle-color': ifLit(colours.accent, colours.ink),
				'circle-stroke-color': colours.halo,
				'circle-stroke-width': 1.5
			}
		},
		{
			id: id('label'),
			type: 'symbol',
			source,
			filter: fromMinzoom,
			layout: {
				...hidden,
				'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
				'text-font': [FONT],
				'text-size': 13,
				'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
				'text-radial-offset': 0.7,
				'text-justify': 'auto',
				'text-max-width': 9,
				'symbol-sort-key': 1
			}, // the controller puts the view's highlighted names first
			paint: {
				'text-color': ifLit(colours.accent, colours.ink),
				'text-halo-color': colours.halo,
				'text-halo-width': 1.5
			}
		}
	],
	area: (id, source) => area(id, source, false),
	'approximate-area': (id, source) => area(id, source, true),
	boundary: (id, source) => [
		{
			id: id('line'),
			type: 'line',
			source,
			layout: hidden,
			paint: {
				'line-color': ['match', ['get', 'lineKind'], 'date-line', colours.ink, colours.boundary],
				'line-width': ifLit(2.5, 1.5),
				'line-dasharray': [
					'match',
					['get', 'lineKind'],
					'date-line',
					['literal', [1, 2]],
					['literal', [5, 2]]
				]
			}
		},
		// Labelled once (its short label); a date line runs where no boundary is and needs none.
		{
			id: id('label'),
			type: 'symbol',
			source,
			filter: ['!=', ['get', 'lineKind'], 'date-line'],
			layout: {
				...hidden,
				'symbol-placement': 'line',
				'symbol-spacing': 1000,
				'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
				'text-font': [FONT],
				'text-size': 12,
				'text-offset': [0, -0.8]
			},
			paint: {
				'text-color': colours.boundary,
				'text-halo-color': colours.halo,
				'text-halo-width': 1.5
			}
		}
	],
	// Dashed and labelled with its name (which carries the as-of date), so that nobody takes it
	// for a surveyed border.
	'approximate-line': (id, source) => [
		{
			id: id('line'),
			type: 'line',
			source,
			layout: { ...hidden, 'line-cap': 'round' },
			paint: {
				'line-color': colours.accent,
				'line-width': ifLit(3, 2),
				'line-dasharray': [1.5, 1.5]
			}
		},
		{
			id: id('label'),
			type: 'symbol',
			source,
			layout: {
				...hidden,
				'symbol-placement': 'line',
				'symbol-spacing': 400,
				'text-field': ['get', 'name'],
				'text-font': [FONT],
				'text-size': 11,
				'text-offset': [0, -0.9]
			},
			paint: {
				'text-color': colours.accent,
				'text-halo-color': colours.halo,
				'text-halo-width': 1.5
			}
		}
	],
	'held-area': (id, source) => [
		{
			id: id('fill'),
			type: 'fill',
			source,
			layout: hidden,
			paint: { 'fill-color': colours.accent, 'fill-opacity': HELD_OPACITY }
		}
	],
	runway: (id, source) => [
		{
			id: id('fill'),
			type: 'fill',
			source,
			layout: hidden,
			paint: { 'fill-color': colours.runway }
		},
		// Designators only where the runways are large enough to carry them.
		{
			id: id('label'),
			type: 'symbol',
			source,
			minzoom: RUNWAY_LABELS_FROM,
			layout: { ...hidden, 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-size': 11 },
			paint: { 'text-color': colours.ink, 'text-halo-color': colours.halo, 'text-halo-width': 1.5 }
		}
	],
	route: (id, source) => [
		{
			id: id('line'),
			type: 'line',
			source,
			layout: { ...hidden, 'line-cap': 'round' },
			paint: {
				'line-color': colours.route,
				'line-width': 2
			}
		},
		{
			id: id('label'),
			type: 'symbol',
			source,
			layout: {
				...hidden,
				'symbol-placement': 'line-center',
				'text-field': ['get', 'label'],
				'text-font': [FONT],
				'text-size': 12,
				'text-offset': [0, -0.8]
			},
			paint: {
				'text-color': colours.route,
				'text-halo-color': colours.halo,
				'text-halo-width': 1.5
			}
		}
	],
	labels: (id, source) => [
		{
			id: id('label'),
			type: 'symbol',
			source,
			filter: fromMinzoom,
			layout: {
				...hidden,
				'text-field': [
					'match',
					['get', 'labelKind'],
					'country',
					['upcase', ['get', 'name']],
					['get', 'name']
				],
				'text-font': [FONT],
				'text-size': ['match', ['get', 'labelKind'], 'country', 12, 'sea', 12, 11],
				'text-letter-spacing': ['match', ['get', 'labelKind'], 'country', 0.15, 'sea', 0.05, 0],
				'text-max-width': 8,
				'symbol-sort-key': ['coalesce', ['get', 'rank'], 9]
			},
			paint: {
				'text-color': [
					'match',
					['get', 'labelKind'],
					'sea',
					colours.sea,
					'note',
					colours.ink,
					'accent',
					colours.accent,
					colours.countryLabelDark
				],
				'text-halo-color': colours.halo,
				'text-halo-width': 1.2
			}
		}
	]
};

/** The MapLibre layers that draw one data layer, by its kind; all start hidden. */
export function layersFor(info: LayerInfo): LayerSpecification[] {
	return painters[info.style]((part) => `${info.id}:${part}`, info.id);
}

/** The whole style: water, the world's countries, detail patches, then the data layers. */
export function buildStyle(
	data: MapData,
	layers: LayerInfo[],
	fontUrl: string
): StyleSpecification {
	const geojson = (d: FeatureCollection) => ({ type: 'geojson' as const, data: d });
	const sources: StyleSpecification['sources'] = {
		countries: { ...geojson(data.countries), attribution: data.credit },
		borders: geojson(data.borders),
		'country-labels': geojson(data.countryLabels)
	};
	const base: LayerSpecification[] = [
		{ id: 'water', type: 'background', paint: { 'background-color': colours.water } },
		{ id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': colours.land } },
		{
			id: 'borders',
			type: 'line',
			source: 'borders',
			paint: { 'line-color': colours.border, 'line-width': 0.8 }
		}
	];
	for (const d of data.details) {
		sources[`${d.id}-water`] = geojson(d.water);
		sources[`${d.id}-land`] = geojson(d.land);
		sources[`${d.id}-borders`] = geojson(d.borders);
		base.push(
			{
				id: `${d.id}:water`,
				type: 'fill',
				source: `${d.id}-water`,
				minzoom: 4,
				paint: { 'fill-color': colours.water }
			},
			{
				id: `${d.id}:land`,
				type: 'fill',
				source: `${d.id}-land`,
				minzoom: 4,
				paint: { 'fill-color': colours.land }
			},
			{
				id: `${d.id}:borders`,
				type: 'line',
				source: `${d.id}-borders`,
				minzoom: 4,
				paint: { 'line-color': colours.border, 'line-width': 0.8 }
			}
		);
	}
	base.push({
		id: 'country-labels',
		type: 'symbol',
		source: 'country-labels',
		filter: fromMinzoom,
		layout: {
			'text-field': ['upcase', ['get', 'name']],
			'text-font': [FONT],
			'text-size': 11,
			'text-letter-spacing': 0.12,
			'text-max-width': 7
		},
		paint: {
			'text-color': colours.countryLabel,
			'text-halo-color': colours.land,
			'text-halo-width': 1
		}
	});
	const drawn: LayerSpecification[] = [];
	for (const info of layers) {
		// promoteId lets the controller highlight features by their string `id` property.
		sources[info.id] = { ...geojson(data.layers[info.id]), promoteId: 'id' };
		drawn.push(...layersFor(info));
	}
	// Shapes first, then names, and the places' dots and names on top: MapLibre places the top
	// layer's labels first, so a place's name wins a collision with a runway's or a region's.
	const places = new Set(layers.filter((l) => l.style === 'points').map((l) => l.id));
	const rank = (l: LayerSpecification) =>
		l.type === 'symbol' || l.type === 'circle'
			? 'source' in l && places.has(l.source as string)
				? 2
				: 1
			: 0;
	drawn.sort((a, b) => rank(a) - rank(b));
	return {
		version: 8,
		projection: { type: 'globe' },
		'font-faces': { [FONT]: fontUrl },
		sources,
		layers: [...base, ...drawn]
	};
}
