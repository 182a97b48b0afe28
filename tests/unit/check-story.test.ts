// The story checker: the valid fixture parses; each bad fixture fails with the file, the line
// and the reason an editor needs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LayerInfo } from '$lib/content/types';
import { checkStory } from '$lib/server/check-story';
import { formatDistance } from '$lib/server/format';
import { readSources } from '$lib/server/load-content';
import { storyPaths } from '$lib/server/story-paths.js';
import { ContentError } from '$lib/server/yaml-reader';

const layers: LayerInfo[] = [
  { id: 'places', title: 'Places', style: 'points', file: '/data/places.topo.json', source: 'test', licence: 'test', features: [{ id: 'anchorage', name: 'Anchorage', source: 'test', accuracy: 'test' }] }
];
const distances = [{ id: 'gap', label: 'A gap', km: 3.87, mi: 2.4, method: 'test', from: { point: 'a' }, to: { point: 'b' } }];
const context = { sources: readSources(storyPaths('.').sources), layers, distances };

function check(name: string) {
  const file = `tests/fixtures/story/${name}`;
  return checkStory(readFileSync(file, 'utf8'), file, context);
}

function problemsOf(name: string) {
  try {
    check(name);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

describe('checkStory', () => {
  it('parses a valid story, finding the paragraph of each quote', () => {
    const story = check('valid.yaml');
    expect(story.sections[0].body).toEqual(['One paragraph.', 'Another paragraph.']);
    expect(story.sections[0].passages[0]).toEqual({
      source: '000_ed693602bbf98664',
      paragraph: 2,
      quote: 'The two leaders exchanged a handshake on a red carpet beside their aircraft'
    });
    expect(story.views.city.camera).toEqual({ center: [-149.9, 61.2], zoom: 10, bearing: 0, pitch: 0 });
  });

  const cases: [fixture: string, line: number, reason: RegExp][] = [
    ['misquote.yaml', 20, /quote not found verbatim in 000_ed693602bbf98664[\s\S]*closest text in the report: "The two leaders exchanged a handshake on a red carpet beside their aircraft"/],
    ['straight-apostrophe.yaml', 20, /quote not found verbatim[\s\S]*closest text in the report: "Russia’s Vladimir Putin"/],
    ['unknown-view.yaml', 12, /unknown view "town" \(known: city\)/],
    ['unknown-layer.yaml', 7, /unknown layer "roads"/],
    ['missing-field.yaml', 10, /missing field "mapDescription"/],
    ['unknown-source.yaml', 19, /unknown source "009_nope"/],
    ['duplicate-id.yaml', 23, /section id "first" is used twice/],
    ['unknown-field.yaml', 12, /unknown field "subtitle"/],
    ['swapped-center.yaml', 5, /center must be \[longitude, latitude\]/],
    ['bad-yaml.yaml', 11, /^YAML: /],
    ['highlight-hidden.yaml', 8, /highlighted feature "kyiv-nowhere" is not in any of this view's layers/],
    ['unknown-distance.yaml', 14, /unknown distance "nowhere" in \{distance:nowhere\} \(known: gap\)/],
    ['wrong-paragraph.yaml', 20, /quote is in paragraph 2 of 000_ed693602bbf98664, not 5/]
  ];
  it.each(cases)('%s fails at line %i with the reason', (fixture, line, reason) => {
    const problems = problemsOf(fixture);
    expect(problems).toHaveLength(1);
    expect(problems[0].file).toBe(`tests/fixtures/story/${fixture}`);
    expect(problems[0].message).toMatch(reason);
    expect(problems[0].line).toBe(line);
  });

  it('fills {distance:<id>} in text with the computed figure', () => {
    const text = readFileSync('tests/fixtures/story/valid.yaml', 'utf8').replace('One paragraph.', 'A gap of {distance:gap}.');
    expect(checkStory(text, 'x.yaml', context).sections[0].body[0]).toBe('A gap of 3.9\u00a0km (2.4\u00a0mi).');
    expect(formatDistance({ km: 6992.4, mi: 4344.9 })).toBe('6,990\u00a0km (4,340\u00a0mi)');
    expect(formatDistance({ km: 81.4, mi: 50.6 })).toBe('81\u00a0km (51\u00a0mi)');
  });

  it('formats every problem as file:line: reason', () => {
    expect(() => check('unknown-view.yaml')).toThrow(/^tests\/fixtures\/story\/unknown-view\.yaml:12: unknown view/);
  });
});
