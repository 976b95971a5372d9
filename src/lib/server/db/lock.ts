/**
 * A first-come, first-served async mutex. SQLite has one writer: every write transaction and
 * every autocommit write takes this lock, so an `await` inside a transaction cannot let another
 * request's statement run on the writer connection in the middle of it.
 */
export class AsyncLock {
	#held = false;
	#waiting: (() => void)[] = [];

	get isHeld(): boolean {
		return this.#held;
	}

	/** Resolves once the lock is ours; call the returned function exactly once to let it go. */
	acquire(): Promise<() => void> {
		if (!this.#held) {
			this.#held = true;
			return Promise.resolve(this.#releaser());
		}
		return new Promise((resolve) => this.#waiting.push(() => resolve(this.#releaser())));
	}

	#releaser(): () => void {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const next = this.#waiting.shift();
			if (next) next();
			else this.#held = false;
		};
	}
}
