// The place index of this story against the passages each place should have, read by hand in the
// five reports (content/sources/, paragraphs numbered as the site numbers them: non-empty lines).
// Each entry is "report:paragraph", the report by the first three characters of its id, once per
// sentence that mentions the place. Why each passage is or is not a mention: content/mentions.yaml.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '$lib/content/types';
import { readSources } from '$lib/server/corpus';
import { buildPlaceIndex, parseMentions } from '$lib/server/place-index';

const sources = readSources('content/sources');
const manifest: Manifest = JSON.parse(readFileSync('static/data/manifest.json', 'utf8'));
const featureIds = manifest.layers
	.filter((l) => l.kind !== 'labels')
	.flatMap((l) => l.features.map((f) => f.id));
const mentions = parseMentions(
	readFileSync('content/mentions.yaml', 'utf8'),
	'content/mentions.yaml',
	featureIds
);
const index = buildPlaceIndex(sources, mentions);

const expected: Record<string, string[]> = {
	// "in Anchorage" in each report; 001 ¶6 "the Anchorage meeting"; 003 ¶1 names it twice in one
	// sentence; 004 ¶2 is the dateline in capitals.
	anchorage: ['000:1', '001:1', '001:6', '002:2', '003:1', '004:2'],
	// "The tarmac greeting", "stepped onto the tarmac", "red carpets on the tarmac". Every
	// "Elmendorf" in the reports is inside the base's name; "a U.S. air base" (000 ¶8) is not a
	// name; Air Force One is a plane.
	'jber-airfield': ['000:3', '002:3', '004:4'],
	// The base's name in each report, and "on the base" (000 ¶2), "flown into the base" (004 ¶3).
	'jber-footprint': ['000:1', '000:2', '001:1', '002:2', '003:1', '004:2', '004:3'],
	panc: [],
	// Moscow and the Kremlin as the Russian government: "if Moscow blocks", "Moscow has signalled",
	// "For the Kremlin", "the Kremlin has indicated", "re-engage Moscow", "Washington and Moscow"
	// (001 ¶8, 003 ¶6), "The Kremlin, meanwhile" (002 ¶15), "the Kremlin is using" (003 ¶4),
	// "the Kremlin remains confident" (004 ¶27).
	'moscow-kremlin': [
		'000:4',
		'000:7',
		'000:8',
		'000:9',
		'001:4',
		'001:8',
		'002:15',
		'003:4',
		'003:6',
		'004:27'
	],
	kyiv: ['000:6', '000:10', '001:4', '003:2'],
	// The White House (000 ¶3, 001 ¶3, 002 ¶9, ¶11, ¶12 its press secretary, 003 ¶1, 004 ¶6, ¶19 "A
	// White House official"), Washington as the government (000 ¶6, 001 ¶7, ¶8, 003 ¶6) and the Oval
	// Office (004 ¶20). The Washington Examiner (004 ¶15, ¶23, ¶29) is an outlet.
	'washington-white-house': [
		'000:3',
		'000:6',
		'001:3',
		'001:7',
		'001:8',
		'002:9',
		'002:11',
		'002:12',
		'003:1',
		'003:6',
		'004:6',
		'004:19',
		'004:20'
	],
	helsinki: ['001:2'],
	'novaya-zemlya-test-site': ['003:4'],
	'big-diomede': [],
	'little-diomede': [],
	'diomede-village': [],
	'cape-dezhnev': [],
	'cape-prince-of-wales': [],
	'us-russia-maritime-boundary': [],
	'international-date-line': [],
	// "along the current contact line"; "battlefield" (000 ¶9, ¶10, 004 ¶17) is a common word.
	'line-of-contact': ['004:8'],
	crimea: [],
	donetsk: [],
	luhansk: [],
	zaporizhzhia: [],
	kherson: []
};

describe('place index', () => {
	it('lists every place of mentions.yaml here', () => {
		expect(Object.keys(expected).sort()).toEqual(Object.keys(mentions).sort());
	});

	for (const [id, passages] of Object.entries(expected)) {
		it(`credits ${id} with ${passages.join(', ') || 'nothing'}`, () => {
			expect(index[id].map((p) => `${p.source.slice(0, 3)}:${p.paragraph}`)).toEqual(passages);
		});
	}

	it('gives each passage as a sentence found verbatim in its paragraph', () => {
		for (const passages of Object.values(index)) {
			for (const p of passages)
				expect(sources.find((s) => s.id === p.source)!.paragraphs[p.paragraph - 1]).toContain(
					p.quote
				);
		}
	});
});
