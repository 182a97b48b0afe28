// Which file of the built site a request asks for, decided once and before anything else, so
// that what is served and the headers it gets (scripts/security.js) follow the same file however
// the path was spelled: percent-encoding decoded, `.` and `..` resolved (never above the site's
// root), repeated slashes collapsed, the query dropped. Clean URLs as static hosts have them:
// /sources/x and /sources/x/ are sources/x.html, / is index.html. Only pages and assets are
// served: the host files (_headers, _redirects), the precompressed copies asked for by name
// (index.html.br) and dotfiles are not the site's files.
import fs from 'node:fs/promises';
import path from 'node:path';

/** Files of the build that are for the host or the server, not for readers. */
const HOST_FILES = new Set(['_headers', '_redirects']);

/**
 * The site's path of a request, as segments under `base`: null when the address does not decode
 * (400), 'outside' when it is not under the base path.
 * @param {string} url  the request's target as sent, e.g. "/embed/../index.html?x"
 * @param {string} base  BASE_PATH, '' at the root
 * @returns {string[] | null | 'outside'}
 */
export function siteSegments(url, base) {
	if (!url.startsWith('/')) return null;
	let decoded;
	try {
		decoded = decodeURIComponent(url.split('?')[0]);
	} catch {
		return null;
	}
	if (decoded.includes('\0')) return null;
	/** @type {string[]} */
	const segments = [];
	for (const part of decoded.split('/')) {
		if (part === '..') segments.pop();
		else if (part && part !== '.') segments.push(part);
	}
	const baseSegments = base.split('/').filter(Boolean);
	if (baseSegments.some((s, i) => segments[i] !== s)) return 'outside';
	return segments.slice(baseSegments.length);
}

/** The path of a site file (e.g. "sources/x.html") whose header rules it gets. */
export const rulePath = (/** @type {string} */ base, /** @type {string} */ file) =>
	`${base}/${file}`;

/**
 * The file of `root` that `segments` name, with its open handle and size, or null (not found).
 * The caller closes the handle.
 * @param {string} root
 * @param {string[]} segments  from siteSegments
 */
export async function openSiteFile(root, segments) {
	if (segments.some((s) => s.startsWith('.'))) return null;
	const rel = segments.join('/');
	if (HOST_FILES.has(rel) || /\.(br|gz)$/.test(rel)) return null;
	const candidates = rel === '' ? ['index.html'] : [rel, `${rel}.html`, `${rel}/index.html`];
	for (const file of candidates) {
		const found = await openFile(root, file);
		if (found) return { file, ...found };
	}
	return null;
}

/**
 * A regular file at `root/file`, opened, that really lies inside `root` (no link out of it).
 * @param {string} root
 * @param {string} file
 */
export async function openFile(root, file) {
	const abs = path.join(root, file);
	let handle;
	try {
		handle = await fs.open(abs, 'r');
		const stat = await handle.stat();
		const [real, realRoot] = await Promise.all([fs.realpath(abs), fs.realpath(root)]);
		if (stat.isFile() && real.startsWith(realRoot + path.sep)) return { handle, stat };
	} catch {
		// Not there (or removed by a rebuild while we looked): not found.
	}
	await handle?.close();
	return null;
}
