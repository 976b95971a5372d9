// The files domain's front door: reading uploaded files (decoding, CSV, header matching). Pure
// logic with no database: the domains that import files (roster, questions) call it from here.
export { matchHeaders, normaliseHeader, type HeaderMatch } from './columns';
export {
	csvLines,
	defuseFormula,
	parseCsv,
	parseCsvSteps,
	PARSE_CHUNK,
	type CsvResult,
	type CsvRow
} from './csv';
export { decodeText, formatMegabytes, MAX_IMPORT_BYTES, type DecodeResult } from './decode';
