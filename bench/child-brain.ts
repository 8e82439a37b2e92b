// Entry of an isolated-layout process for brain.js: it imports nothing but brain.js.
import { runChild } from './child.ts';
import { BRAIN_TRAINERS } from './peer-brain.ts';

await runChild(BRAIN_TRAINERS);
