// Storage errors in plain words, and the read-only state a quota failure puts the app in (src/data/faults.ts).
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportError, ValidationError } from '../../../src/data/errors.ts';
import {
  classifyStorageError,
  isReadOnly,
  noteStorageError,
  noteWriteSucceeded,
  onReadOnlyChange,
  resetFaultState,
} from '../../../src/data/faults.ts';

afterEach(() => resetFaultState());

describe('classifyStorageError', () => {
  it('finds a quota failure however it is wrapped', () => {
    const native = new DOMException('The transaction was aborted.', 'QuotaExceededError');
    expect(classifyStorageError(native)?.kind).toBe('quota');
    expect(classifyStorageError(new Dexie.AbortError('Transaction aborted', native))?.kind).toBe('quota');
    expect(classifyStorageError({ name: 'Error', message: 'x', cause: { name: 'QuotaExceededError' } })?.kind).toBe(
      'quota',
    );
    expect(
      classifyStorageError(
        new ImportError([
          {
            path: '',
            message: 'Could not save the backup (the device has no storage space left). Nothing was changed.',
          },
        ]),
      )?.kind,
    ).toBe('quota');
  });

  it('tells "storage unavailable" and "connection lost" apart, and leaves other errors alone', () => {
    expect(classifyStorageError(new Dexie.MissingAPIError())?.kind).toBe('unavailable');
    expect(
      classifyStorageError(new DOMException('The user denied permission to access the database.', 'SecurityError'))
        ?.kind,
    ).toBe('unavailable');
    expect(classifyStorageError(new Dexie.DatabaseClosedError())?.kind).toBe('lost');
    expect(classifyStorageError(new ValidationError('Name is empty'))).toBeNull();
    expect(classifyStorageError(new Error('boom'))).toBeNull();
    expect(classifyStorageError(undefined)).toBeNull();
    expect(classifyStorageError('quota?')).toBeNull();
  });

  it('every classification carries a sentence for people, not a stack trace', () => {
    const f = classifyStorageError(new DOMException('', 'QuotaExceededError'))!;
    expect(f.message).toMatch(/out of storage space.*kept/);
  });
});

describe('read-only state', () => {
  it('a quota fault turns it on, a successful write turns it off, listeners hear both; other faults do not', () => {
    const seen: boolean[] = [];
    onReadOnlyChange((r) => seen.push(r));
    noteStorageError(new Dexie.DatabaseClosedError());
    noteStorageError(new ValidationError('bad'));
    expect(isReadOnly()).toBe(false);
    noteStorageError(new DOMException('', 'QuotaExceededError'));
    noteStorageError(new DOMException('', 'QuotaExceededError'));
    expect(isReadOnly()).toBe(true);
    noteWriteSucceeded();
    expect(isReadOnly()).toBe(false);
    expect(seen).toEqual([true, false]);
  });
});
