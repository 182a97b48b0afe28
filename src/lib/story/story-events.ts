// What a reader does, told to the page around the story so that a newsroom can measure it without
// a third-party script: CustomEvents on `window` (the story's own page), and from an embed, the same
// events posted to the page that framed it, to its origin only, once its /embed.js has said hello
// (host-channel.ts); /embed.js dispatches them there on the iframe, whence they bubble to the
// host's window. Nothing is sent anywhere else: no request leaves the site. The schema is
// versioned (`version` in every detail) and documented in the README.
import { sendToHost } from '$lib/embed/host-channel';

/** The version of the events' schema: a change that breaks a listener raises it. */
export const EVENTS_VERSION = 1;

/** Each event, and what its detail says besides `version`, `section` (the section read) and
 *  `embedded` (whether it comes from an embed). */
export interface StoryEvents {
	/** The reader came to a section (at load too). `index` counts from 0, of `count`. */
	'story:section-entered': { index: number; count: number };
	/** The reader began moving the map freely. */
	'story:explore-opened': object;
	/** The reader went back to the story's view. */
	'story:explore-closed': object;
	/** The reader copied a link to the view the map shows. */
	'story:view-shared': { url: string };
	/** The reader opened a report's text at a paragraph. */
	'story:source-opened': { source: string; paragraph: number };
	/** The reader copied a section's embed code. */
	'story:embed-code-copied': object;
}
export type StoryEventName = keyof StoryEvents;
export const STORY_EVENT_NAMES: StoryEventName[] = [
	'story:section-entered',
	'story:explore-opened',
	'story:explore-closed',
	'story:view-shared',
	'story:source-opened',
	'story:embed-code-copied'
];
export type StoryEventDetail<N extends StoryEventName> = StoryEvents[N] & {
	version: typeof EVENTS_VERSION;
	section: string;
	embedded: boolean;
};

/** Dispatches `name` on window and, in an embed, posts it to the host page. */
export function emitStoryEvent<N extends StoryEventName>(
	name: N,
	section: string,
	detail: StoryEvents[N]
) {
	const embedded = window.parent !== window;
	const full = { ...detail, version: EVENTS_VERSION, section, embedded } as StoryEventDetail<N>;
	window.dispatchEvent(new CustomEvent(name, { detail: full }));
	if (embedded) sendToHost(name, full);
}
