import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../src/lib/server/exams/validate-answer';

const KEYS = ['A', 'B', 'C', 'D'];

function reason(result: Awaited<ReturnType<typeof parseAnswer>>): string | null {
	return result.ok ? null : String(result.problem.params?.reason);
}

describe('parseAnswer', () => {
	it('reads a well-formed answer of each type', () => {
		expect(parseAnswer('single', { choice: 'B' }, KEYS)).toEqual({
			ok: true,
			answer: { choice: 'B' }
		});
		expect(parseAnswer('multiple', { choices: ['C', 'A'] }, KEYS)).toEqual({
			ok: true,
			answer: { choices: ['A', 'C'] }
		});
		expect(parseAnswer('true_false', { value: false }, [])).toEqual({
			ok: true,
			answer: { value: false }
		});
		expect(parseAnswer('fill_blank', { text: ' 反洗钱 ' }, [])).toEqual({
			ok: true,
			answer: { text: ' 反洗钱 ' }
		});
		expect(parseAnswer('single', JSON.parse('{"choice":"D"}'), KEYS).ok).toBe(true);
	});

	it('treats an empty answer as clearing it', () => {
		const empties: [Parameters<typeof parseAnswer>[0], unknown][] = [
			['single', null],
			['single', undefined],
			['single', {}],
			['single', { choice: '' }],
			['single', { choice: null }],
			['multiple', { choices: [] }],
			['true_false', { value: null }],
			['fill_blank', { text: '  \n ' }]
		];
		for (const [type, raw] of empties) {
			expect(parseAnswer(type, raw, KEYS), JSON.stringify(raw)).toEqual({ ok: true, answer: null });
		}
	});

	it('refuses hostile and malformed payloads with a reason, never throwing', () => {
		const cases: [Parameters<typeof parseAnswer>[0], unknown, string][] = [
			['single', 'B', 'notAnObject'],
			['single', ['B'], 'notAnObject'],
			['single', 42, 'notAnObject'],
			['single', { choice: ['B'] }, 'choiceNotAString'],
			['single', { choice: 'E' }, 'unknownOption'],
			['single', { choice: 'b' }, 'unknownOption'],
			['single', { choice: '__proto__' }, 'unknownOption'],
			['single', { choice: 'B', extra: 1 }, 'unexpectedProperty'],
			['single', JSON.parse('{"__proto__":{"admin":true},"choice":"B"}'), 'unexpectedProperty'],
			['single', JSON.parse('{"constructor":{"prototype":{}}}'), 'unexpectedProperty'],
			['single', { choices: ['B'] }, 'unexpectedProperty'],
			['single', new Date(), 'notAPlainObject'],
			['single', Object.create({ choice: 'B' }), 'notAPlainObject'],
			['single', { [Symbol('x')]: 1, choice: 'B' }, 'unexpectedProperty'],
			['multiple', { choices: 'AC' }, 'choicesNotAnArray'],
			['multiple', { choices: ['A', 'A'] }, 'duplicateChoice'],
			['multiple', { choices: ['A', 'Z'] }, 'unknownOption'],
			['multiple', { choices: ['A', 1] }, 'choiceNotAString'],
			['multiple', { choices: ['A', ['B']] }, 'choiceNotAString'],
			['multiple', { choices: ['A', 'B', 'C', 'D', 'A'] }, 'tooManyChoices'],
			['multiple', { choices: Object.assign(['A'], { extra: 'B' }) }, 'choicesNotAnArray'],
			// eslint-disable-next-line no-sparse-arrays
			['multiple', { choices: [, 'A'] }, 'choicesNotAnArray'],
			['multiple', { choices: { 0: 'A', length: 1 } }, 'choicesNotAnArray'],
			['true_false', { value: 'true' }, 'valueNotABoolean'],
			['true_false', { value: 1 }, 'valueNotABoolean'],
			['fill_blank', { text: 12 }, 'textNotAString'],
			['fill_blank', { text: ['a', 'b'] }, 'textNotAString'],
			['fill_blank', { text: 'x'.repeat(501) }, 'textTooLong'],
			['fill_blank', { text: 'a\u0000b' }, 'controlCharacter']
		];
		for (const [type, raw, why] of cases) {
			const result = parseAnswer(type, raw, KEYS);
			expect(result.ok, `${type} ${why}`).toBe(false);
			if (!result.ok) expect(result.problem.key).toBe('exams.error.malformedAnswer');
			expect(reason(result), `${type} ${why}`).toBe(why);
		}
		expect(parseAnswer('fill_blank', { text: '款'.repeat(500) }, []).ok).toBe(true);
	});

	it('does not run accessors or proxy traps into a throw', () => {
		let touched = false;
		const getter = {
			get choice(): string {
				touched = true;
				throw new Error('boom');
			}
		};
		expect(reason(parseAnswer('single', getter, KEYS))).toBe('notAValue');
		expect(touched).toBe(false);
		const trap = new Proxy(
			{},
			{
				ownKeys() {
					throw new Error('trap');
				}
			}
		);
		expect(reason(parseAnswer('single', trap, KEYS))).toBe('unreadable');
		expect(({} as Record<string, unknown>).admin).toBeUndefined();
	});
});
