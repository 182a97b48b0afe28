// Which section the reader is reading: the one that crosses a thin band across the middle of
// the viewport. An IntersectionObserver reports crossings, so nothing runs on scroll events.
export class ActiveSection {
  /** Id of the section being read; starts at the first section (or the one named in the URL). */
  id = $state<string>('');
  #observer: IntersectionObserver | null = null;
  #inBand = new Set<string>();

  constructor(initial: string) {
    this.id = initial;
  }

  /** Attachment for a section element: `{@attach active.track}`. Uses the element's id. */
  track = (node: HTMLElement) => {
    this.#observer ??= new IntersectionObserver((entries) => this.#update(entries), {
      // A 2%-high band just above the middle of the viewport.
      rootMargin: '-48% 0px -50% 0px'
    });
    this.#observer.observe(node);
    return () => {
      this.#observer?.unobserve(node);
      this.#inBand.delete(node.id);
    };
  };

  #update(entries: IntersectionObserverEntry[]) {
    for (const entry of entries) {
      if (entry.isIntersecting) this.#inBand.add(entry.target.id);
      else this.#inBand.delete(entry.target.id);
    }
    // Entries can arrive batched after a fast scroll: decide from the current set, not the last
    // entry. Between sections (nothing in the band) the previous section stays active.
    const [first] = this.#inBand;
    if (first) this.id = first;
  }

  destroy() {
    this.#observer?.disconnect();
    this.#observer = null;
  }
}
