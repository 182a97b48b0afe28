// Which section crosses the reading line: a thin band across the middle of the viewport. An
// IntersectionObserver reports crossings, so nothing runs on scroll events; the story state
// decides what a crossing means (StoryState.read).
export class ReadingLine {
	#observer: IntersectionObserver | null = null;
	/** Tracked elements, and the section each stands for. */
	#tracked = new Map<Element, string>();
	/** The tracked elements now in the band. */
	#inBand = new Set<Element>();
	#onRead: (sectionId: string | null) => void;

	/** @param onRead called with the section under the line, or null when none is */
	constructor(onRead: (sectionId: string | null) => void) {
		this.#onRead = onRead;
	}

	/** Attachment for an element that stands for section `sectionId` while it is under the line:
	 *  `{@attach line.track(section.id)}`. */
	track = (sectionId: string) => (node: Element) => {
		this.#observer ??= new IntersectionObserver((entries) => this.#update(entries), {
			// A 2%-high band just above the middle of the viewport.
			rootMargin: '-48% 0px -50% 0px'
		});
		this.#tracked.set(node, sectionId);
		this.#observer.observe(node);
		return () => {
			this.#observer?.unobserve(node);
			this.#tracked.delete(node);
			this.#inBand.delete(node);
		};
	};

	#update(entries: IntersectionObserverEntry[]) {
		for (const entry of entries) {
			if (entry.isIntersecting) this.#inBand.add(entry.target);
			else this.#inBand.delete(entry.target);
		}
		// Entries can arrive batched after a fast scroll: decide from the current set, not the last entry.
		const [first] = this.#inBand;
		this.#onRead(first ? (this.#tracked.get(first) ?? null) : null);
	}

	destroy() {
		this.#observer?.disconnect();
		this.#observer = null;
	}
}
