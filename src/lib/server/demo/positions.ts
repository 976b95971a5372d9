/** Positions as the office writes them; the roster import stores the same words. */
export const POSITION = {
	hallHead: '营业部主任',
	centreHead: '客服中心主任',
	manager: '支局长',
	teller: '储蓄员',
	wealth: '理财经理',
	callAgent: '客服座席',
	counter: '综合柜员',
	courier: '投递员',
	marketing: '营销员',
	admin: '综合管理',
	hr: '人事专员',
	trainer: '培训讲师',
	sysAdmin: '系统管理员'
} as const;
export type PositionKind = keyof typeof POSITION;

/** The sources' three staff groups: 142 financial, 128 universal service, 81 management/marketing. */
export const POSITION_GROUP: Record<PositionKind, 'financial' | 'universal' | 'management'> = {
	teller: 'financial',
	wealth: 'financial',
	callAgent: 'financial',
	counter: 'universal',
	courier: 'universal',
	hallHead: 'management',
	centreHead: 'management',
	manager: 'management',
	marketing: 'management',
	admin: 'management',
	hr: 'management',
	trainer: 'management',
	sysAdmin: 'management'
};
