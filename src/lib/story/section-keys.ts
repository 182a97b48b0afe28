// Keys for the next and previous section (J and K, as in feed readers), for readers who page
// through the story rather than scroll it. Single-character shortcuts (WCAG 2.1.4): the reader can
// turn them off (remembered in this browser), and they never act in a text field or with a
// modifier held, so they never take a key from typing or from the browser's own shortcuts.

export const NEXT_KEY = 'j';
export const PREVIOUS_KEY = 'k';
/** Where the browser remembers that the reader turned the keys off. */
const STORAGE = 'story-section-keys';

/** The part of a KeyboardEvent read here. */
export interface KeyPress {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	defaultPrevented: boolean;
	target: EventTarget | null;
}

/** Where typing goes: a key pressed there is the reader's text, never a shortcut. */
function typingInto(target: EventTarget | null): boolean {
	const el = target as HTMLElement | null;
	if (!el || typeof el.closest !== 'function') return false;
	return (
		el.isContentEditable ||
		!!el.closest('textarea, select, [contenteditable=""], [contenteditable="true"]') ||
		(el.tagName === 'INPUT' &&
			!['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(
				(el as HTMLInputElement).type
			))
	);
}

/** +1 (next section), -1 (previous) or null: not a section key here. */
export function sectionKey(e: KeyPress, on: boolean): 1 | -1 | null {
	if (!on || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target))
		return null;
	return e.key === NEXT_KEY ? 1 : e.key === PREVIOUS_KEY ? -1 : null;
}

/** Whether the reader has the keys on (the default). */
export function keysOn(): boolean {
	try {
		return localStorage.getItem(STORAGE) !== 'off';
	} catch {
		return true;
	}
}

export function setKeysOn(on: boolean) {
	try {
		if (on) localStorage.removeItem(STORAGE);
		else localStorage.setItem(STORAGE, 'off');
	} catch {
		// Not remembered: the choice holds for this page only.
	}
}
