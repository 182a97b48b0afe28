// virtual:content (vite.config.ts): what the story's and the embeds' pages run with.
declare module 'virtual:content' {
	const content: import('$lib/server/load-content').PageContent;
	export default content;
}

// virtual:messages (vite.config.ts): the interface's words in the story's language (src/lib/i18n/t.ts).
declare module 'virtual:messages' {
	const current: { language: string; messages: import('$lib/i18n/translate.js').Messages };
	export default current;
}
