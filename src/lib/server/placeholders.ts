// Placeholders in the story's own words. `{distance:<id>}` becomes a distance computed from the
// geodata, `{area:<id>}` an area computed from it, `{cite:<report>#p<n>}` a citation of paragraph n of a report (the report's id, or the
// number its id starts with: `{cite:004#p5}`), shown as a small link. Anything else in braces is a
// mistake the build names, so that nothing is printed literally.
import type { Area, Cite, Distance, Paragraph } from '$lib/content/types';
import type { Source } from './corpus.ts';
import { formatArea, formatDistance } from './format.ts';
import type { Translator } from '$lib/i18n/translate.js';
import { pinKey, pinOf, type Pins } from './pins.ts';

export interface PlaceholderContext {
	distances: Map<string, Distance>;
	areas: Map<string, Area>;
	sources: Source[];
	/** What each cited paragraph said when it was cited (pins.ts); not checked when absent. */
	pins?: Pins;
	/** The story's language, for the figures. */
	i18n: Translator;
}

/** Reports a mistake; `at` is the text it is about, to find its line. */
export type Fail = (message: string, at: string) => void;

const CITE = /^([\w-]+)#p(\d+)$/;

/** The report a citation names: its id, or the number its id starts with ("004"). */
export function sourceOf<S extends { id: string }>(name: string, sources: S[]): S | undefined {
	return sources.find((s) => s.id === name) ?? sources.find((s) => s.id.split('_')[0] === name);
}

/**
 * Reads one paragraph of text (whitespace already normalised). Distances are filled in;
 * citations are kept, grouped when they follow each other, where `cites` allows them, and are a
 * mistake elsewhere (titles and alt text are plain text).
 */
export function readPlaceholders(
	text: string,
	context: PlaceholderContext,
	cites: boolean,
	fail: Fail
): Paragraph {
	const out: Paragraph = [];
	const push = (part: string | Cite) => {
		const last = out.at(-1);
		if (typeof part === 'string') {
			if (typeof last === 'string') out[out.length - 1] = last + part;
			else if (part) out.push(part);
		} else {
			// Citations with nothing but a space between them form one group.
			if (typeof last === 'string' && !last.trim() && Array.isArray(out.at(-2))) out.pop();
			const group = out.at(-1);
			if (Array.isArray(group)) group.push(part);
			else out.push([part]);
		}
	};
	let rest = text;
	while (rest) {
		const open = rest.indexOf('{');
		const close = rest.indexOf('}');
		if (close !== -1 && (open === -1 || close < open)) {
			fail(
				`a "}" without its "{" in "${around(rest, close)}": placeholders are {distance:<id>}, {area:<id>} and {cite:<report>#p<n>}`,
				rest.slice(0, close + 1)
			);
			push(rest.slice(0, close + 1));
			rest = rest.slice(close + 1);
			continue;
		}
		if (open === -1) {
			push(rest);
			break;
		}
		push(rest.slice(0, open));
		const end = rest.indexOf('}', open);
		const next = rest.indexOf('{', open + 1);
		if (end === -1 || (next !== -1 && next < end)) {
			const unclosed = rest.slice(open, next === -1 ? undefined : next).split(' ')[0];
			fail(`placeholder "${unclosed}" is not closed: end it with "}", e.g. ${unclosed}}`, unclosed);
			push(unclosed);
			rest = rest.slice(open + unclosed.length);
			continue;
		}
		const placeholder = rest.slice(open, end + 1);
		rest = rest.slice(end + 1);
		const [kind, ...args] = placeholder.slice(1, -1).split(':');
		const arg = args.join(':').trim();
		if (kind === 'distance') {
			const d = context.distances.get(arg);
			if (d) push(formatDistance(d, context.i18n));
			else
				fail(
					`unknown distance "${arg}" in ${placeholder} (known: ${[...context.distances.keys()].join(', ')})`,
					placeholder
				);
		} else if (kind === 'area') {
			const a = context.areas.get(arg);
			if (a) push(formatArea(a, context.i18n));
			else
				fail(
					`unknown area "${arg}" in ${placeholder} (known: ${[...context.areas.keys()].join(', ') || 'none: geodata/areas.json names them'})`,
					placeholder
				);
		} else if (kind === 'cite') {
			const cite = readCite(arg, placeholder, context, fail);
			if (!cite) continue;
			if (cites) push(cite);
			else
				fail(
					`${placeholder}: a citation cannot be shown here (plain text); cite in the section's text instead`,
					placeholder
				);
		} else if (['distance', 'area', 'cite'].includes(kind.trim().toLowerCase())) {
			fail(
				`${placeholder}: write "${kind.trim().toLowerCase()}" in lower case, e.g. {${kind.trim().toLowerCase()}:${arg}}`,
				placeholder
			);
		} else {
			fail(
				`unknown placeholder ${placeholder}: the placeholders are {distance:<id>}, {area:<id>} and {cite:<report>#p<n>}`,
				placeholder
			);
		}
	}
	return out;
}

function readCite(
	arg: string,
	placeholder: string,
	{ sources, pins }: PlaceholderContext,
	fail: Fail
): Cite | undefined {
	const match = CITE.exec(arg);
	if (!match) {
		fail(
			`${placeholder}: write a citation as {cite:<report>#p<paragraph>}, e.g. {cite:004#p5}`,
			placeholder
		);
		return undefined;
	}
	const source = sourceOf(match[1], sources);
	const paragraph = Number(match[2]);
	if (!source) {
		fail(
			`${placeholder}: unknown report "${match[1]}" (known: ${sources.map((s) => `${s.id.split('_')[0]} = ${s.label}`).join(', ')})`,
			placeholder
		);
		return undefined;
	}
	if (paragraph < 1 || paragraph > source.paragraphs.length) {
		fail(
			`${placeholder}: ${source.label} (${source.id}) has paragraphs 1 to ${source.paragraphs.length}, not ${paragraph}`,
			placeholder
		);
		return undefined;
	}
	if (pins) checkPin(pins, source, paragraph, match[1], placeholder, fail);
	return { source: source.id, label: source.label, paragraph };
}

/** A citation names the paragraph it was pinned to: the report has not changed under it. */
function checkPin(
	pins: Pins,
	source: Source,
	paragraph: number,
	name: string,
	placeholder: string,
	fail: Fail
) {
	const pin = pins.get(pinKey(source.id, paragraph));
	const now = pinOf(source.paragraphs[paragraph - 1]);
	const refresh = 'then run `npm run pin` to pin it';
	if (!pin) {
		fail(
			`${placeholder} is not pinned yet: check that ${source.label} ¶${paragraph} (“${now.opens}”) says what the text cites it for, ${refresh}`,
			placeholder
		);
	} else if (pin.hash !== now.hash) {
		const moved = source.paragraphs.findIndex((p) => pinOf(p).hash === pin.hash) + 1;
		fail(
			`${placeholder}: ${source.label} has changed since it was cited: its ¶${paragraph} was “${pin.opens}” and is now “${now.opens}”; ` +
				(moved
					? `the paragraph cited is now ¶${moved}: write {cite:${name}#p${moved}}, ${refresh}`
					: `check what the text cites it for, ${refresh}`),
			placeholder
		);
	}
}

/** A few words either side of position `at`, for a message. */
function around(text: string, at: number): string {
	return text.slice(Math.max(0, at - 30), at + 30);
}
