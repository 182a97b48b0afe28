// Serves the built site (build/) as a static host would: what `npm start`, the end-to-end tests
// and the bench use. sirv serves the files: the brotli or gzip copy the build wrote when the
// browser accepts it, clean URLs with or without a trailing slash (/sources/x is
// sources/x.html), ETags. The headers are those of build/_headers (scripts/security.js), the file
// static hosts read. Besides, as hosts do: 405 for methods other than GET and HEAD, 400 for an
// address that does not decode, the not-found page with a 404, and a JSON 404 under /oembed/.
// Usage: [PORT=4173] [BASE_PATH=/graphics/anchorage] node scripts/serve.js [folder]
import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { headersFor, OEMBED_NOT_FOUND, parseHeaders } from './security.js';

/**
 * Starts serving `root` on `port` (0: any free port) under `base`; resolves with the server
 * once listening, rejects when the port is taken.
 * @returns {Promise<import('node:http').Server>}
 */
export function serve(root = 'build', port = 4173, base = '') {
  const headersFile = path.join(root, '_headers');
  const rules = fs.existsSync(headersFile) ? parseHeaders(fs.readFileSync(headersFile, 'utf8')) : [];
  /** @param {import('node:http').ServerResponse} res @param {string} pathname */
  const setHeaders = (res, pathname) => {
    for (const [name, value] of Object.entries(headersFor(rules, pathname) ?? {})) res.setHeader(name, value);
  };
  // dev: each request looks at the folder, so a rebuild swapped in is served at once (sirv would
  // otherwise keep the list of files it found at start). Its no-cache is replaced by _headers'.
  const files = sirv(root, { dev: true, etag: true, brotli: true, gzip: true, extensions: ['html'], setHeaders: (res, p) => setHeaders(res, base + p) });

  const server = createServer((req, res) => {
    // sirv pipes a file into the response and forgets it: close the file when the reader goes
    // away first (an aborted download would keep it open), and end the response when the file
    // cannot be read (removed by a rebuild) instead of letting the error stop the server.
    res.on('pipe', (file) => {
      res.once('close', () => file.destroy());
      file.once('error', () => res.destroy());
    });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request: the address is not valid URL encoding.\n');
      return;
    }
    const notFound = () => {
      setHeaders(res, `${base}/404.html`);
      if (pathname.startsWith(`${base}/oembed/`)) {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end(OEMBED_NOT_FOUND.body);
      } else {
        const page = path.join(root, '404.html');
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(fs.existsSync(page) ? fs.readFileSync(page) : 'Not found');
      }
    };
    // Outside the base path, and the host files themselves, are not the site's pages.
    if (base && pathname !== base && !pathname.startsWith(`${base}/`)) return notFound();
    if (/^\/_(headers|redirects)$/.test(pathname.slice(base.length))) return notFound();
    req.url = req.url?.slice(base.length) || '/';
    files(req, res, notFound);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? 'build';
  const port = Number(process.env.PORT ?? 4173);
  const base = process.env.BASE_PATH ?? '';
  if (!fs.existsSync(path.join(root, '_headers'))) {
    console.error(`${root}/ has no built site: run npm run build first.`);
    process.exit(1);
  }
  try {
    const server = await serve(root, port, base);
    const { port: at } = /** @type {import('node:net').AddressInfo} */ (server.address());
    console.log(`The story is at http://localhost:${at}${base}/ (Ctrl+C to stop)`);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    console.error(`Port ${port} is ${code === 'EADDRINUSE' ? 'already in use' : 'not open to this user'}: stop what uses it, or choose another port, e.g. PORT=4174 npm start`);
    process.exit(1);
  }
}
