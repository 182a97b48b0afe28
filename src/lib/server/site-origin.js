// Where the site is published: SITE_ORIGIN (with BASE_PATH) is the one way to say it. Without it,
// the pages leave out what must be absolute (og:url, og:image, the oEmbed links), the embed code
// and printed citations take the page's own address once it runs, and the oEmbed documents carry
// PLACEHOLDER, which `npm start` (scripts/serve.js) replaces with the address it is asked at.

/** The origin the oEmbed documents are built with when SITE_ORIGIN is not set (a reserved name). */
export const PLACEHOLDER = 'http://site-origin.invalid';

/**
 * SITE_ORIGIN, checked (an http or https origin, without a path); null when it is not set.
 * @param {Record<string, string | undefined>} env
 */
export function siteOrigin(env = process.env) {
	const value = env.SITE_ORIGIN;
	if (!value) return null;
	const example = 'e.g. SITE_ORIGIN=https://news.example';
	let url;
	try {
		url = new URL(value);
	} catch {
		throw new Error(`SITE_ORIGIN=${value} is not an address: give the site's origin, ${example}`);
	}
	if (!/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, ''))
		throw new Error(
			`SITE_ORIGIN=${value}: give the scheme, host and port only, ${example}; a path goes in BASE_PATH`
		);
	return url.origin;
}
