// 错题本's rules as pure functions: which questions are in a person's notebook, and whether a
// question has been mastered since it was last answered wrong.

export interface WrongAnswer {
	questionId: number;
	versionId: number;
	examId: number;
	wrongAt: number;
}

export interface PracticeVerdict {
	questionId: number;
	correct: boolean;
	checkedAt: number;
}

export interface NotebookEntry {
	questionId: number;
	/** The version last answered wrong: the wording the person saw. */
	versionId: number;
	timesWrong: number;
	lastWrongAt: number;
	/** Every exam the question was answered wrong in (their review policies guard the key). */
	examIds: number[];
	/** Correct answers in practice since it was last wrong. */
	correctSince: number;
}

/**
 * Collects the wrong answers per question and drops what has been mastered: `threshold` correct
 * practice answers after the last wrong one, or marked by hand after it. A wrong practice
 * answer counts as wrong (it resets the count); a new wrong answer brings the question back.
 */
export function buildNotebook(input: {
	wrong: readonly WrongAnswer[];
	verdicts: readonly PracticeVerdict[];
	masteredByHand: ReadonlyMap<number, number>;
	threshold: number;
}): NotebookEntry[] {
	const entries = new Map<number, NotebookEntry>();
	for (const w of input.wrong) {
		const e = entries.get(w.questionId);
		if (!e) {
			entries.set(w.questionId, {
				questionId: w.questionId,
				versionId: w.versionId,
				timesWrong: 1,
				lastWrongAt: w.wrongAt,
				examIds: [w.examId],
				correctSince: 0
			});
			continue;
		}
		e.timesWrong++;
		if (w.wrongAt >= e.lastWrongAt) {
			e.lastWrongAt = w.wrongAt;
			e.versionId = w.versionId;
		}
		if (!e.examIds.includes(w.examId)) e.examIds.push(w.examId);
	}
	// Wrong practice verdicts move "last wrong" (their attempt may still be open).
	for (const v of input.verdicts) {
		const e = entries.get(v.questionId);
		if (e && !v.correct && v.checkedAt > e.lastWrongAt) e.lastWrongAt = v.checkedAt;
	}
	for (const v of input.verdicts) {
		const e = entries.get(v.questionId);
		if (e && v.correct && v.checkedAt > e.lastWrongAt) e.correctSince++;
	}
	return [...entries.values()]
		.filter((e) => {
			const byHand = input.masteredByHand.get(e.questionId);
			if (byHand !== undefined && byHand >= e.lastWrongAt) return false;
			return e.correctSince < input.threshold;
		})
		.sort((a, b) => b.lastWrongAt - a.lastWrongAt || a.questionId - b.questionId);
}
