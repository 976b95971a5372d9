import { AsyncLocalStorage } from 'node:async_hooks';

/** A transaction as the async context that runs it sees it. */
export interface TxState {
	open: boolean;
}

// Which transaction, if any, the running code is inside of. A statement on the root handle from
// inside a transaction is a bug on both databases: on SQLite it would wait for the lock its own
// transaction holds, on PostgreSQL it would run outside the transaction it belongs to.
const scope = new AsyncLocalStorage<TxState>();

export function refuseFromInsideTransaction(): void {
	if (scope.getStore()?.open) {
		throw new Error(
			'the root handle was used inside a transaction: pass the transaction (tx) instead'
		);
	}
}

/** Runs `work` as the body of the transaction `state`. */
export function inScope<T>(state: TxState, work: () => Promise<T>): Promise<T> {
	return scope.run(state, work);
}

export function checkOpen(state: TxState): void {
	if (!state.open) throw new Error('this transaction has already ended');
}
