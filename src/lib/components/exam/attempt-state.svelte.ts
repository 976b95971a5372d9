import { getContext, setContext } from 'svelte';
import { SaveQueue, type PendingSave } from './save-queue';
import { isAnswered, type DisplayAnswer, type TakingItem } from './types';

/**
 * `onDevice`: the server has not got it yet, but the answer is safe in this browser and will be
 * sent when the network or the server is back; `failed`: not sent and not kept on the device.
 */
export type SaveStatus =
	'idle' | 'unsaved' | 'saving' | 'saved' | 'onDevice' | 'failed' | 'refused';

/** One question's answer and how far its save has got. */
export class ItemState {
	answer = $state<DisplayAnswer | null>(null);
	flagged = $state(false);
	status = $state<SaveStatus>('idle');
	savedAt = $state<number | null>(null);
	refusal = $state<{ key: string; params: Record<string, string | number> } | null>(null);
	readonly answered = $derived(isAnswered(this.answer));

	constructor(readonly item: TakingItem) {
		this.answer = item.answer;
		this.flagged = item.flagged;
		// Already on the server when the page was built; the time of that save is not sent.
		if (item.answer || item.flagged) this.status = 'saved';
	}
}

export interface AttemptInit {
	attemptId: number;
	deadline: number | null;
	serverNow: number;
	lastSeq: number;
	items: TakingItem[];
}

const MINUTE = 60_000;
const KEY = Symbol('attempt');

/** Everything the taking page's components share: answers, save states, clock and lock. */
export class AttemptState {
	readonly items: ItemState[];
	current = $state(0);
	online = $state(true);
	/** The server's database cannot save just now (503): answers wait on this device. */
	paused = $state(false);
	/** Time is up or the server refused a save for the deadline: no more input. */
	locked = $state(false);
	timeUp = $state(false);
	remainingMs = $state<number | null>(null);
	/** What the polite live region says: time warnings and other passing news. */
	announcement = $state('');
	restoredCount = $state(0);
	readonly pendingCount = $derived.by(() => this.items.filter((i) => isUnsettled(i)).length);
	readonly unansweredCount = $derived.by(() => this.items.filter((i) => !i.answered).length);
	readonly flaggedCount = $derived.by(() => this.items.filter((i) => i.flagged).length);

	private seq: number;
	/** Server time minus browser time: the countdown follows the server's clock, not the PC's. */
	private readonly offset: number;
	private readonly queue: SaveQueue;
	private warned = { five: false, one: false };

	constructor(
		readonly init: AttemptInit,
		private readonly say: (key: 'exams.time.warn5' | 'exams.time.warn1' | 'exams.time.up') => string
	) {
		this.items = init.items.map((item) => new ItemState(item));
		this.offset = init.serverNow - Date.now();
		// Microseconds of wall time keep this page's numbers above any earlier page's.
		this.seq = Math.max(init.lastSeq, Date.now() * 1000);
		this.queue = new SaveQueue(init.attemptId, {
			sending: (p) => this.at(p, (s) => (s.status = 'saving')),
			saved: (save, savedAt) => {
				this.paused = false;
				this.at(save.position, (s) => {
					if (this.queue.hasPending(save.position)) return;
					s.status = 'saved';
					s.savedAt = savedAt;
					s.refusal = null;
				});
			},
			failed: (p, paused) => {
				this.paused = paused;
				this.at(p, (s) => (s.status = this.queue.isStoredLocally(p) ? 'onDevice' : 'failed'));
			},
			refused: (p, key, params) => this.refused(p, key, params)
		});
	}

	get currentItem(): ItemState {
		return this.items[this.current]!;
	}

	private at(position: number, change: (s: ItemState) => void): void {
		const state = this.items[position - 1];
		if (state) change(state);
	}

	private refused(position: number, key: string, params: Record<string, string | number>): void {
		this.at(position, (s) => {
			s.status = 'refused';
			s.refusal = { key, params };
		});
		if (key === 'exams.error.deadlinePassed' || key === 'exams.error.alreadySubmitted') {
			this.endTime();
		}
	}

	/** Browser-only start: re-send what an earlier page left, and follow the network and clock. */
	start(): () => void {
		this.online = navigator.onLine;
		const stored = this.queue.readStored();
		for (const save of stored) {
			this.seq = Math.max(this.seq, save.seq);
			// Sent even when not newer than lastSeq (the highest over all questions): this question
			// may still be behind, and the server keeps whichever is newer per question.
			const s = this.items[save.position - 1];
			if (!s) continue;
			if (save.seq > this.init.lastSeq) {
				s.answer = save.answer;
				s.flagged = save.flagged;
			}
			s.status = 'unsaved';
			this.queue.enqueue(save);
		}
		this.restoredCount = stored.filter((s) => s.seq > this.init.lastSeq).length;
		const onOnline = (): void => {
			this.online = true;
			this.queue.retryNow();
		};
		const onOffline = (): void => {
			this.online = false;
		};
		window.addEventListener('online', onOnline);
		window.addEventListener('offline', onOffline);
		this.tick();
		const timer = this.init.deadline === null ? null : setInterval(() => this.tick(), 1000);
		return () => {
			window.removeEventListener('online', onOnline);
			window.removeEventListener('offline', onOffline);
			if (timer) clearInterval(timer);
			this.queue.stop();
		};
	}

	private tick(): void {
		if (this.init.deadline === null) return;
		const remaining = Math.max(0, this.init.deadline - (Date.now() + this.offset));
		this.remainingMs = remaining;
		if (remaining === 0) {
			this.endTime();
		} else if (remaining <= MINUTE && !this.warned.one) {
			this.warned = { five: true, one: true };
			this.announcement = this.say('exams.time.warn1');
		} else if (remaining <= 5 * MINUTE && !this.warned.five) {
			this.warned.five = true;
			this.announcement = this.say('exams.time.warn5');
		}
	}

	private endTime(): void {
		if (this.timeUp) return;
		this.timeUp = true;
		this.locked = true;
		this.announcement = this.say('exams.time.up');
	}

	/** Records a change to one question: localStorage first, then the server. */
	change(position: number, next: { answer?: DisplayAnswer | null; flagged?: boolean }): void {
		const s = this.items[position - 1];
		if (!s || this.locked) return;
		if (next.answer !== undefined) s.answer = next.answer;
		if (next.flagged !== undefined) s.flagged = next.flagged;
		this.seq = Math.max(this.seq + 1, Date.now() * 1000);
		const save: PendingSave = {
			position,
			// An empty text or no ticked box is no answer: the server stores it as cleared.
			answer: isAnswered(s.answer) ? $state.snapshot(s.answer) : null,
			flagged: s.flagged,
			seq: this.seq
		};
		s.status = 'unsaved';
		this.queue.enqueue(save);
	}

	flush(): Promise<boolean> {
		return this.queue.flush();
	}

	go(index: number): void {
		this.current = Math.min(this.items.length - 1, Math.max(0, index));
	}
}

function isUnsettled(s: ItemState): boolean {
	return (
		s.status === 'unsaved' ||
		s.status === 'saving' ||
		s.status === 'onDevice' ||
		s.status === 'failed'
	);
}

export function provideAttempt(state: AttemptState): void {
	setContext(KEY, state);
}

export function useAttempt(): AttemptState {
	const state = getContext<AttemptState | undefined>(KEY);
	if (!state) throw new Error('useAttempt() outside the taking page');
	return state;
}
