// Entry of an isolated-layout process for Nudge's core: it imports nothing but the core.
import { runChild } from './child.ts';
import { NUDGE_TRAINERS } from './peer-nudge.ts';

await runChild(NUDGE_TRAINERS);
