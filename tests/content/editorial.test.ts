// What this story promises its readers, beyond what the engine checks for any story: enough
// sections, each with text and a described map, the reports set against each other, and most of
// them quoted.
import { describe, expect, it } from 'vitest';
import { storyPassages } from '$lib/content/types';
import { loadContent } from '$lib/server/load-content';

const { story } = loadContent('.');
const passages = storyPassages(story);

describe('the Anchorage story', () => {
	it('has at least six sections, each with text and a map description', () => {
		expect(story.sections.length).toBeGreaterThanOrEqual(6);
		for (const s of story.sections) {
			expect(s.body.length, s.id).toBeGreaterThan(0);
			expect(s.mapDescription.length, s.id).toBeGreaterThan(80);
		}
	});

	it('sets at least two reports against each other in every disagreement', () => {
		const disagreements = story.sections.flatMap((s) => s.disagreements);
		expect(disagreements.length).toBeGreaterThanOrEqual(5);
		for (const d of disagreements) {
			expect(d.positions.length, d.id).toBeGreaterThanOrEqual(2);
			expect(
				new Set(d.positions.flatMap((p) => p.passages.map((q) => q.source))).size,
				d.id
			).toBeGreaterThanOrEqual(2);
		}
	});

	it('quotes at least four of the five reports', () => {
		expect(new Set(passages.map((p) => p.source)).size).toBeGreaterThanOrEqual(4);
	});

	it('quotes two different reports in most sections', () => {
		const mixed = story.sections.filter((s) => new Set(s.passages.map((p) => p.source)).size >= 2);
		expect(mixed.length).toBeGreaterThan(story.sections.length / 2);
	});
});
