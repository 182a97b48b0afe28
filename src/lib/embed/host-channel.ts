// The embed page's half of /embed.js: it says it is ready (to its parent, whoever that is: the
// message carries nothing), and once the host page's script says hello, it reports its height to
// that host, and again whenever it changes, and posts it the reader's events (story-events.ts;
// those before the hello wait for it). The hello is accepted only from the window that frames this
// page, in the expected shape; nothing is sent before it, nor to anyone else (everything goes to
// the host's origin only).
import { EMBED_MESSAGES } from './snippet';

/** The origin of the page that framed this one, once its /embed.js has said hello. */
let host: string | undefined;
/** Events waiting for the hello (the section entered at load comes before it). */
let waiting: { name: string; detail: object }[] = [];
/** At most this many wait: a host without /embed.js never says hello. */
const MAX_WAITING = 20;

/** Posts a story event to the host page (story-events.ts), now or once it has said hello. */
export function sendToHost(name: string, detail: object) {
	if (host) parent.postMessage({ type: EMBED_MESSAGES.event, name, detail }, host);
	else if (waiting.length < MAX_WAITING) waiting.push({ name, detail });
}

/** Starts listening; returns the function that stops. */
export function reportHeight(): () => void {
	const send = () => {
		if (host)
			parent.postMessage(
				{
					type: EMBED_MESSAGES.height,
					height: Math.ceil(document.documentElement.getBoundingClientRect().height)
				},
				host
			);
	};
	const onMessage = (event: MessageEvent) => {
		const hello =
			typeof event.data === 'object' &&
			event.data !== null &&
			event.data.type === EMBED_MESSAGES.hello;
		if (!hello || parent === window || event.source !== parent || event.origin === 'null') return;
		host = event.origin;
		send();
		for (const { name, detail } of waiting.splice(0)) sendToHost(name, detail);
	};
	const observer = new ResizeObserver(send);
	observer.observe(document.documentElement);
	addEventListener('message', onMessage);
	if (parent !== window) parent.postMessage({ type: EMBED_MESSAGES.ready }, '*');
	return () => {
		observer.disconnect();
		removeEventListener('message', onMessage);
		host = undefined;
		waiting = [];
	};
}
