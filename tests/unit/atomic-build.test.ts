// The build's output is all or nothing (scripts/atomic-build.js): a build killed while it writes
// the site, or one refused for its content, leaves the previous build/ as it was, and serving.
// On a copy of the small second story (tests/fixtures/second-story, with its data built).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.js';

const root = mkdtempSync(path.join(tmpdir(), 'atomic-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const dir of ['content', 'static'])
	cpSync(path.join('tests/fixtures/second-story', dir), path.join(root, dir), { recursive: true });

const vite = ['node_modules/vite/bin/vite.js', 'build'];
const env = { ...process.env, STORY: root };
const build = path.join(root, 'build');
/** Every file of the build with a digest of its bytes. */
const snapshot = () =>
	Object.fromEntries(
		readdirSync(build, { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile())
			.map((e) => path.join(e.parentPath, e.name))
			.sort()
			.map((f) => [
				path.relative(build, f),
				createHash('sha1').update(readFileSync(f)).digest('hex')
			])
	);

async function servesIndex() {
	const server = await serve(build, 0);
	try {
		const { port } = server.address() as { port: number };
		const res = await fetch(`http://127.0.0.1:${port}/`);
		return [res.status, (await res.text()).includes('<main')];
	} finally {
		server.close();
	}
}

describe('an interrupted or refused build', () => {
	it('leaves the previous build/ whole and serving', async () => {
		const first = spawnSync(process.execPath, vite, { env, encoding: 'utf8' });
		expect(first.status, first.stderr).toBe(0);
		const before = snapshot();
		expect(Object.keys(before)).toContain('index.html');

		// Killed while the new site is being written beside it.
		const second = spawn(process.execPath, vite, { env, stdio: 'ignore' });
		const exited = new Promise((resolve) => second.once('exit', resolve));
		await expect
			.poll(() => existsSync(`${build}.next`), { timeout: 60_000, interval: 20 })
			.toBe(true);
		second.kill('SIGKILL');
		await exited;
		expect(snapshot()).toEqual(before);
		expect(await servesIndex()).toEqual([200, true]);

		// Refused for its content: nothing is written at all.
		const story = path.join(root, 'content/story.yaml');
		writeFileSync(story, readFileSync(story, 'utf8').replace(/title: .*/, 'title: {Distance:x}'));
		const refused = spawnSync(process.execPath, vite, { env, encoding: 'utf8' });
		expect(refused.status).toBe(1);
		expect(snapshot()).toEqual(before);
	}, 180_000);
});
