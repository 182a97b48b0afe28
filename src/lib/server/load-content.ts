// Reads the story, the source reports, the geodata manifest and the distances of the story being
// built (STORY, see story-paths.js) and checks them together. Build time only: the prerender,
// the build's content check and the tests. Every page of a build asks for the same content, so it
// is read once and again only when one of its files changes (as it does under `vite dev`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type {
	Area,
	Distance,
	FeatureInfo,
	LayerInfo,
	Manifest,
	PlaceIndex,
	Story
} from '$lib/content/types';
import { checkStory } from './check-story.ts';
import { citeName, readSourceMeta, readSources, type Source } from './corpus.ts';
import { distancesOf } from './feature-distances.ts';
import { MESSAGES_DIR, readMessages } from '../i18n/read-messages.js';
import { translator, type Translator } from '../i18n/translate.js';
import { buildPlaceIndex, parseMentions } from './place-index.ts';
import { readPins } from './pins.ts';
import { ContentError } from './yaml-reader.ts';
import { readText } from './read-text.ts';
import { STORY_ROOT, storyPaths } from './story-paths.js';

/** Everything the pages are built from, checked. */
export interface Content {
	story: Story;
	manifest: Manifest;
	sources: Source[];
	places: PlaceIndex;
	distances: Distance[];
	/** The areas computed from the geodata (static/data/areas.json; none without one). */
	areas: Area[];
	/** Citation names by source id, e.g. "Report 5, Washington Examiner". */
	sourceNames: Record<string, string>;
	/** Feature id → its distances, as sentences for its panel. */
	featureDistances: Record<string, string[]>;
	/** The interface's words in the story's language (virtual:messages, vite.config.ts). */
	i18n: Translator;
}

export function readManifest(root = STORY_ROOT): Manifest {
	const manifest: Manifest = JSON.parse(
		readFileSync(join(storyPaths(root).data, 'manifest.json'), 'utf8')
	);
	return manifest;
}

export function readAreas(root = STORY_ROOT): Area[] {
	const file = join(storyPaths(root).data, 'areas.json');
	if (!existsSync(file)) return [];
	const areas: Area[] = JSON.parse(readFileSync(file, 'utf8'));
	return areas;
}

export function readDistances(root = STORY_ROOT): Distance[] {
	const distances: Distance[] = JSON.parse(
		readFileSync(join(storyPaths(root).data, 'distances.json'), 'utf8')
	);
	return distances;
}

const features = (layers: LayerInfo[]): FeatureInfo[] => layers.flatMap((l) => l.features);

function read(root: string): Content {
	const paths = storyPaths(root);
	const docs = readSources(paths.sources);
	const empty = docs.filter((d) => !d.paragraphs.length);
	if (empty.length)
		throw new ContentError(
			empty.map((d) => ({
				file: join(paths.sources, `${d.id}.txt`),
				line: 1,
				message: 'the report is empty (no line with a letter or a digit): restore its text'
			}))
		);
	const manifest = readManifest(root);
	const distances = readDistances(root);
	const areas = readAreas(root);
	const sources = readSourceMeta(readText(paths.sourceMeta), paths.sourceMeta, docs);
	const story = checkStory(readText(paths.story), paths.story, {
		sources,
		pins: readPins(root),
		layers: manifest.layers,
		distances,
		areas
	});
	const all = features(manifest.layers.filter((l) => l.kind !== 'labels'));
	const mentions = parseMentions(
		readText(paths.mentions),
		paths.mentions,
		all.map((f) => f.id),
		sources
	);
	const measureFrom = all.find((f) => f.id === story.measureFrom);
	// The geodata's own words (its route labels) were written in the story's language.
	if (manifest.language && manifest.language !== story.language)
		throw new ContentError([
			{
				file: join(paths.data, 'manifest.json'),
				line: 1,
				message: `the map's data was built for the language "${manifest.language}", and the story is now in "${story.language}": run \`npm run geodata\``
			}
		]);
	// Checked with the story (checkStory reports a messages file's problems).
	const i18n = translator(story.language, readMessages(story.language).messages!);
	return {
		story,
		manifest,
		sources,
		places: buildPlaceIndex(docs, mentions),
		distances,
		areas,
		sourceNames: Object.fromEntries(sources.map((s) => [s.id, citeName(s)])),
		featureDistances: Object.fromEntries(
			all.map((f) => [f.id, distancesOf(f, distances, i18n, measureFrom)])
		),
		i18n
	};
}

/** The files content is read from, with their modification times: the cache's key. */
function fingerprint(root: string): string {
	const p = storyPaths(root);
	const files = [
		p.story,
		p.sourceMeta,
		p.mentions,
		p.pins,
		join(p.data, 'manifest.json'),
		join(p.data, 'distances.json'),
		join(p.data, 'areas.json'),
		...readdirSync(MESSAGES_DIR).map((n) => join(MESSAGES_DIR, n)),
		...readdirSync(p.sources).map((n) => join(p.sources, n))
	];
	return files.map((f) => `${f}@${statSync(f, { throwIfNoEntry: false })?.mtimeMs}`).join('\n');
}

// The one cache of this module: content by story folder, with the fingerprint it was read at.
const cache = new Map<string, { key: string; content: Content }>();

/** Everything the pages of the story in `root` are built from, checked (throws ContentError). */
export function loadContent(root = STORY_ROOT): Content {
	const key = fingerprint(root);
	const hit = cache.get(root);
	if (hit?.key === key) return hit.content;
	const content = read(root);
	cache.set(root, { key, content });
	return content;
}

/** What the story's and the embeds' pages run with (virtual:content, vite.config.ts): the story,
 *  its map manifest, the reports' citation names, and the reports as the ending lists them. */
export function pageContent(root = STORY_ROOT) {
	const { story, manifest, sources, sourceNames } = loadContent(root);
	const reports = sources.map((s) => ({ id: s.id, name: sourceNames[s.id], headline: s.headline }));
	return { story, manifest, sourceNames, reports };
}
export type PageContent = ReturnType<typeof pageContent>;
