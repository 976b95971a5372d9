/**
 * The courses front door: the catalogue, reading lessons and completing them, for routes, the
 * CLI and other domains. The functions acting for a person check who may learn first; the
 * section for other domains takes no person.
 */

// ---- For people: the learning pages ----
export {
	completeLesson,
	getCourse,
	getLesson,
	listCourses,
	type CourseCard,
	type CourseOutline,
	type LessonLink,
	type LessonView
} from './learn';
export { isSelfCompletable } from './access';
export type { Progress } from './progress';
export {
	listStudyTotals,
	recordStudyBeat,
	type StudyStatus,
	type StudyTimeLine,
	type StudyTotalLine
} from './study';

// ---- For other domains: no person, the calling service has checked access ----
export { findSeatCourse, listCentralizedCourses, listModuleTitles } from './catalogue';
export {
	selectCourseById,
	selectCourseBySlug,
	selectCourses,
	selectLessonByKey,
	selectLessonOutline,
	selectModules,
	selectLessonCompleters,
	sumCompletedCurrentHours,
	type LessonOutline
} from './data';
export {
	completeLessonStep,
	recordLessonCompletion,
	type CompletionInput,
	type CompletionResult
} from './completion';
export { renderMarkdown } from './render';
export {
	listCompletionsWithoutStudy,
	listStudyTimeOf,
	recordStudiedTime,
	type StudiedTime
} from './study';

// ---- For start-up and the CLI: loading content/ into the catalogue ----
export { loadContent } from './loader';
export { syncCourses, type SyncSummary } from './sync';
