// HTTP as a hostile client sends it: the request written byte for byte on a socket (Node's http
// client and fetch would refuse, clean up or re-encode the odd ones), the answer parsed by hand.
// Also the site's server started as its own process, as `npm start` runs it, so a request that
// stops it is seen as an exit.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';

export interface RawResponse {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
}

/** Sends `head` (request line and headers, without the blank line) and reads the answer until the
 *  server closes the connection; resolves null when it closed it without answering. `halfClose`
 *  ends the sending side at once: for what may not be a whole request, which the server would
 *  otherwise wait to hear the rest of. */
export function rawRequest(
	port: number,
	head: string,
	halfClose = false
): Promise<RawResponse | null> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1');
		const chunks: Buffer[] = [];
		socket.on('data', (c) => chunks.push(c));
		socket.on('error', (e: NodeJS.ErrnoException) =>
			e.code === 'ECONNRESET' ? resolve(parse(Buffer.concat(chunks))) : reject(e)
		);
		socket.on('close', () => resolve(parse(Buffer.concat(chunks))));
		socket[halfClose ? 'end' : 'write'](`${head}\r\n\r\n`, 'latin1');
	});
}

function parse(raw: Buffer): RawResponse | null {
	const end = raw.indexOf('\r\n\r\n');
	if (end < 0) return null;
	const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
	// An interim answer (100 Continue) comes before the real one.
	if (/^HTTP\/1\.[01] 1\d\d/.test(statusLine)) return parse(raw.subarray(end + 4));
	const headers: Record<string, string> = {};
	for (const line of lines) {
		const at = line.indexOf(':');
		const name = line.slice(0, at).trim().toLowerCase();
		// A header sent twice is joined as a client would read it: two policies show as a comma.
		headers[name] = headers[name]
			? `${headers[name]}, ${line.slice(at + 1).trim()}`
			: line.slice(at + 1).trim();
	}
	return { status: Number(statusLine.split(' ')[1]), headers, body: raw.subarray(end + 4) };
}

/** A GET or HEAD of `path` as sent, with headers, closing the connection after the answer. */
export function rawGet(
	port: number,
	path: string,
	headers: Record<string, string> = {},
	method = 'GET'
) {
	const lines = Object.entries({ Host: 'localhost', Connection: 'close', ...headers }).map(
		([k, v]) => `${k}: ${v}`
	);
	return rawRequest(port, [`${method} ${path} HTTP/1.1`, ...lines].join('\r\n'));
}

export interface ServerProcess {
	process: ChildProcess;
	port: number;
	/** What the server printed to stderr. */
	stderr: () => string;
}

/** Starts `node scripts/serve.js [folder]` on a free port with `env`; resolves once it listens. */
export async function startServer(
	env: Record<string, string> = {},
	args: string[] = []
): Promise<ServerProcess> {
	const child = spawn(process.execPath, ['scripts/serve.js', ...args], {
		env: { ...process.env, PORT: '0', ...env }
	});
	let stderr = '';
	child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
	const port = await new Promise<number>((resolve, reject) => {
		child.stdout!.on('data', (d: Buffer) => {
			const at = /http:\/\/localhost:(\d+)\//.exec(d.toString());
			if (at) resolve(Number(at[1]));
		});
		child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
	});
	return { process: child, port, stderr: () => stderr };
}
