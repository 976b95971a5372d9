// Transitional, until the merge of issue 11: domains not yet converted still import these reads
// from here. They now live behind auth's front door (service.ts); import them from there.
export { selectRoles, selectStaffByEmployeeNo, selectStaffById } from './service';
