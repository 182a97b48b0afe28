// The build's output, all or nothing. SvelteKit's adapter writes the site into a fresh folder
// beside build/ (build.next), the files for static hosts are added (_headers, _redirects and the
// oEmbed not-found document, scripts/security.js), and only then is it swapped in by two
// renames. A build that fails or is killed half-way leaves the previous build/ as it was, still
// serving; its unfinished folder is removed by the next build.
import fs from 'node:fs';
import { PLACEHOLDER } from '../src/lib/server/site-origin.js';
import { formatHeaders, formatRedirects, headerRules, OEMBED_NOT_FOUND } from './security.js';

/**
 * @param {string} dest  the build folder, e.g. "build"
 * @param {(out: string) => import('@sveltejs/kit').Adapter} make  the adapter, writing to `out`
 * @returns {import('@sveltejs/kit').Adapter}
 */
export function atomicBuild(dest, make) {
	const next = `${dest}.next`;
	const old = `${dest}.old`;
	const inner = make(next);
	return {
		name: `atomic ${inner.name}`,
		async adapt(builder) {
			for (const dir of [next, old]) fs.rmSync(dir, { recursive: true, force: true });
			// (The inner adapter's "Wrote site to build.next" would name a folder about to go.)
			const log = Object.assign(() => {}, builder.log, { minor: () => {} });
			await inner.adapt({ ...builder, log });
			const base = builder.config.kit.paths.base;
			fs.writeFileSync(`${next}/${OEMBED_NOT_FOUND.file}`, OEMBED_NOT_FOUND.body);
			fs.writeFileSync(`${next}/_redirects`, formatRedirects(base));
			fs.writeFileSync(`${next}/_headers`, formatHeaders(headerRules(next, base)));
			if (fs.existsSync(dest)) fs.renameSync(dest, old);
			fs.renameSync(next, dest);
			fs.rmSync(old, { recursive: true, force: true });
			builder.log(`The site is in ${dest}/: npm run preview serves it`);
			if (builder.config.kit.prerender.origin === PLACEHOLDER)
				builder.log.warn(
					'SITE_ORIGIN is not set: the pages leave out og:url, og:image and the oEmbed links, and only npm start gives the oEmbed documents an address. Set it to publish (README, "Publishing").'
				);
		}
	};
}
