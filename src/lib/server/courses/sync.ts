import type { AppContext } from '../context';
import { inTransaction, type Tx } from '../db';
import { log } from '../log';
import * as data from './data';
import { renderMarkdown } from './render';
import type { CourseTree } from './types';

export interface SyncSummary {
	created: number;
	newVersions: number;
	unchanged: number;
	retired: number;
}

async function insertVersionTree(
	db: Tx,
	courseId: number,
	tree: CourseTree,
	version: number,
	now: number
): Promise<number> {
	const row = await data.insertVersion(db, {
		courseId,
		version,
		hash: tree.hash,
		totalClassHours: tree.totalClassHours,
		createdAt: now
	});
	for (const mod of tree.modules) {
		const moduleRow = await data.insertModule(db, {
			courseVersionId: row.id,
			slug: mod.slug,
			title: mod.title,
			summary: mod.summary,
			position: mod.order
		});
		for (const l of mod.lessons) {
			await data.insertLesson(db, {
				courseVersionId: row.id,
				moduleId: moduleRow.id,
				lessonKey: `${mod.slug}/${l.slug}`,
				slug: l.slug,
				title: l.title,
				classHours: l.classHours,
				minMinutes: l.minMinutes,
				position: l.order,
				html: renderMarkdown(l.markdown)
			});
		}
	}
	return row.id;
}

/**
 * Brings the course catalogue in line with content/: new courses are added, a changed course
 * gets a new version (completions of the old one stay attached to it), and a course gone from
 * content/ is retired rather than deleted, so nobody's history disappears.
 */
export async function syncCourses(ctx: AppContext, trees: CourseTree[]): Promise<SyncSummary> {
	const now = ctx.clock.now();
	const summary: SyncSummary = { created: 0, newVersions: 0, unchanged: 0, retired: 0 };
	await inTransaction(ctx.db, async (tx) => {
		for (const tree of trees) {
			const meta = {
				kind: tree.kind,
				title: tree.title,
				summary: tree.summary,
				audience: tree.audience,
				amlTraining: tree.amlTraining === true,
				position: tree.order,
				retired: false,
				updatedAt: now
			};
			const existing = await data.selectCourseBySlug(tx, tree.slug);
			if (!existing) {
				const created = await data.insertCourse(tx, { slug: tree.slug, ...meta, createdAt: now });
				const versionId = await insertVersionTree(tx, created.id, tree, 1, now);
				await data.updateCourse(tx, created.id, { currentVersionId: versionId });
				summary.created++;
				continue;
			}
			const current = existing.currentVersionId
				? await data.selectVersion(tx, existing.currentVersionId)
				: undefined;
			if (current?.hash === tree.hash) {
				await data.updateCourse(tx, existing.id, meta);
				summary.unchanged++;
				continue;
			}
			const next = (await data.selectLatestVersionNumber(tx, existing.id)) + 1;
			const versionId = await insertVersionTree(tx, existing.id, tree, next, now);
			await data.updateCourse(tx, existing.id, { ...meta, currentVersionId: versionId });
			summary.newVersions++;
		}
		summary.retired = await data.retireCoursesExcept(
			tx,
			trees.map((t) => t.slug),
			now
		);
	});
	log.info(summary, 'courses synced');
	return summary;
}
