// How a label's text is broken into lines and how large its box is, as MapLibre lays it out
// (max width in ems, greedy wrap, line height 1.2 ems, letter spacing in ems), given a way to
// measure a line: fontkit at build time (the stills), a canvas in the browser (the live map).
// Both measure the same font file, so both agree on which labels fit where.

export interface TextOptions {
	/** In CSS px. */
	size: number;
	/** Extra space between letters, in ems. */
	letterSpacing?: number;
	/** Wrap at this width, in ems (MapLibre's text-max-width). */
	maxWidth?: number;
}

/** The width of one line of text in px, with its letter spacing. */
export type LineWidth = (line: string, options: TextOptions) => number;

export const LINE_HEIGHT = 1.2;

/** Greedy word wrap at `maxWidth` ems. */
export function wrapText(text: string, options: TextOptions, width: LineWidth): string[] {
	if (!options.maxWidth) return [text];
	const limit = options.maxWidth * options.size;
	const lines: string[] = [];
	for (const word of text.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && width(`${last} ${word}`, options) <= limit)
			lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

/** The size of a label's text box in px. */
export function textSize(
	text: string,
	options: TextOptions,
	width: LineWidth
): { width: number; height: number } {
	const lines = wrapText(text, options, width);
	return {
		width: Math.max(...lines.map((l) => width(l, options))),
		height: lines.length * LINE_HEIGHT * options.size
	};
}
