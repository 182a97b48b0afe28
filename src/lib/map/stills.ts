// The stills of the map's views, rendered at build time (src/lib/server/stills/), as the page
// refers to them. A still covers STILL_COVER times its box's shorter side in each direction, so
// that, scaled to the shorter side of whatever box shows it (as the live map fits its zoom), it
// covers boxes up to that many times longer than they are wide.
import { base } from '$app/paths';

export const STILL_COVER = 1.8;

export type StillKind = 'wide' | 'narrow' | 'card';

/** Where a section's still is: /stills/<section>-<kind>.png. */
export const stillPath = (sectionId: string, kind: StillKind) =>
	`${base}/stills/${sectionId}-${kind}.png`;

/** Below this width the map sits above the text and shows the narrow stills (app.css, +page). */
export const NARROW_MEDIA = '(max-width: 760px)';
