// The theme a page is shown in: the reader's own choice (light or dark, remembered in this
// browser), or else what the reader's system prefers. Shared through a typed context: the layout
// makes it, the theme control changes it, the live map and the stills follow it. The page's
// colours follow <html data-theme> through CSS alone (theme-css.ts).
import { getContext, setContext } from 'svelte';
import { THEME_KEY } from './boot-script.js';
import type { Theme } from './tokens';

export type ThemeChoice = Theme | 'auto';

export class ThemeState {
	/** What the reader chose; 'auto' follows the system. */
	choice = $state<ThemeChoice>('auto');
	/** A page that is always in one theme (an embed), whatever the reader chose elsewhere. */
	readonly #fixed: Theme | null;

	constructor(fixed: Theme | null = null) {
		this.#fixed = fixed;
		if (fixed) this.choice = fixed;
	}
	/** What the system prefers. */
	system = $state<Theme>('light');
	readonly current: Theme = $derived(this.choice === 'auto' ? this.system : this.choice);

	/** Reads the stored choice and the system's preference, and follows the system's changes. */
	start(): () => void {
		if (this.#fixed) return () => {};
		// The boot script has put the stored choice on <html> already.
		const chosen = document.documentElement.dataset.theme;
		if (chosen === 'light' || chosen === 'dark') this.choice = chosen;
		const query = matchMedia('(prefers-color-scheme: dark)');
		const read = () => (this.system = query.matches ? 'dark' : 'light');
		read();
		query.addEventListener('change', read);
		return () => query.removeEventListener('change', read);
	}

	/** The reader's choice, remembered and shown at once. */
	choose(choice: ThemeChoice) {
		this.choice = choice;
		const root = document.documentElement;
		try {
			if (choice === 'auto') localStorage.removeItem(THEME_KEY);
			else localStorage.setItem(THEME_KEY, choice);
		} catch {
			// Storage refused (a private window): the choice holds for this page only.
		}
		if (choice === 'auto') delete root.dataset.theme;
		else root.dataset.theme = choice;
	}

	/** The media query under which a dark image shows: the system's preference while the reader
	 *  has not chosen, always or never once they have; never in print. */
	darkMedia(media = ''): string | null {
		if (this.choice === 'light') return null;
		const dark = this.choice === 'dark' ? 'screen' : 'screen and (prefers-color-scheme: dark)';
		return media ? `${dark} and ${media}` : dark;
	}
}

const KEY = Symbol('theme');
export const setThemeState = (state: ThemeState) => setContext(KEY, state);
/** The page's theme state; a component shown alone (a test) gets one of its own, following the
 *  system. */
export const getThemeState = () => getContext<ThemeState | undefined>(KEY) ?? new ThemeState();
