// Serves the built site as a static host would: what `npm start`, the end-to-end tests and the
// bench use. Each request is first resolved to a file (scripts/resolve-request.js: clean URLs,
// the path's spelling undone) or to the not-found page, and only then answered, with the headers
// of build/_headers (scripts/security.js) for that file: so no spelling of a page's path dodges
// its policy, and every answer, errors and 304s included, carries the security headers. Besides:
// the brotli or gzip copy the build wrote when the browser accepts it, ETags and 304s, 405 for
// methods other than GET and HEAD, 400 for an address that does not decode, the not-found page
// with a 404 and a JSON 404 under /oembed/, and the oEmbed documents of a build without
// SITE_ORIGIN given the address they were asked at (src/lib/server/site-origin.js). Byte ranges are not offered (Accept-Ranges: none;
// a Range header is ignored, as RFC 9110 allows): the site has no media, and every reader's
// request is for a whole file. _headers is read again whenever the build changes.
// Usage: [STORY=folder] [PORT=4173] [BASE_PATH=/graphics/anchorage] node scripts/serve.js [folder]
import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { PLACEHOLDER } from '../src/lib/server/site-origin.js';
import { storyPaths } from '../src/lib/server/story-paths.js';
import { openFile, openSiteFile, rulePath, siteSegments } from './resolve-request.js';
import { headersFor, OEMBED_NOT_FOUND, parseHeaders } from './security.js';

/** Content types by extension; anything else is application/octet-stream (with nosniff). */
const TYPES = /** @type {Record<string, string>} */ ({
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8'
});

/** The headers of an answer when the rules cannot be had (a broken _headers): the strictest. */
const STRICT = {
	'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY'
};

/**
 * The rules of `root/_headers`, read again when the file changes (a rebuild swaps in a new one).
 * @param {string} root
 */
function headerRulesOf(root) {
	const file = path.join(root, '_headers');
	let key = '';
	/** @type {ReturnType<typeof parseHeaders>} */
	let rules = [];
	return () => {
		try {
			const stat = fs.statSync(file);
			const now = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
			if (now !== key) [rules, key] = [parseHeaders(fs.readFileSync(file, 'utf8')), now];
		} catch {
			// Between the two renames of a rebuild there is no build/: keep the rules of the last one.
		}
		return rules;
	};
}

/** The encodings a request accepts, from its Accept-Encoding (q=0 refuses one). */
function accepted(/** @type {string | undefined} */ header) {
	const names = new Set();
	for (const part of (header ?? '').split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
		if (name && (q === undefined || Number(q) > 0)) names.add(name);
	}
	return names;
}

/** Whether the client's copy (If-None-Match, else If-Modified-Since) is still this one. */
function fresh(
	/** @type {import('node:http').IncomingHttpHeaders} */ headers,
	/** @type {string} */ etag,
	/** @type {number} */ mtimeMs
) {
	const match = headers['if-none-match'];
	const opaque = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, '');
	if (match !== undefined)
		return match.split(',').some((t) => opaque(t) === '*' || opaque(t) === opaque(etag));
	const since = Date.parse(headers['if-modified-since'] ?? '');
	return !Number.isNaN(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}

/**
 * Starts serving `root` on `port` (0: any free port) under `base`; resolves with the server
 * once listening, rejects when the port is taken.
 * @returns {Promise<import('node:http').Server>}
 */
export function serve(root = storyPaths().build, port = 4173, base = '') {
	const rules = headerRulesOf(root);
	/** The headers of a site file (its rules in _headers), for the file or any answer about it. */
	const headersOf = (/** @type {string} */ file) =>
		headersFor(rules(), rulePath(base, file)) ?? STRICT;
	/** The not-found page's headers, for every answer that is not a file; STRICT when they cannot be read. */
	const pageHeaders = () => {
		try {
			return headersOf('404.html');
		} catch {
			return STRICT;
		}
	};

	/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} type @param {string | Buffer} body */
	const answer = (res, status, type, body, extra = {}) => {
		res.writeHead(status, {
			...pageHeaders(),
			'Cache-Control': 'no-store',
			'Content-Type': type,
			'Content-Length': Buffer.byteLength(body),
			...extra
		});
		res.end(res.req.method === 'HEAD' ? undefined : body);
	};

	/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
	async function handle(req, res) {
		if (req.method !== 'GET' && req.method !== 'HEAD')
			return answer(
				res,
				405,
				'text/plain; charset=utf-8',
				'Only GET and HEAD are answered here.\n',
				{ Allow: 'GET, HEAD' }
			);
		const segments = siteSegments(req.url ?? '', base);
		if (segments === null)
			return answer(
				res,
				400,
				'text/plain; charset=utf-8',
				'Bad request: the address is not valid URL encoding.\n'
			);
		const found = segments === 'outside' ? null : await openSiteFile(root, segments);
		if (!found) {
			if (Array.isArray(segments) && segments[0] === 'oembed')
				return answer(
					res,
					404,
					'application/json',
					OEMBED_NOT_FOUND.body,
					headersOf(OEMBED_NOT_FOUND.file)
				);
			const page = await openFile(root, '404.html');
			try {
				const body = page ? await page.handle.readFile() : 'Not found\n';
				return answer(res, 404, 'text/html; charset=utf-8', body);
			} finally {
				await page?.handle.close();
			}
		}
		let { file, handle, stat } = found;
		if (file.startsWith('oembed/') && file.endsWith('.json')) {
			// Small, and read whole: a build without SITE_ORIGIN gets the address it was asked at.
			const doc = await handle.readFile('utf8').finally(() => handle.close());
			// (A host name and port only: anything else in the Host header is not written into it.)
			const host = /^[\w.-]+(:\d+)?$|^\[[\d:a-f.]+\](:\d+)?$/i.test(req.headers.host ?? '')
				? req.headers.host
				: `127.0.0.1:${req.socket.localPort}`;
			const here = `http://${host}`;
			return answer(res, 200, TYPES['.json'], doc.replaceAll(PLACEHOLDER, here), headersOf(file));
		}
		try {
			const headers = {
				...headersOf(file),
				'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
				'Accept-Ranges': 'none'
			};
			const ok = accepted(req.headers['accept-encoding']);
			for (const [encoding, ext] of [
				['br', '.br'],
				['gzip', '.gz']
			]) {
				const copy = await openFile(root, file + ext);
				if (!copy) continue;
				Object.assign(headers, { Vary: 'Accept-Encoding' });
				if (ok.has(encoding) && !('Content-Encoding' in headers)) {
					await handle.close();
					({ handle, stat } = copy);
					Object.assign(headers, { 'Content-Encoding': encoding });
				} else await copy.handle.close();
			}
			const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
			Object.assign(headers, { ETag: etag, 'Last-Modified': stat.mtime.toUTCString() });
			if (fresh(req.headers, etag, stat.mtimeMs)) {
				await handle.close();
				return res.writeHead(304, headers).end();
			}
			res.writeHead(200, { ...headers, 'Content-Length': stat.size });
			if (req.method === 'HEAD') {
				await handle.close();
				return res.end();
			}
			// The file is closed when it has been sent, when it cannot be read, or when the reader goes away.
			pipeline(handle.createReadStream(), res, () => {});
		} catch (error) {
			// Whatever failed, the open file is closed before the last guard answers.
			await handle.close().catch(() => {});
			throw error;
		}
	}

	// No Host header needed (nothing here depends on it): Node's own 400 for it would bypass the headers.
	const server = createServer({ requireHostHeader: false }, (req, res) => {
		handle(req, res).catch((error) => {
			// A last guard: whatever went wrong, this request gets a 500 and the server goes on.
			console.error(`${req.method} ${req.url}: ${error instanceof Error ? error.stack : error}`);
			try {
				if (res.headersSent) res.destroy();
				else
					answer(
						res,
						500,
						'text/plain; charset=utf-8',
						'The server could not answer this request.\n'
					);
			} catch {
				res.destroy();
			}
		});
	});
	// A request that is not HTTP at all (Node's parser refuses it) still gets an answer with the
	// security headers, then the connection is closed.
	// Not into a connection that is still sending an answer (a pipelined request after it).
	server.on('clientError', (error, socket) => {
		const code = /** @type {NodeJS.ErrnoException} */ (error).code;
		if (
			!socket.writable ||
			/** @type {import('node:net').Socket} */ (socket).bytesWritten > 0 ||
			code === 'ECONNRESET'
		)
			return void socket.destroy();
		const status =
			code === 'HPE_HEADER_OVERFLOW'
				? '431 Request Header Fields Too Large'
				: code === 'ERR_HTTP_REQUEST_TIMEOUT'
					? '408 Request Timeout'
					: '400 Bad Request';
		const head = Object.entries({
			...pageHeaders(),
			'Cache-Control': 'no-store',
			'Content-Length': '0',
			Connection: 'close'
		}).map(([k, v]) => `${k}: ${v}\r\n`);
		socket.end(`HTTP/1.1 ${status}\r\n${head.join('')}\r\n`);
	});
	// An Expect header Node cannot meet: answered here, with the headers, not by Node alone.
	server.on('checkExpectation', (_req, res) =>
		answer(res, 417, 'text/plain; charset=utf-8', 'Expectation failed.\n')
	);
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const root = process.argv[2] ?? storyPaths().build;
	const port = Number(process.env.PORT ?? 4173);
	const base = process.env.BASE_PATH ?? '';
	if (!fs.existsSync(path.join(root, '_headers'))) {
		console.error(`${root}/ has no built site: run npm run build first.`);
		process.exit(1);
	}
	try {
		const server = await serve(root, port, base);
		const { port: at } = /** @type {import('node:net').AddressInfo} */ (server.address());
		console.log(
			`The story${process.env.STORY ? ` in ${process.env.STORY}` : ''} is at http://localhost:${at}${base}/ (Ctrl+C to stop)`
		);
	} catch (error) {
		const code = /** @type {NodeJS.ErrnoException} */ (error).code;
		if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
		console.error(
			`Port ${port} is ${code === 'EADDRINUSE' ? 'already in use' : 'not open to this user'}: stop what uses it, or choose another port, e.g. PORT=4174 npm start`
		);
		process.exit(1);
	}
}
