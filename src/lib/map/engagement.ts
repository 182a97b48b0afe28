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
