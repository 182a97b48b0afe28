// The stills of the map's views, rendered at build time (src/lib/server/stills/), as the page
// refers to them. A still covers STILL_COVER times its box's shorter side in each direction, so
// that, scaled to the shorter side of whatever box shows it (as the live map fits its zoom), it
// covers boxes up to that many times longer than they are wide.
import { base } from '$app/paths';
import type { Theme } from '$lib/theme/tokens';

export const STILL_COVER = 1.8;

/** The map box's still is marked for Element Timing: the page's scripts load once it is painted
 *  (src/lib/server/start-after-still.ts). */
export const STILL_TIMING = 'still';

export type StillKind = 'wide' | 'narrow' | 'card' | 'print';

/** The stills that exist in the dark theme too: those the map box shows. A shared link's card
 *  and the printed page's still are light. */
export const THEMED_STILLS: StillKind[] = ['wide', 'narrow'];

/** The themes a kind of still is drawn in. */
export const stillThemes = (kind: StillKind): Theme[] =>
	THEMED_STILLS.includes(kind) ? ['light', 'dark'] : ['light'];

/** The file format of a kind of still: WebP (lossless, a third smaller than PNG) for the map box,
 *  which every browser the live map runs in shows; PNG for the card, which link previews and
 *  printers read. */
export const stillFormat = (kind: StillKind): 'webp' | 'png' => (kind === 'card' ? 'png' : 'webp');

/** Where a step's still is: /stills/<step>-<kind>.<format>, or -<kind>-dark.<format>. */
export const stillPath = (stepId: string, kind: StillKind, theme: Theme = 'light') =>
	`${base}/stills/${stepId}-${kind}${theme === 'dark' ? '-dark' : ''}.${stillFormat(kind)}`;

export { NARROW_MEDIA } from './framing';
