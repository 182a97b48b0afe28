// Loading a story folder: read once per build and again only when a file changes, and every
// content file (story, sources, mentions) reports its problems as file:line: reason.
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '$lib/server/load-content';
import { ContentError } from '$lib/server/yaml-reader';

/** A copy of this project's story folder (its content and generated data) to change freely. */
function copyStory() {
	const root = mkdtempSync(join(tmpdir(), 'story-'));
	cpSync('content', join(root, 'content'), { recursive: true });
	mkdirSync(join(root, 'static', 'data'), { recursive: true });
	for (const f of ['manifest.json', 'distances.json', 'areas.json'])
		cpSync(join('static', 'data', f), join(root, 'static', 'data', f));
	return root;
}
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function problemsOf(root: string) {
	try {
		loadContent(root);
	} catch (error) {
		if (error instanceof ContentError)
			return error.problems.map((p) => `${p.file.slice(root.length + 1)}:${p.line}: ${p.message}`);
		throw error;
	}
	throw new Error('the content was accepted');
}

describe('loadContent', () => {
	it('reads a story once, and again when one of its files changes', () => {
		const root = copyStory();
		roots.push(root);
		const first = loadContent(root);
		expect(loadContent(root)).toBe(first);
		const later = new Date(Date.now() + 5000);
		utimesSync(join(root, 'content', 'story.yaml'), later, later);
		const second = loadContent(root);
		expect(second).not.toBe(first);
		expect(second.story).toEqual(first.story);
	});

	it('names the line of each problem in sources.yaml', () => {
		const root = copyStory();
		roots.push(root);
		const file = join(root, 'content', 'sources.yaml');
		const text = readFileSync(file, 'utf8')
			.replace(
				'  headline: Trump, Putin shake hands ahead of high-stakes talks',
				'  headline: Trump and Putin shake hands'
			)
			.concat('999_no_such_report:\n  label: Report 9\n');
		writeFileSync(file, text);
		const lines = text.split('\n');
		const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
		expect(problemsOf(root)).toEqual([
			`content/sources.yaml:${lineOf('headline: Trump and Putin')}: 002_5cdbfa6f814fa3b3: headline is not the report's first paragraph`,
			`content/sources.yaml:${lineOf('999_no_such_report')}: "999_no_such_report" is not a report in the sources folder (known: 000_ed693602bbf98664, 001_1bfe9c8a9aab64a7, 002_5cdbfa6f814fa3b3, 003_4367fb0e076358f5, 004_fdcba5b4fbaa6701)`
		]);
	});

	it('names the line of a problem in mentions.yaml', () => {
		const root = copyStory();
		roots.push(root);
		const file = join(root, 'content', 'mentions.yaml');
		writeFileSync(file, `${readFileSync(file, 'utf8')}atlantis:\n  names: [Atlantis]\n`);
		const line = readFileSync(file, 'utf8').split('\n').indexOf('atlantis:') + 1;
		expect(problemsOf(root)).toEqual([
			`content/mentions.yaml:${line}: "atlantis" is not a feature of any map layer`
		]);
	});
});
