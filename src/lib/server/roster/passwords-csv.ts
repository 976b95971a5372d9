import { csvLines, defuseFormula } from '../files/service';

export interface InitialPassword {
	employeeNo: string;
	name: string;
	branchCode: string;
	branchName: string;
	password: string;
}

/**
 * The initial-passwords file as Excel on a Chinese desktop opens it correctly: UTF-8 with a
 * BOM, CRLF line ends, every cell quoted where needed and no cell runnable as a formula.
 */
export function renderPasswordsCsv(
	rows: InitialPassword[],
	headers: [string, string, string, string, string]
): string {
	const data = rows.map((r) =>
		[r.employeeNo, r.name, r.branchCode, r.branchName, r.password].map(defuseFormula)
	);
	return '\uFEFF' + csvLines([headers.map(defuseFormula), ...data]);
}
