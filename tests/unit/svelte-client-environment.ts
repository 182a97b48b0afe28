// A vitest environment for *.svelte.test.ts files: modules are transformed as for the browser,
// so Svelte compiles runes for the client (effects run, deriveds track) while the tests keep
// Node's globals. Node's default environment compiles them for the server, where effects never run.
import type { Environment } from 'vitest/environments';

export default {
	name: 'svelte-client',
	viteEnvironment: 'client',
	setup: () => ({ teardown() {} })
} satisfies Environment;
