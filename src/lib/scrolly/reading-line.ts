// Which section owns the map: the one crossing the reading line, a thin band across the viewport
// where the reader reads. Beside the text (a wide window), the band is just above the middle; on a
// phone, whose map sits above the text, it is three quarters down, so that a section owns the map
// as soon as its heading and first lines are on screen below the map. And once the end of the
// page is on screen (by scrolling, End, or a jump), the last section owns it, whatever the band
// crosses. IntersectionObservers report crossings, so nothing runs on scroll events; the story
// state decides what a crossing means (StoryState.read).

/** The band, as an IntersectionObserver rootMargin: beside the text, and above it (a phone). */
const BANDS = { wide: '-48% 0px -50% 0px', narrow: '-75% 0px -23% 0px' };

export class ReadingLine {
	#observer: IntersectionObserver | null = null;
	#end: IntersectionObserver | null = null;
	/** Tracked elements, and the section each stands for. */
	#tracked = new Map<Element, string>();
	/** The tracked elements now in the band. */
	#inBand = new Set<Element>();
	/** The section that owns the map while the end of the page is on screen, if it is. */
	#atEnd: string | null = null;
	#onRead: (sectionId: string | null) => void;
	#narrow: MediaQueryList | null = null;

	/**
	 * @param onRead called with the section under the line, or null when none is
	 * @param narrowMedia the media query under which the map sits above the text
	 */
	constructor(onRead: (sectionId: string | null) => void, narrowMedia?: string) {
		this.#onRead = onRead;
		if (narrowMedia && typeof matchMedia === 'function') {
			this.#narrow = matchMedia(narrowMedia);
			this.#narrow.addEventListener('change', this.#rebuild);
		}
	}

	#band = () => (this.#narrow?.matches ? BANDS.narrow : BANDS.wide);

	#observe(node: Element) {
		this.#observer ??= new IntersectionObserver((entries) => this.#update(entries), {
			rootMargin: this.#band()
		});
		this.#observer.observe(node);
	}

	/** The window crossed the narrow width: the band moves, every element is observed afresh. */
	#rebuild = () => {
		this.#observer?.disconnect();
		this.#observer = null;
		this.#inBand.clear();
		for (const node of this.#tracked.keys()) this.#observe(node);
	};

	/** Attachment for an element that stands for section `sectionId` while it is under the line:
	 *  `{@attach line.track(section.id)}`. */
	track = (sectionId: string) => (node: Element) => {
		this.#tracked.set(node, sectionId);
		this.#observe(node);
		return () => {
			this.#observer?.unobserve(node);
			this.#tracked.delete(node);
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
			if (entry.isIntersecting) this.#inBand.add(entry.target);
			else this.#inBand.delete(entry.target);
		}
		// Entries can arrive batched after a fast scroll: decide from the current set, not the last entry.
		const [first] = this.#inBand;
		this.#onRead(this.#atEnd ?? (first ? (this.#tracked.get(first) ?? null) : null));
	}

	destroy() {
		this.#observer?.disconnect();
		this.#observer = null;
		this.#end?.disconnect();
		this.#end = null;
		this.#narrow?.removeEventListener('change', this.#rebuild);
	}
}
