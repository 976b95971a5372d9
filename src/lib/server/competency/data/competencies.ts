/** The framework (competencies, their rules) and the append-only competency events. */
import { asc, eq, inArray } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import {
	competency,
	competencyEvent,
	competencyRule,
	type Competency,
	type CompetencyEvent
} from '../../db/schema';

export type CompetencyRule = typeof competencyRule.$inferSelect;
export type NewRule = typeof competencyRule.$inferInsert;
export type NewCompetency = typeof competency.$inferInsert;

export async function selectCompetencies(db: Db): Promise<Competency[]> {
	return await db.select().from(competency).orderBy(asc(competency.code));
}

export async function selectCompetencyById(db: Db, id: number): Promise<Competency | undefined> {
	return await first(db.select().from(competency).where(eq(competency.id, id)));
}

export async function selectCompetencyByCode(
	db: Db,
	code: string
): Promise<Competency | undefined> {
	return await first(db.select().from(competency).where(eq(competency.code, code)));
}

export async function insertCompetency(db: Db, row: NewCompetency): Promise<Competency> {
	return await inserted(db.insert(competency).values(row).returning());
}

export async function updateCompetencyRow(
	db: Db,
	id: number,
	set: Pick<Competency, 'name' | 'description' | 'validityMonths'>
): Promise<void> {
	await db.update(competency).set(set).where(eq(competency.id, id));
}

export async function selectRules(db: Db): Promise<CompetencyRule[]> {
	return await db.select().from(competencyRule).orderBy(asc(competencyRule.id));
}

export async function selectRulesByTrigger(
	db: Db,
	trigger: CompetencyRule['trigger']
): Promise<CompetencyRule[]> {
	return await db.select().from(competencyRule).where(eq(competencyRule.trigger, trigger));
}

export async function insertRule(db: Db, row: NewRule): Promise<CompetencyRule> {
	return await inserted(db.insert(competencyRule).values(row).returning());
}

export async function deleteRule(db: Db, id: number): Promise<boolean> {
	return (await db.delete(competencyRule).where(eq(competencyRule.id, id))).changes > 0;
}

export async function insertEvent(
	db: Db,
	row: typeof competencyEvent.$inferInsert
): Promise<CompetencyEvent> {
	return await inserted(db.insert(competencyEvent).values(row).returning());
}

/** Every event of some people (all when null), oldest first. */
export async function selectEvents(db: Db, staffIds: number[] | null): Promise<CompetencyEvent[]> {
	const q = db.select().from(competencyEvent);
	const scoped = staffIds === null ? q : q.where(inArray(competencyEvent.staffId, staffIds));
	return await scoped.orderBy(asc(competencyEvent.occurredAt), asc(competencyEvent.id));
}
