// Training days that move: each weekday is either "on" (the person's usual level on training days) or
// "off" (the usual level on other days). A hidden Markov model over the 128 on/off patterns of the week
// follows which pattern holds now: a single weekday may switch between one week and the next (training
// moved from Tuesday to Wednesday), or the whole pattern may be redrawn at once (weekdays to weekends).
// After a move, each weekday is re-read from its own last one or two weeks rather than from a new segment
// that must relearn all seven. How often weekdays switch is unknown: a few rates are followed at once and
// weighed by how well each predicted the days (Bayesian averaging with a small share, so it can change).

/** Switching probability of one weekday per week, one hypothesis each. */
const SWITCH_RATES = [0.005, 0.05, 0.2];
const H = SWITCH_RATES.length;
const PATTERNS = 128;
/** Daily probability that the whole pattern is redrawn. */
const REDRAW = 0.005;
/** Chance that a weekday is "on" in a redrawn pattern. */
const ON_SHARE = 0.45;
/** Share of the hypotheses' weight redistributed each day. */
const SHARE = 0.002;
/** Starting levels of a new person (training days 75%, others 15%) and the step of their online fit. */
const ON0 = 0.75;
const OFF0 = 0.15;
const LEVEL_STEP = 0.03;

/** The probability of each pattern when nothing is known (bit w set: weekday w is on). */
const PRIOR: number[] = Array.from({ length: PATTERNS }, (_, s) => {
  let p = 1;
  for (let w = 0; w < 7; w++) p *= (s >> w) & 1 ? ON_SHARE : 1 - ON_SHARE;
  return p;
});

/** Per hypothesis h, the patterns' probabilities at prob[h * 128 + s]; the weights; the levels. */
export interface WeekdaysState {
  prob: number[];
  weight: number[];
  /** Log-odds of the "on" and the "off" level. */
  levels: number[];
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
const logit = (p: number): number => Math.log(p / (1 - p));

/** Nothing known: every pattern at its prior probability. */
export function newWeekdays(): WeekdaysState {
  const prob: number[] = [];
  for (let h = 0; h < H; h++) prob.push(...PRIOR);
  return { prob, weight: new Array(H).fill(1 / H), levels: [logit(ON0), logit(OFF0)] };
}

/** P(weekday wd is on) under hypothesis h. */
function onShare(s: WeekdaysState, h: number, wd: number): number {
  let q = 0;
  const at = h * PATTERNS;
  for (let p = 0; p < PATTERNS; p++) if ((p >> wd) & 1) q += s.prob[at + p];
  return q;
}

/** P(weekday wd is on), averaged over the hypotheses. */
function onBelief(s: WeekdaysState, wd: number): number {
  let q = 0;
  for (let h = 0; h < H; h++) q += s.weight[h] * onShare(s, h, wd);
  return q;
}

/** The probability of a day with weekday `wd` (0 = Sunday). */
export function weekdaysP(s: WeekdaysState, wd: number): number {
  const q = onBelief(s, wd);
  return q * sigmoid(s.levels[0]) + (1 - q) * sigmoid(s.levels[1]);
}

/** Folds a day with weekday `wd` and outcome y (in place). */
export function updateWeekdays(s: WeekdaysState, wd: number, y: number): void {
  const on = sigmoid(s.levels[0]);
  const off = sigmoid(s.levels[1]);
  fitLevels(s, onBelief(s, wd), y);
  const lOn = y ? on : 1 - on;
  const lOff = y ? off : 1 - off;
  const bit = 1 << wd;
  let z = 0;
  for (let h = 0; h < H; h++) {
    const at = h * PATTERNS;
    let like = 0;
    for (let p = 0; p < PATTERNS; p++) {
      const v = s.prob[at + p] * (p & bit ? lOn : lOff);
      s.prob[at + p] = v;
      like += v;
    }
    s.weight[h] *= like;
    z += s.weight[h];
    // The weekday may switch before it is seen again; the whole pattern may be redrawn any day.
    const r = SWITCH_RATES[h];
    for (let p = 0; p < PATTERNS; p++) {
      if (p & bit) continue;
      const a = s.prob[at + p] / like;
      const b = s.prob[at + (p | bit)] / like;
      s.prob[at + p] = (1 - REDRAW) * ((1 - r) * a + r * b) + REDRAW * PRIOR[p];
      s.prob[at + (p | bit)] = (1 - REDRAW) * ((1 - r) * b + r * a) + REDRAW * PRIOR[p | bit];
    }
  }
  for (let h = 0; h < H; h++) s.weight[h] = (1 - SHARE) * (s.weight[h] / z) + SHARE / H;
}

/**
 * One gradient step on the day's log-likelihood for the two levels' log-odds, at the belief held before
 * the day. Counting days into the levels by the belief after them would class a missed training day as
 * "off" and pull the levels apart; by the belief before, uncertain weekdays would pull them together.
 */
function fitLevels(s: WeekdaysState, q: number, y: number): void {
  const on = sigmoid(s.levels[0]);
  const off = sigmoid(s.levels[1]);
  const p = q * on + (1 - q) * off;
  const g = (y - p) / (p * (1 - p));
  s.levels[0] += LEVEL_STEP * g * q * on * (1 - on);
  s.levels[1] += LEVEL_STEP * g * (1 - q) * off * (1 - off);
}

/** A deep copy (the state is updated in place). */
export function cloneWeekdays(s: WeekdaysState): WeekdaysState {
  return { prob: s.prob.slice(), weight: s.weight.slice(), levels: s.levels.slice() };
}
