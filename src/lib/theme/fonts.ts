// The text's faces (app.css) are used from a reader's second page on. The first page paints in
// the system's sans-serif, so that on a slow phone nothing competes with the map's still (the
// faces, 27 KiB, cost Lighthouse's mobile largest paint 150 ms; and with font-display: optional a
// slow connection never showed them on a first page anyway). Once the page runs, these faces are
// fetched into the cache, without touching this page's text (it would reflow under the reader),
// and the boot script (boot-script.js) lets the pages that follow use them from their first paint.
import { FONTS_KEY } from './boot-script.js';

/** The faces a page's first paint uses (app.css): regular and bold. The italic comes when a page
 *  uses it (font-display: swap), as before. */
const FACES = ['400 1em "Noto Sans"', '700 1em "Noto Sans"'];

export async function cacheFonts() {
	try {
		if (localStorage.getItem(FONTS_KEY)) return;
		const loaded = await Promise.all(FACES.map((face) => document.fonts.load(face)));
		if (loaded.every((faces) => faces.length)) localStorage.setItem(FONTS_KEY, '1');
	} catch {
		// No storage (a sandboxed frame) or no fonts: the system's sans-serif stays.
	}
}
