// A tiny static server for the built site (build/): what `npm start` and the end-to-end tests use.
// Like most static hosts, /sources/x serves build/sources/x.html. Usage: node scripts/serve.js [port]
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.woff2': 'font/woff2', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon'
};

/** @param {string} path */
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Starts serving `root` on `port` (0: any free port); resolves with the server once listening.
 * @returns {Promise<import('node:http').Server>}
 */
export function serve(root = 'build', port = 4173) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const candidates = [join(root, path), join(root, path, 'index.html'), join(root, `${path}.html`)];
    const file = candidates.find(isFile);
    if (!file) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      createReadStream(isFile(join(root, '404.html')) ? join(root, '404.html') : join(root, 'index.html')).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve('build', Number(process.argv[2] ?? 4173));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`The story is at http://localhost:${port}/ (Ctrl+C to stop)`);
}
