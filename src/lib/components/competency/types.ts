// Plain shapes the record pages send to the browser; mirrors the server's RecordView.
import type {
	CertificateStatus,
	CompetencyEventKind,
	CompetencyStatus
} from '$lib/competency/enums';
import type { EvidenceLabel } from '$lib/competency/evidence-label';

export interface RecordData {
	person: { id: number; name: string; employeeNo: string; branchName: string; position: string };
	today: string;
	competencies: {
		competencyId: number;
		code: string;
		name: string;
		status: CompetencyStatus;
		since: number | null;
		until: string | null;
		/** `label`: what a person reads for it (certificate number, exam and day), never an id. */
		evidence: { type: string; ref: string; label: EvidenceLabel | null } | null;
		expiringSoon: boolean;
	}[];
	history: {
		id: number;
		kind: CompetencyEventKind;
		competencyName: string;
		validUntil: string | null;
		evidenceType: string;
		evidenceRef: string;
		evidenceLabel: EvidenceLabel | null;
		note: string;
		occurredAt: number;
	}[];
	hours: {
		year: number;
		standing: {
			earned: { remote: number; centralized: number };
			required: { remote: number; centralized: number };
		};
	};
	exams: {
		attemptId: number;
		examTitle: string;
		submittedAt: number | null;
		score: number | null;
		maxScore: number;
		passed: boolean | null;
	}[];
	certificates: {
		id: number;
		number: string;
		competencyName: string;
		issuedOn: string;
		expiresOn: string;
		status: CertificateStatus;
	}[];
}
