import adapter from '@sveltejs/adapter-static';
import { storyPaths } from './src/lib/server/story-paths.js';

// The story being built (STORY, default: this project's own) brings its static files and gets
// its own build folder.
const story = storyPaths();

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    files: { assets: story.assets },
    // The CSS goes into each page: no stylesheet request stands between the HTML and the first paint.
    inlineStyleThreshold: Infinity,
    // Every page is prerendered: the story reads without JavaScript.
    // 404.html: unknown URLs (an embed of a section that does not exist) get the not-found page.
    adapter: adapter({ pages: story.build, assets: story.build, strict: true, fallback: '404.html' }),
    prerender: {
      handleHttpError: 'fail',
      handleMissingId: 'fail',
      // Absolute URLs in the oEmbed documents and discovery links: set SITE_ORIGIN when deploying.
      origin: process.env.SITE_ORIGIN ?? 'http://localhost:4173'
    }
  }
};
