import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { ContentError, type ContentProblem } from '../../../src/lib/server/courses/types';

/** A content tree as relative path → file text. */
export type Tree = Record<string, string>;

const made: string[] = [];

/** Writes a tree into a fresh temp folder and returns its path. */
export function writeTree(tree: Tree): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-content-'));
	made.push(dir);
	for (const [rel, text] of Object.entries(tree)) {
		const full = path.join(dir, rel);
		fs.mkdirSync(path.dirname(full), { recursive: true });
		fs.writeFileSync(full, text);
	}
	return dir;
}

export function removeTrees(): void {
	for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function lesson(title: string, hours: number | string, body = '正文。'): string {
	return `---\ntitle: ${title}\nclass_hours: ${hours}\n---\n\n${body}\n`;
}

/** A small valid tree: one onboarding course of two modules, 3.5 class hours in all. */
export function goodTree(): Tree {
	return {
		'01-seat/index.md':
			'---\ntitle: 新员工岗前培训\nkind: onboarding\naudience: [储蓄员, 综合柜员]\nsummary: 上岗必修\n---\n',
		'01-seat/01-basics/index.md': '---\ntitle: 银行基础知识\nsummary: 入门\n---\n\n模块简介。\n',
		'01-seat/01-basics/01-deposits.md': lesson('储蓄存款种类', 1.5, '# 活期与定期\n\n正文。'),
		'01-seat/01-basics/02-accounts.md': lesson('个人银行账户', 1),
		'01-seat/02-aml/index.md': '---\ntitle: 反洗钱\n---\n',
		'01-seat/02-aml/01-kyc.md': lesson('客户身份识别', 1),
		'02-phishing/index.md': '---\ntitle: 防范电信诈骗\nkind: self_study\naudience: [投递员]\n---\n',
		'02-phishing/01-signs/index.md': '---\ntitle: 识别诈骗\n---\n',
		'02-phishing/01-signs/01-cases.md': lesson('典型案例', 0.5)
	};
}

/** The problems loadContent reports for a tree; fails the test when it loads cleanly. */
export function problemsOf(tree: Tree): ContentProblem[] {
	try {
		loadContent(writeTree(tree));
	} catch (error) {
		if (error instanceof ContentError) return error.problems;
		throw error;
	}
	throw new Error('expected the tree to be rejected');
}
