// Keyboard focus on Today after Done / Skip / Undo: it must stay in the habit's row (on the row
// while the write is pending, then on the button that replaced the pressed one), and must never
// move because of a live update or after the person has put focus elsewhere.
import { afterEach, describe, expect, it } from 'vitest';
import {
  FOCUS_AFTER,
  controlSelector,
  holdRowFocus,
  mountRow,
  placeRowFocus,
  rowRendered,
  wantRowFocus,
  type RowControl,
} from '../../../../src/app/today/rowFocus.ts';

/** A stand-in document: focus() on a fake element makes it the active one. */
const body = { name: 'body' };
const doc: { activeElement: unknown; body: unknown } = { activeElement: body, body };

/** A fake row whose shown buttons can be changed between renders, as a re-render would. */
function fakeRow() {
  const shown = new Set<RowControl>();
  const buttons = new Map<RowControl, { name: string; focus(): void }>();
  for (const c of ['done', 'skip', 'undo'] as RowControl[])
    buttons.set(c, { name: c, focus: () => (doc.activeElement = buttons.get(c)) });
  const el = {
    name: 'row',
    focus: () => (doc.activeElement = el),
    querySelector: (sel: string) =>
      [...shown].map((c) => (controlSelector(c) === sel ? buttons.get(c)! : null)).find(Boolean) ?? null,
    show(...cs: RowControl[]) {
      shown.clear();
      for (const c of cs) shown.add(c);
      // A button that is no longer shown drops the focus to <body>, as the DOM does.
      if ([...buttons].some(([c, b]) => doc.activeElement === b && !shown.has(c))) doc.activeElement = body;
    },
    button: (c: RowControl) => buttons.get(c)!,
  };
  return el;
}

const active = () => (doc.activeElement as { name: string }).name;
let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
  doc.activeElement = body;
});

describe('focus after a press in a habit row', () => {
  it('rests on the row while Done is pending, then moves to Undo once it is shown', () => {
    const row = fakeRow();
    const before = { v: 1 };
    const after = { v: 2 };
    unmount = mountRow('read', row, before);
    row.show('done', 'skip');
    row.button('done').focus();
    wantRowFocus('read', FOCUS_AFTER.done, before);
    row.show(); // pending: Done and Skip gone, Undo not yet shown
    placeRowFocus('read', row, before, true, doc);
    expect(active()).toBe('row');
    row.show('undo');
    placeRowFocus('read', row, after, false, doc);
    expect(active()).toBe('undo');
  });

  it('moves to Done after Undo, and only once the undo is written', () => {
    const row = fakeRow();
    const before = { v: 1 };
    unmount = mountRow('read', row, before);
    row.show('undo');
    row.button('undo').focus();
    wantRowFocus('read', FOCUS_AFTER.undo, before);
    row.show('done', 'skip'); // the guess shows the open state at once
    placeRowFocus('read', row, before, true, doc);
    expect(active()).toBe('row');
    placeRowFocus('read', row, { v: 2 }, false, doc);
    expect(active()).toBe('done');
  });

  it('returns to the pressed button when the write fails', () => {
    const row = fakeRow();
    const before = { v: 1 };
    unmount = mountRow('read', row, before);
    row.show('done', 'skip');
    row.button('skip').focus();
    wantRowFocus('read', FOCUS_AFTER.skip, before);
    row.show('done');
    placeRowFocus('read', row, before, true, doc);
    wantRowFocus('read', ['skip'], null);
    row.show('done', 'skip');
    placeRowFocus('read', row, before, false, doc);
    expect(active()).toBe('skip');
  });

  it('leaves focus alone on a live update nobody asked for', () => {
    const row = fakeRow();
    unmount = mountRow('read', row, { v: 1 });
    row.show('undo');
    placeRowFocus('read', row, { v: 2 }, false, doc);
    expect(active()).toBe('body');
  });

  it('does not pull focus back once the person has moved it elsewhere', () => {
    const row = fakeRow();
    const before = { v: 1 };
    unmount = mountRow('read', row, before);
    wantRowFocus('read', FOCUS_AFTER.done, before);
    doc.activeElement = { name: 'history-link' };
    row.show('undo');
    placeRowFocus('read', row, { v: 2 }, false, doc);
    expect(active()).toBe('history-link');
    doc.activeElement = body;
    placeRowFocus('read', row, { v: 3 }, false, doc);
    expect(active()).toBe('body');
  });
});

describe("focus after the toast's Undo", () => {
  it('holds focus on the row at once and moves to Done when the undone row is shown', () => {
    const row = fakeRow();
    const before = { v: 1 };
    unmount = mountRow('read', row, before);
    row.show('undo');
    doc.activeElement = { name: 'toast-undo' };
    expect(holdRowFocus('read', FOCUS_AFTER.undo)).toBe(true);
    expect(active()).toBe('row');
    placeRowFocus('read', row, before, false, doc); // a render before the undo is read back
    expect(active()).toBe('row');
    const after = { v: 2 };
    rowRendered('read', row, after);
    row.show('done', 'skip');
    placeRowFocus('read', row, after, false, doc);
    expect(active()).toBe('done');
  });

  it('reports a row that is not on screen, so the toast can pick another place', () => {
    expect(holdRowFocus('gone', FOCUS_AFTER.undo)).toBe(false);
  });
});
