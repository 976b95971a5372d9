import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { ContentError } from '../../../src/lib/server/courses/types';
import { goodTree, lesson, removeTrees, writeTree } from './tree';

afterEach(removeTrees);

describe('loadContent on a good tree', () => {
	it('builds the typed tree in prefix order with hours summed', () => {
		const [seat, phishing] = loadContent(writeTree(goodTree()));
		expect(seat).toMatchObject({
			slug: 'seat',
			title: '新员工岗前培训',
			kind: 'onboarding',
			audience: ['储蓄员', '综合柜员'],
			summary: '上岗必修',
			order: 1,
			file: '01-seat/index.md',
			totalClassHours: 3.5
		});
		expect(seat?.hash).toMatch(/^[0-9a-f]{64}$/);
		expect(seat?.modules.map((m) => [m.slug, m.order, m.summary])).toEqual([
			['basics', 1, '入门'],
			['aml', 2, '']
		]);
		expect(seat?.modules[0]?.markdown).toBe('模块简介。');
		expect(seat?.modules[0]?.lessons[0]).toEqual({
			slug: 'deposits',
			title: '储蓄存款种类',
			classHours: 1.5,
			minMinutes: null,
			order: 1,
			file: '01-seat/01-basics/01-deposits.md',
			markdown: '# 活期与定期\n\n正文。'
		});
		expect(phishing).toMatchObject({ slug: 'phishing', kind: 'self_study', summary: '' });
	});

	it('orders by the number, not the text, of the prefix', () => {
		const tree = goodTree();
		tree['01-seat/01-basics/10-cash.md'] = lesson('点钞', 1);
		tree['01-seat/01-basics/9-coins.md'] = lesson('硬币', 1);
		const [seat] = loadContent(writeTree(tree));
		expect(seat?.modules[0]?.lessons.map((l) => l.slug)).toEqual([
			'deposits',
			'accounts',
			'coins',
			'cash'
		]);
	});

	it('reads a lesson’s own minimum study time from min_minutes', () => {
		const tree = goodTree();
		tree['01-seat/01-basics/02-accounts.md'] =
			'---\ntitle: 个人银行账户\nclass_hours: 1\nmin_minutes: 20\n---\n\n正文。\n';
		const [seat] = loadContent(writeTree(tree));
		expect(seat?.modules[0]?.lessons.map((l) => l.minMinutes)).toEqual([null, 20]);
	});

	it('ignores dotfiles such as .DS_Store and .gitkeep', () => {
		const tree = { ...goodTree(), '.DS_Store': 'x', '01-seat/01-basics/.gitkeep': '' };
		expect(loadContent(writeTree(tree))).toHaveLength(2);
	});

	it('accepts CRLF files and a byte-order mark', () => {
		const tree = goodTree();
		tree['01-seat/02-aml/01-kyc.md'] =
			'\uFEFF---\r\ntitle: 客户身份识别\r\nclass_hours: 2\r\n---\r\n正文\r\n';
		const [seat] = loadContent(writeTree(tree));
		expect(seat?.modules[1]?.lessons[0]).toMatchObject({ classHours: 2, markdown: '正文' });
	});
});

describe('the course hash', () => {
	function hashes(dir: string): string[] {
		return loadContent(dir).map((c) => c.hash);
	}

	it('changes for the course whose lesson changed, and only for it', () => {
		const dir = writeTree(goodTree());
		const [seatBefore, phishingBefore] = hashes(dir);
		fs.appendFileSync(path.join(dir, '01-seat/02-aml/01-kyc.md'), '补充一段。\n');
		const [seatAfter, phishingAfter] = hashes(dir);
		expect(seatAfter).not.toBe(seatBefore);
		expect(phishingAfter).toBe(phishingBefore);
	});

	it('changes when a lesson is renamed, but not when the course is renumbered', () => {
		const dir = writeTree(goodTree());
		const seatHash = (): string | undefined =>
			loadContent(dir).find((c) => c.slug === 'seat')?.hash;
		const before = seatHash();
		fs.renameSync(path.join(dir, '01-seat'), path.join(dir, '05-seat'));
		expect(seatHash()).toBe(before);
		const module = path.join(dir, '05-seat/02-aml');
		fs.renameSync(path.join(module, '01-kyc.md'), path.join(module, '01-cdd.md'));
		expect(seatHash()).not.toBe(before);
	});

	it('is the same for CRLF and LF copies of the same text', () => {
		const lf = hashes(writeTree(goodTree()));
		const crlf = Object.fromEntries(
			Object.entries(goodTree()).map(([p, t]) => [p, t.replace(/\n/g, '\r\n')])
		);
		expect(hashes(writeTree(crlf))).toEqual(lf);
	});
});

describe('the content error', () => {
	it('lists every problem in one message naming the files', () => {
		const tree = goodTree();
		tree['01-seat/01-basics/02-accounts.md'] = lesson("''", 1);
		tree['02-phishing/01-signs/01-cases.md'] = lesson('典型案例', -1);
		const dir = writeTree(tree);
		const error = (() => {
			try {
				loadContent(dir);
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(ContentError);
		const message = (error as ContentError).message;
		expect(message).toContain('2 problems');
		expect(message).toContain('01-seat/01-basics/02-accounts.md: title is empty');
		expect(message).toContain('02-phishing/01-signs/01-cases.md: class_hours must be positive');
	});

	it('reports a missing content folder', () => {
		expect(() => loadContent('/nonexistent/qualify-content')).toThrow(/content folder not found/);
	});

	it('reports an empty content folder', () => {
		expect(() => loadContent(writeTree({}))).toThrow(/no courses found/);
	});
});
