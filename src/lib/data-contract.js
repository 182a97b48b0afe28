// What geodata/build.js writes and the site reads, in one place: the kinds of layer the map can
// draw, the pattern every id follows, the mile, and the shapes of the generated manifest and
// distances. Plain JavaScript with JSDoc types, because the geodata build runs in Node without a
// compiler; TypeScript reads the same types. A new layer kind is added to LAYER_KINDS, and the
// compiler then points at the one place that says how it is drawn (src/lib/map/layer-kinds.ts),
// from which the live map, the stills and the key are all made.

/**
 * Layer kinds: the geometry each accepts, and whether what it draws is approximate (dashed, and
 * said to be so in the key).
 * @satisfies {Record<string, { geometry: string[], approximate: boolean }>}
 */
export const LAYER_KINDS = {
	points: { geometry: ['Point', 'MultiPoint'], approximate: false },
	area: { geometry: ['Polygon', 'MultiPolygon'], approximate: false },
	'approximate-area': { geometry: ['Polygon', 'MultiPolygon'], approximate: true },
	boundary: { geometry: ['LineString', 'MultiLineString'], approximate: false },
	'approximate-line': { geometry: ['LineString', 'MultiLineString'], approximate: true },
	/** Ground held by one side of an approximate line, shaded in the line's red. */
	'held-area': { geometry: ['Polygon', 'MultiPolygon'], approximate: true },
	/** Paved surfaces (runways), drawn grey and named by their designators. */
	runway: { geometry: ['Polygon', 'MultiPolygon'], approximate: false },
	/** Names with no mark of their own (countries, seas, notes on the map), placed where they
	 *  read best: `properties.labelKind` is `country`, `sea`, `region`, `note` or `accent` (a note in the
	 *  line of contact's red), and a lower
	 *  `properties.rank` wins collisions. Not in the key, never a marker. */
	labels: { geometry: ['Point'], approximate: false },
	/** Great circles between two places, computed by the geodata build and labelled with their length. */
	route: { geometry: ['LineString', 'MultiLineString'], approximate: false }
};

/** @typedef {keyof typeof LAYER_KINDS} LayerKind */

/** Ids of sections, views, layers, features and distances: lower-case words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Kilometres in an international mile. */
export const KM_PER_MI = 1.609344;

/** Square kilometres in a square international mile. */
export const KM2_PER_SQMI = KM_PER_MI * KM_PER_MI;

/**
 * A feature of a data layer: its provenance, and its position when it is a point.
 * @typedef {object} FeatureInfo
 * @property {string} id
 * @property {string} name
 * @property {string} [label]  a short name for the map and for lists, where the full name is long
 * @property {string} [names]  a map label's: the id of the feature it is the name of (that feature's
 *   own mark then carries no name)
 * @property {string} [lineKind]  a boundary layer's kind of line (`maritime-boundary`, `date-line`)
 * @property {string} source  where the coordinates come from
 * @property {string} accuracy
 * @property {string} [asOf]
 * @property {[number, number]} [point]  a point feature's position
 * @property {[number, number]} [anchor]  for lines and areas: where a marker pins it
 */

/**
 * One data layer the map can draw, as listed in the manifest.
 * @typedef {object} LayerInfo
 * @property {string} id
 * @property {string} title
 * @property {LayerKind} kind  how the layer is drawn (src/lib/map/layer-kinds.ts)
 * @property {string} file  the layer's TopoJSON, e.g. /data/places.topo.json
 * @property {string} source
 * @property {string} licence
 * @property {string} [asOf]
 * @property {FeatureInfo[]} features
 */

/**
 * The basemap the layers are drawn over: the world, the high-detail patches where views zoom in,
 * and how the page credits it.
 * @typedef {object} BasemapInfo
 * @property {{ title: string, attribution: string, source: string, licence: string, note?: string, noteWith?: string[] }} credit
 *   `note` is shown in the key while a layer of `noteWith` is (always, without `noteWith`)
 *   title and source for the key ("Countries: Natural Earth 1:50m and 1:10m (public domain), …"),
 *   attribution for the map's attribution and under embeds ("Natural Earth")
 * @property {string[]} details  ids of the detail patches, each at /data/<id>.topo.json
 */

/**
 * static/data/manifest.json: everything the page needs to know of the data without decoding it.
 * @typedef {object} Manifest
 * @property {string} [language]  the story's language its words (route labels) were written in
 * @property {BasemapInfo} basemap
 * @property {LayerInfo[]} layers
 */

/**
 * One end of a distance: a point feature, or the 1:10m land polygon that contains it.
 * @typedef {{ point: string } | { land: string }} DistanceEnd
 */

/**
 * A distance computed from the geodata at build time (static/data/distances.json).
 * @typedef {object} Distance
 * @property {string} id
 * @property {string} label
 * @property {number} km
 * @property {number} mi
 * @property {string} method
 * @property {DistanceEnd} from
 * @property {DistanceEnd} to
 * @property {true} [draw]  drawn on the map as a great circle (the generated `routes` layer)
 */

/**
 * An area computed from the geodata at build time (static/data/areas.json): the union of the
 * features `of` names (layer or feature ids) less the union of those `minus` names.
 * @typedef {object} Area
 * @property {string} id
 * @property {string} label
 * @property {number} km2
 * @property {number} sqmi
 * @property {boolean} approximate  measured from a feature said to be approximate
 * @property {string} method
 * @property {string[]} of
 * @property {string[]} minus
 */

/**
 * Every text of a story is plain text, shown as it is written: markup in it (an HTML tag or
 * comment, an entity, a Markdown link or image, a javascript: address) would be shown to readers
 * as it is, so the build refuses it. The markup found, or null.
 * @param {unknown} text
 */
export function markupIn(text) {
	if (typeof text !== 'string') return null;
	const found =
		/<\/?[a-z!][^<>]*>|&(?:[a-z]+|#\d+|#x[\da-f]+);|!?\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)|javascript:/i.exec(
			text
		);
	return found ? found[0] : null;
}

/**
 * What an editor is told of markup in a text: "<what> has markup, …", or null when it is plain.
 * @param {string} what  the field, e.g. `properties.name` ('': none)
 * @param {unknown} text
 */
export function markupProblem(what, text) {
	const markup = markupIn(text);
	return markup
		? `${what ? `${what} ` : ''}has markup, ${JSON.stringify(markup)}, which readers would see as it is: the text is plain, so write it out without (emphasis in words, a link as a citation)`
		: null;
}
