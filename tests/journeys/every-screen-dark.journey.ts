/** Every screen in the dark scheme: axe, and the iPhone geometry with screenshots (every-screen.ts). */
import { axeOnEveryScreen, iphoneGeometry } from './every-screen.ts';
import type { JourneyFile } from './journey.ts';

export default {
  session: { colorScheme: 'dark' },
  journeys: [axeOnEveryScreen('dark'), iphoneGeometry('dark')],
} satisfies JourneyFile;
