// SITE_ORIGIN is the one way to say where the site is published: an origin, checked; unset, null.
import { describe, expect, it } from 'vitest';
import { siteOrigin } from '$lib/server/site-origin';

describe('siteOrigin', () => {
	it('is null without SITE_ORIGIN, and the origin given (a final slash dropped)', () => {
		expect(siteOrigin({})).toBeNull();
		expect(siteOrigin({ SITE_ORIGIN: 'https://news.example' })).toBe('https://news.example');
		expect(siteOrigin({ SITE_ORIGIN: 'http://localhost:4300/' })).toBe('http://localhost:4300');
	});

	it('refuses what is not an http(s) origin, saying where a path goes', () => {
		expect(() => siteOrigin({ SITE_ORIGIN: 'news.example' })).toThrow(/is not an address/);
		expect(() => siteOrigin({ SITE_ORIGIN: 'https://news.example/graphics' })).toThrow(
			/a path goes in BASE_PATH/
		);
		expect(() => siteOrigin({ SITE_ORIGIN: 'ftp://news.example' })).toThrow(
			/scheme, host and port/
		);
	});
});
