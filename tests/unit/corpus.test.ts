import { describe, expect, it } from 'vitest';
import {
	closestText,
	findParagraph,
	makeSource,
	normaliseSpace,
	splitParagraphs
} from '$lib/server/corpus';

describe('corpus', () => {
	it('splits on lines, skipping blank runs and lines without a letter or digit', () => {
		expect(splitParagraphs('Headline\n\n.\n\n  First  para.\u00a0\n\n\n\nSecond\n')).toEqual([
			'Headline',
			'First para.',
			'Second'
		]);
	});

	it('normalises whitespace only, never quotes or dashes', () => {
		expect(normaliseSpace(' “a”\n\t b—c ')).toBe('“a” b—c');
	});

	const source = makeSource('s', 'Alpha beta gamma.\nPutin’s plane landed — late.\n');
	it('finds the 1-based paragraph of a verbatim quote across line breaks', () => {
		expect(findParagraph(source, 'Putin’s plane\n landed')).toBe(2);
		expect(findParagraph(source, "Putin's plane")).toBe(0);
		expect(findParagraph(source, 'Putin’s plane landed - late')).toBe(0);
		expect(findParagraph(source, '  ')).toBe(0);
	});

	it('shows the closest text for a misquote, even with a word dropped', () => {
		expect(closestText(source, 'Putin’s plane arrived — late.')).toBe(
			'Putin’s plane landed — late.'
		);
		expect(closestText(source, 'Putin’s jet landed')).toBe('Putin’s plane landed');
	});
});
