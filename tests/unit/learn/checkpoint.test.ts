// Checkpoints carry the whole learner: they must survive JSON (backups) and structured clones (IndexedDB)
// exactly, and a checkpoint from another version or a damaged one must be refused with the path of what is
// wrong, never loaded: the trainer then sets it aside and rebuilds the learner from the history.
import { describe, expect, it } from 'vitest';
import {
  checkpointToJson,
  learnerFromCheckpoint,
  makeCheckpoint,
  readCheckpoint,
  validateCheckpoint,
} from '../../../src/learn/checkpoint.ts';
import { DEFAULT_CONFIG } from '../../../src/learn/config.ts';
import { newLearner, observeDay, predictNext } from '../../../src/learn/learner.ts';
import { FEATURE_VERSION } from '../../../src/learn/predict/features.ts';
import { mulberry32 } from '../../../src/learn/rng.ts';
import { trainNetwork } from '../../../src/learn/train-network.ts';
import type { Checkpoint } from '../../../src/learn/types.ts';

const FIRST = 20454;
const EXPECT = { layers: DEFAULT_CONFIG.network.layers, featureVersion: FEATURE_VERSION, config: DEFAULT_CONFIG };

/** A learner after 60 days of a weekday habit, trained, as a checkpoint. */
function trained(): Checkpoint {
  const r = mulberry32(3);
  const s = newLearner('read', FIRST, [], DEFAULT_CONFIG);
  for (let i = 0; i < 60; i++) {
    const wd = (FIRST + i + 4) % 7;
    observeDay(
      s,
      { done: r() < (wd > 0 && wd < 6 ? 0.8 : 0.1) ? 1 : 0, opens: 1, shown: 0, tapped: 0 },
      DEFAULT_CONFIG,
    );
  }
  expect(trainNetwork(s, DEFAULT_CONFIG, 9).trained).toBe(true);
  const metrics = { n: 1, logLoss: 0.5, brier: 0.2, auc: null };
  return makeCheckpoint(s, {
    version: 3,
    metrics: { base: metrics, learned: metrics, shown: metrics, networkShare: 0.5 },
    createdAt: 1,
    trigger: 'manual',
  });
}

const json = (c: Checkpoint): Record<string, unknown> => JSON.parse(JSON.stringify(checkpointToJson(c)));

describe('checkpoints', () => {
  it('round-trip through JSON and structured clone and predict exactly as the learner did', () => {
    const c = trained();
    const want = predictNext(learnerFromCheckpoint(c), DEFAULT_CONFIG);
    for (const back of [readCheckpoint(json(c), EXPECT), readCheckpoint(structuredClone(c), EXPECT)]) {
      expect(back.weights).toEqual(c.weights);
      expect(predictNext(learnerFromCheckpoint(back), DEFAULT_CONFIG)).toEqual(want);
    }
  });

  it('refuse another layout, architecture or feature version, saying which', () => {
    const j = json(trained());
    const why = (v: unknown): string => {
      const r = validateCheckpoint(v, EXPECT);
      return r.ok ? 'accepted' : r.reason;
    };
    expect(why({ ...j, schemaVersion: 1 })).toMatch(/^schemaVersion: 1 is not the layout this app reads \(2\)/);
    expect(why({ ...j, config: { layers: [10, 32, 1] } })).toMatch(/^config\.layers: .*\[10,32,1\].*\[10,16,8,1\]/);
    expect(why({ ...j, featureVersion: 1 })).toMatch(
      new RegExp(`^featureVersion: .*v1, the app computes v${FEATURE_VERSION}`),
    );
  });

  it('refuse damage anywhere in the learner, naming the field', () => {
    const cases: [string, (j: Record<string, any>) => void, RegExp][] = [
      [
        'NaN in the context',
        (j) => (j.learner.context.recentDone = 'NaN'),
        /^learner\.context\.recentDone: must be a finite number/,
      ],
      [
        'a truncated window',
        (j) => (j.learner.window.y = j.learner.window.y.slice(0, 3)),
        /^learner\.window\.y: must hold 365 numbers, got 3/,
      ],
      [
        'a count beyond the window',
        (j) => (j.learner.window.count = 400),
        /^learner\.window\.count: must be a whole number from 0 to 365/,
      ],
      ['a missing stage', (j) => delete j.learner.rhythm, /^learner\.rhythm: must be an object/],
      [
        'negative mixture weights',
        (j) => (j.learner.mixture = [-1, 2]),
        /^learner\.mixture: must be non-negative weights/,
      ],
      [
        'a negative second moment',
        (j) => (j.optimizer.vW[0][4] = -1),
        /^optimizer\.vW\[0\]\[4\]: is -1: a second moment cannot be negative/,
      ],
      ['a fractional Adam step', (j) => (j.optimizer.step = 2.5), /^optimizer\.step: must be a whole number/],
      ['a weight as null', (j) => (j.weights[1][0] = null), /^weights\[1\]\[0\]: must be a finite number, got null/],
      ['a bad day', (j) => (j.trainedThrough = '2026-02-30'), /^trainedThrough: must be a day/],
    ];
    for (const [what, damage, message] of cases) {
      const j = json(trained());
      damage(j);
      const r = validateCheckpoint(j, EXPECT);
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(r.reason, what).toMatch(message);
    }
  });
});
