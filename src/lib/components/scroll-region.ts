import type { Attachment } from 'svelte/attachments';

/**
 * Lets a keyboard reach a box that scrolls sideways (a wide table on a phone), so its hidden
 * columns can be scrolled into view with the arrow keys. The box gets a tab stop and a name only
 * while its content overflows: a table that fits adds no stop to the tab order. It is a named
 * group, not a region, so it does not repeat the landmark of the section it usually sits in.
 */
export function scrollRegion(label: string): Attachment<HTMLElement> {
	return (node) => {
		const update = (): void => {
			if (node.scrollWidth > node.clientWidth) {
				node.tabIndex = 0;
				node.setAttribute('role', 'group');
				if (label) node.setAttribute('aria-label', label);
			} else {
				node.removeAttribute('tabindex');
				node.removeAttribute('role');
				node.removeAttribute('aria-label');
			}
		};
		// The box narrows with the screen and its table widens with its rows: watch both.
		const observer = new ResizeObserver(update);
		observer.observe(node);
		for (const child of node.children) observer.observe(child);
		update();
		return () => observer.disconnect();
	};
}
