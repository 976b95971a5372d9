// The practice domain's front door: 错题本, practice sessions (顺序/随机/专项/错题练习), 模拟考试
// and knowledge-point mastery. Routes, the CLI and other domains import practice from here.
export { readAnswerForm, readNotebookFilter, readPracticeForm } from './form';
export { getPracticeHome, type PracticeBank, type PracticeHome, type RecentSession } from './home';
export { finishPractice, startPractice, type PracticeRequest } from './sessions';
export {
	checkPracticeAnswer,
	getPracticeSession,
	type PracticeItem,
	type PracticeSessionView
} from './feedback';
export {
	getNotebook,
	markMastered,
	type NotebookFilter,
	type NotebookItem,
	type NotebookPage
} from './notebook';
export { listMocks, startMock, type MockOffer } from './mocks';
export { getGroupMastery, getMyMastery, loadPersonMastery, type KnowledgePoint } from './knowledge';
export {
	getKnowledgePage,
	getPersonMasteryByEmployeeNo,
	type KnowledgePage
} from './knowledge-page';
export { getMasteryThreshold, setMasteryThreshold } from './settings';
