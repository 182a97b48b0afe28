// Vitest global setup for the end-to-end tests: starts one Chromium per worker, and serves each
// built story on a free port with the site's own server (scripts/serve.js): this project's
// (build/), the small second story of tests/fixtures/second-story (its build/), which shows the
// engine runs another story with no code change, and this story built under a base path
// (build-base/, served under that path, as a newsroom publishes it). `npm test` builds all three first; on its own, run `npm run build &&
// npm run build:fixture && npm run build:base` before `vitest run --project e2e`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.js';
import { storyPaths } from '../../src/lib/server/story-paths.js';
import { CHROMIUM } from './browser';

/** A built story under test: its folder (a STORY) and where it is served. */
export interface Site {
	name: string;
	root: string;
	build: string;
	/** Where the site is: origin and base path, without a trailing slash. */
	baseURL: string;
}

/** The base path the tests build this story under, and the origin it names (package.json,
 *  build:base); the other builds have no SITE_ORIGIN. */
export const BASE_PATH = '/graphics/anchorage';
export const SITE_ORIGIN = 'https://news.example';

const STORIES = [
	{ name: 'this story', root: '.' },
	{ name: 'the second story', root: 'tests/fixtures/second-story' }
];

export default async function setup(project: TestProject) {
	const servers: Server[] = [];
	const sites: Site[] = [];
	for (const { name, root } of STORIES) {
		const build = storyPaths(root).build;
		if (!existsSync(join(build, 'index.html')))
			throw new Error(
				`${build} is missing: run \`npm run build\` and \`npm run build:fixture\` first`
			);
		const server = await serve(build, 0);
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : 0;
		servers.push(server);
		sites.push({ name, root, build, baseURL: `http://127.0.0.1:${port}` });
	}
	if (!existsSync(join('build-base', 'index.html')))
		throw new Error('build-base is missing: run `npm run build:base` first');
	const server = await serve('build-base', 0, BASE_PATH);
	servers.push(server);
	const address = server.address();
	const baseSite = {
		name: `this story under ${BASE_PATH}`,
		root: '.',
		build: 'build-base',
		baseURL: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${BASE_PATH}`
	};
	project.provide('sites', sites);
	project.provide('baseSite', baseSite);
	// One Chromium per worker for the whole run (browser.ts's launch connects to it).
	const workers = Number(project.config.maxWorkers) || 1;
	const browsers = await Promise.all(
		Array.from({ length: workers }, () => chromium.launchServer({ ...CHROMIUM, host: '127.0.0.1' }))
	);
	project.provide(
		'browsers',
		browsers.map((b) => b.wsEndpoint())
	);
	return async () => {
		await Promise.all(browsers.map((b) => b.close()));
		await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		sites: Site[];
		baseSite: Site;
		/** Where each worker's Chromium listens (playwright's launchServer). */
		browsers: string[];
	}
}
