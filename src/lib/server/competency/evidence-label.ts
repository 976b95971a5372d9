/**
 * What a person reads for a piece of evidence: the certificate's number, or the exam's title and
 * the day it was sat, never an internal id ("证书 #1", "考试 #713"). Pure: the record passes in
 * the person's exams and certificates it has already read.
 */
import type { EvidenceLabel } from '../../competency/evidence-label';
import { officeDay } from '../../time/office';

export interface EvidenceSources {
	exams: readonly { attemptId: number; examTitle: string; submittedAt: number | null }[];
	certificates: readonly { id: number; number: string }[];
}

/** The label for evidence `ref` ("attempt:12", "certificate:3"); null when there is none to give. */
export function evidenceLabel(ref: string, sources: EvidenceSources): EvidenceLabel | null {
	const [kind, raw] = ref.split(':');
	const id = Number(raw);
	if (kind === 'certificate') {
		const number = sources.certificates.find((c) => c.id === id)?.number;
		return number === undefined ? null : { name: number, day: null };
	}
	if (kind === 'attempt') {
		const exam = sources.exams.find((e) => e.attemptId === id);
		if (!exam) return null;
		return {
			name: exam.examTitle,
			day: exam.submittedAt === null ? null : officeDay(exam.submittedAt)
		};
	}
	return null;
}
