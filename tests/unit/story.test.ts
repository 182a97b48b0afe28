// The story being built (STORY) checks, and every passage is in its report letter for letter. The
// verbatim test re-reads the raw report files instead of trusting the checker's own search.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storyPassages } from '$lib/content/types';
import { loadContent } from '$lib/server/load-content';
import { storyPaths } from '$lib/server/story-paths.js';

const { story, manifest } = loadContent();
const raw = (id: string) => readFileSync(join(storyPaths().sources, `${id}.txt`), 'utf8');

describe('the story', () => {
	it.each(storyPassages(story))(
		'$section: passage from $source ¶$paragraph is verbatim in that paragraph',
		(p) => {
			const lines = raw(p.source)
				.split('\n')
				.map((l) => l.replace(/\s+/g, ' ').trim())
				.filter((l) => /[\p{L}\p{N}]/u.test(l));
			expect(lines[p.paragraph - 1]).toContain(p.quote);
		}
	);

	it('shows only layers that the geodata manifest has', () => {
		const known = new Set(manifest.layers.map((l) => l.id));
		for (const view of Object.values(story.views))
			for (const layer of view.layers) expect(known).toContain(layer);
	});
});
