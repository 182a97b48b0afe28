// The URL hash follows the section being read (or, while exploring, the map's camera).
// replaceState, not pushState: scrolling must not flood the back button with one entry per
// section. The browser's own history API is used with SvelteKit's history state passed through:
// SvelteKit's replaceState throws when called before its router has started, which happens when a
// malformed hash is corrected as the page opens.

/** The section id named by a location hash, if it is one of `sections`. A hash that is not
 *  valid percent-encoding (`#%`, `#%E0%A4%A`) names no section. */
export function sectionFromHash(hash: string, sections: { id: string }[]): string | undefined {
	let id: string;
	try {
		id = decodeURIComponent(hash.replace(/^#/, ''));
	} catch {
		return undefined;
	}
	return sections.find((s) => s.id === id)?.id;
}

/** Puts `hash` in the address bar without a new history entry. */
export function replaceHash(hash: string) {
	if (location.hash !== hash) history.replaceState(history.state, '', hash);
}

/** Writes `hash` into the address bar, except the first section's while the URL has no hash:
 *  the top of the story keeps a clean URL. Null (nothing settled to share yet) writes nothing. */
export function followHash(hash: string | null, firstId: string) {
	if (hash === null || (hash === `#${firstId}` && !location.hash.slice(1))) return;
	replaceHash(hash);
}
