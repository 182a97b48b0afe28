// The URL hash follows the section being read (or, while exploring, the map's camera).
// replaceState, not pushState: scrolling must not flood the back button with one entry per
// section. The browser's own history API is used with SvelteKit's history state passed through:
// SvelteKit's replaceState throws when called before its router has started, which happens when a
// malformed hash is corrected as the page opens.

/** The section id named by a location hash, if it is one of `sections`. */
export function sectionFromHash(hash: string, sections: { id: string }[]): string | undefined {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  return sections.find((s) => s.id === id)?.id;
}

/** Puts `hash` in the address bar without a new history entry. */
export function replaceHash(hash: string) {
  if (location.hash !== hash) history.replaceState(history.state, '', hash);
}

/** Writes `#<id>` into the address bar (nothing for the first section while the URL has no
 *  section in it: the top of the story keeps a clean URL). */
export function followHash(id: string, firstId: string) {
  if (id === firstId && !location.hash.slice(1)) return;
  replaceHash(`#${id}`);
}
