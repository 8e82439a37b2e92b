// Entry of an isolated-layout process for TensorFlow.js: it imports nothing but tfjs (and the wasm
// backend only for the wasm configurations).
import { runChild } from './child.ts';
import { TFJS_FIT_TRAINERS } from './peer-tfjs.ts';
import { TFJS_LOOP_TRAINERS } from './peer-tfjs-loop.ts';

await runChild({ ...TFJS_FIT_TRAINERS, ...TFJS_LOOP_TRAINERS });
