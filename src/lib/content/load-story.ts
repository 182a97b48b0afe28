// Reads the story, the source reports, the layer manifest and the distances from disk and checks
// them together. Runs at build time only (prerender, the build's content check, tests): never in
// the browser.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { checkStory } from './check-story.ts';
import { checkSourceMeta, citeName, makeSource, type Source, type SourceDoc, type SourceMeta } from './corpus.ts';
import { buildPlaceIndex, parseMentions, type PlaceIndex } from './place-index.ts';
import type { Distance, FeatureInfo, LayerInfo, Story } from './types';

/** Where this site's content lives, relative to the project root. */
export const CONTENT = {
  story: 'src/lib/content/story.yaml',
  sources: 'src/lib/content/sources',
  sourceMeta: 'src/lib/content/sources.yaml',
  mentions: 'src/lib/content/mentions.yaml',
  layers: 'static/data/layers.json',
  distances: 'static/data/distances.json'
};

export function readSources(dir = CONTENT.sources): SourceDoc[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => makeSource(basename(name, '.txt'), readFileSync(join(dir, name), 'utf8')));
}

export function readLayers(file = CONTENT.layers): LayerInfo[] {
  return JSON.parse(readFileSync(file, 'utf8')) as LayerInfo[];
}

export function readDistances(file = CONTENT.distances): Distance[] {
  return JSON.parse(readFileSync(file, 'utf8')) as Distance[];
}

export function loadStory(file = CONTENT.story, context = { sources: readSources(), layers: readLayers(), distances: readDistances() }): Story {
  return checkStory(readFileSync(file, 'utf8'), file, context);
}

/** Everything the pages are built from, checked. */
export interface Content {
  story: Story;
  layers: LayerInfo[];
  sources: Source[];
  places: PlaceIndex;
  distances: Distance[];
  /** Citation names by source id, e.g. "Report 5, Washington Examiner". */
  sourceNames: Record<string, string>;
  /** The point map popups measure distances from (story.measureFrom). */
  measureFrom?: FeatureInfo;
}

export function loadContent(): Content {
  const docs = readSources();
  const layers = readLayers();
  const distances = readDistances();
  const meta = parse(readFileSync(CONTENT.sourceMeta, 'utf8')) as Record<string, SourceMeta>;
  const featureIds = layers.flatMap((l) => l.features.map((f) => f.id));
  const mentions = parseMentions(readFileSync(CONTENT.mentions, 'utf8'), CONTENT.mentions, featureIds);
  const story = loadStory(CONTENT.story, { sources: docs, layers, distances });
  const sources = checkSourceMeta(meta, docs, CONTENT.sourceMeta);
  return {
    story,
    layers,
    sources,
    places: buildPlaceIndex(docs, mentions),
    distances,
    sourceNames: Object.fromEntries(sources.map((s) => [s.id, citeName(s)])),
    measureFrom: layers.flatMap((l) => l.features).find((f) => f.id === story.measureFrom)
  };
}
