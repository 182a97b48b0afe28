// What the page must know before it is drawn, put on <html> by an inline script in every page's
// head (hooks.server.ts; its hash is allowed by the Content-Security-Policy, scripts/security.js):
// - data-theme: the reader's own choice of theme (light or dark), so that a page never shows in
//   the other theme first (embed pages come with data-theme="light" already, and keep it);
// - data-fonts: the text's faces are in the browser's cache (src/lib/theme/fonts.ts), so the page
//   uses them from its first paint.
// Plain JavaScript: svelte.config.js reads it too.

/** Where the choice of theme is kept (localStorage). */
export const THEME_KEY = 'story-theme';
/** Set (localStorage) once the text's faces have been fetched into the cache. */
export const FONTS_KEY = 'story-fonts';

export const BOOT_SCRIPT = `try{var d=document.documentElement.dataset,t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(!d.theme&&(t==='light'||t==='dark'))d.theme=t;if(localStorage.getItem(${JSON.stringify(FONTS_KEY)}))d.fonts=''}catch(e){}`;
