import { allLanguages, fromAllPacks } from './lang';
import { wordGroup } from './lang/patterns';

/** A half-open range of prose offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A sentence, with what the splitter saw in it on the way. */
export interface Sentence extends Span {
  /** It holds a digit (ASCII or full-width) or a Chinese numeral. */
  readonly numeric: boolean;
  /** It holds a CJK ideograph (U+4E00–U+9FFF). */
  readonly han: boolean;
}

const enum Kind {
  /** May end a sentence. */
  Stop = 1,
  /** A digit or a Chinese numeral. */
  Numeral = 2,
  /** A CJK ideograph. */
  Han = 4,
}

/** What each code unit below U+A000 is to the splitter, as `Kind` bits. */
const charKinds = (() => {
  const kinds = new Uint8Array(0xa000);
  kinds.fill(Kind.Han, 0x4e00, 0xa000);
  for (const c of '.!?\n。…') kinds[c.charCodeAt(0)] = Kind.Stop;
  // Numerals written as one character ("七", "万", "半"), and their variant forms ("萬").
  const numerals = new Set<string>();
  const variants: string[] = [];
  for (const { numbers } of allLanguages()) {
    for (const words of [numbers.cardinals, numbers.scales, numbers.fractions]) for (const w of words.keys()) if (w.length === 1) numerals.add(w);
  }
  for (const { numbers } of allLanguages()) for (const [v, s] of numbers.variants ?? []) if (numerals.has(s)) variants.push(v);
  for (const c of ['0123456789', ...numerals, ...variants].join('')) if (c.charCodeAt(0) < 0xa000) kinds[c.charCodeAt(0)] |= Kind.Numeral;
  return kinds;
})();

function kindOf(code: number): number {
  if (code < 0xa000) return charKinds[code];
  if (code === 0xff01 || code === 0xff1f) return Kind.Stop;
  return code >= 0xff10 && code <= 0xff19 ? Kind.Numeral : 0;
}

/** Closing quotes and brackets that stay with the sentence they follow. */
function isCloser(c: number): boolean {
  switch (c) {
    case 34: // "
    case 39: // '
    case 41: // )
    case 93: // ]
    case 0x201d: // ”
    case 0x2019: // ’
    case 0x300d: // 」
    case 0x300f: // 』
    case 0xff09: // ）
    case 0x3011: // 】
      return true;
    default:
      return false;
  }
}

/** What sentence splitting reads from every registered pack: made again when one is registered. */
interface SentenceData {
  /** Abbreviations that never end a sentence, and those that end one only before a capitalised word that is not a name. */
  readonly neverFinal: ReadonlySet<string>;
  readonly maybeFinal: ReadonlySet<string>;
  /** The length of the longest word of `neverFinal` and `maybeFinal`. */
  readonly longestAbbreviation: number;
  /** Words that commonly open a sentence: after "U.S." or "Inc." they mark a new one. */
  readonly openers: ReadonlySet<string>;
  /**
   * A speech tag after a closing quote, which keeps the quote in its sentence
   * (`“…。”王龙基称。`): a verb of the packs' `quoteTagVerbs` within 24
   * characters, then a full stop; null when no pack has one.
   */
  readonly speechTag: RegExp | null;
}

const sentenceData = fromAllPacks((packs): SentenceData => {
  const neverFinal = new Set(packs.flatMap((l) => [...l.sentences.neverFinal]));
  const maybeFinal = new Set(packs.flatMap((l) => [...l.sentences.maybeFinal]));
  const longestAbbreviation = Math.max(0, ...[...neverFinal, ...maybeFinal].map((w) => w.length));
  const tagVerbs = packs.flatMap((l) => l.sentences.quoteTagVerbs.flatMap((lemma) => l.attribution.inflect(lemma)));
  const speechTag = tagVerbs.length ? new RegExp(`^[^。！？!?\\n]{1,24}?${wordGroup(tagVerbs)}[。！!]`, 'u') : null;
  return { neverFinal, maybeFinal, longestAbbreviation, openers: new Set(packs.flatMap((l) => [...l.sentences.openers])), speechTag };
});

/**
 * Splits one block of prose into sentences. A sentence runs to its final
 * punctuation and any closing quotes and brackets; the white space after it
 * belongs to it too, so a marker standing between the punctuation and the
 * next sentence (a footnote reference) falls in the sentence it follows.
 * Abbreviations and decimal points do not end a sentence; Chinese
 * punctuation ends one without a following space. Linear in the text.
 */
export function splitSentences(text: string): Sentence[] {
  const spans: Sentence[] = [];
  const n = text.length;
  let start = skipSpace(text, 0);
  let i = start;
  let seen = 0; // Kind bits of the sentence so far
  while (i < n) {
    // Most characters end nothing: look the code unit up before making a string of it.
    const kind = kindOf(text.charCodeAt(i));
    if (kind !== Kind.Stop) {
      seen |= kind;
      i++;
      continue;
    }
    const c = text[i];
    let cut = -1;
    if (c === '。' || c === '！' || c === '？' || c === '!' || c === '?' || c === '…' || c === '.') {
      let j = i + 1;
      while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '。' || text[j] === '！' || text[j] === '？')) j++;
      let k = j;
      while (k < n && isCloser(text.charCodeAt(k))) k++;
      const cjk = c === '。' || c === '！' || c === '？';
      if (cjk) {
        const { speechTag } = sentenceData();
        if (k > j && speechTag?.test(text.slice(k, k + 30))) cut = -1;
        else cut = k;
      } else if (k >= n) {
        cut = n;
      } else if (isSpaceAt(text, k)) {
        if (c !== '.' || endsSentence(text, i, skipSpace(text, k))) cut = k;
      } else if (isHanAt(text, k) && c !== '.') {
        cut = k;
      }
      if (cut < 0) {
        i = k > i ? k : i + 1;
        continue;
      }
      const next = skipSpace(text, cut);
      spans.push(sentence(start, next, seen));
      start = next;
      i = next;
      seen = 0;
      continue;
    }
    if (c === '\n' && text[i + 1] === '\n') {
      const next = skipSpace(text, i);
      if (next > start) {
        spans.push(sentence(start, next, seen));
        seen = 0;
      }
      start = next;
      i = next;
      continue;
    }
    i++;
  }
  if (start < n || spans.length === 0) spans.push(sentence(start, n, seen));
  return spans;
}

function sentence(start: number, end: number, seen: number): Sentence {
  return { start, end, numeric: (seen & Kind.Numeral) !== 0, han: (seen & Kind.Han) !== 0 };
}

/** Whether the period at `dot` ends a sentence, given the next non-space position `next`. */
function endsSentence(text: string, dot: number, next: number): boolean {
  if (next >= text.length) return true;
  const following = text[next];
  // A decimal point or a lower-case continuation: not an end.
  const f = following.charCodeAt(0);
  if (f >= 97 && f <= 122) return false;
  // The word before the period.
  let w = dot;
  let dotted = false;
  for (; w > 0; w--) {
    const c = text.charCodeAt(w - 1);
    if (c === 46) dotted = true;
    else if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xaa && /\p{L}/u.test(text[w - 1])))) break;
  }
  // A long plain word is no abbreviation and no initial; a period after a digit or a symbol ends the sentence.
  const { neverFinal, maybeFinal, longestAbbreviation, openers } = sentenceData();
  if ((dot - w > longestAbbreviation || dot === w) && !dotted) return true;
  const word = text.slice(w, dot).toLowerCase();
  if (neverFinal.has(word)) return false;
  // A single initial ("J. K. Rowling").
  if (dot - w === 1 && /^\p{Lu}$/u.test(text[w]) && /\p{Lu}/u.test(following)) return false;
  if (maybeFinal.has(word) || (dotted && /^(?:\p{L}\.)+\p{L}$/u.test(word))) {
    const m = /^\p{L}+/u.exec(text.slice(next, next + 20));
    return !!m && openers.has(m[0]);
  }
  return true;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpaceAt(text, i)) i++;
  return i;
}

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0x2009 || c === 0x202f;
}

function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xff5e) || c === 0x201c || c === 0x300c;
}
