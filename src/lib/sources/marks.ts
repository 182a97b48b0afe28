// Splitting a paragraph around the passages the story quotes from it, so that the source page can
// wrap each in <mark> while rendering everything as plain text (never as HTML).

/** A run of a paragraph's text, marked when the story quotes it. */
export interface Span {
	text: string;
	marked: boolean;
}

/** Splits `paragraph` into runs, marking every quote in it (each a verbatim substring). Quotes
 *  that overlap or touch are merged into one mark; a quote not found is ignored (the build's
 *  story check already refuses a quote that is not in its paragraph). */
export function markSpans(paragraph: string, quotes: string[]): Span[] {
	const ranges = quotes
		.map((quote) => ({ start: quote ? paragraph.indexOf(quote) : -1, length: quote.length }))
		.filter((r) => r.start >= 0)
		.map((r) => [r.start, r.start + r.length] as const)
		.sort((a, b) => a[0] - b[0]);
	const merged: [number, number][] = [];
	for (const [start, end] of ranges) {
		const last = merged.at(-1);
		if (last && start <= last[1]) last[1] = Math.max(last[1], end);
		else merged.push([start, end]);
	}
	const spans: Span[] = [];
	let at = 0;
	for (const [start, end] of merged) {
		if (start > at) spans.push({ text: paragraph.slice(at, start), marked: false });
		spans.push({ text: paragraph.slice(start, end), marked: true });
		at = end;
	}
	if (at < paragraph.length) spans.push({ text: paragraph.slice(at), marked: false });
	return spans;
}
