// What the bench scripts share: their options, a folder's files and their tables.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The value after `--name` on the command line, or `fallback`. */
export const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};

/** Prints `rows` (the first is the header) as a table with aligned columns. */
export function table(/** @type {string[][]} */ rows) {
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	for (const r of rows)
		console.log(
			r
				.map((c, i) => c.padEnd(widths[i]))
				.join(' | ')
				.trimEnd()
		);
	console.log('');
}

/** Every file under `dir`, recursively. @param {string} dir @returns {string[]} */
export const files = (dir) =>
	readdirSync(dir).flatMap((n) =>
		statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]
	);

/** The middle of the finite numbers of `xs` (null if none). */
export const median = (/** @type {number[]} */ xs) => {
	const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	return v.length
		? v.length % 2
			? v[v.length >> 1]
			: (v[v.length / 2 - 1] + v[v.length / 2]) / 2
		: null;
};
