import { afterEach, describe, expect, it } from 'vitest';
import { goodTree, lesson, problemsOf, removeTrees, type Tree } from './tree';

afterEach(removeTrees);

/** The good tree with some files replaced (a string) or removed (null). */
function broken(changes: Record<string, string | null>): Tree {
	const tree = goodTree();
	for (const [rel, text] of Object.entries(changes)) {
		if (text === null) delete tree[rel];
		else tree[rel] = text;
	}
	return tree;
}

const COURSE = '---\ntitle: 课程\nkind: remote\naudience: [储蓄员]\n---\n';
const MODULE = '---\ntitle: 模块\n---\n';

describe('loadContent rejects', () => {
	it('a course folder without index.md', () => {
		expect(problemsOf(broken({ '01-seat/index.md': null }))).toEqual([
			{ file: '01-seat/index.md', message: 'missing index.md (every course folder needs one)' }
		]);
	});

	it('a module folder without index.md', () => {
		expect(problemsOf(broken({ '01-seat/02-aml/index.md': null }))).toEqual([
			{
				file: '01-seat/02-aml/index.md',
				message: 'missing index.md (every module folder needs one)'
			}
		]);
	});

	it('a missing title', () => {
		const tree = broken({ '01-seat/01-basics/index.md': '---\nsummary: 入门\n---\n' });
		expect(problemsOf(tree)).toEqual([
			{ file: '01-seat/01-basics/index.md', message: 'missing title' }
		]);
	});

	it('an empty title', () => {
		const tree = broken({ '01-seat/02-aml/01-kyc.md': lesson('"  "', 1) });
		expect(problemsOf(tree)).toEqual([
			{ file: '01-seat/02-aml/01-kyc.md', message: 'title is empty' }
		]);
	});

	it('a bad kind', () => {
		const tree = broken({ '02-phishing/index.md': COURSE.replace('remote', 'online') });
		expect(problemsOf(tree)).toEqual([
			{
				file: '02-phishing/index.md',
				message: 'bad kind "online" (expected one of: remote, centralized, self_study, onboarding)'
			}
		]);
	});

	it('an audience that is not a list of positions', () => {
		const tree = broken({ '02-phishing/index.md': COURSE.replace('[储蓄员]', '储蓄员') });
		expect(problemsOf(tree)).toEqual([
			{
				file: '02-phishing/index.md',
				message: 'audience must be a non-empty list of positions, e.g. [储蓄员, 综合柜员]'
			}
		]);
	});

	it('two courses with the same slug', () => {
		const tree = broken({
			'03-seat/index.md': COURSE,
			'03-seat/01-m/index.md': MODULE,
			'03-seat/01-m/01-l.md': lesson('课', 1)
		});
		expect(problemsOf(tree)).toEqual([
			{ file: '03-seat', message: 'duplicate slug "seat" (also used by 01-seat)' }
		]);
	});

	it('two modules of a course with the same slug', () => {
		const tree = broken({
			'01-seat/03-aml/index.md': MODULE,
			'01-seat/03-aml/01-l.md': lesson('课', 1)
		});
		expect(problemsOf(tree)).toEqual([
			{ file: '01-seat/03-aml', message: 'duplicate slug "aml" (also used by 02-aml)' }
		]);
	});

	it('two lessons of a module with the same slug', () => {
		const tree = broken({ '01-seat/02-aml/02-kyc.md': lesson('客户身份识别二', 1) });
		expect(problemsOf(tree)).toEqual([
			{ file: '01-seat/02-aml/02-kyc.md', message: 'duplicate slug "kyc" (also used by 01-kyc.md)' }
		]);
	});

	it('two entries with the same order number', () => {
		const tree = broken({ '01-seat/01-basics/2-cash.md': lesson('点钞', 1) });
		expect(problemsOf(tree)).toEqual([
			{
				file: '01-seat/01-basics/2-cash.md',
				message: 'duplicate order 2 (also used by 02-accounts.md)'
			}
		]);
	});

	it('a missing class_hours', () => {
		const tree = broken({ '01-seat/02-aml/01-kyc.md': '---\ntitle: 客户身份识别\n---\n正文\n' });
		expect(problemsOf(tree)).toEqual([
			{ file: '01-seat/02-aml/01-kyc.md', message: 'missing class_hours' }
		]);
	});

	it.each([
		['0', 'class_hours must be positive, got 0'],
		['-1', 'class_hours must be positive, got -1'],
		['两课时', 'class_hours must be a number, got "两课时"'],
		['"1.5"', 'class_hours must be a number, got "1.5"'],
		['1.25', 'class_hours must be a multiple of 0.5, got 1.25']
	])('class_hours %s', (hours, message) => {
		const tree = broken({ '01-seat/02-aml/01-kyc.md': lesson('客户身份识别', hours) });
		expect(problemsOf(tree)).toEqual([{ file: '01-seat/02-aml/01-kyc.md', message }]);
	});

	it.each([
		['a course folder', 'seat-extra/index.md', 'seat-extra'],
		['a module folder', '01-seat/cash/index.md', '01-seat/cash'],
		['a lesson file', '01-seat/02-aml/kyc-extra.md', '01-seat/02-aml/kyc-extra.md']
	])('%s without an NN- prefix', (_what, rel, named) => {
		const problems = problemsOf(broken({ [rel]: lesson('课', 1) }));
		expect(problems).toContainEqual({
			file: named,
			message: 'name has no NN- order prefix (e.g. 01-cash-counting)'
		});
	});

	it('a slug that is not kebab-case ASCII', () => {
		const tree = broken({ '01-seat/02-aml/03-身份识别.md': lesson('客户身份识别二', 1) });
		expect(problemsOf(tree)).toEqual([
			{
				file: '01-seat/02-aml/03-身份识别.md',
				message: 'slug "身份识别" must be kebab-case ASCII (a-z, 0-9, hyphens)'
			}
		]);
	});

	it('a lesson placed directly in a course folder', () => {
		const tree = broken({ '01-seat/03-stray.md': lesson('课', 1) });
		expect(problemsOf(tree)).toEqual([
			{
				file: '01-seat/03-stray.md',
				message: 'unexpected file: this level holds only NN-slug folders (and index.md)'
			}
		]);
	});

	it('malformed frontmatter, with the YAML error and its line', () => {
		const tree = broken({ '01-seat/index.md': '---\ntitle: 岗前\nkind: [onboarding\n---\n' });
		const [problem, ...rest] = problemsOf(tree);
		expect(rest).toEqual([]);
		expect(problem?.file).toBe('01-seat/index.md');
		expect(problem?.message).toMatch(/^malformed frontmatter at line \d+: .*\]/);
	});

	it('a file without frontmatter', () => {
		const tree = broken({ '01-seat/02-aml/01-kyc.md': '# 客户身份识别\n' });
		expect(problemsOf(tree)).toEqual([
			{
				file: '01-seat/02-aml/01-kyc.md',
				message: 'missing frontmatter (the file must start with a --- line)'
			}
		]);
	});

	it('a misspelt frontmatter key', () => {
		const tree = broken({ '01-seat/02-aml/01-kyc.md': lesson('客户身份识别\nclass_hour: 1', 1) });
		expect(problemsOf(tree)).toEqual([
			{
				file: '01-seat/02-aml/01-kyc.md',
				message: 'unknown frontmatter key "class_hour" (allowed: title, class_hours, min_minutes)'
			}
		]);
	});

	it('a minimum study time that is not a number of minutes', () => {
		const tree = broken({
			'01-seat/02-aml/01-kyc.md': lesson('客户身份识别\nmin_minutes: half an hour', 1)
		});
		expect(problemsOf(tree)).toEqual([
			{
				file: '01-seat/02-aml/01-kyc.md',
				message: 'min_minutes must be a number of minutes (0 or more), got "half an hour"'
			}
		]);
	});

	it('a lesson without a body', () => {
		const tree = broken({
			'01-seat/02-aml/01-kyc.md': '---\ntitle: 客户身份识别\nclass_hours: 1\n---\n'
		});
		expect(problemsOf(tree)).toEqual([
			{ file: '01-seat/02-aml/01-kyc.md', message: 'lesson has no body' }
		]);
	});

	it('a module without lessons', () => {
		expect(problemsOf(broken({ '01-seat/02-aml/01-kyc.md': null }))).toEqual([
			{ file: '01-seat/02-aml', message: 'module has no lessons' }
		]);
	});

	it('a course without modules', () => {
		const tree = broken({
			'02-phishing/01-signs/index.md': null,
			'02-phishing/01-signs/01-cases.md': null
		});
		expect(problemsOf(tree)).toEqual([{ file: '02-phishing', message: 'course has no modules' }]);
	});
});
