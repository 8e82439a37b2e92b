/** Every screen in the light scheme: axe, and the iPhone geometry with screenshots (every-screen.ts). */
import { axeOnEveryScreen, iphoneGeometry } from './every-screen.ts';
import type { JourneyFile } from './journey.ts';

export default {
  session: { colorScheme: 'light' },
  journeys: [axeOnEveryScreen('light'), iphoneGeometry('light')],
} satisfies JourneyFile;
