// J and K move between sections only as shortcuts: not when turned off, not with a modifier, not
// while typing into a field (WCAG 2.1.4).
import { describe, expect, it } from 'vitest';
import { sectionKey, type KeyPress } from '$lib/story/section-keys';

const element = (tagName: string, type = '', editable = false) =>
	({
		tagName,
		type,
		isContentEditable: editable,
		// The element itself, for a selector list of tag names and [contenteditable…].
		closest: (selector: string) =>
			selector
				.split(',')
				.map((part) => part.trim())
				.some(
					(part) =>
						part === tagName.toLowerCase() || (editable && part.startsWith('[contenteditable'))
				)
				? {}
				: null
	}) as unknown as EventTarget;

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
	key,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	defaultPrevented: false,
	target: element('BODY'),
	...extra
});

describe('sectionKey', () => {
	it('is +1 for J and -1 for K, and nothing for other keys', () => {
		expect(
			[press('j'), press('k'), press('J'), press('n'), press(' ')].map((e) => sectionKey(e, true))
		).toEqual([1, -1, null, null, null]);
	});

	it('does nothing when turned off, with a modifier, or already handled', () => {
		expect(sectionKey(press('j'), false)).toBeNull();
		for (const mod of ['ctrlKey', 'metaKey', 'altKey', 'defaultPrevented'] as const)
			expect(sectionKey(press('j', { [mod]: true }), true), mod).toBeNull();
	});

	it('does nothing while typing, but acts from a checkbox or a button', () => {
		for (const target of [
			element('INPUT', 'text'),
			element('INPUT', 'search'),
			element('TEXTAREA'),
			element('SELECT'),
			element('DIV', '', true)
		])
			expect(sectionKey(press('j', { target }), true)).toBeNull();
		for (const target of [element('INPUT', 'checkbox'), element('BUTTON'), element('A')])
			expect(sectionKey(press('j', { target }), true)).toBe(1);
	});
});
