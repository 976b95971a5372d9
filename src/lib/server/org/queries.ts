// Transitional, until the merge of issue 11: domains not yet converted still import these reads
// from here. They now live behind org's front door (service.ts); import them from there.
export {
	selectBranchByCode,
	selectBranchById,
	selectBranches,
	selectRolesOf,
	selectStaffList,
	selectStaffNames,
	selectStaffRow,
	selectStaffRowById,
	type StaffRow
} from './service';
