/**
 * 切屏 on a formal exam's page: each time the page is left (hidden, focus lost, full screen
 * left) is one switch, reported to the server with an event id of its own so a retried report
 * counts once. The server counts and submits the attempt at the limit; the page only shows the
 * count and locks itself while it waits. A deterrent, not proof: the page can be made silent.
 */
import type { SwitchKind } from '$lib/exams/enums';

export interface IntegrityInit {
	attemptId: number;
	switchLimit: number | null;
	requireFullscreen: boolean;
	switchCount: number;
}

export interface GuardHooks {
	/** Sends every waiting answer before the switch that reaches the limit is reported. */
	flush(): Promise<boolean>;
	lock(): void;
	/** The server has submitted the attempt. */
	submitted(): void;
}

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

function newEventId(): string {
	const c = globalThis.crypto;
	if (c && 'randomUUID' in c) return c.randomUUID();
	return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export class IntegrityGuard {
	count = $state(0);
	/** The latest warning, for the alert region; empty until the first switch. */
	warningCount = $state(0);
	fullscreen = $state(true);
	copyBlocked = $state(false);
	done = $state(false);
	private away = false;

	constructor(
		readonly init: IntegrityInit,
		private readonly hooks: GuardHooks
	) {
		this.count = init.switchCount;
	}

	get limit(): number | null {
		return this.init.switchLimit;
	}

	/** Browser-only: listens for the page being left; returns the clean-up. */
	start(): () => void {
		const onVisibility = (): void => {
			if (document.visibilityState === 'hidden') this.leave('hidden');
			else this.back();
		};
		const onBlur = (): void => this.leave('blur');
		const onFocus = (): void => this.back();
		const onFullscreen = (): void => {
			const inFull = document.fullscreenElement !== null;
			if (this.fullscreen && !inFull) this.switched('fullscreen');
			this.fullscreen = inFull;
		};
		document.addEventListener('visibilitychange', onVisibility);
		window.addEventListener('blur', onBlur);
		window.addEventListener('focus', onFocus);
		document.addEventListener('fullscreenchange', onFullscreen);
		if (this.init.requireFullscreen) this.fullscreen = document.fullscreenElement !== null;
		return () => {
			document.removeEventListener('visibilitychange', onVisibility);
			window.removeEventListener('blur', onBlur);
			window.removeEventListener('focus', onFocus);
			document.removeEventListener('fullscreenchange', onFullscreen);
		};
	}

	async enterFullscreen(): Promise<void> {
		try {
			await document.documentElement.requestFullscreen();
		} catch {
			// Refused by the browser (a phone, a setting): the page still counts switches.
		}
	}

	/** Blocks copy, cut, paste and the context menu on the question, and says why. */
	block(e: Event): void {
		e.preventDefault();
		this.copyBlocked = true;
	}

	/** Hidden and blurred both fire when a tab is switched: one stay away is one switch. */
	private leave(kind: SwitchKind): void {
		if (this.away) return;
		this.away = true;
		this.switched(kind);
	}

	private back(): void {
		if (document.visibilityState === 'visible') this.away = false;
	}

	private switched(kind: SwitchKind): void {
		if (this.done) return;
		this.count++;
		this.warningCount = this.count;
		const atLimit = this.limit !== null && this.count >= this.limit;
		if (atLimit) this.hooks.lock();
		void this.report(newEventId(), kind, atLimit);
	}

	private async report(eventId: string, kind: SwitchKind, atLimit: boolean): Promise<void> {
		// The switch that submits the paper waits for the answers still on their way.
		if (atLimit) await this.hooks.flush();
		for (let i = 0; ; i++) {
			try {
				const res = await fetch(`/api/attempts/${this.init.attemptId}/switches`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', accept: 'application/json' },
					body: JSON.stringify({ eventId, kind })
				});
				if (res.ok) {
					const body = (await res.json()) as { count: number; submitted: boolean };
					this.count = Math.max(this.count, body.count);
					if (body.submitted) this.finish();
					return;
				}
				// Refused for good (not the owner, closed): stop; the server's word stands.
				if (res.status >= 400 && res.status < 500) return;
			} catch {
				// Offline: the same event id is sent again, and counted once.
			}
			await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(i, RETRY_MS.length - 1)]));
		}
	}

	private finish(): void {
		if (this.done) return;
		this.done = true;
		this.hooks.lock();
		this.hooks.submitted();
	}
}
