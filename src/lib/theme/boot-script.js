// The reader's own choice of theme (light or dark), put on <html data-theme> before the page is
// drawn, so that a page never shows in the other theme first. Inlined into every page's head by
// hooks.server.ts; its hash is allowed by the Content-Security-Policy (scripts/security.js).
// Plain JavaScript: svelte.config.js reads it too.

/** Where the choice is kept (localStorage). */
export const THEME_KEY = 'story-theme';

export const BOOT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
