// The place index of this story against counts checked by hand in the five reports (grep and
// reading).
import { describe, expect, it } from 'vitest';
import { loadContent, readSources } from '$lib/server/load-content';
import { storyPaths } from '$lib/server/story-paths.js';

const sources = readSources(storyPaths('.').sources);
const index = loadContent('.').places;
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
});
