// Map labels are read against their halo (the outline MapLibre draws around each glyph, in the
// halo's or the land's colour): every colour a label layer can take must reach 4.5:1 against it
// (WCAG 1.4.3), in the light and the dark theme.
import { describe, expect, it } from 'vitest';
import type { SymbolLayerSpecification } from 'maplibre-gl';
import { loadContent } from '$lib/server/load-content';
import { buildStyle, type MapData } from '$lib/map/style';
import { THEMES } from '$lib/theme/tokens';

const empty = { type: 'FeatureCollection' as const, features: [] };
const { manifest } = loadContent();
const data: MapData = {
	countries: empty,
	borders: empty,
	countryLabels: empty,
	details: [],
	layers: Object.fromEntries(manifest.layers.map((l) => [l.id, empty])),
	credit: ''
};
const symbols = (theme: (typeof THEMES)[number]) =>
	buildStyle(data, manifest.layers, 'font.woff2', theme).layers.filter(
		(l): l is SymbolLayerSpecification => l.type === 'symbol'
	);

/** Every #rrggbb literal in a paint value (a colour or an expression choosing among colours). */
const colours = (value: unknown): string[] =>
	typeof value === 'string'
		? /^#[0-9a-f]{6}$/i.test(value)
			? [value]
			: []
		: Array.isArray(value)
			? value.flatMap(colours)
			: [];

const luminance = (hex: string) => {
	const [r, g, b] = [1, 3, 5]
		.map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
		.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
};

describe.each(THEMES)('map labels, %s theme', (theme) => {
	it('exist to check', () => expect(symbols(theme).length).toBeGreaterThan(3));
	it.each(symbols(theme).map((l) => [l.id, l] as const))(
		'%s: 4.5:1 against its halo',
		(_, layer) => {
			const [halo] = colours(layer.paint?.['text-halo-color']);
			expect(halo, 'a halo colour').toBeDefined();
			for (const text of colours(layer.paint?.['text-color']))
				expect(contrast(text, halo), `${text} on ${halo}`).toBeGreaterThanOrEqual(4.5);
		}
	);
});
