import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    // Every page is prerendered: the story reads without JavaScript.
    // 404.html: unknown URLs (an embed of a section that does not exist) get the not-found page.
    adapter: adapter({ strict: true, fallback: '404.html' }),
    prerender: {
      handleHttpError: 'fail',
      handleMissingId: 'fail',
      // Absolute URLs in the oEmbed documents and discovery links: set SITE_ORIGIN when deploying.
      origin: process.env.SITE_ORIGIN ?? 'http://localhost:4173'
    }
  }
};
