// How an exam is defined, for the schema (db/schema/exams.ts), the services and the exam forms.

/** What an exam is for: a quiz, the onboarding exam, a spot exam, a certification. */
export const EXAM_PURPOSES = ['practice', 'onboarding', 'spot', 'certification'] as const;
export type ExamPurpose = (typeof EXAM_PURPOSES)[number];

/** What an examinee sees after submitting. */
export const REVIEW_POLICIES = ['score_only', 'score_and_answers', 'after_window'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

/** Whether a multiple-answer question earns part of its points for a partly right answer. */
export const PARTIAL_CREDIT = ['none', 'proportional'] as const;
export type PartialCredit = (typeof PARTIAL_CREDIT)[number];

/** What took the examinee away from a formal exam's page (切屏): hidden tab, lost focus, left full screen. */
export const SWITCH_KINDS = ['hidden', 'blur', 'fullscreen'] as const;
export type SwitchKind = (typeof SWITCH_KINDS)[number];
