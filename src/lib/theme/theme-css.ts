// The page's colours as CSS custom properties, generated from the tokens (tokens.ts): one
// property per token (--paper, --front-line…), light by default, dark where the reader's system
// prefers it, and the reader's own choice over both (`data-theme` on <html>, set by
// theme-choice.svelte.ts and boot-script.js). Print is always light. vite.config.ts serves this as the module
// `virtual:theme.css`, which the layout imports.
import { palette, TOKENS, type Theme, type Token } from './tokens.ts';

/** The custom property of a token: frontLine → --front-line. */
export const cssVar = (token: Token) =>
	`--${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Every token as `var(--…)`: colours that follow the page's theme, for markup (the map key). */
export const themeColours = Object.fromEntries(
	Object.keys(TOKENS).map((t) => [t, `var(${cssVar(t as Token)})`])
) as Record<Token, string>;

const declarations = (theme: Theme) =>
	`color-scheme: ${theme}; ` +
	Object.entries(palette(theme))
		.map(([t, colour]) => `${cssVar(t as Token)}: ${colour};`)
		.join(' ');

export function themeCss(): string {
	// Dark on screens only: print keeps the light colours.
	return [
		`:root { ${declarations('light')} }`,
		`@media screen and (prefers-color-scheme: dark) { :root:not([data-theme='light']) { ${declarations('dark')} } }`,
		`@media screen { :root[data-theme='dark'] { ${declarations('dark')} } }`
	].join('\n');
}
