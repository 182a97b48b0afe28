// Every colour of the site is a token (src/lib/theme/tokens.ts): no colour literal anywhere else
// in src/, neither a hex colour, rgb()/hsl(), nor a named CSS colour in a style ('none',
// 'transparent' and 'currentColor' are not colours).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TOKENS_FILE = 'src/lib/theme/tokens.ts';
/** The named colours of CSS Color 4 (the common ones a hand would type, and the rest). */
const NAMED =
	`aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet
brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred
darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink
deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold
goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush
lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey
lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime
limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin
navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise
palevioletred papayawhip peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown
salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen`.split(
		/\s+/
	);

const files = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]
	);

/** Every colour literal in a source file, as `line: literal`. */
export function colourLiterals(text: string, file: string): string[] {
	const found: string[] = [];
	const styles = file.endsWith('.css')
		? [text]
		: [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
	const lineOf = (index: number) => text.slice(0, index).split('\n').length;
	for (const m of text.matchAll(
		/#[0-9a-fA-F]{3,8}\b(?![-\w])|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/g
	)) {
		// An id in markup or a URL fragment (`#p5`, `href="#map"`) is not a colour: only hex digits count.
		if (/^#[0-9a-fA-F]+$/.test(m[0]) && /[g-zG-Z]/.test(text[m.index + m[0].length] ?? ''))
			continue;
		found.push(`${lineOf(m.index)}: ${m[0]}`);
	}
	const named = new RegExp(`(?:^|[\\s:,(])(${NAMED.join('|')})(?=[\\s;,)!]|$)`, 'gim');
	for (const css of styles) {
		const start = text.indexOf(css);
		for (const declaration of css.matchAll(/:[^;{}]*;/g))
			for (const m of declaration[0].matchAll(named))
				found.push(`${lineOf(start + declaration.index! + m.index!)}: ${m[1]}`);
	}
	return found;
}

describe('colours', () => {
	it('are typed nowhere in src/ but the tokens file', () => {
		const literals = files('src')
			.filter((f) => /\.(ts|js|svelte|css|html)$/.test(f) && f !== TOKENS_FILE)
			.flatMap((f) => colourLiterals(readFileSync(f, 'utf8'), f).map((l) => `${f}:${l}`));
		expect(literals).toEqual([]);
	});

	it('are found where they are typed', () => {
		const svelte = `<script>const a = '#b3261e';</script><a href="#p5">x</a>\n<style>\n.x { color: white; background: rgb(0 0 0 / 0.2); border: 1px solid transparent; }\n</style>`;
		expect(colourLiterals(svelte, 'x.svelte')).toEqual(['1: #b3261e', '3: rgb(', '3: white']);
		expect(colourLiterals('.y { outline: 3px solid red; white-space: nowrap; }', 'x.css')).toEqual([
			'1: red'
		]);
	});
});
