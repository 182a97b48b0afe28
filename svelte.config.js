import adapter from '@sveltejs/adapter-static';
import { atomicBuild } from './scripts/atomic-build.js';
import { CSP_DIRECTIVES } from './scripts/security.js';
import { PLACEHOLDER, siteOrigin } from './src/lib/server/site-origin.js';
import { storyPaths } from './src/lib/server/story-paths.js';

// The story being built (STORY, default: this project's own) brings its static files and gets
// its own build folder.
const story = storyPaths();
const base = /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? '');
// BUILD_DIR: another folder than the story's build/ (the tests' build under a base path).
const out = process.env.BUILD_DIR ?? story.build;

/** @type {import('@sveltejs/kit').Config} */
export default {
	kit: {
		files: { assets: story.assets },
		// Where the site is published: BASE_PATH=/graphics/anchorage puts every page, file and link
		// under that path (README, "Publishing").
		// Absolute (not relative) paths: the same base in every page, and in the absolute URLs of the
		// oEmbed documents and share tags.
		paths: { base, relative: false },
		// The CSS goes into each page: no stylesheet request stands between the HTML and the first paint.
		inlineStyleThreshold: Infinity,
		// Scripts from the site only, with the hashes of the pages' inline start scripts: prerendered
		// pages carry the policy as a meta tag; the headers file repeats it (scripts/security.js).
		csp: { mode: 'hash', directives: CSP_DIRECTIVES },
		// Every page is prerendered: the story reads without JavaScript. The site is written to a
		// folder beside build/ and swapped in whole at the end, with a headers file for static hosts
		// (scripts/atomic-build.js): an interrupted build leaves the previous one as it was.
		adapter: atomicBuild(out, (dir) =>
			adapter({ pages: dir, assets: dir, strict: true, precompress: true })
		),
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			// The oEmbed documents' absolute URLs: SITE_ORIGIN when publishing (site-origin.js).
			origin: siteOrigin() ?? PLACEHOLDER
		}
	}
};
