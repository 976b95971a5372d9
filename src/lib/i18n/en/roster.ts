import type { roster as zh } from '../zh-CN/roster';

export const roster: Record<keyof typeof zh, string> = {
	'roster.title': 'Import roster',
	'roster.intro':
		'Upload the staff roster exported from the HR system or Excel. Preview it first, then commit; nothing is written while any error remains.',
	'roster.upload.label': 'Roster file (CSV)',
	'roster.upload.hint':
		'Save from Excel as CSV (UTF-8 or GBK are both detected automatically); at most 10 MB.',
	'roster.upload.submit': 'Upload and preview',
	'roster.upload.pending': 'Uploading and checking, please wait…',
	'roster.help.title': 'File format',
	'roster.help.intro':
		'The first line holds the headers. Columns may come in any order, with Chinese or English names, in any letter case:',
	'roster.help.column': 'Column',
	'roster.help.need': 'Required',
	'roster.help.values': 'What to enter',
	'roster.help.required': 'Required',
	'roster.help.optional': 'Optional',
	'roster.help.requiredNewBranch': 'Required for a new branch',
	'roster.help.value.employee_no': 'Unique; used to sign in',
	'roster.help.value.branch_code': 'The person’s branch',
	'roster.help.value.branch_name': 'Used only to create a new branch',
	'roster.help.value.branch_type':
		'head_office, urban, rural, agency, call_center; used only to create a new branch',
	'roster.help.value.position': 'e.g. teller, branch manager',
	'roster.help.value.hire_date': '2024-03-15 or 2024/3/15',
	'roster.help.value.effective_date':
		"When a change of branch or position takes effect, kept in the person's history; blank: the import day",
	'roster.help.value.roles':
		'learner, mentor, trainer, branch_manager, hr, admin; separate several with ; , 、 or |; default learner',
	'roster.help.value.status': 'active, onboarding, left; default active',
	'roster.help.upsert':
		'Matched by employee number: existing staff are updated, new staff get an account; staff missing from the file are left as they are. To disable an account, set its status to left. Only an administrator can import rows that grant or remove the admin role or change or disable an administrator.',
	'roster.help.omitted':
		'When the file has no roles, status or hire date column, existing staff keep theirs.',
	'roster.help.branches':
		'Existing branches keep their name and type; new branches are placed under the head office.',
	'roster.recent.title': 'Recent imports',
	'roster.recent.none': 'No imports yet.',
	'roster.recent.file': 'File',
	'roster.recent.at': 'Uploaded',
	'roster.recent.by': 'By',
	'roster.recent.status': 'Status',
	'roster.recent.cli': 'Command line',
	'roster.status.previewed': 'Awaiting commit',
	'roster.status.committing': 'Importing',
	'roster.status.invalid': 'Has errors',
	'roster.status.committed': 'Imported',
	'roster.status.discarded': 'Discarded',
	'roster.preview.title': 'Import preview',
	'roster.preview.file': 'File: {file} ({encoding})',
	'roster.preview.fileName': 'File: {file}',
	'roster.preview.ignored': 'These columns were not recognised and are ignored: {columns}',
	'roster.count.rows': 'Data rows',
	'roster.count.created': 'New staff',
	'roster.count.changed': 'Changed',
	'roster.count.unchanged': 'Unchanged',
	'roster.count.newBranches': 'New branches',
	'roster.count.problems': 'Errors',
	'roster.unchanged.collapsed': '{count} more unchanged, collapsed and not listed.',
	'roster.summary.title': 'Summary',
	'roster.problems.title': 'Errors ({count})',
	'roster.problems.intro':
		'The file has errors, so nothing will be written. Correct the file as listed below and upload it again.',
	'roster.problems.line': 'Line',
	'roster.problems.column': 'Column',
	'roster.problems.message': 'Problem',
	'roster.truncated': 'Showing the first {shown} of {total}.',
	'roster.changes.title': 'Planned changes',
	'roster.changes.none': 'No staff details need to change.',
	'roster.changes.line': 'Line',
	'roster.changes.employeeNo': 'Employee no.',
	'roster.changes.name': 'Name',
	'roster.changes.kind': 'Kind',
	'roster.changes.detail': 'Changes',
	'roster.changes.kind.new': 'New',
	'roster.changes.kind.changed': 'Changed',
	'roster.changes.set': '{field}: {to}',
	'roster.changes.fromTo': '{field}: {from} → {to}',
	'roster.field.name': 'Name',
	'roster.field.branch': 'Branch',
	'roster.field.position': 'Position',
	'roster.field.hireDate': 'Hire date',
	'roster.field.roles': 'Roles',
	'roster.field.status': 'Status',
	'roster.newBranches.title': 'Branches to create',
	'roster.newBranches.code': 'Branch code',
	'roster.newBranches.name': 'Branch name',
	'roster.newBranches.type': 'Branch type',
	'roster.commit.hint': 'Committing writes all of the changes above at once.',
	'roster.commit.submit': 'Commit import',
	'roster.commit.pending': 'Importing, please wait…',
	'roster.discard.submit': 'Discard this import',
	'roster.upload.again': 'Upload another file',
	'roster.committed.notice':
		'Imported: {created} staff created, {changed} updated, {unchanged} unchanged, {newBranches} branches created.',
	'roster.discarded.notice': 'This import was discarded; nothing was written.',
	'roster.passwords.download': 'Download initial passwords (once)',
	'roster.passwords.hint':
		'The file holds the new staff’s initial passwords and can be downloaded only once. Keep it safe and delete it after handing them out; staff must change the password at first sign-in.',
	'roster.passwords.downloaded': 'The initial passwords were downloaded on {at}.',
	'roster.passwords.none': 'This import created no accounts, so there are no initial passwords.',
	'roster.passwords.gone':
		'These initial passwords have already been downloaded; for safety they can be downloaded only once. If they were lost, ask an administrator to reset those staff members’ passwords.',
	'roster.passwords.expires':
		'Download them before {at}; initial passwords not downloaded by then are deleted.',
	'roster.passwords.expired':
		'These initial passwords were not downloaded within 7 days and have been deleted for safety. Ask an administrator to reset those staff members’ passwords.',
	'roster.passwords.adminOnly':
		'These initial passwords include an administrator account, so only an administrator can download them. Ask an administrator.',
	'roster.passwords.csv.employeeNo': 'employee_no',
	'roster.passwords.csv.name': 'name',
	'roster.passwords.csv.branchCode': 'branch_code',
	'roster.passwords.csv.branchName': 'branch_name',
	'roster.passwords.csv.password': 'initial_password',
	'roster.error.noFile': 'Choose the CSV file to upload.',
	'roster.error.fileTooLarge':
		'The file is {size} MB, over the {limit} MB limit. Split it and import the parts one by one.',
	'roster.error.fileEmpty':
		'The file is empty. Choose the roster CSV exported from the HR system or Excel.',
	'roster.error.noDataRows': 'The file has a header line but no staff rows.',
	'roster.error.utf16':
		'The file is UTF-16 (“Unicode Text”). In Excel, save it as “CSV UTF-8 (Comma delimited)” or “CSV (Comma delimited)” and upload it again.',
	'roster.error.missingColumns':
		'Required columns are missing: {columns}. Add them to the header line.',
	'roster.error.duplicateColumn': '“{column}” and “{other}” are the same column; keep only one.',
	'roster.error.unterminatedQuote':
		'A quote opened on this line is never closed, so the rest of the file cannot be read. Look for a missing double quote ".',
	'roster.error.extraCells':
		'This line has {count} cells, {extra} more than the header; a cell probably holds an unquoted comma.',
	'roster.error.required': '“{column}” must not be empty.',
	'roster.error.tooLong': '“{column}” is too long ({length} characters, at most {max}).',
	'roster.error.duplicateEmployeeNo':
		'Employee number {value} is repeated: line {firstLine} already has it.',
	'roster.error.dateFormat':
		'The date “{value}” is not in a known format; write 2024-03-15 or 2024/3/15.',
	'roster.error.dateImpossible':
		'The date “{value}” does not exist; check the year, month and day.',
	'roster.error.unknownRole':
		'Unknown role “{value}”. Use learner, mentor, trainer, branch_manager, hr or admin.',
	'roster.error.unknownBranchType':
		'Unknown branch type “{value}”. Use head_office, urban, rural, agency or call_center.',
	'roster.error.unknownStatus': 'Unknown status “{value}”. Use active, onboarding or left.',
	'roster.error.branchNameMissing':
		'Branch code {value} does not exist yet; a new branch needs a branch name.',
	'roster.error.branchTypeMissing':
		'Branch code {value} does not exist yet; a new branch needs a branch type.',
	'roster.error.branchConflict':
		'Branch {code} has “{column}” “{value}” here but “{first}” on line {firstLine}; one branch must be described the same way.',
	'roster.error.selfDemote':
		'This line would take away your own HR or admin role or mark you as left. So that you do not lock yourself out, ask another administrator to import it.',
	'roster.error.adminGrant':
		'This line would make employee {value} an administrator. Only an administrator can grant the admin role: remove “admin” from this line, or ask an administrator to import it.',
	'roster.error.adminProtected':
		'Employee {value} is an administrator. Only an administrator can change an administrator’s details, roles or status: make this line match the system, or ask an administrator to import it.',
	'roster.error.alreadyCommitted':
		'This import has already been committed and cannot be committed again. Upload the file again to re-import.',
	'roster.error.discarded': 'This import was discarded. Upload the file again to import it.',
	'roster.error.hasProblems':
		'The file still has {count, plural, one {# error} other {# errors}} and cannot be committed. Correct it and upload it again.',
	'roster.error.changedMeanwhile':
		'Staff data changed after the preview. Reload the page to preview again, then commit.',
	'roster.error.notCommitted':
		'This import has not been committed, so it has no initial passwords.',
	'roster.error.employeeExists': 'Employee number {value} already exists.',
	'roster.progress.title': 'Importing',
	'roster.progress.label': 'Import progress',
	'roster.progress.phase.checking': 'Step 1 of 3: checking the rows',
	'roster.progress.phase.preparing': 'Step 2 of 3: preparing the accounts',
	'roster.progress.phase.writing': 'Step 3 of 3: writing',
	'roster.progress.rows': '{done} / {total, plural, one {# row} other {# rows}}',
	'roster.progress.hint':
		'The import runs in the background: you may leave this page and come back for the result. Nothing in the system changes until all of it is done, and staff can sign in as usual.',
	'roster.commit.failedNotice': 'The last commit did not finish, and nothing was written:',
	'roster.commit.again': 'Once the problem is fixed, you can commit again.',
	'roster.commit.interrupted':
		'The server stopped during the import. Nothing was written; you can commit again.',
	'roster.commit.failed':
		'The import failed on an internal error and nothing was written. Commit again; if it fails again, ask an administrator to look at the log.',
	'roster.error.committing': 'This import is being committed; wait for it to finish.',
	'roster.error.employeeNoCharacters':
		'Employee number “{value}” contains characters that are not allowed. Use letters, digits, - and _ only: no spaces, quotes or other symbols.',
	'roster.error.employeeNoPattern':
		'Employee number “{value}” does not match this office’s employee number format ({pattern}).'
};
