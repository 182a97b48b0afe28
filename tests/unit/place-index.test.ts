// The place index: whole-name matching, exceptions, sentences cut without breaking the text, and
// mentions.yaml problems reported as file:line.
import { describe, expect, it } from 'vitest';
import { makeSource } from '$lib/server/corpus';
import { buildPlaceIndex, parseMentions, sentences } from '$lib/server/place-index';
import { ContentError } from '$lib/server/yaml-reader';

describe('place index', () => {
  it('splits sentences without breaking the text', () => {
    expect(sentences('One. Two? “Three.” Four')).toEqual(['One.', 'Two?', '“Three.”', 'Four']);
    expect(sentences('Anchorage, Alaska: U.S. President Trump met Mr. Putin. Then lunch.')).toEqual(['Anchorage, Alaska: U.S. President Trump met Mr. Putin.', 'Then lunch.']);
  });

  it('finds whole names, ignoring case, and not inside an exception', () => {
    const source = makeSource('s', 'The WASHINGTON bureau said so. Washingtonians did not. The Washington Examiner agreed.\n');
    const index = buildPlaceIndex([source], { dc: { names: ['Washington'], except: ['Washington Examiner'] } });
    expect(index.dc.map((p) => p.quote)).toEqual(['The WASHINGTON bureau said so.']);
  });

  it('reports an unknown feature and a malformed entry at their lines', () => {
    const text = 'kyiv:\n  names: [Kyiv]\natlantis:\n  names: [Atlantis]\nmoscow:\n  names: []\n';
    let problems: ContentError['problems'] = [];
    try {
      parseMentions(text, 'm.yaml', ['kyiv', 'moscow']);
    } catch (error) {
      if (error instanceof ContentError) problems = error.problems;
    }
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'm.yaml:3: "atlantis" is not a feature of any map layer',
      'm.yaml:6: moscow.names must be a non-empty list of names'
    ]);
  });
});
