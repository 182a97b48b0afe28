// `npm run pin`: pins every paragraph the story cites, as the reports say it now
// (src/lib/server/pins.ts writes content/pins.json). Run it on purpose: after adding a citation,
// or after checking that the citations of a report that changed still cite what they meant to.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const { module } = await runnerImport('./src/lib/server/pins.ts', {
	configFile: false,
	resolve: { alias: { $lib: resolve('src/lib') } }
});
const { file, count } = module.writePins();
console.log(`Pinned ${count} cited paragraphs in ${file}.`);
