// The real story file: it checks, and every passage is in its report letter for letter. The
// verbatim test re-reads the raw report files instead of trusting the checker's own search.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT, loadStory, readLayers } from '$lib/content/load-story';
import { quotedIn } from '$lib/content/types';

const story = loadStory();
const passages = story.sections.flatMap((s) => quotedIn(s).map((p) => ({ section: s.id, ...p })));
const raw = (id: string) => readFileSync(`${CONTENT.sources}/${id}.txt`, 'utf8');

describe('the story', () => {
  it('has at least the six sections the issue asks for, each with text and a map description', () => {
    expect(story.sections.length).toBeGreaterThanOrEqual(6);
    for (const s of story.sections) {
      expect(s.body.length, s.id).toBeGreaterThan(0);
      expect(s.mapDescription.length, s.id).toBeGreaterThan(80);
      expect(story.views[s.view], s.id).toBeDefined();
    }
  });

  it.each(passages)('$section: passage from $source ¶$paragraph is verbatim in that paragraph', (p) => {
    const lines = raw(p.source).split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => /[\p{L}\p{N}]/u.test(l));
    expect(lines[p.paragraph - 1]).toContain(p.quote);
  });

  it('sets at least two reports against each other in every disagreement', () => {
    const disagreements = story.sections.flatMap((s) => s.disagreements);
    expect(disagreements.length).toBeGreaterThanOrEqual(5);
    for (const d of disagreements) {
      expect(d.positions.length, d.id).toBeGreaterThanOrEqual(2);
      expect(new Set(d.positions.flatMap((p) => p.passages.map((q) => q.source))).size, d.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('quotes at least four of the five reports', () => {
    expect(new Set(passages.map((p) => p.source)).size).toBeGreaterThanOrEqual(4);
  });

  it('quotes two different reports in most sections', () => {
    const mixed = story.sections.filter((s) => new Set(s.passages.map((p) => p.source)).size >= 2);
    expect(mixed.length).toBeGreaterThan(story.sections.length / 2);
  });

  it('shows only layers that the geodata manifest has', () => {
    const known = new Set(readLayers().map((l) => l.id));
    for (const view of Object.values(story.views)) for (const layer of view.layers) expect(known).toContain(layer);
  });
});
