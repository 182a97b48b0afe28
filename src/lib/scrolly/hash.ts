// The URL hash follows the section being read. replaceState, not pushState: scrolling must not
// flood the back button with one entry per section.
import { replaceState } from '$app/navigation';

/** The section id named by a location hash, if it is one of `sections`. */
export function sectionFromHash(hash: string, sections: { id: string }[]): string | undefined {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  return sections.find((s) => s.id === id)?.id;
}

/** Writes `#<id>` into the address bar (nothing for the first section when the URL has no hash). */
export function followHash(id: string, firstId: string) {
  if (location.hash === `#${id}` || (id === firstId && !location.hash)) return;
  replaceState(`#${id}`, {});
}
