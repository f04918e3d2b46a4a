import { useEffect, useState } from 'react';

/** Milliseconds left until `until` (an ISO time), updated every second while `running`; never below 0. */
export function useCountdown(until: string, running: boolean): number {
  const end = Date.parse(until);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return Number.isNaN(end) ? Number.POSITIVE_INFINITY : Math.max(0, end - now);
}
