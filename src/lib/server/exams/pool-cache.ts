import { databaseOf, type Database, type Db } from '../db';
import type { ExamDefinition } from '../db/schema';
import type { BlueprintRule } from './rule';
import { loadDrawPool, readBankRevisions } from '../questions/service';
import { indexPool, type PoolIndex } from './pool-index';

// Indexing a 5,000-question pool costs about a millisecond; a burst of starts on one exam
// shares one index until a question in one of its banks changes (the bank's revision moves).
// Keyed by the database, not the handle: a start runs in a transaction of its own.
const caches = new WeakMap<Database, Map<number, { key: string; index: Promise<PoolIndex> }>>();

export function blueprintOf(exam: ExamDefinition): BlueprintRule[] {
	return exam.blueprint as BlueprintRule[];
}

/** The indexed draw pool for an exam's blueprint, rebuilt when the exam or its banks change. */
export async function getPoolIndex(db: Db, exam: ExamDefinition): Promise<PoolIndex> {
	const rules = blueprintOf(exam);
	const bankIds = [...new Set(rules.map((r) => r.bankId))].sort((a, b) => a - b);
	const revisions = await readBankRevisions(db, bankIds);
	const key = `${exam.updatedAt}|${bankIds.map((id) => `${id}:${revisions.get(id) ?? -1}`).join(',')}`;
	const database = databaseOf(db);
	let cache = caches.get(database);
	if (!cache) caches.set(database, (cache = new Map()));
	const hit = cache.get(exam.id);
	if (hit?.key === key) return hit.index;
	// The promise is cached, not the index: the first hundred starts of an exam arrive together,
	// and all of them wait for one pool read instead of each reading it.
	const index = loadDrawPool(db, bankIds).then((pool) => indexPool(rules, pool));
	cache.set(exam.id, { key, index });
	index.catch(() => {
		if (cache.get(exam.id)?.index === index) cache.delete(exam.id);
	});
	return index;
}
