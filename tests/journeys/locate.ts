/**
 * Finding a journey's Target in the page, the same way in every engine: one function runs in the page with
 * @testing-library/dom (its browser build, injected by the driver) for roles, accessible names and labels.
 * The engines' own accessibility trees disagree on names (WebKitGTK calls a <select> a "button" and puts a
 * field's character counter in its name), so neither engine's view is used: both run this script.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ElementInfo, Target, TextMatch } from './driver.ts';

/** A TextMatch that survives JSON: RegExps travel as source and flags. */
type WireMatch = string | { re: string; flags: string };

/** A Target as sent to the page. */
export interface WireTarget extends Omit<Target, 'name' | 'label' | 'text' | 'hasText' | 'within'> {
  name?: WireMatch;
  label?: WireMatch;
  text?: WireMatch;
  hasText?: WireMatch;
  within?: WireTarget;
}

/** What the page function is asked. */
export interface LocateRequest {
  target: WireTarget;
  attributes: string[];
  /** Return the single match itself (for an action) instead of a description of every match. */
  one: boolean;
  /** With `one`: the match must also be enabled. */
  enabled: boolean;
}

/** The page's answer: the library is missing, a reason no single element can be acted on, or the reads. */
export type LocateAnswer = { missing: true } | { problem: string } | { infos: ElementInfo[] };

const wire = (m: TextMatch | undefined): WireMatch | undefined =>
  m === undefined ? undefined : typeof m === 'string' ? m : { re: m.source, flags: m.flags };

/** Turns a Target into its JSON form. */
export function toWire(t: Target): WireTarget {
  return {
    ...t,
    name: wire(t.name),
    label: wire(t.label),
    text: wire(t.text),
    hasText: wire(t.hasText),
    within: t.within ? toWire(t.within) : undefined,
  };
}

const require = createRequire(import.meta.url);
let librarySource: string | null = null;

/** @testing-library/dom's browser build: defines window.TestingLibraryDom when run in a page. */
export function testingLibrarySource(): string {
  librarySource ??= readFileSync(require.resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'), 'utf8');
  return librarySource;
}

/**
 * Runs IN THE PAGE (serialised; no closures): the elements `target` points at, as reads, or the one element an
 * action needs. Returns { missing: true } when the library has not been injected into this document yet.
 */
export function pageLocate(req: LocateRequest): LocateAnswer | Element {
  type Lib = {
    queryAllByRole(root: Element, role: string, o: object): Element[];
    queryAllByLabelText(root: Element, m: (content: string) => boolean): Element[];
  };
  const lib = (window as unknown as { TestingLibraryDom?: Lib }).TestingLibraryDom;
  if (!lib) return { missing: true };
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const test = (m: WireMatch | undefined, s: string | null, contains: boolean): boolean => {
    if (m === undefined || m === null) return true;
    const v = norm(s);
    if (typeof m === 'string') return contains ? v.includes(m) : v === m;
    return new RegExp(m.re, m.flags).test(v);
  };
  // The smallest elements whose text matches: none of their children matches on its own.
  const byText = (root: Element, m: WireMatch): Element[] =>
    [...root.querySelectorAll('*')].filter(
      (el) =>
        !['SCRIPT', 'STYLE'].includes(el.tagName) &&
        test(m, el.textContent, false) &&
        ![...el.children].some((c) => test(m, c.textContent, false)),
    );
  const find = (t: WireTarget): Element[] => {
    const roots = t.within ? find(t.within) : [document.body];
    const found = new Set<Element>();
    for (const root of roots) {
      let list: Element[];
      if (t.role) {
        const name = t.name;
        list = lib.queryAllByRole(root, t.role, {
          ...(name === undefined ? {} : { name: (n: string) => test(name, n, false) }),
          ...(t.level ? { level: t.level } : {}),
        });
      } else if (t.label !== undefined) {
        const wanted = t.label;
        list = lib.queryAllByLabelText(root, (content) => test(wanted, content, false));
      } else if (t.text !== undefined) list = byText(root, t.text);
      else if (t.testId !== undefined) list = [...root.querySelectorAll(`[data-testid="${CSS.escape(t.testId)}"]`)];
      else list = [...root.querySelectorAll(t.css ?? '*')];
      for (const el of list) if (t.hasText === undefined || test(t.hasText, el.textContent, true)) found.add(el);
    }
    const ordered = [...found].sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    if (t.nth === undefined) return ordered;
    const pick = ordered.at(t.nth);
    return pick ? [pick] : [];
  };
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const enabled = (el: Element) => !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true';
  const els = find(req.target);
  if (req.one) {
    if (els.length !== 1) {
      const sample = els
        .slice(0, 3)
        .map((e) => e.outerHTML.replace(/\s+/g, ' ').slice(0, 100))
        .join(' | ');
      return { problem: els.length === 0 ? 'no element matches' : `${els.length} elements match: ${sample}` };
    }
    if (!visible(els[0])) return { problem: 'the element is not visible' };
    if (req.enabled && !enabled(els[0])) return { problem: 'the element is disabled' };
    return els[0];
  }
  return {
    infos: els.map((el) => ({
      text: norm(el.textContent),
      visible: visible(el),
      enabled: enabled(el),
      value: 'value' in el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ? String(el.value) : null,
      focused: document.activeElement === el,
      checked: el instanceof HTMLInputElement && /^(checkbox|radio)$/.test(el.type) ? el.checked : null,
      attributes: Object.fromEntries(req.attributes.map((a) => [a, el.getAttribute(a)])),
    })),
  };
}

/**
 * A function's source as a page script that calls it with a JSON argument. The shim stands in for the
 * `__name` helper that tsx's transform adds to named inner functions, which the page does not have.
 */
export function pageCall(fn: (arg: never) => unknown, arg: unknown): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
}
