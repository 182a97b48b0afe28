// Map labels for the stills, shaped with the same font the live map uses (Noto Sans, read with
// fontkit) and written as SVG paths: the still needs no font at render time, and its labels have
// the widths the collision boxes assume. Lines wrap and space like MapLibre's (label-text.ts).
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { LINE_HEIGHT, wrapText, type LineWidth, type TextOptions } from '$lib/map/label-text';

const require = createRequire(import.meta.url);

/** The live map's label font (its style's font-faces points at the same file). */
const FONT_FILE = require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2');

let font: fontkit.Font | null = null;
const loadFont = () => (font ??= fontkit.openSync(FONT_FILE) as fontkit.Font);

export type { TextOptions };

/** A label laid out at the origin: its lines' outlines, and its size in px. */
export interface ShapedText {
	/** SVG path data of every glyph, the text's box starting at (0, 0). */
	d: string;
	width: number;
	height: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export const lineWidth: LineWidth = (text, { size, letterSpacing = 0 }) => {
	const f = loadFont();
	const run = f.layout(text);
	return (
		(run.advanceWidth / f.unitsPerEm) * size +
		Math.max(0, run.glyphs.length - 1) * letterSpacing * size
	);
};

/** Lays `text` out as outlines: each line centred on the widest, baselines 1.2 ems apart. */
export function shapeText(text: string, options: TextOptions): ShapedText {
	const f = loadFont();
	const { size, letterSpacing = 0 } = options;
	const scale = size / f.unitsPerEm;
	const lines = wrapText(text, options, lineWidth);
	const widths = lines.map((l) => lineWidth(l, options));
	const width = Math.max(...widths);
	const parts: string[] = [];
	lines.forEach((line, i) => {
		const run = f.layout(line);
		let x = (width - widths[i]) / 2;
		// Baseline: the line's box is 1.2 ems; Noto Sans's capitals sit about 0.36 em below its middle.
		const baseline = (i + 0.5) * LINE_HEIGHT * size + 0.36 * size;
		run.glyphs.forEach((glyph, g) => {
			for (const { command, args } of glyph.path.commands) {
				const points: number[] = [];
				for (let k = 0; k < args.length; k += 2)
					points.push(round(x + args[k] * scale), round(baseline - args[k + 1] * scale));
				const letter = {
					moveTo: 'M',
					lineTo: 'L',
					quadraticCurveTo: 'Q',
					bezierCurveTo: 'C',
					closePath: 'Z'
				}[command];
				parts.push(`${letter}${points.join(' ')}`);
			}
			x += run.positions[g].xAdvance * scale + letterSpacing * size;
		});
	});
	return { d: parts.join(''), width, height: lines.length * LINE_HEIGHT * size };
}
