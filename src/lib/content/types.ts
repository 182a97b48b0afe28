// The shapes of the content: what an editor writes in story.yaml, after checking, and the one
// helper that reads across them. The shapes of the generated geodata are in data-contract.js.
export type {
	Area,
	BasemapInfo,
	Distance,
	FeatureInfo,
	LayerInfo,
	LayerKind,
	Manifest
} from '$lib/data-contract.js';

/** Where the map looks: authored per view, applied by the map controller. */
export interface Camera {
	/** [longitude, latitude] in degrees. */
	center: [number, number];
	zoom: number;
	bearing: number;
	pitch: number;
}

/** A named map state that sections point at: camera, visible layers, highlighted features. */
export interface MapView {
	id: string;
	camera: Camera;
	/** Ids of data layers (geodata themes) shown in this view; all others are hidden. */
	layers: string[];
	/** Ids of features drawn highlighted. */
	highlight: string[];
	/** Ids of the features the view must show (its subject): the camera is fitted to them for
	 *  every map box (src/lib/map/framing.ts). None: the authored camera, scaled to the box. */
	subject: string[];
	/** Room around the subject, in CSS px. */
	padding: number;
}

/** A quoted passage, found verbatim in a source report. */
export interface Passage {
	/** The source id: the report's file stem. */
	source: string;
	/** 1-based paragraph of the source that contains the quote. */
	paragraph: number;
	/** The exact text, as in the source (whitespace normalised). */
	quote: string;
}

/** A citation in the story's own words: a paragraph of a report, written `{cite:004#p5}` in
 *  story.yaml and shown as a small link to `/sources/<source>#p<paragraph>`. */
export interface Cite {
	source: string;
	/** How citations name the report, e.g. "Report 5". */
	label: string;
	paragraph: number;
}

/** A paragraph of the story's own words: text, and the citations that support it, in order
 *  (citations that follow each other form one group). */
export type Paragraph = (string | Cite[])[];

/** A paragraph as plain text, without its citations (for meta tags and alt text). */
export function plainText(paragraph: Paragraph): string {
	return paragraph
		.filter((part) => typeof part === 'string')
		.join('')
		.replace(/\s+([.,;:!?])/g, '$1')
		.replace(/\s+/g, ' ')
		.trim();
}

export interface Section {
	id: string;
	title: string;
	/** Id of the map view this section shows. */
	view: string;
	/** One paragraph describing the map view in words, for screen-reader users and when the map cannot load. */
	mapDescription: string;
	/** The narrative, as paragraphs with their citations. */
	body: Paragraph[];
	passages: Passage[];
	/** Points on which the reports disagree, set side by side in this section. */
	disagreements: Disagreement[];
	/** What has changed in it since it was published, oldest first (story.yaml's updates). */
	updates: Update[];
}

/** A dated change to a published section: an update, or a correction of an error. */
export interface Update {
	/** YYYY-MM-DD */
	date: string;
	text: string;
	correction: boolean;
}

/** A fact the reports give differently: each position quotes the reports that take it. */
export interface Disagreement {
	id: string;
	/** The question, in the story's words. */
	question: string;
	/** Optional context in the story's words (empty when there is none). */
	note: Paragraph;
	positions: { claim: string; passages: Passage[] }[];
	/** The view the map moves to while this question is read, with its description in words;
	 *  without one the map keeps the view of what was read before it. */
	view?: string;
	mapDescription?: string;
}

/** A stop of the map along the story: a section, or a question in it that has a view of its own.
 *  Its id names its stills and locator, and is the map's `data-view` while it is shown. */
export interface MapStep {
	id: string;
	/** The section's title, or the question. */
	title: string;
	section: Section;
	view: string;
	mapDescription: string;
}

/** The id of a question's step: also the id of its element in the page. */
export const questionStepId = (d: Pick<Disagreement, 'id'>) => `differ-${d.id}`;

/** Every stop of the map in reading order: each section, then each of its questions with a view. */
export const mapSteps = (sections: Section[]): MapStep[] =>
	sections.flatMap((section) => [
		{
			id: section.id,
			title: section.title,
			section,
			view: section.view,
			mapDescription: section.mapDescription
		},
		...section.disagreements.flatMap((d) =>
			d.view
				? [
						{
							id: questionStepId(d),
							title: d.question,
							section,
							view: d.view,
							mapDescription: d.mapDescription ?? ''
						}
					]
				: []
		)
	]);

export interface Story {
	/** The story's language (a BCP 47 tag; `language` in story.yaml, English when not given): the
	 *  interface's words (src/lib/i18n/<language>.json) and how figures and dates are written. */
	language: string;
	title: string;
	dek: Paragraph;
	/** Who wrote it, and who publishes it (for the page's NewsArticle data and share tags). */
	byline?: string;
	publisher?: string;
	/** Map popups give each point's distance from this feature (the id of a point), if set. */
	measureFrom?: string;
	/** How the page speaks of the sources: "report" (one), "reports" (many), "the five reports" (all). */
	sourceWords: { one: string; many: string; all: string };
	sections: Section[];
	views: Record<string, MapView>;
	/** After the last section: the date, the method and the credits (the reports are listed with it). */
	ending?: Ending;
}

export interface Ending {
	title: string;
	/** YYYY-MM-DD */
	published: string;
	/** A note on method and data, as paragraphs. */
	method: Paragraph[];
	credits: string;
}

/** Feature id → the passages of the reports that mention it (built from mentions.yaml). */
export type PlaceIndex = Record<string, Passage[]>;

/** What the live map says of each feature beyond its data (/map-notes.json): the passages that
 *  mention it, and its distances as sentences. */
export interface MapNotes {
	places: PlaceIndex;
	featureDistances: Record<string, string[]>;
}

/** Every citation of a section, in the order the page shows them (its text's, its passages', then
 *  each disagreement's note and passages): its footnotes on paper. */
export function citationsIn(section: Section): Pick<Cite, 'source' | 'paragraph'>[] {
	const cites = (paragraph: Paragraph) => paragraph.filter((p) => typeof p !== 'string').flat();
	return [
		...section.body.flatMap(cites),
		...section.passages,
		...section.disagreements.flatMap((d) => [
			...cites(d.note),
			...d.positions.flatMap((p) => p.passages)
		])
	];
}

/** Every passage a section quotes: its own, then those of its disagreements. */
export function quotedIn(section: Section): Passage[] {
	return [
		...section.passages,
		...section.disagreements.flatMap((d) => d.positions.flatMap((p) => p.passages))
	];
}

/** Every passage of the story, with the id of the section that quotes it. */
export function storyPassages(story: Story): (Passage & { section: string })[] {
	return story.sections.flatMap((s) => quotedIn(s).map((p) => ({ ...p, section: s.id })));
}
