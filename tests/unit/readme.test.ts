// The READMEs read in a clone: every link resolves to a file of the repository, and the files
// beside the project (../shared/, which a clone has not) are named only where the README says
// what happens without them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const READMES = ['README.md', 'geodata/README.md'];

describe.each(READMES)('%s', (file) => {
	const text = readFileSync(file, 'utf8');

	it('links only to files of the repository', () => {
		const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]);
		const local = links.filter((l) => !/^[a-z]+:/.test(l));
		expect(local.filter((l) => !existsSync(path.join(path.dirname(file), l)))).toEqual([]);
	});

	it('names ../shared/ only where it says what a clone without it does', () => {
		const paragraphs = text.split(/\n\s*\n/).filter((p) => p.includes('../shared/'));
		expect(paragraphs.filter((p) => !p.includes('bare clone'))).toEqual([]);
	});
});
