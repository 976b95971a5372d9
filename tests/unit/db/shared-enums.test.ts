// The schema's enum columns take their values from the modules the browser imports: the very
// same arrays, so a value added for the pages is one the database accepts, and the reverse.
import { describe, expect, it } from 'vitest';
import { ATTENDANCE_METHODS, SESSION_STATUSES } from '../../../src/lib/classroom/enums';
import {
	COMPETENCY_EVENT_KINDS,
	EVIDENCE_TYPES,
	RULE_TRIGGERS
} from '../../../src/lib/competency/enums';
import { EXAM_PURPOSES, PARTIAL_CREDIT, REVIEW_POLICIES } from '../../../src/lib/exams/enums';
import { HOUR_KINDS, HOUR_SOURCES } from '../../../src/lib/hours/enums';
import { IMPORT_STATUSES } from '../../../src/lib/imports/enums';
import { PLAN_STATUSES } from '../../../src/lib/onboarding/enums';
import { BRANCH_TYPES, ROLES, STAFF_STATUSES } from '../../../src/lib/org/enums';
import { ASSIGNMENT_ROLES, SAMPLE_MODES, SPOT_EVENT_KINDS } from '../../../src/lib/spot/enums';
import * as schema from '../../../src/lib/server/db/schema';

describe('shared enums', () => {
	it('are the arrays the schema columns are declared with', () => {
		const pairs: [{ enumValues: readonly string[] }, readonly string[]][] = [
			[schema.branch.type, BRANCH_TYPES],
			[schema.staff.status, STAFF_STATUSES],
			[schema.staffRole.role, ROLES],
			[schema.rosterImport.status, IMPORT_STATUSES],
			[schema.course.kind, HOUR_KINDS],
			[schema.hourEntry.kind, HOUR_KINDS],
			[schema.hourEntry.source, HOUR_SOURCES],
			[schema.classSession.status, SESSION_STATUSES],
			[schema.sessionAttendance.method, ATTENDANCE_METHODS],
			[schema.onboardingPlan.status, PLAN_STATUSES],
			[schema.examDefinition.purpose, EXAM_PURPOSES],
			[schema.examDefinition.reviewPolicy, REVIEW_POLICIES],
			[schema.examDefinition.partialCredit, PARTIAL_CREDIT],
			[schema.spotCampaign.sampleMode, SAMPLE_MODES],
			[schema.spotAssignment.role, ASSIGNMENT_ROLES],
			[schema.spotEvent.kind, SPOT_EVENT_KINDS],
			[schema.competencyRule.trigger, RULE_TRIGGERS],
			[schema.competencyEvent.kind, COMPETENCY_EVENT_KINDS],
			[schema.competencyEvent.evidenceType, EVIDENCE_TYPES]
		];
		for (const [column, values] of pairs) expect(column.enumValues).toBe(values);
	});
});
