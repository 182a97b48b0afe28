import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { loadContent } from './src/lib/content/load-story.ts';

/** Fails the build before anything is written when the story file has problems, printing each
 *  as file:line: reason (prerendering would only report "500 /"). */
function checkStory(): Plugin {
  return {
    name: 'check-story',
    apply: 'build',
    buildStart() {
      try {
        loadContent();
      } catch (error) {
        this.error(`\n${(error as Error).message}\n`);
      }
    }
  };
}

export default defineConfig({
  plugins: [checkStory(), sveltekit()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
      },
      {
        // End-to-end tests drive Debian's Chromium against the built site (build/).
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/serve-build.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false
        }
      }
    ]
  }
});
