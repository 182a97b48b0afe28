// The reader's first sign of engagement with the page: a pointer that moves or presses, a touch,
// a wheel, a key, a scroll. The story loads its live map then (the still shows the view until
// it arrives), so that MapLibre's parse and first frame never stand between a reader who is only
// looking and the page.
const EVENTS = ['pointermove', 'pointerdown', 'touchstart', 'wheel', 'keydown', 'scroll'] as const;

/** Calls `fn` once, at the first of those events; returns a function that cancels. */
export function onFirstEngagement(fn: () => void): () => void {
	const once = () => {
		cancel();
		fn();
	};
	const cancel = () => EVENTS.forEach((type) => removeEventListener(type, once));
	EVENTS.forEach((type) => addEventListener(type, once, { passive: true }));
	return cancel;
}

/** Where this tab remembers that the reader has had the live map. */
const ENGAGED = 'story-live-map';

/** The reader had the live map earlier in this tab (and comes back to the story, e.g. with Back
 *  from a source page): it loads at once, not at their next move. */
export function engagedBefore(): boolean {
	try {
		return sessionStorage.getItem(ENGAGED) === 'yes';
	} catch {
		return false; // storage refused (a sandboxed frame, privacy settings)
	}
}

export function rememberEngagement() {
	try {
		sessionStorage.setItem(ENGAGED, 'yes');
	} catch {
		// Not remembered: the map waits for the reader's move next time, as on a first visit.
	}
}
