// A clean build tells an editor what they must read and nothing else: where the site is, how to
// see it (and, while SITE_ORIGIN is not set, what that leaves out): five lines at most, no list
// of chunks, no timings, no warning about the size of MapLibre's files. Built in a copy of the
// project (its own .svelte-kit), from the second story, so that nothing else is disturbed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = mkdtempSync(path.join(tmpdir(), 'quiet-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('prints at most five lines, naming the site’s folder and how to see it', () => {
	for (const entry of [
		'src',
		'scripts',
		'static',
		'geodata',
		'package.json',
		'svelte.config.js',
		'vite.config.ts',
		'tsconfig.json'
	])
		cpSync(entry, path.join(root, entry), { recursive: true });
	cpSync('tests/fixtures/second-story', path.join(root, 'story'), {
		recursive: true,
		filter: (source) => !source.includes(`${path.sep}build`)
	});
	symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
	const run = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
		cwd: root,
		env: { ...process.env, STORY: 'story', SITE_ORIGIN: '' },
		encoding: 'utf8'
	});
	const lines = (run.stdout + run.stderr).split('\n').filter((l) => l.trim());
	expect(run.status, lines.join('\n')).toBe(0);
	expect(lines.length, lines.join('\n')).toBeLessThanOrEqual(5);
	expect(lines.join('\n')).toContain('The site is in story/build/: npm run preview serves it');
}, 600_000);
