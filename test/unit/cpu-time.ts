/** CPU time of this process spent in `run`, in ms: a busy machine stretches wall-clock time, not this. */
export function cpuTime(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** CPU time of one call: the mean of as many calls as take 5 ms, so that small inputs time reliably. */
export function timePerCall(run: () => void): number {
  let calls = 0;
  const start = process.cpuUsage();
  let total = 0;
  do {
    run();
    calls++;
    const used = process.cpuUsage(start);
    total = (used.user + used.system) / 1000;
  } while (total < 5 && calls < 200);
  return total / calls;
}
