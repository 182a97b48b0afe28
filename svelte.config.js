import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
export default {
  kit: {
    // Every page is prerendered: the story reads without JavaScript.
    adapter: adapter({ strict: true }),
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
  }
};
