// The server's two decisions, apart from the server: which file of the site a request's path
// names (scripts/resolve-request.js), and which rules of _headers apply to a path, merged as static
// hosts merge them (scripts/security.js), with rules that never overlap.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { siteSegments } from '../../scripts/resolve-request.js';
import { headerRules, headersFor } from '../../scripts/security.js';

describe('siteSegments', () => {
	it.each([
		['/', '', []],
		['/index', '', ['index']],
		['//sources//x/', '', ['sources', 'x']],
		['/embed/../index.html', '', ['index.html']],
		['/embed/%2e%2e/%2E%2e/../index.html?x=/../y', '', ['index.html']],
		['/a/%2F_headers', '', ['a', '_headers']],
		['/../../etc/passwd', '', ['etc', 'passwd']],
		['/graphics/anchorage', '/graphics/anchorage', []],
		['/graphics/anchorage//embed/x', '/graphics/anchorage', ['embed', 'x']],
		['/graphics/anchorage/../x', '/graphics/anchorage', 'outside'],
		['/graphics/anchoragex', '/graphics/anchorage', 'outside'],
		['/%', '', null],
		['/%E0%A4%A', '', null],
		['/a%00b', '', null],
		['*', '', null],
		['http://example.com/', '', null]
	])('%s under "%s" is %j', (url, base, expected) => {
		expect(siteSegments(url, base)).toEqual(expected);
	});
});

describe('header rules', () => {
	let dir = '';
	afterEach(() => rmSync(dir, { recursive: true, force: true }));
	const site = (files: string[]) => {
		dir = mkdtempSync(join(tmpdir(), 'rules-'));
		for (const file of files) {
			mkdirSync(join(dir, file, '..'), { recursive: true });
			writeFileSync(
				join(dir, file),
				'<meta http-equiv="content-security-policy" content="script-src \'sha256-abc\'">'
			);
		}
		return dir;
	};

	it("cover every spelling of a page with its own rule, and an embed's with the embed rule alone", () => {
		const rules = headerRules(
			site([
				'index.html',
				'index.html.br',
				'404.html',
				'embed/a.html',
				'embed.js',
				'sources/x.html'
			]),
			''
		);
		const policy = (path: string) => headersFor(rules, path)?.['Content-Security-Policy'];
		for (const path of [
			'/',
			'/index',
			'/index.html',
			'/index.html.br',
			'/404',
			'//embed/a',
			'//sources/x',
			'/sources/x.html',
			'/sources',
			'/embed',
			'/embed.js'
		])
			expect(policy(path), path).toMatch(
				/script-src 'self' .*'sha256-abc'.*frame-ancestors 'none'$/
			);
		expect(policy('/embed/a')).toMatch(/frame-ancestors \*$/);
		expect(policy('/nope')).toBeUndefined();
	});

	it('merge the headers of every rule that matches, as hosts do', () => {
		const rules: { path: string; headers: Record<string, string> }[] = [
			{ path: '/a/*', headers: { X: '1', Y: 'y' } },
			{ path: '/a/b*', headers: { X: '2' } },
			{ path: '/a/b', headers: { Z: 'z' } }
		];
		expect(headersFor(rules, '/a/b')).toEqual({ X: '1, 2', Y: 'y', Z: 'z' });
		expect(headersFor(rules, '/a/c')).toEqual({ X: '1', Y: 'y' });
	});

	it('are refused when two entries would overlap (two policies for one page)', () => {
		expect(() => headerRules(site(['index.html', 'embed.js', 'embed.json']), '')).toThrow(
			'_headers: the rules /embed.js* and /embed.json* overlap'
		);
	});
});
