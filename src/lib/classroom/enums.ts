// Classroom vocabularies, for the schema (db/schema/classroom.ts), services and pages.

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** How attendance was taken: ticked on the roster by the trainer, or by the sign-in code. */
export const ATTENDANCE_METHODS = ['roster', 'code', 'qr'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];
