/** Time is passed in so rules that depend on it can be tested exactly. */
export interface Clock {
	now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock for tests and simulations: starts at `start`, moves only when told. */
export class FakeClock implements Clock {
	#now: number;
	constructor(start: number | string | Date) {
		this.#now = new Date(start).getTime();
	}
	now(): number {
		return this.#now;
	}
	advance(ms: number): void {
		this.#now += ms;
	}
	set(at: number | string | Date): void {
		this.#now = new Date(at).getTime();
	}
}
