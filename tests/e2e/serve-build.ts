// Vitest global setup for the end-to-end tests: serves each built story on a free port: this
// project's (build/) and the small second story of tests/fixtures/second-story (its build/), which
// shows the engine runs another story with no code change. `npm test` builds both first; on its
// own, run `npm run build && npm run build:fixture` before `vitest run --project e2e`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.js';
import { storyPaths } from '../../src/lib/server/story-paths.js';

/** A built story under test: its folder (a STORY) and where it is served. */
export interface Site {
  name: string;
  root: string;
  build: string;
  baseURL: string;
}

const STORIES = [
  { name: 'this story', root: '.' },
  { name: 'the second story', root: 'tests/fixtures/second-story' }
];

export default async function setup(project: TestProject) {
  const servers: Server[] = [];
  const sites: Site[] = [];
  for (const { name, root } of STORIES) {
    const build = storyPaths(root).build;
    if (!existsSync(join(build, 'index.html'))) throw new Error(`${build} is missing: run \`npm run build\` and \`npm run build:fixture\` first`);
    const server = await serve(build, 0);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    servers.push(server);
    sites.push({ name, root, build, baseURL: `http://127.0.0.1:${port}` });
  }
  project.provide('sites', sites);
  return () => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
}

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Site[];
  }
}
