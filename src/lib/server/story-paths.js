// Which story the site is built from: one setting, STORY, the folder that holds it, laid out like
// this project's root (content/, geodata/, static/). The default is this project's own story.
// The geodata build, the content loader, svelte.config.js and the tests all read it from here.
import path from 'node:path';

/** The folder of the story being built (STORY, default: the project root). */
export const STORY_ROOT = process.env.STORY || '.';

/**
 * Where each part of the story in `root` lives.
 * @param {string} [root]
 */
export function storyPaths(root = STORY_ROOT) {
	const at = (/** @type {string[]} */ ...parts) => path.join(root, ...parts);
	return {
		/** The story: sections, views, passages. */
		story: at('content', 'story.yaml'),
		/** The source reports, one .txt each, copied verbatim. */
		sources: at('content', 'sources'),
		/** What each report says of its own origin. */
		sourceMeta: at('content', 'sources.yaml'),
		/** How the reports name each feature of the map. */
		mentions: at('content', 'mentions.yaml'),
		/** What each cited paragraph said when it was cited (`npm run pin`, pins.ts). */
		pins: at('content', 'pins.json'),
		/** Authored GeoJSON, distances.json and basemap.json. */
		geodata: at('geodata'),
		/** Files served as they are (favicon, generated data). */
		assets: at('static'),
		/** What `npm run geodata` generates from geodata/. */
		data: at('static', 'data'),
		/** Where `npm run build` writes the site. */
		build: at('build')
	};
}
