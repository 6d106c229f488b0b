// Date#toISOString costs over a microsecond, and a run stamps its records several times within
// the same millisecond (as do concurrent runs): the last answer is kept and reused for that instant.
let lastTime = Number.NaN;
let lastText = '';

/** `date.toISOString()`, reusing the previous answer when the instant is the same. */
export function isoTime(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    // An invalid date (NaN) never matches, so toISOString throws for it as before.
    lastText = date.toISOString();
    lastTime = time;
  }
  return lastText;
}
