// The embed page's half of /embed.js: it says it is ready (to its parent, whoever that is: the
// message carries nothing), and once the host page's script says hello, it reports its height to
// that host, and again whenever it changes. The hello is accepted only from the
// window that frames this page, in the expected shape; nothing is sent before it, nor to anyone
// else (the height goes to the host's origin only).
import { EMBED_MESSAGES } from './snippet';

/** Starts listening; returns the function that stops. */
export function reportHeight(): () => void {
	let host: string | undefined;
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
	};
	const observer = new ResizeObserver(send);
	observer.observe(document.documentElement);
	addEventListener('message', onMessage);
	if (parent !== window) parent.postMessage({ type: EMBED_MESSAGES.ready }, '*');
	return () => {
		observer.disconnect();
		removeEventListener('message', onMessage);
	};
}
