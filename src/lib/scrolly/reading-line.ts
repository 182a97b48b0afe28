// Which section owns the map: the one crossing the reading line, a thin band across the viewport
// where the reader reads. Beside the text (a wide window), the band is just above the middle; on a
// phone, whose map sits above the text, it is three quarters down, so that a section owns the map
// as soon as its heading and first lines are on screen below the map. And once the end of the
// page is on screen (by scrolling, End, or a jump), the last section owns it, whatever the band
// crosses. Within a section, a question with a map of its own (a step) owns the map from when its
// top reaches the band until the next step's does, so the map does not fall back between them.
// IntersectionObservers report crossings, so nothing runs on scroll events; the story state decides
// what a crossing means (StoryState.read).

/** The band: its top and bottom as percentages of the viewport's height from the top, beside the
 *  text and above it (a phone). */
const BANDS = { wide: [48, 50], narrow: [75, 77] };

export class ReadingLine {
	#observer: IntersectionObserver | null = null;
	#end: IntersectionObserver | null = null;
	/** Tracked elements, and the section each stands for. */
	#tracked = new Map<Element, string>();
	/** The tracked elements now in the band. */
	#inBand = new Set<Element>();
	/** Tracked steps within sections, and the step each stands for. */
	#steps = new Map<Element, string>();
	/** The section that owns the map while the end of the page is on screen, if it is. */
	#atEnd: string | null = null;
	#onRead: (sectionId: string | null, stepId: string | null) => void;
	#narrow: MediaQueryList | null = null;

	/**
	 * @param onRead called with the section under the line, or null when none is, and the step of
	 *   that section whose top has last passed the line, or null when none has
	 * @param narrowMedia the media query under which the map sits above the text
	 */
	constructor(
		onRead: (sectionId: string | null, stepId: string | null) => void,
		narrowMedia?: string
	) {
		this.#onRead = onRead;
		if (narrowMedia && typeof matchMedia === 'function') {
			this.#narrow = matchMedia(narrowMedia);
			this.#narrow.addEventListener('change', this.#rebuild);
		}
	}

	#band = () => (this.#narrow?.matches ? BANDS.narrow : BANDS.wide);

	#observe(node: Element) {
		const [top, bottom] = this.#band();
		this.#observer ??= new IntersectionObserver((entries) => this.#update(entries), {
			rootMargin: `-${top}% 0px -${100 - bottom}% 0px`
		});
		this.#observer.observe(node);
	}

	/** The window crossed the narrow width: the band moves, every element is observed afresh. */
	#rebuild = () => {
		this.#observer?.disconnect();
		this.#observer = null;
		this.#inBand.clear();
		for (const node of [...this.#tracked.keys(), ...this.#steps.keys()]) this.#observe(node);
	};

	/** Attachment for an element that stands for section `sectionId` while it is under the line:
	 *  `{@attach line.track(section.id)}`. */
	track = (sectionId: string) => this.#follow(this.#tracked, sectionId);

	/** Attachment for an element inside a tracked section that moves the map on its own (a question
	 *  with a view): `{@attach line.trackStep(stepId)}`. */
	trackStep = (stepId: string) => this.#follow(this.#steps, stepId);

	/** Observes an element standing for `id` in `elements` until it leaves the page. */
	#follow = (elements: Map<Element, string>, id: string) => (node: Element) => {
		elements.set(node, id);
		this.#observe(node);
		return () => {
			this.#observer?.unobserve(node);
			elements.delete(node);
			this.#inBand.delete(node);
		};
	};

	/** Attachment for an element at the very end of the page: while it is on screen, section
	 *  `sectionId` (the last) owns the map. */
	trackEnd = (sectionId: string) => (node: Element) => {
		this.#end = new IntersectionObserver((entries) => {
			// Batched after a quick End then Home: the latest says where the page is.
			this.#atEnd = entries.at(-1)!.isIntersecting ? sectionId : null;
			this.#update([]);
		});
		this.#end.observe(node);
		return () => {
			this.#end?.disconnect();
			this.#end = null;
			this.#atEnd = null;
		};
	};

	#update(entries: IntersectionObserverEntry[]) {
		for (const entry of entries) {
			if (!this.#tracked.has(entry.target)) continue;
			if (entry.isIntersecting) this.#inBand.add(entry.target);
			else this.#inBand.delete(entry.target);
		}
		// Entries can arrive batched after a fast scroll: decide from the current set, not the last entry.
		const [first] = this.#inBand;
		const sectionId = this.#atEnd ?? (first ? (this.#tracked.get(first) ?? null) : null);
		this.#onRead(sectionId, sectionId ? this.#stepOf(sectionId) : null);
	}

	/** The last step of the section whose top is above the band's lower edge. Read from the layout
	 *  at each crossing (a step crossed by a jump reports nothing of its own). */
	#stepOf(sectionId: string): string | null {
		const section = [...this.#tracked].find(([, id]) => id === sectionId)?.[0];
		const line = (innerHeight * this.#band()[1]) / 100;
		let [step, highest] = [null as string | null, -Infinity];
		for (const [node, id] of this.#steps) {
			const top = node.getBoundingClientRect().top;
			if (section?.contains(node) && top <= line && top > highest) [step, highest] = [id, top];
		}
		return step;
	}

	destroy() {
		this.#observer?.disconnect();
		this.#observer = null;
		this.#end?.disconnect();
		this.#end = null;
		this.#narrow?.removeEventListener('change', this.#rebuild);
	}
}
