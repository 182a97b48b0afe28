// The site's security and caching headers, in one place. SvelteKit writes the Content-Security-
// Policy into every prerendered page as a meta tag (kit.csp in svelte.config.js, with the hashes
// of the pages' inline start scripts). The same policy, with what a meta tag cannot say (who may
// frame the page), and the other headers go into build/_headers, the file static hosts such as
// Netlify and Cloudflare Pages read; `npm start` (scripts/serve.js) sends them from that file too.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { BOOT_SCRIPT } from '../src/lib/theme/boot-script.js';
import path from 'node:path';

/** The policy's directives (kit.csp). No 'unsafe-eval' anywhere.
 *  @type {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>} */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	// The pages' own scripts, and the one inline script of app.html: the reader's theme and
	// fonts, set before the first paint (src/lib/theme/boot-script.js).
	'script-src': ['self', `sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}`],
	// The CSS is inlined in each page, and Svelte writes style attributes.
	'style-src': ['self', 'unsafe-inline'],
	// The map's images and tiles are drawn from blobs and data URLs.
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	// MapLibre starts its worker from a blob: URL.
	'worker-src': ['self', 'blob:'],
	'child-src': ['self', 'blob:'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic']);
const quote = (/** @type {string} */ s) =>
	KEYWORDS.has(s) || s.startsWith('sha256-') ? `'${s}'` : s;

/** Cache lifetimes: hashed files never change; pages, data and stills may with the next edition. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_SHORT = 'public, max-age=300';

/**
 * The policy as a header: the directives, every page's inline-script hashes (read from the built
 * pages' meta tags), and who may frame it.
 * @param {string[]} hashes  e.g. "'sha256-…'"
 * @param {boolean} framable  the embed pages: any site may frame them
 */
export function policy(hashes, framable) {
	const directives = Object.entries(CSP_DIRECTIVES).map(([name, values]) =>
		[
			name,
			...new Set([
				.../** @type {string[]} */ (values).map(quote),
				...(name === 'script-src' ? hashes : [])
			])
		].join(' ')
	);
	return [...directives, `frame-ancestors ${framable ? '*' : "'none'"}`].join('; ');
}

/** The hashes in the CSP meta tags of every page under `dir`. */
export function scriptHashes(/** @type {string} */ dir) {
	/** @type {Set<string>} */
	const hashes = new Set();
	for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		if (!file.endsWith('.html')) continue;
		const html = fs.readFileSync(path.join(dir, file), 'utf8');
		const meta =
			/<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
		for (const hash of meta.match(/'sha256-[^']+'/g) ?? []) hashes.add(hash);
	}
	return [...hashes].sort();
}

/**
 * One rule per entry of the site, none overlapping another: hosts such as Netlify and Cloudflare
 * Pages apply every rule that matches a request and join the values of a header they share, which
 * would give two policies to one page (headersFor does the same). Each rule covers every spelling
 * of its entry: a top-level file as `/name*` (so `/index`, `/index.html` and `/index.html.br` all
 * get the story page's rules), a folder as `/folder` and `/folder/*`, `_app`'s hashed `immutable`
 * folder apart from its other files, and `//*` for paths a host has not cleaned of a doubled slash.
 * @param {string} dir  the built site
 * @param {string} base  BASE_PATH, '' at the root
 * @returns {{ path: string, headers: Record<string, string> }[]}
 */
export function headerRules(dir, base) {
	const hashes = scriptHashes(dir);
	const entries = (/** @type {string} */ sub) =>
		fs
			.readdirSync(path.join(dir, sub), { withFileTypes: true })
			.filter((e) => !['_headers', '_redirects'].includes(e.name) && !/\.(br|gz)$/.test(e.name))
			.sort((a, b) => a.name.localeCompare(b.name));
	const patterns = (/** @type {string} */ at, /** @type {import('node:fs').Dirent} */ e) =>
		e.isDirectory()
			? [`${at}${e.name}`, `${at}${e.name}/*`]
			: [`${at}${e.name.replace(/\.html$/, '')}*`];
	/** @type {string[]} */
	const paths = base ? [base, `${base}/`, `${base}//*`] : ['/', '//*'];
	for (const e of entries('')) {
		if (e.name === '_app')
			for (const a of entries('_app')) paths.push(...patterns(`${base}/_app/`, a));
		else paths.push(...patterns(`${base}/`, e));
	}
	const rules = paths.map((p) => {
		const framable = p === `${base}/embed/*`;
		return {
			path: p,
			headers: {
				'Cache-Control': p === `${base}/_app/immutable/*` ? CACHE_IMMUTABLE : CACHE_SHORT,
				'Content-Security-Policy': policy(hashes, framable),
				'X-Content-Type-Options': 'nosniff',
				'Referrer-Policy': 'strict-origin-when-cross-origin',
				...(framable ? {} : { 'X-Frame-Options': 'DENY' })
			}
		};
	});
	for (const a of rules) {
		const clash = rules.find((b) => b !== a && overlap(a.path, b.path));
		if (clash)
			throw new Error(
				`_headers: the rules ${a.path} and ${clash.path} overlap (two entries of ${dir} share a name's beginning)`
			);
	}
	return rules;
}

/** Whether some path matches both patterns (each exact or ending in one `*`). */
function overlap(/** @type {string} */ a, /** @type {string} */ b) {
	const prefix = (/** @type {string} */ p) => p.replace(/\*$/, '');
	const splat = (/** @type {string} */ p) => p.endsWith('*');
	if (splat(a) && splat(b))
		return prefix(a).startsWith(prefix(b)) || prefix(b).startsWith(prefix(a));
	if (splat(a)) return b.startsWith(prefix(a));
	if (splat(b)) return a.startsWith(prefix(b));
	return a === b;
}

/** What an unknown oEmbed section gets, with a 404: JSON, as its consumers expect. */
export const OEMBED_NOT_FOUND = {
	file: 'oembed/not-found.json',
	body: JSON.stringify({ error: 'No such section' })
};

/** The not-found answers in the `_redirects` format (Netlify): rules that apply only where no
 *  file matches, with a 404 status. */
export function formatRedirects(/** @type {string} */ base) {
	return `${base}/oembed/*  ${base}/${OEMBED_NOT_FOUND.file}  404\n${base}/*  ${base}/404.html  404\n`;
}

/** The rules in the `_headers` format: a path, then its headers indented. */
export function formatHeaders(/** @type {ReturnType<typeof headerRules>} */ rules) {
	const header =
		'# Headers for static hosts (Netlify, Cloudflare Pages); written by the build (scripts/security.js).\n';
	return (
		header +
		rules
			.map((r) => [r.path, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'))
			.join('\n') +
		'\n'
	);
}

/** Reads a `_headers` file back into rules. */
export function parseHeaders(/** @type {string} */ text) {
	/** @type {ReturnType<typeof headerRules>} */
	const rules = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
		else {
			const at = line.indexOf(':');
			const rule = rules.at(-1);
			if (rule) rule.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
		}
	}
	return rules;
}

/**
 * The headers a static host sends for `pathname`, as Netlify and Cloudflare Pages do: those of
 * every rule that matches (a `*` matches any characters, `/` included), values of the same header
 * joined with a comma. Undefined when no rule matches.
 */
export function headersFor(
	/** @type {ReturnType<typeof headerRules>} */ rules,
	/** @type {string} */ pathname
) {
	/** @type {Record<string, string> | undefined} */
	let merged;
	for (const rule of rules) {
		const [head, ...rest] = rule.path.split('*');
		if (rest.length > 1) throw new Error(`_headers: ${rule.path}: one * at most`);
		if (
			rest.length
				? !pathname.startsWith(head) ||
					!pathname.endsWith(rest[0]) ||
					pathname.length < head.length + rest[0].length
				: pathname !== head
		)
			continue;
		merged ??= {};
		for (const [name, value] of Object.entries(rule.headers))
			merged[name] = merged[name] ? `${merged[name]}, ${value}` : value;
	}
	return merged;
}
