// Marking the story's quotes in a source paragraph, rendered as text.
import { describe, expect, it } from 'vitest';
import { markSpans } from '$lib/sources/marks';

describe('markSpans', () => {
	const text = 'One two three four five six.';
	const marked = (quotes: string[]) =>
		markSpans(text, quotes)
			.map((s) => (s.marked ? `[${s.text}]` : s.text))
			.join('');

	it('marks a quote and keeps the rest of the text as it is', () => {
		expect(marked(['three four'])).toBe('One two [three four] five six.');
		expect(marked([])).toBe(text);
		expect(marked([text])).toBe(`[${text}]`);
	});

	it('marks two quotes in one paragraph, in text order', () => {
		expect(marked(['five', 'One'])).toBe('[One] two three four [five] six.');
	});

	it('merges quotes that overlap, touch or repeat', () => {
		expect(marked(['two three', 'three four'])).toBe('One [two three four] five six.');
		expect(marked(['two ', 'three'])).toBe('One [two three] four five six.');
		expect(marked(['six', 'six'])).toBe('One two three four five [six].');
		expect(marked(['two three four', 'three'])).toBe('One [two three four] five six.');
	});

	it('ignores a quote that is not in the paragraph', () => {
		expect(marked(['seven'])).toBe(text);
	});
});
