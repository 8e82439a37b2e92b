// The local calendar day, kept current across midnight and across a return to the app
// (a phone left on the table overnight must not show yesterday as "today").
import { useEffect, useState } from 'preact/hooks';
import { localToday } from '../../learn/time.ts';

/** Today's local day, re-checked every minute and whenever the page becomes visible or focused. */
export function useToday(): string {
  const [day, setDay] = useState(() => localToday());
  useEffect(() => {
    const check = () => setDay(localToday());
    const timer = setInterval(check, 60_000);
    const onVisible = () => document.visibilityState === 'visible' && check();
    // A desktop window brought to the front stays "visible" throughout: focus is its return.
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', check);
    };
  }, []);
  return day;
}
