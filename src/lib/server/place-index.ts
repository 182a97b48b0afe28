// Which passages of the reports mention each feature on the map: built at build time from the
// corpus and mentions.yaml, so that a reader can activate a place and read what the reports say.
import type { PlaceIndex } from '$lib/content/types';
import type { SourceDoc } from './corpus.ts';
import { optional, stringList, textList, YamlFile } from './yaml-reader.ts';

export interface Mentions {
	names: string[];
	except?: string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as a whole word or words, case-blind. */
const wordPattern = (phrase: string, flags = 'giu') =>
	new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, flags);

/** Words so common that, as a place's name, they would name it everywhere. */
const STOP_WORDS = new Set(
	(
		'a about after all also an and any are as at be been before but by can could did do for from ' +
		'had has have he her here him his how i if in into is it its me more most my new no not now of ' +
		'on one or our out over said says she so some than that the their them then there these they ' +
		'this those to two up was we were what when where which who will with would you'
	).split(' ')
);

/** Reads mentions.yaml; throws every malformed entry and unknown feature as `file:line: reason`,
 *  and every name that would mention its place everywhere: a common word (`the`), or one found in
 *  more than half the paragraphs of a report of four or more. */
export function parseMentions(
	text: string,
	file: string,
	featureIds: string[],
	sources: (SourceDoc & { label?: string })[] = []
): Record<string, Mentions> {
	const yaml = new YamlFile(text, file);
	yaml.throwProblems();
	const mentions: Record<string, Mentions> = {};
	for (const id of yaml.keys([])) {
		if (!featureIds.includes(id))
			yaml.reportAtKey([id], `"${id}" is not a feature of any map layer`);
		const entry = yaml.fields([id], { names: textList, except: optional(stringList, []) }) as
			Mentions | undefined;
		if (entry) mentions[id] = entry;
		entry?.names.forEach((name, i) => {
			const say = (why: string) =>
				yaml.reportAt([id, 'names', i], `${id}: the name "${name}" ${why}`);
			if (STOP_WORDS.has(name.trim().toLowerCase()))
				return say(
					'is a common word, and would find this place in every paragraph: give a name the reports use for it alone'
				);
			// Found in most paragraphs of a report (of four or more), it would mark the place all
			// over that report: a word, not a name. Its `except` phrases do not count.
			const re = wordPattern(name, 'iu');
			const unless = (entry.except ?? []).map((e) => wordPattern(e));
			const outside = (p: string) => unless.reduce((t, e) => t.replace(e, ''), p);
			for (const s of sources.filter((s) => s.paragraphs.length >= 4)) {
				const found = s.paragraphs.filter((p) => re.test(outside(p))).length;
				if (found > s.paragraphs.length / 2)
					return say(
						`is in ${found} of the ${s.paragraphs.length} paragraphs of ${s.label ?? s.id}: too common to mean this place; give a longer name, or list the phrases it must not match under "except"`
					);
			}
		});
	}
	yaml.throwProblems();
	return mentions;
}

/** Abbreviations after which the sentence segmenter wrongly ends a sentence ("U.S. President"). */
const ABBREVIATION = /(?:^|\s)(?:U\.S|Mr|Mrs|Ms|Dr|St)\.$/;

/** The sentences of a paragraph, each a verbatim substring of it. */
export function sentences(paragraph: string): string[] {
	const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
	const out: string[] = [];
	let carry = '';
	for (const { segment } of segmenter.segment(paragraph)) {
		carry += segment;
		if (!ABBREVIATION.test(carry.trimEnd())) {
			out.push(carry.trim());
			carry = '';
		}
	}
	if (carry.trim()) out.push(carry.trim());
	return out.filter(Boolean);
}

/** Where one feature's name (or exception) occurs in a sentence: [start, end). */
interface Match {
	id: string;
	start: number;
	end: number;
}

/** A whole-word, case-blind pattern per phrase, with the feature it belongs to. One pattern per
 *  phrase, not an alternation, so that every name's own span is found even where names overlap. */
const patterns = (
	mentions: Record<string, Mentions>,
	pick: (m: Mentions) => string[] = (m) => m.names
) =>
	Object.entries(mentions).flatMap(([id, m]) =>
		pick(m).map((phrase) => ({
			id,
			re: wordPattern(phrase)
		}))
	);

const find = (list: { id: string; re: RegExp }[], text: string): Match[] =>
	list.flatMap(({ id, re }) =>
		[...text.matchAll(re)].map((m) => ({ id, start: m.index, end: m.index + m[0].length }))
	);

const inside = (a: Match, b: Match) => b.start <= a.start && a.end <= b.end;

/**
 * Feature id → the sentences that mention it. A sentence mentions a feature where one of its names
 * occurs as a whole word, except where that occurrence lies inside a longer occurrence of any
 * name in mentions.yaml (so "Elmendorf" in "Joint Base Elmendorf–Richardson" is the base, not
 * the airfield, and "Diomede" in "Little Diomede" the island, not the village), or inside one of
 * the feature's own `except` phrases ("Washington Examiner").
 */
export function buildPlaceIndex(
	sources: SourceDoc[],
	mentions: Record<string, Mentions>
): PlaceIndex {
	const names = patterns(mentions);
	const excepts = patterns(mentions, (m) => m.except ?? []);
	const index: PlaceIndex = Object.fromEntries(Object.keys(mentions).map((id) => [id, []]));
	for (const source of sources) {
		source.paragraphs.forEach((paragraph, i) => {
			for (const quote of sentences(paragraph)) {
				const found = find(names, quote);
				const unless = find(excepts, quote);
				const partOfLonger = (m: Match) =>
					found.some((o) => o.end - o.start > m.end - m.start && inside(m, o));
				const excepted = (m: Match) => unless.some((e) => e.id === m.id && inside(m, e));
				const ids = new Set(found.filter((m) => !partOfLonger(m) && !excepted(m)).map((m) => m.id));
				for (const id of ids) index[id].push({ source: source.id, paragraph: i + 1, quote });
			}
		});
	}
	return index;
}
