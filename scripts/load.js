// npm run load: a bounded load test of the built site as `npm start` serves it (scripts/serve.js,
// in its own process). 200 connections for 20 s (LOAD_SECONDS) ask in turn for the story page, the
// largest data file and a source page, as a browser would (brotli accepted); halfway through, one
// malformed request (/%) is sent. Prints requests per second, latency percentiles, errors, what
// the malformed request got, and whether the server is still up. Exits 1 on any error. Not part
// of npm test: run it alone (it keeps both cores busy), after npm run build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { request } from 'node:http';
import autocannon from 'autocannon';

const seconds = Number(process.env.LOAD_SECONDS ?? 20);
const connections = 200;

const server = spawn(process.execPath, ['scripts/serve.js'], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
let exited = false;
server.once('exit', () => (exited = true));
const port = await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    const at = /localhost:(\d+)/.exec(String(d));
    if (at) resolve(Number(at[1]));
  });
  server.once('exit', (code) => reject(new Error(`the server exited (${code}): run npm run build first`)));
});

/** Status of one GET, or the error's code. */
const get = (/** @type {string} */ path) =>
  new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => (res.resume(), resolve(res.statusCode)));
    req.on('error', (e) => resolve(/** @type {NodeJS.ErrnoException} */ (e).code));
    req.end();
  });

const largestData = fs.readdirSync('build/data').filter((f) => f.endsWith('.json')).sort((a, b) => fs.statSync(`build/data/${b}`).size - fs.statSync(`build/data/${a}`).size)[0];
const source = fs.readdirSync('build/sources').find((f) => f.endsWith('.html'))?.replace(/\.html$/, '');
const paths = ['/', `/data/${largestData}`, `/sources/${source}`];

/** @type {unknown} */
let malformed;
setTimeout(async () => (malformed = await get('/%')), (seconds * 1000) / 2);

const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections,
  duration: seconds,
  headers: { 'accept-encoding': 'br, gzip' },
  requests: paths.map((path) => ({ method: 'GET', path }))
});
const after = await get('/');
server.kill();

const errors = result.errors + result.timeouts + result.non2xx;
console.log(`load: ${connections} connections for ${seconds} s on ${paths.join(', ')}`);
console.log(`  requests/s   ${Math.round(result.requests.average).toLocaleString('en-GB')} (${result.requests.total.toLocaleString('en-GB')} in all)`);
console.log(`  latency      p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
console.log(`  errors       ${errors} (connection ${result.errors}, timeouts ${result.timeouts}, not 2xx ${result.non2xx})`);
console.log(`  /% answered  ${malformed}`);
console.log(`  server after ${exited ? 'exited' : `up, / answered ${after}`}`);
process.exit(errors || exited || after !== 200 || malformed !== 400 ? 1 : 0);
