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

/** Reads mentions.yaml; throws every malformed entry and unknown feature as `file:line: reason`. */
export function parseMentions(text: string, file: string, featureIds: string[]): Record<string, Mentions> {
  const yaml = new YamlFile(text, file);
  yaml.throwProblems();
  const mentions: Record<string, Mentions> = {};
  for (const id of yaml.keys([])) {
    if (!featureIds.includes(id)) yaml.reportAtKey([id], `"${id}" is not a feature of any map layer`);
    const entry = yaml.fields([id], { names: textList, except: optional(stringList, []) }) as Mentions | undefined;
    if (entry) mentions[id] = entry;
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

export function buildPlaceIndex(sources: SourceDoc[], mentions: Record<string, Mentions>): PlaceIndex {
  const index: PlaceIndex = {};
  for (const [id, { names, except = [] }] of Object.entries(mentions)) {
    const name = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    const unless = except.length ? new RegExp(except.map(escape).join('|'), 'giu') : null;
    index[id] = sources.flatMap((source) =>
      source.paragraphs.flatMap((paragraph, i) =>
        sentences(paragraph)
          .filter((sentence) => name.test(unless ? sentence.replace(unless, '') : sentence))
          .map((quote) => ({ source: source.id, paragraph: i + 1, quote }))
      )
    );
  }
  return index;
}
