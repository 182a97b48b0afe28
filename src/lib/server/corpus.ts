// The source reports as paragraphs, and finding a quoted passage in them.
// A paragraph is a line with at least one letter or digit: the reports have irregular blank
// lines and a stray "." line (004), which are not paragraphs a reader could cite.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readText } from './read-text.ts';
import { optional, str, YamlFile } from './yaml-reader.ts';

export interface SourceDoc {
	id: string;
	paragraphs: string[];
}

/** What a report says of its own origin (sources.yaml), checked against its text. */
export interface SourceMeta {
	/** How citations name the report, e.g. "Report 5". */
	label: string;
	/** The report's first paragraph, when that is a headline. */
	headline?: string;
	/** A dateline as it appears in the text. */
	dateline?: string;
	/** The outlet, only where the text itself names it. */
	outlet?: string;
}

/** A source with its paragraphs and what it says of its origin. */
export type Source = SourceDoc & SourceMeta;

/** Reads sources.yaml and checks it against the reports: one entry each, nothing the text does
 *  not say. Problems are thrown as `file:line: reason`. */
export function readSourceMeta(text: string, file: string, docs: SourceDoc[]): Source[] {
	const yaml = new YamlFile(text, file);
	yaml.throwProblems();
	const entries = new Map<string, SourceMeta>();
	for (const id of yaml.keys([])) {
		const m = yaml.fields([id], {
			label: str,
			headline: optional(str, ''),
			dateline: optional(str, ''),
			outlet: optional(str, '')
		}) as Required<SourceMeta> | undefined;
		const doc = docs.find((d) => d.id === id);
		if (!doc)
			yaml.reportAtKey(
				[id],
				`"${id}" is not a report in the sources folder (known: ${docs.map((d) => d.id).join(', ')})`
			);
		if (!m || !doc) continue;
		const text = doc.paragraphs.join('\n');
		if (m.headline && m.headline !== doc.paragraphs[0])
			yaml.reportAt([id, 'headline'], `${id}: headline is not the report's first paragraph`);
		for (const key of ['dateline', 'outlet'] as const) {
			if (m[key] && !text.includes(m[key]))
				yaml.reportAt([id, key], `${id}: ${key} "${m[key]}" does not appear in the report's text`);
		}
		entries.set(id, {
			label: m.label,
			headline: m.headline || undefined,
			dateline: m.dateline || undefined,
			outlet: m.outlet || undefined
		});
	}
	for (const doc of docs)
		if (!yaml.keys([]).includes(doc.id))
			yaml.report(1, `${doc.id}: the report needs an entry with its label`);
	yaml.throwProblems();
	return docs.map((doc) => ({ ...doc, ...entries.get(doc.id)! }));
}

/** How a citation names a report: its label, and its outlet where the text names one. */
export function citeName(source: SourceMeta): string {
	return source.outlet ? `${source.label}, ${source.outlet}` : source.label;
}

/** Collapses runs of whitespace (including no-break spaces) to one space and trims. Letters,
 *  punctuation and typographic quotes are left exactly as they are. */
export function normaliseSpace(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

export function splitParagraphs(text: string): string[] {
	return text
		.split('\n')
		.map(normaliseSpace)
		.filter((line) => /[\p{L}\p{N}]/u.test(line));
}

export function makeSource(id: string, text: string): SourceDoc {
	return { id, paragraphs: splitParagraphs(text) };
}

/** The reports in `dir`, one .txt each, by file name. */
export function readSources(dir: string): SourceDoc[] {
	return readdirSync(dir)
		.filter((name) => name.endsWith('.txt'))
		.sort()
		.map((name) => makeSource(basename(name, '.txt'), readText(join(dir, name))));
}

/** The 1-based paragraph that contains `quote` verbatim (whitespace normalised), or 0. */
export function findParagraph(source: SourceDoc, quote: string): number {
	const wanted = normaliseSpace(quote);
	if (!wanted) return 0;
	return source.paragraphs.findIndex((p) => p.includes(wanted)) + 1;
}

/** The run of words in the source that best matches a misquoted passage, to show an editor
 *  what the report does say. Every window of about the quote's length (up to two words shorter
 *  or longer), at any offset of any paragraph, is scored by the words it shares in order with the
 *  quote, less the words either side leaves unmatched. Words are compared loosely (case, straight
 *  or typographic quotes, punctuation), so a wrong apostrophe still finds the passage it spoils. */
export function closestText(source: SourceDoc, quote: string): string {
	const want = normaliseSpace(quote).split(' ').map(looseWord);
	const spans = [0, -1, 1, -2, 2].map((d) => want.length + d).filter((n) => n > 0);
	let best = { score: -Infinity, text: '' };
	for (const paragraph of source.paragraphs) {
		const words = paragraph.split(' ');
		const loose = words.map(looseWord);
		for (const span of spans) {
			for (let start = 0; start + span <= words.length; start++) {
				const score = 2 * commonWords(loose.slice(start, start + span), want) - span - want.length;
				if (score > best.score) best = { score, text: words.slice(start, start + span).join(' ') };
			}
		}
	}
	return best.text;
}

function looseWord(word: string): string {
	return word
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.replace(/[^\p{L}\p{N}']/gu, '');
}

/** Length of the longest common subsequence of two word lists. */
function commonWords(a: string[], b: string[]): number {
	let prev = new Array<number>(b.length + 1).fill(0);
	for (const word of a) {
		const row = [0];
		for (let j = 0; j < b.length; j++)
			row.push(word === b[j] ? prev[j] + 1 : Math.max(prev[j + 1], row[j]));
		prev = row;
	}
	return prev[b.length];
}
