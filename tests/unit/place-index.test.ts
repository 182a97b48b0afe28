// The place index: whole-name matching, a name inside a longer known name, exceptions, sentences
// cut without breaking the text, and mentions.yaml problems reported as file:line.
import { describe, expect, it } from 'vitest';
import { makeSource } from '$lib/server/corpus';
import { buildPlaceIndex, parseMentions, sentences } from '$lib/server/place-index';
import { ContentError } from '$lib/server/yaml-reader';

describe('place index', () => {
	it('splits sentences without breaking the text', () => {
		expect(sentences('One. Two? “Three.” Four')).toEqual(['One.', 'Two?', '“Three.”', 'Four']);
		expect(sentences('Anchorage, Alaska: U.S. President Trump met Mr. Putin. Then lunch.')).toEqual(
			['Anchorage, Alaska: U.S. President Trump met Mr. Putin.', 'Then lunch.']
		);
	});

	it('finds whole names, ignoring case, and not inside an exception', () => {
		const source = makeSource(
			's',
			'The WASHINGTON bureau said so. Washingtonians did not. The Washington Examiner agreed.\n'
		);
		const index = buildPlaceIndex([source], {
			dc: { names: ['Washington'], except: ['Washington Examiner'] }
		});
		expect(index.dc.map((p) => p.quote)).toEqual(['The WASHINGTON bureau said so.']);
	});

	it('counts a name inside a longer known name for the longer one only', () => {
		const source = makeSource(
			's',
			'They met at Joint Base Elmendorf–Richardson. Elmendorf’s runway is long. JBER, that is Joint Base Elmendorf-Richardson, holds Elmendorf airfield.\n'
		);
		const index = buildPlaceIndex([source], {
			airfield: { names: ['Elmendorf'] },
			base: {
				names: ['Joint Base Elmendorf–Richardson', 'Joint Base Elmendorf-Richardson', 'JBER']
			}
		});
		expect(index.airfield.map((p) => p.quote)).toEqual([
			'Elmendorf’s runway is long.',
			'JBER, that is Joint Base Elmendorf-Richardson, holds Elmendorf airfield.'
		]);
		expect(index.base.map((p) => p.quote)).toEqual([
			'They met at Joint Base Elmendorf–Richardson.',
			'JBER, that is Joint Base Elmendorf-Richardson, holds Elmendorf airfield.'
		]);
	});

	it('takes a feature’s own longer name once, and gives a name two features share to both', () => {
		const source = makeSource(
			's',
			'The International Date Line bends. Little Diomede is an island. Diomede is its village. Fighting in the Donbas.\n'
		);
		const index = buildPlaceIndex([source], {
			idl: { names: ['date line', 'International Date Line'] },
			island: { names: ['Little Diomede'] },
			village: { names: ['Diomede'] },
			donetsk: { names: ['Donetsk', 'Donbas'] },
			luhansk: { names: ['Luhansk', 'Donbas'] }
		});
		expect(index.idl.map((p) => p.quote)).toEqual(['The International Date Line bends.']);
		expect(index.island.length).toBe(1);
		expect(index.village.map((p) => p.quote)).toEqual(['Diomede is its village.']);
		expect([index.donetsk.length, index.luhansk.length]).toEqual([1, 1]);
	});

	it('matches a description only with its article, not the common noun alone', () => {
		const source = makeSource('s', 'They met on the base. A base is no name. Bases abound.\n');
		expect(
			buildPlaceIndex([source], { base: { names: ['the base'] } }).base.map((p) => p.quote)
		).toEqual(['They met on the base.']);
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
			'm.yaml:6: moscow: names must be a non-empty list of names'
		]);
	});
});
