// The place index against counts checked by hand in the five reports (grep and reading).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLayers, readSources } from '$lib/content/load-story';
import { buildPlaceIndex, parseMentions, sentences } from '$lib/content/place-index';

const sources = readSources();
const featureIds = readLayers().flatMap((l) => l.features.map((f) => f.id));
const mentions = parseMentions(readFileSync('src/lib/content/mentions.yaml', 'utf8'), 'mentions.yaml', featureIds);
const index = buildPlaceIndex(sources, mentions);
const bySource = (id: string) => {
  const counts: Record<string, number> = {};
  for (const p of index[id]) counts[p.source.slice(0, 3)] = (counts[p.source.slice(0, 3)] ?? 0) + 1;
  return counts;
};

describe('place index', () => {
  it('finds Kyiv in 000 ¶6 and ¶10, 001 ¶4 and 003 ¶2, and nowhere else', () => {
    expect(index.kyiv.map((p) => `${p.source.slice(0, 3)}:${p.paragraph}`)).toEqual(['000:6', '000:10', '001:4', '003:2']);
  });

  it('finds Anchorage once in each report, twice in 001 (¶1 and ¶6), including the 004 dateline in capitals', () => {
    expect(bySource('anchorage')).toEqual({ '000': 1, '001': 2, '002': 1, '003': 1, '004': 1 });
    expect(index.anchorage.find((p) => p.source.startsWith('004'))!.quote).toMatch(/^ANCHORAGE, Alaska —/);
  });

  it('does not take "Washington Examiner" for Washington', () => {
    const quotes = index['washington-white-house'].map((p) => p.quote);
    expect(quotes.some((q) => q.includes('told the Washington Examiner') && !/White House|Washington(?! Examiner)/.test(q))).toBe(false);
    // 004 names the Washington Examiner four times; only "the White House" (¶6, ¶19) is the place.
    expect(bySource('washington-white-house')).toEqual({ '000': 2, '001': 3, '002': 3, '003': 2, '004': 2 });
  });

  it('finds Novaya Zemlya only in 003 ¶4 and Helsinki only in 001 ¶2', () => {
    expect(index['novaya-zemlya-test-site'].map((p) => `${p.source.slice(0, 3)}:${p.paragraph}`)).toEqual(['003:4']);
    expect(index.helsinki.map((p) => `${p.source.slice(0, 3)}:${p.paragraph}`)).toEqual(['001:2']);
  });

  it('gives each passage as a sentence found verbatim in its paragraph', () => {
    for (const passages of Object.values(index)) {
      for (const p of passages) expect(sources.find((s) => s.id === p.source)!.paragraphs[p.paragraph - 1]).toContain(p.quote);
    }
  });

  it('splits sentences without breaking the text', () => {
    expect(sentences('One. Two? “Three.” Four')).toEqual(['One.', 'Two?', '“Three.”', 'Four']);
    expect(sentences('Anchorage, Alaska: U.S. President Trump met Mr. Putin. Then lunch.')).toEqual(['Anchorage, Alaska: U.S. President Trump met Mr. Putin.', 'Then lunch.']);
  });

  it('rejects an unknown feature id', () => {
    expect(() => parseMentions('atlantis:\n  names: [Atlantis]\n', 'm.yaml', featureIds)).toThrow('m.yaml: "atlantis" is not a feature of any map layer');
  });
});
