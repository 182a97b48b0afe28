// Parses and checks the story file. Every problem names the file, the line and the reason, so an
// editor can fix the YAML without reading this code. All problems are collected, not just the first.
import { ID_PATTERN } from '../data-contract.js';
import type {
	Area,
	Camera,
	Disagreement,
	Distance,
	Ending,
	LayerInfo,
	MapView,
	Paragraph,
	Passage,
	Section,
	Story
} from '$lib/content/types';
import { questionStepId } from '../content/types.ts';
import { findParagraph, normaliseSpace, type Source } from './corpus.ts';
import { misquoteMessage } from './misquote.ts';
import { readPlaceholders } from './placeholders.ts';
import type { Pins } from './pins.ts';
import { isDate } from '../content/dates.ts';
import { languages, messagesFile, readMessages } from '../i18n/read-messages.js';
import { translator } from '../i18n/translate.js';
import {
	bool,
	ContentError,
	list,
	lngLat,
	map,
	optional,
	range,
	str,
	stringList,
	YamlFile,
	type Path
} from './yaml-reader.ts';

/** Everything a story is checked against: the source reports (which text can cite as
 *  `{cite:<report>#p<n>}`), the data layers that exist and the distances computed from the
 *  geodata (`{distance:<id>}`). */
export interface StoryContext {
	sources: Source[];
	/** What each cited paragraph said when it was cited (pins.ts); not checked when absent. */
	pins?: Pins;
	layers: LayerInfo[];
	distances: Distance[];
	areas: Area[];
}

const NO_WORDS = {};
/** The fewest words a quoted passage may have. */
const MIN_QUOTE_WORDS = 4;
/** The story's language when it does not name one. */
const ENGLISH = 'en';

/** A language tag as BCP 47 writes it (en, de, pt-BR), or null. */
function languageTag(text: string): string | null {
	try {
		const [tag] = Intl.getCanonicalLocales(text);
		return tag === text ? tag : null;
	} catch {
		return null;
	}
}
const NO_ENDING = {};
/** Paragraphs separated by a blank line, each with its runs of space made one. */
const paragraphs = (text: string) =>
	text
		.split(/\n\s*\n/)
		.map(normaliseSpace)
		.filter(Boolean);
/** Story fields shown as plain text (titles, alt text), where a citation cannot be a link. */
const PLAIN = false;
const CITED = true;

export function checkStory(text: string, file: string, context: StoryContext): Story {
	const reader = new YamlFile(text, file);
	reader.throwProblems();
	const report = (line: number, message: string) => reader.report(line, message);
	const lineOf = (path: Path) => reader.lineOf(path);
	const story = reader.fields([], {
		title: str,
		dek: str,
		language: optional(str, ENGLISH),
		measureFrom: optional(str, ''),
		sourceWords: optional(map, NO_WORDS),
		views: map,
		sections: list,
		disagreements: optional(list, []),
		ending: optional(map, NO_ENDING),
		byline: optional(str, ''),
		publisher: optional(str, ''),
		updates: optional(list, [])
	}) as
		| {
				title: string;
				dek: string;
				byline: string;
				publisher: string;
				updates: unknown[];
				language: string;
				measureFrom: string;
				sourceWords: object;
				views: Record<string, unknown>;
				sections: unknown[];
				disagreements: unknown[];
				ending: object;
		  }
		| undefined;
	if (!story) throw new ContentError(reader.problems);
	const language = languageTag(story.language);
	if (!language)
		report(
			lineOf(['language']),
			`language "${story.language}" is not a language tag: write it as en, de or pt-BR (the interface has ${languages().join(', ')})`
		);
	// The interface's words: a language without a messages file is the story file's mistake; a
	// messages file with problems is its own.
	const read = readMessages(language ?? ENGLISH);
	if (language && !messagesFile(language))
		report(lineOf(['language']), `language "${language}": ${read.problems[0].message}`);
	else reader.problems.push(...read.problems);
	const i18n = translator(language ?? ENGLISH, read.messages ?? {});
	if (!read.messages) throw new ContentError(reader.problems);
	const sourceWords = (
		story.sourceWords === NO_WORDS
			? { one: i18n.t('words.one'), many: i18n.t('words.many'), all: i18n.t('words.all') }
			: reader.fields(['sourceWords'], { one: str, many: str, all: str })
	) as Story['sourceWords'] | undefined;

	const sources = new Map(context.sources.map((s) => [s.id, s]));
	const layers = new Map(context.layers.map((l) => [l.id, l]));
	const distances = new Map(context.distances.map((d) => [d.id, d]));
	const areas = new Map(context.areas.map((a) => [a.id, a]));
	/** The text at `path`, its placeholders filled in: one paragraph, or several split at blank lines. */
	const words = (path: Path, text: string, cites: boolean): Paragraph =>
		readPlaceholders(
			normaliseSpace(text),
			{ distances, areas, sources: context.sources, pins: context.pins, i18n },
			cites,
			(message, at) => report(reader.lineOfText(path, at), `${reader.describe(path)}: ${message}`)
		);
	const plain = (path: Path, text: string) => (words(path, text, PLAIN) as string[]).join('');
	const prose = (path: Path, text: string) => paragraphs(text).map((p) => words(path, p, CITED));

	const views: Record<string, MapView> = {};
	for (const id of Object.keys(story.views)) {
		const path = ['views', id];
		const say = (at: Path, message: string) =>
			report(lineOf(at), `${reader.describe(path)}: ${message}`);
		if (!ID_PATTERN.test(id))
			say(path, `view id "${id}" must be lower-case words joined by hyphens`);
		const v = reader.fields(path, {
			center: lngLat,
			zoom: range(-2, 22),
			bearing: optional(range(-360, 360), 0),
			pitch: optional(range(0, 85), 0),
			layers: stringList,
			highlight: optional(stringList, []),
			subject: optional(stringList, []),
			padding: optional(range(0, 200), 24)
		}) as
			| (Camera & { layers: string[]; highlight: string[]; subject: string[]; padding: number })
			| undefined;
		if (!v) continue;
		v.layers.forEach((layer, i) => {
			if (!layers.has(layer))
				say(
					[...path, 'layers', i],
					`unknown layer "${layer}" (known: ${[...layers.keys()].join(', ')})`
				);
		});
		const shown = (feature: string) =>
			v.layers.some((layer) => layers.get(layer)?.features.some((f) => f.id === feature));
		v.highlight.forEach((feature, i) => {
			if (!shown(feature))
				say(
					[...path, 'highlight', i],
					`highlighted feature "${feature}" is not in any of this view's layers`
				);
		});
		v.subject.forEach((feature, i) => {
			if (!shown(feature))
				say(
					[...path, 'subject', i],
					`subject "${feature}" is not a feature of any of this view's layers`
				);
		});
		const { center, zoom, bearing, pitch } = v;
		views[id] = {
			id,
			camera: { center, zoom, bearing, pitch },
			layers: v.layers,
			highlight: v.highlight,
			subject: v.subject,
			padding: v.padding
		};
	}

	/** Checks the list of passages at `path`: each must be verbatim in the report it names. */
	const readPassages = (path: Path, items: unknown[]): Passage[] =>
		items.flatMap((_, j) => {
			const ppath = [...path, j];
			const p = reader.fields(ppath, {
				source: str,
				quote: str,
				paragraph: optional(range(1, 10_000), 0)
			}) as { source: string; quote: string; paragraph: number } | undefined;
			if (!p) return [];
			const source = sources.get(p.source);
			const where = reader.describe(ppath);
			if (!source) {
				report(
					lineOf([...ppath, 'source']),
					`${where}: unknown source "${p.source}" (known: ${[...sources.keys()].join(', ')})`
				);
				return [];
			}
			const words = normaliseSpace(p.quote).split(' ').length;
			if (words < MIN_QUOTE_WORDS) {
				report(
					lineOf([...ppath, 'quote']),
					`${where}: a quote of ${words} word${words === 1 ? '' : 's'} ("${normaliseSpace(p.quote)}") says too little on its own: quote at least ${MIN_QUOTE_WORDS} words`
				);
				return [];
			}
			const paragraph = findParagraph(source, p.quote);
			if (!paragraph) {
				report(
					lineOf([...ppath, 'quote']),
					`${where}: ${misquoteMessage(p.quote, source, context.sources)}`
				);
				return [];
			}
			if (p.paragraph && p.paragraph !== paragraph) {
				report(
					lineOf([...ppath, 'paragraph']),
					`${where}: quote is in paragraph ${paragraph} of ${p.source}, not ${p.paragraph}`
				);
				return [];
			}
			return [{ source: p.source, paragraph, quote: normaliseSpace(p.quote) }];
		});

	const disagreements: Record<string, Disagreement> = {};
	story.disagreements.forEach((_, i) => {
		const path = ['disagreements', i];
		const d = reader.fields(path, {
			id: str,
			question: str,
			note: optional(str, ''),
			positions: list,
			view: optional(str, ''),
			mapDescription: optional(str, '')
		}) as
			| {
					id: string;
					question: string;
					note: string;
					positions: unknown[];
					view: string;
					mapDescription: string;
			  }
			| undefined;
		if (!d) return;
		if (!ID_PATTERN.test(d.id))
			report(
				lineOf([...path, 'id']),
				`disagreement id "${d.id}" must be lower-case words joined by hyphens`
			);
		if (disagreements[d.id])
			report(lineOf([...path, 'id']), `disagreement id "${d.id}" is used twice`);
		const positions = d.positions.flatMap((_, j) => {
			const ppath = [...path, 'positions', j];
			const p = reader.fields(ppath, { claim: str, passages: list }) as
				{ claim: string; passages: unknown[] } | undefined;
			return p
				? [
						{
							claim: plain([...ppath, 'claim'], p.claim),
							passages: readPassages([...ppath, 'passages'], p.passages)
						}
					]
				: [];
		});
		if (positions.length < 2)
			report(lineOf([...path, 'positions']), `disagreement "${d.id}" needs at least two positions`);
		const note = d.note ? words([...path, 'note'], d.note, CITED) : [];
		if (d.view && !(d.view in story.views))
			report(
				lineOf([...path, 'view']),
				`disagreement "${d.id}": unknown view "${d.view}" (known: ${Object.keys(story.views).join(', ')})`
			);
		if (d.view && !d.mapDescription)
			report(
				lineOf([...path, 'view']),
				`disagreement "${d.id}" has a view but no mapDescription: describe its map in words for readers who cannot see it`
			);
		if (d.mapDescription && !d.view)
			report(
				lineOf([...path, 'mapDescription']),
				`disagreement "${d.id}" has a mapDescription but no view: give the view it describes, or remove it`
			);
		disagreements[d.id] = {
			id: d.id,
			question: plain([...path, 'question'], d.question),
			note,
			positions,
			...(d.view && {
				view: d.view,
				mapDescription: plain([...path, 'mapDescription'], d.mapDescription)
			})
		};
	});

	const sections: Section[] = [];
	const seen = new Set<string>();
	/** The section each disagreement is shown in: one at most (its element id is the page's). */
	const shownIn = new Map<string, string>();
	story.sections.forEach((_, i) => {
		const path = ['sections', i];
		const say = (at: Path, message: string) =>
			report(lineOf(at), `${reader.describe(path)}: ${message}`);
		const s = reader.fields(path, {
			id: str,
			title: str,
			view: str,
			mapDescription: str,
			text: str,
			passages: optional(list, []),
			disagreements: optional(stringList, [])
		}) as
			| {
					id: string;
					title: string;
					view: string;
					mapDescription: string;
					text: string;
					passages: unknown[];
					disagreements: string[];
			  }
			| undefined;
		if (!s) return;
		if (!ID_PATTERN.test(s.id))
			say([...path, 'id'], `section id "${s.id}" must be lower-case words joined by hyphens`);
		if (seen.has(s.id)) say([...path, 'id'], `section id "${s.id}" is used twice`);
		const clash = Object.keys(disagreements).find((id) => questionStepId({ id }) === s.id);
		if (clash)
			say([...path, 'id'], `section id "${s.id}" is the page's id of disagreement "${clash}"`);
		seen.add(s.id);
		if (!(s.view in story.views))
			say(
				[...path, 'view'],
				`unknown view "${s.view}" (known: ${Object.keys(story.views).join(', ')})`
			);
		const passages = readPassages([...path, 'passages'], s.passages);
		const differ = s.disagreements.flatMap((id, j) => {
			if (shownIn.has(id)) {
				say(
					[...path, 'disagreements', j],
					`disagreement "${id}" is already shown in section "${shownIn.get(id)}": show each once`
				);
				return [];
			}
			shownIn.set(id, s.id);
			if (disagreements[id]) return [disagreements[id]];
			say(
				[...path, 'disagreements', j],
				`unknown disagreement "${id}" (known: ${Object.keys(disagreements).join(', ')})`
			);
			return [];
		});
		const body = prose([...path, 'text'], s.text);
		const mapDescription = plain([...path, 'mapDescription'], s.mapDescription);
		if (!s.passages.length && !s.disagreements.length)
			say(path, `quotes nothing: give it passages or disagreements`);
		sections.push({
			id: s.id,
			title: plain([...path, 'title'], s.title),
			view: s.view,
			mapDescription,
			body,
			passages,
			disagreements: differ,
			updates: []
		});
	});

	const measured = context.layers
		.flatMap((l) => l.features)
		.find((f) => f.id === story.measureFrom);
	if (story.measureFrom && !measured?.point)
		report(
			lineOf(['measureFrom']),
			`measureFrom "${story.measureFrom}" must be the id of a point on the map`
		);

	const ending =
		story.ending === NO_ENDING
			? undefined
			: (reader.fields(['ending'], { title: str, published: str, method: str, credits: str }) as
					Record<keyof Ending, string> | undefined);
	if (ending && !isDate(ending.published))
		report(
			lineOf(['ending', 'published']),
			`published must be a real date, YYYY-MM-DD (found "${ending.published}")`
		);

	// Each update goes to the section it touches, in date order.
	story.updates.forEach((_, i) => {
		const path = ['updates', i];
		const u = reader.fields(path, {
			date: str,
			section: str,
			text: str,
			correction: optional(bool, false)
		}) as { date: string; section: string; text: string; correction: boolean } | undefined;
		if (!u) return;
		const say = (at: string, message: string) =>
			report(lineOf([...path, at]), `update ${i + 1}: ${message}`);
		const section = sections.find((s) => s.id === u.section);
		if (!isDate(u.date)) say('date', `date must be a real date, YYYY-MM-DD (found "${u.date}")`);
		else if (ending && isDate(ending.published) && u.date < ending.published)
			say('date', `${u.date} is before the story was published (${ending.published})`);
		if (!section)
			say(
				'section',
				`no section "${u.section}" (sections: ${sections.map((s) => s.id).join(', ')})`
			);
		else
			section.updates.push({
				date: u.date,
				text: plain([...path, 'text'], u.text),
				correction: u.correction
			});
	});
	for (const s of sections) s.updates.sort((a, b) => a.date.localeCompare(b.date));

	const title = plain(['title'], story.title);
	const dek = words(['dek'], story.dek, CITED);
	const end = ending && {
		title: plain(['ending', 'title'], ending.title),
		published: ending.published,
		method: prose(['ending', 'method'], ending.method),
		credits: plain(['ending', 'credits'], ending.credits)
	};

	reader.throwProblems();
	return {
		title,
		dek,
		language: i18n.language,
		...(story.byline ? { byline: plain(['byline'], story.byline) } : {}),
		...(story.publisher ? { publisher: plain(['publisher'], story.publisher) } : {}),
		measureFrom: story.measureFrom || undefined,
		sourceWords: sourceWords!,
		sections,
		views,
		...(end ? { ending: end } : {})
	};
}
