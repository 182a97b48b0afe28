// How this project starts Debian's Chromium, headless: the bench (as ../shared/bench/measure.mjs
// starts it) and the end-to-end tests (which add ANGLE's SwiftShader, tests/e2e/browser.ts).

export const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Software WebGL, no GPU, nothing fetched from the network by the browser itself. */
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
