/**
 * Tests on text that claim and source recognition share: one capitalisation
 * test, one Han test, one year window.
 */

/** Whether a word starts with an upper-case letter, in any script (full-width Latin too). */
export function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  if (c >= 0xff21 && c <= 0xff3a) return true;
  return /^\p{Lu}/u.test(word);
}

/** Whether a UTF-16 code unit is a CJK ideograph (the unified block, extension A and compatibility ideographs). */
export function isHanCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** Whether `text[from, to)` holds a CJK ideograph. */
export function hasHan(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (isHanCode(text.charCodeAt(i))) return true;
  return false;
}

/** The years a bare four-digit number may be read as: 1000 to 2199. */
export const yearWindow = { min: 1000, max: 2199 } as const;

/** Whether a whole number is in the year window. */
export function isYearValue(value: number): boolean {
  return Number.isInteger(value) && value >= yearWindow.min && value <= yearWindow.max;
}
