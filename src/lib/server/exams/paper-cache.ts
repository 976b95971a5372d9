import { databaseOf, type Database, type Db } from '../db';
import type { QuestionType } from '../../questions/enums';
import { loadQuestionVersions } from '../questions/service';
import { selectAttempt } from './data';
import type { PaperItem } from './types';

export interface PaperMeta {
	items: PaperItem[];
	types: QuestionType[];
}

// A paper never changes after it is drawn, so what a save needs to validate an answer can be
// kept in memory; the map is bounded so a long-running server does not grow without end.
// Keyed by database first (ids are only unique within one), not by handle: a transaction's
// handle lives only as long as the transaction. Ids are never reused, so an entry made inside a
// transaction that rolled back can only go unused.
const MAX_ENTRIES = 20_000;
const caches = new WeakMap<Database, Map<number, PaperMeta>>();

function cacheOf(db: Db): Map<number, PaperMeta> {
	const database = databaseOf(db);
	let cache = caches.get(database);
	if (!cache) caches.set(database, (cache = new Map()));
	return cache;
}

function remember(cache: Map<number, PaperMeta>, attemptId: number, meta: PaperMeta): void {
	if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as number);
	cache.set(attemptId, meta);
}

/**
 * Keeps the paper just drawn for `attemptId`, so the examinee's first save does not read it
 * back: after a start burst (an exam hall at 9:00) those reads were a twentieth of the saves'
 * CPU. `typeOf` gives an item's question type, as the draw's pool knows it.
 */
export function rememberPaperMeta(
	db: Db,
	attemptId: number,
	items: readonly PaperItem[],
	typeOf: (item: PaperItem) => QuestionType | undefined
): void {
	const types: QuestionType[] = [];
	for (const item of items) {
		const type = typeOf(item);
		// Not all known: the first save reads the paper as it always could.
		if (type === undefined) return;
		types.push(type);
	}
	remember(cacheOf(db), attemptId, { items: [...items], types });
}

/** The frozen paper of an attempt with each item's question type; null for no such attempt. */
export async function getPaperMeta(db: Db, attemptId: number): Promise<PaperMeta | null> {
	const cache = cacheOf(db);
	const hit = cache.get(attemptId);
	if (hit) return hit;
	const row = await selectAttempt(db, attemptId);
	if (!row) return null;
	const items = row.paper as PaperItem[];
	const versions = await loadQuestionVersions(
		db,
		items.map((i) => i.versionId)
	);
	const meta: PaperMeta = {
		items,
		types: items.map((i) => {
			const v = versions.get(i.versionId);
			if (!v) throw new Error(`question version ${i.versionId} of attempt ${attemptId} is missing`);
			return v.type;
		})
	};
	remember(cache, attemptId, meta);
	return meta;
}
