// static/data/ is generated from geodata/ and committed: this fails when geodata/ (or the
// build code) changed and `npm run geodata` was not run. The build is deterministic, so a fresh
// build into a temporary folder must match static/data/ byte for byte, file for file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const STALE = 'static/data is stale: run npm run geodata';
const tmp = mkdtempSync(path.join(tmpdir(), 'geodata-stale-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('static/data/ is what npm run geodata builds from geodata/ now', () => {
	const out = path.join(tmp, 'data');
	const run = spawnSync(process.execPath, ['geodata/build.js', '--src', 'geodata', '--out', out], {
		encoding: 'utf8'
	});
	expect(run.status, `geodata build failed:\n${run.stderr}`).toBe(0);

	const fresh = readdirSync(out).sort();
	const committed = readdirSync('static/data').sort();
	expect(committed, `${STALE} (files differ)`).toEqual(fresh);
	for (const name of fresh) {
		const same = readFileSync(path.join(out, name)).equals(
			readFileSync(path.join('static/data', name))
		);
		expect(same, `${STALE} (static/data/${name} differs)`).toBe(true);
	}
	// A whole geodata build (the shores, the areas): seconds on a quiet machine, more on a busy one.
}, 60_000);
