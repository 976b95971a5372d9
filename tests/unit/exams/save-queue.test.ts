import { afterEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue, type SaveListener } from '../../../src/lib/components/exam/save-queue';

/** A Storage kept in a Map; `full` makes every write fail as a full or disabled store does. */
function memoryStorage(full = false): Storage {
	const m = new Map<string, string>();
	return {
		get length() {
			return m.size;
		},
		key: (i) => [...m.keys()][i] ?? null,
		getItem: (k) => m.get(k) ?? null,
		setItem: (k, v) => {
			if (full) throw new Error('QuotaExceededError');
			m.set(k, v);
		},
		removeItem: (k) => void m.delete(k),
		clear: () => m.clear()
	};
}

function listener(): SaveListener & { failures: number[] } {
	const failures: number[] = [];
	return {
		failures,
		sending: () => {},
		saved: () => {},
		failed: (p) => void failures.push(p),
		refused: () => {}
	};
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('the save queue offline', () => {
	it('knows an unsent answer is safe on the device, unless the device could not keep it', async () => {
		vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
		const kept = listener();
		const queue = new SaveQueue(1, kept, memoryStorage());
		queue.enqueue({ position: 2, answer: { choice: 'A' }, flagged: false, seq: 1 });
		await vi.waitFor(() => expect(kept.failures).toEqual([2]));
		expect(queue.isStoredLocally(2)).toBe(true);
		queue.stop();

		const lost = listener();
		const noRoom = new SaveQueue(1, lost, memoryStorage(true));
		noRoom.enqueue({ position: 2, answer: { choice: 'A' }, flagged: false, seq: 1 });
		await vi.waitFor(() => expect(lost.failures).toEqual([2]));
		expect(noRoom.isStoredLocally(2)).toBe(false);
		noRoom.stop();
	});
});
