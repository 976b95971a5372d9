import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import {
	competency,
	competencyEvent,
	competencyRule,
	type Competency,
	type CompetencyEvent
} from '../db/schema';

export type CompetencyRule = typeof competencyRule.$inferSelect;
export type NewRule = typeof competencyRule.$inferInsert;

export function selectCompetencies(db: Db): Competency[] {
	return db.select().from(competency).orderBy(asc(competency.code)).all();
}

export function selectCompetencyById(db: Db, id: number): Competency | undefined {
	return db.select().from(competency).where(eq(competency.id, id)).get();
}

export function selectCompetencyByCode(db: Db, code: string): Competency | undefined {
	return db.select().from(competency).where(eq(competency.code, code)).get();
}

export function insertCompetency(db: Db, row: typeof competency.$inferInsert): Competency {
	return db.insert(competency).values(row).returning().get();
}

export function updateCompetencyRow(
	db: Db,
	id: number,
	set: Pick<Competency, 'name' | 'description' | 'validityMonths'>
): void {
	db.update(competency).set(set).where(eq(competency.id, id)).run();
}

export function selectRules(db: Db): CompetencyRule[] {
	return db.select().from(competencyRule).orderBy(asc(competencyRule.id)).all();
}

export function selectRulesByTrigger(db: Db, trigger: CompetencyRule['trigger']): CompetencyRule[] {
	return db.select().from(competencyRule).where(eq(competencyRule.trigger, trigger)).all();
}

export function insertRule(db: Db, row: NewRule): CompetencyRule {
	return db.insert(competencyRule).values(row).returning().get();
}

export function deleteRule(db: Db, id: number): boolean {
	return db.delete(competencyRule).where(eq(competencyRule.id, id)).run().changes > 0;
}

export function insertEvent(db: Db, row: typeof competencyEvent.$inferInsert): CompetencyEvent {
	return db.insert(competencyEvent).values(row).returning().get();
}

/** Every event of some people (all when null), oldest first. */
export function selectEvents(db: Db, staffIds: number[] | null): CompetencyEvent[] {
	const q = db.select().from(competencyEvent);
	const scoped = staffIds === null ? q : q.where(inArray(competencyEvent.staffId, staffIds));
	return scoped.orderBy(asc(competencyEvent.occurredAt), asc(competencyEvent.id)).all();
}
