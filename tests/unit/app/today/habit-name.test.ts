// The add/edit forms must judge a name's length as the data layer does (characters, not UTF-16
// units), or they refuse names the data layer accepts and show a wrong count.
import { describe, expect, it } from 'vitest';
import { NAME_MAX, nameLength, nameProblem } from '../../../../src/app/today/AddHabitForm.tsx';
import { checkName } from '../../../../src/data/fields.ts';

describe('habit name length in the forms', () => {
  it('accepts 31 emoji (62 UTF-16 units), as the data layer does', () => {
    const name = '📚'.repeat(31);
    expect(checkName(name).ok).toBe(true);
    expect(nameProblem(name)).toBeNull();
    expect(nameLength(name)).toBe(31);
  });

  it('counts an emoji as one character next to the field', () => {
    expect(nameLength(`  ${'a'.repeat(55)}📚📚📚 `)).toBe(58);
  });

  it('refuses one character over the limit with the count the data layer uses', () => {
    const name = '📚'.repeat(NAME_MAX + 1);
    expect(checkName(name).ok).toBe(false);
    expect(nameProblem(name)).toBe(`The name is too long: ${NAME_MAX + 1} characters, the limit is ${NAME_MAX}.`);
  });

  it('refuses what the data layer refuses for other reasons, such as a line break', () => {
    expect(nameProblem('Read\nbooks')).toMatch(/control characters/);
  });
});
