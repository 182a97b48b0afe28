// The bench's generated stories (scripts/scale-story.js) are stories the build accepts: their
// geodata builds, and every section, view, passage and mention passes the content checks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { loadContent } from '$lib/server/load-content';
import { writeScaleStory } from '../../scripts/scale-story.js';

const root = mkdtempSync(join(tmpdir(), 'scale-story-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('writes a story of N sections that the geodata build and the content checks accept', () => {
	writeScaleStory(12, root);
	const geodata = spawnSync(process.execPath, ['geodata/build.js'], {
		env: { ...process.env, STORY: root },
		encoding: 'utf8'
	});
	expect(geodata.stderr + geodata.stdout).not.toMatch(/error/i);
	expect(geodata.status).toBe(0);
	const { story, manifest } = loadContent(root);
	expect(story.sections).toHaveLength(12);
	expect(new Set(story.sections.map((s) => s.view)).size).toBe(12);
	// One point per section, and its regions in layers of ten.
	expect(manifest.layers.map((l) => l.id)).toEqual(['ports', 'regions-1', 'regions-2']);
});

it('refuses a size its grid of places cannot hold', () => {
	expect(() => writeScaleStory(201, root)).toThrow(/1 to 200 sections/);
});
