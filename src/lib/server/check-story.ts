// Parses and checks the story file. Every problem names the file, the line and the reason, so an
// editor can fix the YAML without reading this code. All problems are collected, not just the first.
import { ID_PATTERN } from '../data-contract.js';
import type { Camera, Disagreement, Distance, Ending, LayerInfo, MapView, Passage, Section, Story } from '$lib/content/types';
import { closestText, findParagraph, normaliseSpace, type SourceDoc } from './corpus.ts';
import { formatDistance } from './format.ts';
import { ContentError, list, lngLat, map, optional, range, str, stringList, YamlFile, type Path } from './yaml-reader.ts';

/** Everything a story is checked against: the source reports, the data layers that exist and
 *  the distances computed from the geodata (which text can cite as `{distance:<id>}`). */
export interface StoryContext {
  sources: SourceDoc[];
  layers: LayerInfo[];
  distances: Distance[];
}

const DISTANCE = /\{distance:([^}]*)\}/g;

/** How the page speaks of the sources when a story does not say (sourceWords in story.yaml). */
const GENERIC_WORDS: Story['sourceWords'] = { one: 'source', many: 'sources', all: 'the sources' };
const NO_WORDS = {};
const NO_ENDING = {};
/** Paragraphs separated by a blank line, each with its runs of space made one. */
const paragraphs = (text: string) => text.split(/\n\s*\n/).map(normaliseSpace).filter(Boolean);

export function checkStory(text: string, file: string, context: StoryContext): Story {
  const reader = new YamlFile(text, file);
  reader.throwProblems();
  const report = (line: number, message: string) => reader.report(line, message);
  const lineOf = (path: Path) => reader.lineOf(path);
  const story = reader.fields([], {
    title: str, dek: str, measureFrom: optional(str, ''), sourceWords: optional(map, NO_WORDS), views: map, sections: list, disagreements: optional(list, []),
    ending: optional(map, NO_ENDING)
  }) as { title: string; dek: string; measureFrom: string; sourceWords: object; views: Record<string, unknown>; sections: unknown[]; disagreements: unknown[]; ending: object } | undefined;
  if (!story) throw new ContentError(reader.problems);
  const sourceWords = (story.sourceWords === NO_WORDS ? GENERIC_WORDS : reader.fields(['sourceWords'], { one: str, many: str, all: str })) as
    | Story['sourceWords']
    | undefined;

  const sources = new Map(context.sources.map((s) => [s.id, s]));
  const layers = new Map(context.layers.map((l) => [l.id, l]));
  const distances = new Map(context.distances.map((d) => [d.id, d]));

  const views: Record<string, MapView> = {};
  for (const id of Object.keys(story.views)) {
    const path = ['views', id];
    if (!ID_PATTERN.test(id)) report(lineOf(path), `view id "${id}" must be lower-case words joined by hyphens`);
    const v = reader.fields(path, {
      center: lngLat, zoom: range(-2, 22), bearing: optional(range(-360, 360), 0),
      pitch: optional(range(0, 85), 0), layers: stringList, highlight: optional(stringList, [])
    }) as (Camera & { layers: string[]; highlight: string[] }) | undefined;
    if (!v) continue;
    v.layers.forEach((layer, i) => {
      if (!layers.has(layer)) report(lineOf([...path, 'layers', i]), `unknown layer "${layer}" (known: ${[...layers.keys()].join(', ')})`);
    });
    v.highlight.forEach((feature, i) => {
      const shown = v.layers.some((layer) => layers.get(layer)?.features.some((f) => f.id === feature));
      if (!shown) report(lineOf([...path, 'highlight', i]), `highlighted feature "${feature}" is not in any of this view's layers`);
    });
    const { center, zoom, bearing, pitch } = v;
    views[id] = { id, camera: { center, zoom, bearing, pitch }, layers: v.layers, highlight: v.highlight };
  }

  /** Checks the list of passages at `path`: each must be verbatim in the report it names. */
  const readPassages = (path: Path, items: unknown[]): Passage[] =>
    items.flatMap((_, j) => {
      const ppath = [...path, j];
      const p = reader.fields(ppath, { source: str, quote: str, paragraph: optional(range(1, 10_000), 0) }) as
        | { source: string; quote: string; paragraph: number }
        | undefined;
      if (!p) return [];
      const source = sources.get(p.source);
      if (!source) {
        report(lineOf([...ppath, 'source']), `unknown source "${p.source}" (known: ${[...sources.keys()].join(', ')})`);
        return [];
      }
      const paragraph = findParagraph(source, p.quote);
      if (!paragraph) {
        report(lineOf([...ppath, 'quote']), `quote not found verbatim in ${p.source}: "${normaliseSpace(p.quote)}"\n  closest text in the report: "${closestText(source, p.quote)}"`);
        return [];
      }
      if (p.paragraph && p.paragraph !== paragraph) {
        report(lineOf([...ppath, 'paragraph']), `quote is in paragraph ${paragraph} of ${p.source}, not ${p.paragraph}`);
        return [];
      }
      return [{ source: p.source, paragraph, quote: normaliseSpace(p.quote) }];
    });

  const disagreements: Record<string, Disagreement> = {};
  story.disagreements.forEach((_, i) => {
    const path = ['disagreements', i];
    const d = reader.fields(path, { id: str, question: str, note: optional(str, ''), positions: list }) as
      | { id: string; question: string; note: string; positions: unknown[] }
      | undefined;
    if (!d) return;
    if (disagreements[d.id]) report(lineOf([...path, 'id']), `disagreement id "${d.id}" is used twice`);
    const positions = d.positions.flatMap((_, j) => {
      const ppath = [...path, 'positions', j];
      const p = reader.fields(ppath, { claim: str, passages: list }) as { claim: string; passages: unknown[] } | undefined;
      return p ? [{ claim: p.claim, passages: readPassages([...ppath, 'passages'], p.passages) }] : [];
    });
    if (positions.length < 2) report(lineOf([...path, 'positions']), `disagreement "${d.id}" needs at least two positions`);
    disagreements[d.id] = { id: d.id, question: d.question, note: normaliseSpace(d.note), positions };
  });

  const sections: Section[] = [];
  const seen = new Set<string>();
  story.sections.forEach((_, i) => {
    const path = ['sections', i];
    const s = reader.fields(path, {
      id: str, title: str, view: str, mapDescription: str, text: str, passages: optional(list, []), disagreements: optional(stringList, [])
    }) as { id: string; title: string; view: string; mapDescription: string; text: string; passages: unknown[]; disagreements: string[] } | undefined;
    if (!s) return;
    if (!ID_PATTERN.test(s.id)) report(lineOf([...path, 'id']), `section id "${s.id}" must be lower-case words joined by hyphens`);
    if (seen.has(s.id)) report(lineOf([...path, 'id']), `section id "${s.id}" is used twice`);
    seen.add(s.id);
    if (!(s.view in story.views)) report(lineOf([...path, 'view']), `unknown view "${s.view}" (known: ${Object.keys(story.views).join(', ')})`);
    const passages = readPassages([...path, 'passages'], s.passages);
    const differ = s.disagreements.flatMap((id, j) => {
      if (disagreements[id]) return [disagreements[id]];
      report(lineOf([...path, 'disagreements', j]), `unknown disagreement "${id}" (known: ${Object.keys(disagreements).join(', ')})`);
      return [];
    });
    // Distances are filled in after whitespace is normalised, which would undo their no-break spaces.
    const fill = (field: 'text' | 'mapDescription', text: string) =>
      text.replace(DISTANCE, (placeholder, id: string) => {
        const d = distances.get(id);
        if (d) return formatDistance(d);
        report(lineOf([...path, field]), `unknown distance "${id}" in ${placeholder} (known: ${[...distances.keys()].join(', ')})`);
        return placeholder;
      });
    const body = paragraphs(s.text).map((p) => fill('text', p));
    const mapDescription = fill('mapDescription', normaliseSpace(s.mapDescription));
    if (!s.passages.length && !s.disagreements.length) report(lineOf(path), `section "${s.id}" quotes nothing: give it passages or disagreements`);
    sections.push({ id: s.id, title: s.title, view: s.view, mapDescription, body, passages, disagreements: differ });
  });

  const measured = context.layers.flatMap((l) => l.features).find((f) => f.id === story.measureFrom);
  if (story.measureFrom && !measured?.point) report(lineOf(['measureFrom']), `measureFrom "${story.measureFrom}" must be the id of a point on the map`);

  const ending = story.ending === NO_ENDING ? undefined : (reader.fields(['ending'], { title: str, published: str, method: str, credits: str }) as Record<keyof Ending, string> | undefined);
  if (ending && !/^\d{4}-\d{2}-\d{2}$/.test(ending.published)) report(lineOf(['ending', 'published']), `published must be a date, YYYY-MM-DD (found "${ending.published}")`);

  reader.throwProblems();
  return {
    title: story.title, dek: normaliseSpace(story.dek), measureFrom: story.measureFrom || undefined, sourceWords: sourceWords!, sections, views,
    ...(ending ? { ending: { title: ending.title, published: ending.published, method: paragraphs(ending.method), credits: normaliseSpace(ending.credits) } } : {})
  };
}
