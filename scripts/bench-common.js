// What the bench scripts share: their options, Chromium as the yardstick starts it, and tables.

/** The value after `--name` on the command line, or `fallback`. */
export const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};

export const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** As ../shared/bench/measure.mjs starts Chromium: software WebGL, no GPU. */
export const CHROME_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--enable-unsafe-swiftshader'
];

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
