// Vitest global setup for the end-to-end tests: serves the built site (build/) on a free port.
// `npm test` builds first; run `npm run build` before `vitest run --project e2e` on its own.
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.js';

export default async function setup(project: TestProject) {
  if (!existsSync('build/index.html')) throw new Error('build/ is missing: run `npm run build` first');
  const server = await serve('build', 0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('baseURL', `http://127.0.0.1:${port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
