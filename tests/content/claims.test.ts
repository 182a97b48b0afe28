// Our own words are held to the reports as the quotes are: in this story, every sentence of the
// narrative (the dek, each section's text, the notes on the reports' disagreements) that names a
// number, a date or a quoted word carries a citation of a report's paragraph or a distance or
// an area computed from the geodata. Map descriptions and the method are left out: they describe the
// map's own data, whose provenance the key and the feature panels give.
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '$lib/content/types';
import { formatArea, formatDistance } from '$lib/server/format';
import { loadContent } from '$lib/server/load-content';
import { sentences } from '$lib/server/place-index';

const { story, distances, areas, i18n } = loadContent('.');
const figures = [
	...distances.map((d) => formatDistance(d, i18n)),
	...areas.map((a) => formatArea(a, i18n))
];

/** A citation, as the sentence splitter sees it: inside the sentence it supports. */
const CITED = '⟦cited⟧';

/** What needs support: figures, number words, months, and words in quotation marks. */
const CLAIM = [
	/\d/,
	/\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million)\b/i,
	/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/,
	/“[^”]+”|"[^"]+"|(?:^|\s)‘[^’]+’/
];

function unsupported(paragraph: Paragraph): string[] {
	const text = paragraph.map((part) => (typeof part === 'string' ? part : CITED)).join('');
	return sentences(text).filter(
		(s) =>
			CLAIM.some((claim) => claim.test(s)) &&
			!s.includes(CITED) &&
			!figures.some((f) => s.includes(f))
	);
}

const narrative: [where: string, paragraph: Paragraph][] = [
	['dek', story.dek],
	...story.sections.flatMap((s) =>
		s.body.map((p, i): [string, Paragraph] => [`${s.id}, paragraph ${i + 1}`, p])
	),
	...story.sections.flatMap((s) =>
		s.disagreements.map((d): [string, Paragraph] => [`${s.id}, note on ${d.id}`, d.note])
	)
];

describe('claims in our own words', () => {
	it.each(narrative)(
		'%s: every sentence naming a number, date or quoted word cites or computes it',
		(_, paragraph) => {
			expect(unsupported(paragraph)).toEqual([]);
		}
	);

	it('catches a sentence with a figure and no citation', () => {
		expect(
			unsupported([
				'The talks began at 11:30. They lasted ',
				[{ source: 'x', label: 'X', paragraph: 1 }],
				'.'
			])
		).toEqual(['The talks began at 11:30.']);
		expect(unsupported(['It was “historic”, said one.'])).toEqual(['It was “historic”, said one.']);
		expect(unsupported([`Kyiv is ${figures[0]} away.`])).toEqual([]);
	});

	it('cites in every section', () => {
		for (const s of story.sections)
			expect(
				s.body.some((p) => p.some((part) => typeof part !== 'string')) ||
					s.disagreements.length > 0,
				s.id
			).toBe(true);
	});
});
