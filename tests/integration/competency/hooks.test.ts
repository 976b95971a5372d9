import { describe, expect, it } from 'vitest';
import { getRecord } from '../../../src/lib/server/competency/record';
import { competencyWorld } from './setup';

const DAY = 86_400_000;

async function counterRow(world: Awaited<ReturnType<typeof competencyWorld>>) {
	return (await getRecord(world.app, world.teller, world.teller.id)).competencies.find(
		(c) => c.code === 'SAV-COUNTER'
	)!;
}

describe('exam results drive the competency record', () => {
	it('issues a certificate and grants the competency on a certification pass', async () => {
		const world = await competencyWorld();
		const a = await world.sit(world.teller, 'certification', true);
		expect(a.passed).toBe(true);
		const record = await getRecord(world.app, world.teller, world.teller.id);
		expect(record.certificates).toHaveLength(1);
		const cert = record.certificates[0]!;
		expect(cert).toMatchObject({
			issuedOn: '2026-03-02',
			expiresOn: '2028-03-02',
			status: 'valid',
			attemptId: a.id
		});
		expect(cert.number).toMatch(/^QF-2026-\d{6}$/);
		expect(cert.verificationCode.length).toBeGreaterThanOrEqual(16);
		expect(await counterRow(world)).toMatchObject({
			status: 'competent',
			until: '2028-03-02',
			evidence: { type: 'certificate' }
		});
	});

	it('numbers certificates in sequence and gives each its own code', async () => {
		const world = await competencyWorld();
		await world.sit(world.teller, 'certification', true);
		await world.sit(world.colleague, 'certification', true);
		const a = (await getRecord(world.app, world.hr, world.teller.id)).certificates[0]!;
		const b = (await getRecord(world.app, world.hr, world.colleague.id)).certificates[0]!;
		expect([a.number, b.number]).toEqual(['QF-2026-000001', 'QF-2026-000002']);
		expect(a.verificationCode).not.toBe(b.verificationCode);
	});

	it('a failed certification issues nothing', async () => {
		const world = await competencyWorld();
		await world.sit(world.teller, 'certification', false);
		expect((await getRecord(world.app, world.teller, world.teller.id)).certificates).toHaveLength(
			0
		);
		expect((await counterRow(world)).status).toBe('not_held');
	});

	it('a failed spot exam marks needs retest until a later pass makes it competent again', async () => {
		const world = await competencyWorld();
		await world.sit(world.teller, 'spot', true);
		expect((await counterRow(world)).status).toBe('competent');
		world.app.clock.advance(30 * DAY);
		const failed = await world.sit(world.teller, 'spot', false);
		expect(await counterRow(world)).toMatchObject({
			status: 'needs_retest',
			evidence: { ref: `attempt:${failed.id}` }
		});
		world.app.clock.advance(7 * DAY);
		const passed = await world.sit(world.teller, 'spot', true);
		expect(await counterRow(world)).toMatchObject({
			status: 'competent',
			evidence: { ref: `attempt:${passed.id}` }
		});
		const history = (await getRecord(world.app, world.teller, world.teller.id)).history;
		expect(history.map((h) => h.kind)).toEqual(['granted', 'needs_retest', 'granted']);
	});

	it('lists the exam history with titles and results', async () => {
		const world = await competencyWorld();
		await world.sit(world.teller, 'spot', false);
		const exams = (await getRecord(world.app, world.teller, world.teller.id)).exams;
		expect(exams).toHaveLength(1);
		expect(exams[0]).toMatchObject({ examTitle: '测试考试', passed: false, purpose: 'spot' });
	});
});
