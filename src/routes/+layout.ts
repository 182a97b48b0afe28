// Every page is prerendered to static HTML: the story reads completely without JavaScript.
export const prerender = true;
