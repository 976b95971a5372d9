import { HEARTBEAT_MS, type BeatKind } from '$lib/courses/study-time';

export interface StudyStatus {
	spentMs: number;
	requiredMs: number;
	remainingMs: number;
}

/**
 * Sends the lesson page's heartbeats while the page is visible and keeps the server's answer:
 * the server counts the time, this only says "still here" (or "starting again"). The next
 * heartbeat comes after HEARTBEAT_MS, or sooner when less than that is left, so the button
 * unlocks as soon as the minimum is reached.
 */
export class StudyTimer {
	status: StudyStatus = $state({ spentMs: 0, requiredMs: 0, remainingMs: 0 });
	/** When the last answer arrived (performance.now()), for the countdown between heartbeats. */
	answeredAt = $state(0);
	now = $state(0);
	visible = $state(true);
	offline = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#ticker: ReturnType<typeof setInterval> | undefined;
	#stopped = false;

	constructor(
		private readonly url: string,
		initial: StudyStatus
	) {
		this.status = initial;
		this.answeredAt = this.now = performance.now();
	}

	/** What is left to study, counting down locally between the server's answers. */
	get leftMs(): number {
		if (!this.visible || this.status.remainingMs === 0) return this.status.remainingMs;
		return Math.max(0, this.status.remainingMs - (this.now - this.answeredAt));
	}

	get done(): boolean {
		return this.status.remainingMs === 0;
	}

	/** Starts counting; returns the function that stops it (for an effect's cleanup). */
	start(): () => void {
		this.#stopped = false;
		const onVisibility = () => {
			this.visible = document.visibilityState === 'visible';
			clearTimeout(this.#timer);
			// Hidden: count up to now and stop. Shown again: a new stretch starts (adds nothing).
			void this.#send(this.visible ? 'start' : 'beat');
		};
		document.addEventListener('visibilitychange', onVisibility);
		this.#ticker = setInterval(() => (this.now = performance.now()), 1000);
		this.visible = document.visibilityState === 'visible';
		if (this.visible) void this.#send('start');
		return () => {
			this.#stopped = true;
			document.removeEventListener('visibilitychange', onVisibility);
			clearTimeout(this.#timer);
			clearInterval(this.#ticker);
			if (document.visibilityState === 'visible' && !this.done) void this.#send('beat');
		};
	}

	async #send(kind: BeatKind): Promise<void> {
		try {
			const response = await fetch(this.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ kind }),
				keepalive: true
			});
			if (response.ok) {
				this.status = (await response.json()) as StudyStatus;
				this.answeredAt = this.now = performance.now();
			}
			this.offline = !response.ok;
		} catch {
			this.offline = true;
		}
		this.#schedule();
	}

	#schedule(): void {
		clearTimeout(this.#timer);
		if (this.#stopped || !this.visible || this.done) return;
		const wait = Math.min(HEARTBEAT_MS, this.status.remainingMs + 250);
		this.#timer = setTimeout(() => void this.#send('beat'), wait);
	}
}
