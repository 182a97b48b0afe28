// virtual:content (vite.config.ts): what the story's and the embeds' pages run with.
declare module 'virtual:content' {
	const content: import('$lib/server/load-content').PageContent;
	export default content;
}
