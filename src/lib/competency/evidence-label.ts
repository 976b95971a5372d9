/** What names a piece of evidence on a person's page: a certificate number, or an exam and its day. */
export interface EvidenceLabel {
	name: string;
	/** 'YYYY-MM-DD' in office time, formatted in the reader's language by the page. */
	day: string | null;
}
