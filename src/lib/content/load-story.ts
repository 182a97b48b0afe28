// Reads the story, the source reports and the layer manifest from disk and checks them together.
// Runs at build time only (prerender, the build's content check, tests): never in the browser.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkStory } from './check-story.ts';
import { makeSource, type SourceDoc } from './corpus.ts';
import type { Distance, LayerInfo, Story } from './types';

/** Where this site's content lives, relative to the project root. */
export const CONTENT = {
  story: 'src/lib/content/story.yaml',
  sources: 'src/lib/content/sources',
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

export function loadStory(file = CONTENT.story): Story {
  return checkStory(readFileSync(file, 'utf8'), file, { sources: readSources(), layers: readLayers(), distances: readDistances() });
}
