// What each report said where the story cites it. A citation in the story's own words,
// `{cite:000#p1}`, names a paragraph by its number; a paragraph added to or removed from a report
// would silently re-point it. So every cited paragraph is pinned, in content/pins.json, by a hash
// of its text (and its first words, for a person reading the file): the build fails, naming each
// citation, when the paragraph it names is no longer the one pinned. `npm run pin` refreshes the
// file, on purpose, once the citations have been checked.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readSources } from './corpus.ts';
import { sourceOf } from './placeholders.ts';
import { readText } from './read-text.ts';
import { ContentError } from './yaml-reader.ts';
import { STORY_ROOT, storyPaths } from './story-paths.js';

/** A cited paragraph as it was when pinned. */
export interface Pin {
	/** The first 12 hex digits of the SHA-256 of its text (runs of space made one). */
	hash: string;
	/** Its first words. */
	opens: string;
}

/** `<report id>#p<n>` → its pin. */
export type Pins = Map<string, Pin>;

/** Every `{cite:<report>#p<n>}` in a story file, as written. */
const CITES = /\{cite:\s*([\w-]+)#p(\d+)\s*\}/g;

export const pinKey = (source: string, paragraph: number) => `${source}#p${paragraph}`;

export function pinOf(paragraph: string): Pin {
	const hash = createHash('sha256').update(paragraph).digest('hex').slice(0, 12);
	const words = paragraph.split(' ');
	return { hash, opens: words.slice(0, 8).join(' ') + (words.length > 8 ? ' …' : '') };
}

/** The pins of the story in `root` (none when it has no pins file). */
export function readPins(root = STORY_ROOT): Pins {
	const file = storyPaths(root).pins;
	if (!existsSync(file)) return new Map();
	const broken = (message: string) =>
		new ContentError([
			{ file, line: 1, message: `${message}: run \`npm run pin\` to write it again` }
		]);
	let pins: unknown;
	try {
		pins = JSON.parse(readFileSync(file, 'utf8'));
	} catch (e) {
		throw broken(`not JSON (${(e as Error).message})`);
	}
	const valid = (p: unknown) =>
		!!p && typeof (p as Pin).hash === 'string' && typeof (p as Pin).opens === 'string';
	if (!pins || typeof pins !== 'object' || !Object.values(pins).every(valid))
		throw broken('not a file of pins ({ "<report>#p<n>": { "hash": …, "opens": … } })');
	return new Map(Object.entries(pins as Record<string, Pin>));
}

/** Pins every paragraph the story in `root` cites, as the reports say it now, and writes the
 *  pins file (citations of unknown reports or paragraphs are left to the build to report). */
export function writePins(root = STORY_ROOT): { file: string; count: number } {
	const paths = storyPaths(root);
	const sources = readSources(paths.sources);
	const pins: Record<string, Pin> = {};
	for (const [, name, n] of readText(paths.story).matchAll(CITES)) {
		const source = sourceOf(name, sources);
		const paragraph = source?.paragraphs[Number(n) - 1];
		if (source && paragraph) pins[pinKey(source.id, Number(n))] = pinOf(paragraph);
	}
	const sorted = Object.fromEntries(Object.entries(pins).sort(([a], [b]) => a.localeCompare(b)));
	writeFileSync(paths.pins, `${JSON.stringify(sorted, null, '\t')}\n`);
	return { file: paths.pins, count: Object.keys(sorted).length };
}
