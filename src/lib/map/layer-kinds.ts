// How each kind of layer is drawn, declared once: its marks (fills, lines, dots, names), each with
// a colour token, width, dash, opacity, halo, label size, offset and placement. The live map's
// style (style.ts), the stills (src/lib/server/stills/draw-still.ts) and the key (Legend.svelte,
// through `swatch`) are all made from this table, so a kind missing here is a compile error and a
// change here shows everywhere (tests/unit/layer-kinds.test.ts holds the three to the same values).
import type { FeatureInfo, LayerKind } from '$lib/content/types';
import type { Token } from '$lib/theme/tokens';
import type { TextOptions } from './label-text';

/** A value that differs for a highlighted feature (one the section's text is about). */
export type Lit<T> = T | { base: T; lit: T };

/** Values that change with a feature property, e.g. a boundary's `lineKind`. */
export interface Variants<T> {
	by: string;
	cases: Record<string, Partial<T>>;
}

export interface FillMark {
	mark: 'fill';
	colour: Token;
	opacity: Lit<number>;
}

export interface LineMark {
	mark: 'line';
	colour: Token;
	/** In px. */
	width: Lit<number>;
	/** Dash and gap, in line widths (as MapLibre's line-dasharray). */
	dash?: number[];
	roundCaps?: boolean;
	variants?: Variants<{ colour: Token; dash: number[] }>;
}

export interface DotMark {
	mark: 'dot';
	colour: Lit<Token>;
	/** In px, inside the outline. */
	radius: Lit<number>;
	outline: Token;
	outlineWidth: number;
}

export interface TextMark {
	mark: 'text';
	/** beside: next to a point, on whichever side fits (right, left, below, above); centre: on a
	 *  point, or the middle of a shape; along: along a line, every `spacing` px; line-middle: once,
	 *  at the middle of a line. */
	placement: 'beside' | 'centre' | 'along' | 'line-middle';
	/** Which property is shown: the short `label` falls back to the `name`. */
	text: 'name' | 'label';
	colour: Lit<Token>;
	/** In px. */
	size: number;
	halo: Token;
	haloWidth: number;
	/** From the point or the line, in ems. */
	offset?: number;
	spacing?: number;
	letterSpacing?: number;
	/** Wrap at this width, in ems. */
	maxWidth?: number;
	upperCase?: boolean;
	/** Shown from this zoom on. */
	minzoom?: number;
	/** Which names win a collision: the lower first (in the stills; in the live map, the layer
	 *  order follows it). */
	priority: Lit<number>;
	variants?: Variants<{ colour: Token; size: number; letterSpacing: number; upperCase: boolean }>;
	/** Features whose property `by` has one of `values` get no name (e.g. the date line). */
	unnamed?: { by: string; values: string[] };
}

export type Mark = FillMark | LineMark | DotMark | TextMark;

export interface KindDrawing {
	marks: Mark[];
	/** Features with a `minzoom` property appear from that zoom on. */
	fromMinzoom?: boolean;
	/** The names of features with a lower `rank` property win collisions. */
	ranked?: boolean;
	/** From this zoom, names keep clear of its shapes' outlines as of lines (label-anchors.ts):
	 *  shapes solid and, by then, wide enough that a name across one is unreadable (a runway). */
	keepClearFrom?: number;
	/** Drawn over the map as SVG (route-overlay.ts), not by MapLibre, whose globe cannot draw a
	 *  line past 85° of latitude. */
	overlay?: boolean;
}

/** How strongly held ground is shaded, under the front line. */
export const HELD_OPACITY = 0.13;

/** An area: a faint fill, and an outline that is dashed when the area is approximate. */
const area = (dash?: number[]): KindDrawing => ({
	marks: [
		{ mark: 'fill', colour: 'claimedRegion', opacity: { base: 0.08, lit: 0.16 } },
		{ mark: 'line', colour: 'claimedRegion', width: { base: 1.2, lit: 2 }, dash }
	]
});

export const LAYER_DRAWINGS: Record<LayerKind, KindDrawing> = {
	points: {
		fromMinzoom: true,
		marks: [
			{
				mark: 'dot',
				colour: { base: 'mapInk', lit: 'highlight' },
				radius: { base: 3.5, lit: 6 },
				outline: 'labelHalo',
				outlineWidth: 1.5
			},
			{
				mark: 'text',
				placement: 'beside',
				text: 'label',
				colour: { base: 'mapInk', lit: 'highlight' },
				size: 13,
				offset: 0.7,
				maxWidth: 9,
				halo: 'labelHalo',
				haloWidth: 1.5,
				priority: { base: 1, lit: 0 }
			}
		]
	},
	area: area(),
	'approximate-area': area([2, 2]),
	boundary: {
		marks: [
			{
				mark: 'line',
				colour: 'boundary',
				width: { base: 1.5, lit: 2.5 },
				dash: [5, 2],
				variants: { by: 'lineKind', cases: { 'date-line': { colour: 'dateLine', dash: [1, 2] } } }
			},
			// Named once (its short label); a date line runs where no boundary is and needs none.
			{
				mark: 'text',
				placement: 'along',
				text: 'label',
				colour: 'boundary',
				size: 12,
				offset: 0.8,
				spacing: 1000,
				halo: 'labelHalo',
				haloWidth: 1.5,
				priority: 2,
				unnamed: { by: 'lineKind', values: ['date-line'] }
			}
		]
	},
	// The front line: dashed and named with its as-of date, so that nobody takes it for a border.
	'approximate-line': {
		marks: [
			{
				mark: 'line',
				colour: 'frontLine',
				width: { base: 2, lit: 3 },
				dash: [1.5, 1.5],
				roundCaps: true
			},
			{
				mark: 'text',
				placement: 'along',
				text: 'name',
				colour: 'frontLine',
				size: 11,
				offset: 0.9,
				spacing: 400,
				halo: 'labelHalo',
				haloWidth: 1.5,
				priority: 2
			}
		]
	},
	'held-area': { marks: [{ mark: 'fill', colour: 'heldGround', opacity: HELD_OPACITY }] },
	// Runways, named by their designators only where they are large enough to carry them.
	runway: {
		keepClearFrom: 11,
		marks: [
			{ mark: 'fill', colour: 'runway', opacity: 1 },
			{
				mark: 'text',
				placement: 'centre',
				text: 'label',
				colour: 'mapInk',
				size: 11,
				minzoom: 11,
				halo: 'labelHalo',
				haloWidth: 1.5,
				priority: 2
			}
		]
	},
	route: {
		overlay: true,
		marks: [
			{ mark: 'line', colour: 'route', width: 2, roundCaps: true },
			{
				mark: 'text',
				placement: 'line-middle',
				text: 'label',
				colour: 'route',
				size: 12,
				offset: 0.8,
				halo: 'labelHalo',
				haloWidth: 1.5,
				priority: 1.5
			}
		]
	},
	// Names with no mark of their own, by their labelKind.
	labels: {
		fromMinzoom: true,
		ranked: true,
		marks: [
			{
				mark: 'text',
				placement: 'centre',
				text: 'name',
				colour: 'storyCountryName',
				size: 11,
				maxWidth: 8,
				halo: 'labelHalo',
				haloWidth: 1.2,
				priority: 2,
				variants: {
					by: 'labelKind',
					cases: {
						country: { size: 12, letterSpacing: 0.15, upperCase: true },
						sea: { colour: 'seaName', size: 12, letterSpacing: 0.05 },
						note: { colour: 'mapInk' },
						accent: { colour: 'frontLine' }
					}
				}
			}
		]
	}
};

/** The basemap under the layers: the world's countries, their borders and names, and the
 *  high-detail patches drawn from zoom DETAIL_FROM on. */
export const BASEMAP = {
	borderWidth: 0.8,
	detailsFrom: 4,
	countryName: {
		colour: 'countryName',
		size: 11,
		letterSpacing: 0.12,
		maxWidth: 7,
		halo: 'land',
		haloWidth: 1,
		priority: 3
	}
} as const satisfies { countryName: Omit<TextMark, 'mark' | 'placement' | 'text'> } & Record<
	string,
	unknown
>;

const isLit = <T>(v: Lit<T>): v is { base: T; lit: T } =>
	typeof v === 'object' && v !== null && 'lit' in v;
/** A value for a feature that is, or is not, highlighted. */
export const pick = <T>(v: Lit<T>, lit = false): T => (isLit(v) ? (lit ? v.lit : v.base) : v);
/** Both values of a Lit, or null when it does not change with highlighting. */
export const litPair = <T>(v: Lit<T>): { base: T; lit: T } | null => (isLit(v) ? v : null);

/**
 * A mark as it draws one feature: its highlighted values if it is highlighted, its variant's if a
 * property selects one, and no text where the feature is unnamed.
 */
export function markFor<M extends Mark>(
	mark: M,
	properties: Record<string, unknown> | null | undefined,
	lit: boolean
): M | null {
	if (mark.mark === 'text' && mark.unnamed?.values.includes(String(properties?.[mark.unnamed.by])))
		return null;
	const variants = 'variants' in mark ? mark.variants : undefined;
	const chosen = variants ? variants.cases[String(properties?.[variants.by])] : undefined;
	const resolved = Object.fromEntries(
		Object.entries({ ...mark, ...chosen }).map(([k, v]) => [k, k === 'variants' ? v : pick(v, lit)])
	);
	return resolved as unknown as M;
}

/** The priority of a text mark's layer: its names are placed before those of layers with a
 *  higher one (style.ts orders MapLibre's layers by it; the stills place names by it). */
export const basePriority = (m: TextMark): number =>
	litPair(m.priority)?.base ?? (m.priority as number);

/** How a text mark's text is laid out (label-text.ts). */
export const textOptions = (m: TextMark): TextOptions => ({
	size: m.size as number,
	letterSpacing: m.letterSpacing,
	maxWidth: m.maxWidth
});

/** The text a text mark shows for a feature. */
export function markText(m: TextMark, f: { properties: Record<string, unknown> | null }): string {
	const raw = String((m.text === 'label' && f.properties?.label) || f.properties?.name || '');
	return m.upperCase ? raw.toUpperCase() : raw;
}

/** What a key shows for a kind: a dot, a box, or one line per kind of line its features have. */
export interface Swatch {
	dot?: { colour: string; radius: number; outline: string; outlineWidth: number };
	box?: { fill: string; opacity: number; stroke?: string; width?: number; dash?: number[] };
	lines?: { colour: string; width: number; dash?: number[] }[];
}

/**
 * The key's swatch for a kind, in `colours` (a theme's palette), from the same marks as the map:
 * none for a kind that only names things.
 */
export function swatch(
	kind: LayerKind,
	colours: Record<Token, string>,
	features: Pick<FeatureInfo, 'lineKind'>[] = []
): Swatch | null {
	const { marks } = LAYER_DRAWINGS[kind];
	const find = <K extends Mark['mark']>(k: K) =>
		marks.find((m): m is Extract<Mark, { mark: K }> => m.mark === k);
	const [dot, fill, line] = [find('dot'), find('fill'), find('line')];
	if (dot)
		return {
			dot: {
				colour: colours[pick(dot.colour)],
				radius: pick(dot.radius),
				outline: colours[dot.outline],
				outlineWidth: dot.outlineWidth
			}
		};
	if (fill)
		return {
			box: {
				fill: colours[fill.colour],
				opacity: pick(fill.opacity),
				...(line ? { stroke: colours[line.colour], width: pick(line.width), dash: line.dash } : {})
			}
		};
	if (!line) return null;
	// The line itself, then one per variant its features have (a boundary's date line).
	const kinds = [undefined, ...Object.keys(line.variants?.cases ?? {})].filter(
		(k) => k === undefined || features.some((f) => f[line.variants!.by as 'lineKind'] === k)
	);
	return {
		lines: kinds.map((k) => {
			const m = markFor(line, k && line.variants ? { [line.variants.by]: k } : {}, false)!;
			return { colour: colours[m.colour], width: pick(m.width), dash: m.dash };
		})
	};
}

/** SVG's stroke-dasharray for a dash in line widths. */
export const svgDash = (dash: number[] | undefined, width: number) =>
	dash ? dash.map((n) => Math.round(n * width * 10) / 10).join(' ') : undefined;
