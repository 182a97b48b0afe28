// The build's output, all or nothing. SvelteKit's adapter writes the site into a fresh folder
// beside build/ (build.next), the headers file is added, and only then is it swapped in by two
// renames. A build that fails or is killed half-way leaves the previous build/ as it was, still
// serving; its unfinished folder is removed by the next build.
import fs from 'node:fs';
import { formatHeaders, headerRules } from './security.js';

/**
 * @param {string} dest  the build folder, e.g. "build"
 * @param {(out: string) => import('@sveltejs/kit').Adapter} make  the adapter, writing to `out`
 * @returns {import('@sveltejs/kit').Adapter}
 */
export function atomicBuild(dest, make) {
  const next = `${dest}.next`;
  const old = `${dest}.old`;
  const inner = make(next);
  return {
    name: `atomic ${inner.name}`,
    async adapt(builder) {
      for (const dir of [next, old]) fs.rmSync(dir, { recursive: true, force: true });
      await inner.adapt(builder);
      fs.writeFileSync(`${next}/_headers`, formatHeaders(headerRules(next, builder.config.kit.paths.base)));
      if (fs.existsSync(dest)) fs.renameSync(dest, old);
      fs.renameSync(next, dest);
      fs.rmSync(old, { recursive: true, force: true });
      builder.log.minor(`Swapped the new site into ${dest}/`);
    }
  };
}
