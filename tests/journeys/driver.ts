/**
 * The one interface every journey is written against (tests/journeys/*.journey.ts). Two implementations:
 * playwright-driver.ts (Chromium, and Playwright's WebKit where installed) and webdriver-driver.ts (WebKitGTK's
 * MiniBrowser through WebKitWebDriver). A journey never touches Playwright or Selenium itself.
 *
 * Elements are found by role and accessible name (or label, text, test id), resolved by the same script in both
 * engines (locate.ts), so a name means the same element everywhere.
 */
import type { StaticServer } from '../support/static-server.ts';

/** A string matches the whole text (whitespace collapsed) exactly; a RegExp is tested against it. */
export type TextMatch = string | RegExp;

/** The ARIA roles journeys look elements up by. */
export type Role =
  | 'alert'
  | 'button'
  | 'checkbox'
  | 'combobox'
  | 'complementary'
  | 'dialog'
  | 'figure'
  | 'form'
  | 'group'
  | 'heading'
  | 'img'
  | 'link'
  | 'list'
  | 'listitem'
  | 'main'
  | 'navigation'
  | 'radio'
  | 'region'
  | 'status'
  | 'table'
  | 'textbox';

/**
 * How a journey points at elements. Exactly one of role, label, text, testId or css selects the candidates;
 * the rest narrows them. Actions need exactly one match (or `nth`); reads report every match.
 */
export interface Target {
  /** ARIA role (explicit or implicit); hidden elements (display:none, aria-hidden, closed dialogs) never match. */
  role?: Role;
  /** The accessible name, with `role`. */
  name?: TextMatch;
  /** Heading level, with role 'heading'. */
  level?: number;
  /** A form control by the text of its label. */
  label?: TextMatch;
  /** The smallest elements whose text is this. */
  text?: TextMatch;
  /** data-testid, for what has no role of its own (rows, charts, counters, a file input without a label). */
  testId?: string;
  /** A CSS selector, for what nothing else names (chart marks). */
  css?: string;
  /** Keeps matches whose text contains this string, or matches this RegExp. */
  hasText?: TextMatch;
  /** Looks only inside the matches of this target. */
  within?: Target;
  /** Picks one match by index (0-based; -1 is the last). */
  nth?: number;
}

/** What a read returns for each match. */
export interface ElementInfo {
  /** textContent, whitespace collapsed and trimmed. */
  text: string;
  /** A non-empty box and not visibility:hidden (as Playwright defines it). */
  visible: boolean;
  enabled: boolean;
  /** The value of an input, select or textarea; null for other elements. */
  value: string | null;
  focused: boolean;
  /** Whether a checkbox or radio is ticked; null for other elements. */
  checked: boolean | null;
  /** The attributes asked for (null when absent). */
  attributes: Record<string, string | null>;
}

/** Keys a journey presses on the focused element. */
export type Key = 'Enter' | 'Tab' | 'Escape' | 'Space';

/** A file to give to a file input: text, or bytes for a binary file. */
export interface UploadFile {
  name: string;
  text: string;
  bytes?: Uint8Array;
}

/** A file the page downloaded. */
export interface DownloadedFile {
  name: string;
  text: string;
}

/** One axe-core finding. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Which browser runs the journey: Playwright's Chromium or WebKit, or WebKitGTK through WebDriver. */
export type Engine = 'chromium' | 'webkit' | 'webkitgtk';

/** Everything a journey may do to the browser and the server. */
export interface Driver {
  readonly engine: Engine;
  /** The app's server: stop() and start() (same port) take it away and bring it back. */
  readonly server: StaticServer;
  /** Opens a path relative to the app root, e.g. './#/today'. */
  goto(path: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Every current match of the target, without waiting. */
  inspect(target: Target, attributes?: string[]): Promise<ElementInfo[]>;
  click(target: Target): Promise<void>;
  /** Replaces the value of a text field, as typing would. */
  fill(target: Target, text: string): Promise<void>;
  /** Chooses the option with this label in a select. */
  select(target: Target, optionLabel: string): Promise<void>;
  upload(target: Target, file: UploadFile): Promise<void>;
  focus(target: Target): Promise<void>;
  /** Presses a key on whatever has focus. */
  press(key: Key): Promise<void>;
  /** Runs a self-contained function in the page (no closures) with a JSON argument; returns its JSON result. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Runs `trigger` and returns the file the page downloaded because of it. */
  download(trigger: () => Promise<void>): Promise<DownloadedFile>;
  /** A PNG of the viewport. */
  screenshot(): Promise<Buffer>;
  /** Sizes the viewport (the browser window, in WebKitGTK) in CSS pixels. */
  setViewport(size: { width: number; height: number }): Promise<void>;
  /** axe-core's violations on the current page for these tags (axe is injected through the driver). */
  axe(tags: string[]): Promise<AxeFinding[]>;
  /** Messages of alert/confirm/prompt dialogs the page opened so far (each was dismissed). */
  dialogs(): Promise<string[]>;
}

/** A target by ARIA role and accessible name. */
export function role(r: Role, name?: TextMatch, more: Omit<Target, 'role' | 'name'> = {}): Target {
  return { role: r, name, ...more };
}

/** A form control by its label. */
export function label(text: TextMatch, more: Omit<Target, 'label'> = {}): Target {
  return { label: text, ...more };
}

/** The smallest elements with this text. */
export function text(match: TextMatch, more: Omit<Target, 'text'> = {}): Target {
  return { text: match, ...more };
}

/** Elements by data-testid. */
export function testId(id: string, more: Omit<Target, 'testId'> = {}): Target {
  return { testId: id, ...more };
}

/** Elements by CSS selector. */
export function css(selector: string, more: Omit<Target, 'css'> = {}): Target {
  return { css: selector, ...more };
}

/** `inner` looked up inside `outer`. */
export function inside(outer: Target, inner: Target): Target {
  return { ...inner, within: inner.within ? inside(outer, inner.within) : outer };
}

const show = (m: TextMatch) => (typeof m === 'string' ? JSON.stringify(m) : String(m));

/** A target in words, for error messages: `button "Add habit" inside form "Add a habit"`. */
export function describeTarget(t: Target): string {
  const head = t.role
    ? `${t.role}${t.name !== undefined ? ` ${show(t.name)}` : ''}${t.level ? ` (level ${t.level})` : ''}`
    : t.label !== undefined
      ? `field labelled ${show(t.label)}`
      : t.text !== undefined
        ? `text ${show(t.text)}`
        : t.testId !== undefined
          ? `[data-testid=${t.testId}]`
          : `css ${t.css ?? '?'}`;
  const parts = [head];
  if (t.hasText !== undefined) parts.push(`with text ${show(t.hasText)}`);
  if (t.nth !== undefined) parts.push(`#${t.nth}`);
  if (t.within) parts.push(`inside ${describeTarget(t.within)}`);
  return parts.join(' ');
}
