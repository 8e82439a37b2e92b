// Keeps keyboard focus inside a habit's row on Today while a mark or an undo re-renders it. The
// pressed button disappears (Done turns into Undo), so without this focus would fall to <body>
// and a keyboard or screen-reader user would start again from the top of the page.
// Only a press (in the row, or the toast's Undo) creates a wish; live updates never move focus.

/** A row button that focus can move to; matches the buttons' data-action attribute. */
export type RowControl = 'done' | 'skip' | 'undo';

/** Where focus goes once a press has been answered: the control that took the pressed one's place. */
export const FOCUS_AFTER: Record<RowControl, RowControl[]> = {
  done: ['undo'],
  skip: ['undo'],
  undo: ['done', 'undo'],
};

/** Anything that can take focus. */
export interface Focusable {
  focus(options?: FocusOptions): void;
}

/** The parts of a row element this module uses (an <li> in the app, a fake in tests). */
export interface FocusTarget extends Focusable {
  querySelector(selector: string): Focusable | null;
}

/** The parts of `document` this module uses. */
export interface FocusDocument {
  activeElement: unknown;
  body: unknown;
}

/** `shownOn` is the row data the press was made on: focus settles once newer data is shown. */
interface Wish {
  prefer: readonly RowControl[];
  shownOn: unknown;
}

const wishes = new Map<string, Wish>();
const mounted = new Map<string, { el: FocusTarget; data: unknown }>();

/** The selector of a row's control. */
export function controlSelector(c: RowControl): string {
  return `[data-action="${c}"]`;
}

/** Asks for focus on one of `prefer` once the row shows data other than `shownOn` (null: next render). */
export function wantRowFocus(habitId: string, prefer: readonly RowControl[], shownOn: unknown): void {
  wishes.set(habitId, { prefer, shownOn });
}

/**
 * For a press outside the row (the toast's Undo): holds focus on the row now and moves it to
 * `prefer` once the row has re-rendered. False when the row is not on screen.
 */
export function holdRowFocus(habitId: string, prefer: readonly RowControl[]): boolean {
  const row = mounted.get(habitId);
  if (!row) return false;
  wishes.set(habitId, { prefer, shownOn: row.data });
  row.el.focus({ preventScroll: true });
  return true;
}

/** Records the row's element and current data; returns the cleanup for unmount. */
export function mountRow(habitId: string, el: FocusTarget, data: unknown): () => void {
  const entry = { el, data };
  mounted.set(habitId, entry);
  return () => {
    if (mounted.get(habitId) === entry) mounted.delete(habitId);
    wishes.delete(habitId);
  };
}

/** Keeps the mounted row's data current (called after each render). */
export function rowRendered(habitId: string, el: FocusTarget, data: unknown): void {
  const entry = mounted.get(habitId);
  if (entry && entry.el === el) entry.data = data;
}

/**
 * Applies the row's wish after a render: while the write is pending focus rests on the row,
 * then moves to the first preferred control shown. Gives up if the person has moved focus away.
 */
export function placeRowFocus(
  habitId: string,
  el: FocusTarget,
  data: unknown,
  pending: boolean,
  doc: FocusDocument,
): void {
  const wish = wishes.get(habitId);
  if (!wish) return;
  const active = doc.activeElement;
  // Focus is somewhere the person put it (another row, a link): never pull them back.
  if (active && active !== doc.body && active !== el) {
    wishes.delete(habitId);
    return;
  }
  if (pending || data === wish.shownOn) {
    if (active !== el) el.focus({ preventScroll: true });
    return;
  }
  wishes.delete(habitId);
  const target = wish.prefer.map((c) => el.querySelector(controlSelector(c))).find((t) => t !== null);
  (target ?? el).focus({ preventScroll: true });
}
