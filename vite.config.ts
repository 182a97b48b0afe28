import { resolve } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { runnerImport, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { loadContent, pageContent } from './src/lib/server/load-content.ts';
import { ContentError } from './src/lib/server/yaml-reader.ts';
import { themeCss } from './src/lib/theme/theme-css.ts';

/** `virtual:theme.css`: the page's colour properties, generated from the tokens. */
function themeStyles(): Plugin {
	const id = '\0theme.css';
	return {
		name: 'theme-css',
		resolveId: (source) => (source === 'virtual:theme.css' ? id : undefined),
		load: (source) => (source === id ? themeCss() : undefined)
	};
}

/** `virtual:content`: what the story's and the embeds' pages run with (pageContent), as a module
 *  of their script rather than data in their HTML; `virtual:messages`: the interface's words in
 *  the story's language (src/lib/i18n/t.ts). Under `vite dev` the pages reload when the content
 *  changes. */
function storyContent(): Plugin {
	const ids: Record<string, string> = {
		'virtual:content': '\0content.js',
		'virtual:messages': '\0messages.js'
	};
	const modules: Record<string, () => unknown> = {
		'\0content.js': () => pageContent(),
		'\0messages.js': () => {
			const { language, messages } = loadContent().i18n;
			return { language, messages };
		}
	};
	return {
		name: 'story-content',
		resolveId: (source) => ids[source],
		load: (source) =>
			modules[source]
				? `export default JSON.parse(${JSON.stringify(JSON.stringify(modules[source]()))});`
				: undefined,
		configureServer(server) {
			// A content with problems reads as null: the module's load then throws them, and Vite
			// shows them over the page.
			const read = () => {
				try {
					return loadContent();
				} catch {
					return null;
				}
			};
			let last = read();
			server.watcher.on('all', () => {
				const now = read();
				if (now === last) return;
				last = now;
				for (const environment of Object.values(server.environments))
					for (const id of Object.keys(modules)) {
						const module = environment.moduleGraph.getModuleById(id);
						if (module) environment.moduleGraph.invalidateModule(module);
					}
				server.ws.send({ type: 'full-reload' });
			});
		}
	};
}

/** The framing check (src/lib/server/stills/framing-check.ts), loaded through Vite for its
 *  `$lib` imports; once per build (the client's and the server's builds both start). */
let framing: Promise<void> | null = null;
const checkFraming = () => (framing ??= runFramingCheck());
async function runFramingCheck() {
	const { module } = await runnerImport<typeof import('./src/lib/server/stills/framing-check.ts')>(
		'./src/lib/server/stills/framing-check.ts',
		{
			configFile: false,
			resolve: { alias: { $lib: resolve('src/lib') } }
		}
	);
	const problems = await module.checkStoryFraming();
	if (problems.length) throw new ContentError(problems);
}

/** Fails the build before anything is written when the content has problems (the story, its
 *  sources, or a view whose map does not show its subject at every width), printing each as
 *  file:line: reason and nothing else (prerendering would only report "500 /", and the bundler
 *  would add its own stack trace to an editor's mistake). A fault of the code is still thrown. */
function checkStory(): Plugin {
	return {
		name: 'check-story',
		apply: 'build',
		async buildStart() {
			try {
				loadContent();
				await checkFraming();
			} catch (error) {
				if (!(error instanceof ContentError)) throw error;
				const count = error.problems.length;
				console.error(
					`\n${error.message}\n\nThe story was not built: ${count} problem${count === 1 ? '' : 's'} in its content.`
				);
				process.exit(1);
			}
		}
	};
}

export default defineConfig({
	plugins: [checkStory(), themeStyles(), storyContent(), sveltekit()],
	// A build says what an editor must read, and little else: no list of chunks, no timings.
	logLevel: 'warn',
	build: {
		// MapLibre (1.1 MB) and its worker are one file each by design, fetched with the live map.
		chunkSizeWarningLimit: 1536,
		rolldownOptions: { checks: { pluginTimings: false } }
	},
	test: {
		projects: [
			{
				extends: true,
				// The engine's unit tests, and this story's own content checks (tests/content).
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
					exclude: ['tests/unit/**/*.svelte.test.ts'],
					environment: 'node'
				}
			},
			{
				// Runes as in the browser (effects run): the controller and the story state on a fake map.
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'client',
					include: ['tests/unit/**/*.svelte.test.ts'],
					environment: './tests/unit/svelte-client-environment.ts'
				}
			},
			{
				// End-to-end tests drive Debian's Chromium against the built stories (build/, and the
				// second story's, see tests/e2e/serve-build.ts).
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/serve-build.ts'],
					// Generous limits: every wait is for a condition, and a limit only ends a test that
					// has already failed; on a busy machine (a second suite beside this one) a map can
					// take many times as long to draw.
					testTimeout: 300_000,
					hookTimeout: 300_000,
					expect: { poll: { timeout: 60_000 } },
					// Two files at a time: most of a test's time is the browser waiting on SwiftShader, so
					// two overlap well on two cores (measured: 292 s against 359 s one at a time). After
					// the unit tests (a group of their own).
					maxWorkers: 2,
					sequence: { groupOrder: 1 }
				}
			}
		]
	}
});
