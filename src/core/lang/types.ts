import type { Quantity } from '../claims/quantity';
import type { Token } from '../claims/tokens';

/**
 * A language pack: everything the recogniser knows about one language, as
 * data, plus the grammar that reads its numerals. The core takes a list of
 * packs and has no word of any language of its own; a new language is one
 * folder under `src/core/lang/<code>/` exporting a `Language`.
 *
 * Words are lower case; a pack's words may be in any script. Multi-word
 * entries are arrays of words (token by token); Han entries are strings of
 * characters (Han text is one token per character).
 */
export interface Language {
  /** BCP 47 code: "en", "zh", "de". */
  readonly code: string;
  /** The language's English name, for messages. */
  readonly name: string;
  /** Whether the language writes words without spaces (Chinese): its entries are read as character runs. */
  readonly unspaced: boolean;
  readonly numbers: NumberWords;
  readonly units: UnitWords;
  readonly qualifiers: QualifierWords;
  readonly time: TimeWords;
  /** Words before a number that make it a label or an identifier ("page 12", "代码600519"). */
  readonly identifiers: IdentifierWords;
  readonly sentences: SentenceWords;
  readonly listMarkers: ListMarkers;
  /**
   * Headings that open a list of references rather than prose, matched in any
   * case and perhaps with a colon: "references", "works cited", "参考文献".
   */
  readonly referenceHeadings: readonly string[];
  readonly attribution: AttributionWords;
  /** Reads a numeral whole, starting at a token: see `NumeralGrammar`. */
  readonly numerals: NumeralGrammar;
  /**
   * Reads a whole quantity around the numerals (scales, units, ratios, ranges)
   * by the language's own grammar: see `QuantityGrammar`. A pack without one
   * is read from its data alone: its numerals, then its scale words, percent
   * words, currencies and measures.
   */
  readonly quantities?: QuantityGrammar;
  /**
   * How reports and hovers write a claim's value in this language: see
   * `ValueWriting`. A pack without one has its values written with digits
   * and marks alone (see `formatClaimValue` in `src/core/report/values.ts`).
   */
  readonly writing?: ValueWriting;
}

/**
 * How the language writes a claim's value for people: "£6.2 billion",
 * "two-thirds (0.67)", "3 percentage points"; "1.2万亿元", "三分之二 (0.67)".
 * Forms are templates: `{n}` stands for the number, `{c}` for a currency's
 * name, `{unit}` for a unit (left out, with the space before it, when there is none).
 */
export interface ValueWriting {
  /**
   * The Unicode script of the language's letters ("Latin", "Han"): an
   * article whose letters are mostly in it has its values written in this
   * language. A pack without a `writing` counts as "Han" when unspaced, else "Latin".
   */
  readonly script: string;
  /** The decimal mark written: "." in "6.2". */
  readonly decimalMark: string;
  /** The mark between groups of three digits ("," in "38,210"); empty for none ("2300"). */
  readonly groupMark: string;
  /** Scale words by size, largest first: "billion" 1e9, "million" 1e6; "亿" 1e8, "万" 1e4. Numbers below the smallest have none. */
  readonly scales: readonly { readonly size: number; readonly word: string }[];
  /** Whether a scale word is written against its number ("3.8亿") rather than after a space ("6.2 billion"). */
  readonly scaleJoined: boolean;
  /** A percentage: "{n}%". */
  readonly percent: string;
  /** Percentage points, one and more: "{n} percentage point", "{n} percentage points"; "{n}个百分点" for both. */
  readonly percentagePoint: string;
  readonly percentagePoints: string;
  /** Units of percent claims written as `percent` ("percent", "per cent", "百分之"), matched in any case; "%" always is. */
  readonly percentUnits: readonly string[];
  /** Units of percent claims written as `percentagePoints` ("percentage points", "pp", "个百分点"), matched in any case. */
  readonly percentagePointUnits: readonly string[];
  /** A multiplier or a change by a factor with no unit: "{n}×", "{n}倍". */
  readonly multiplier: string;
  /** A rank: "No. {n} {unit}", "第{n}{unit}". */
  readonly rank: string;
  /** Currency names by ISO code: "USD" → "$", "CNY" → "元". */
  readonly currencies: ReadonlyMap<string, string>;
  /**
   * A sum of money: "{c}{n}" ("$40 billion") or "{n}{c}" ("40亿美元"). A
   * currency without a name writes its code on the same side, after a space
   * ("CHF 12"); a minus sign goes before a name written first ("-€5 million").
   */
  readonly money: string;
  /** Simple fractions (denominator up to 12) in words, written before their decimal: "two-thirds (0.67)". Without, a fraction is a decimal. */
  readonly fractions?: FractionWriting;
  /** Qualifiers (in the language's script) written after the value: "左右" in "85亿元左右"; every other one goes before it. */
  readonly qualifiersAfter: readonly string[];
}

/** How the language names a simple fraction n/d. */
export interface FractionWriting {
  /** Number names by value, from zero: "zero", "one", "two"…; "零", "一", "二"…. */
  readonly numbers: readonly string[];
  /** Names of the parts by denominator, one and more: 3 → ["third", "thirds"]. Needed when `pattern` holds `{part}`. */
  readonly parts?: ReadonlyMap<number, readonly [string, string]>;
  /** The fraction: "{n}-{part}" ("two-thirds"), "{d}分之{n}" ("三分之二"); `{n}` and `{d}` are number names. */
  readonly pattern: string;
  /** Fractions named whole, by "n/d": "1/2" → "a half". */
  readonly named?: ReadonlyMap<string, string>;
}

/** Number words and how digits are written. */
export interface NumberWords {
  /** Cardinal words and characters: "one" → 1, "twenty" → 20, "七" → 7, "兩" → 2. */
  readonly cardinals: ReadonlyMap<string, number>;
  /**
   * Scale words and characters that multiply what stands before them:
   * "hundred", "thousand", "million", "lakh", "dozen"; "十", "百", "千", "万", "亿".
   */
  readonly scales: ReadonlyMap<string, number>;
  /** Scale letters written against digits: "k" in "2.33k", "m" in "10M", "bn" in "4bn". */
  readonly scaleSuffixes: ReadonlyMap<string, number>;
  /** Ordinals that name the parts of a fraction, by denominator: "third" → 3, "seventh" → 7, "twenty-fifth" → 25. */
  readonly denominators: ReadonlyMap<string, number>;
  /** Fraction words: "half" → 0.5, "third"/"thirds" → 1/3, "quarter" → 0.25. */
  readonly fractions: ReadonlyMap<string, number>;
  /** Multiplier words before a comparison: "twice" → 2, "double" → 2, "triple" → 3. */
  readonly multipliers: ReadonlyMap<string, number>;
  /** Verbs of change by a factor: "doubled" → 2, "halved" → 0.5. */
  readonly changes: ReadonlyMap<string, number>;
  /** Suffixes that make a number a multiplier: "fold" ("25-fold", "threefold"), "倍". */
  readonly multiplierSuffixes: readonly string[];
  /** Words that join parts of one numeral: "and" ("one hundred and three"), "零". */
  readonly joiners: readonly string[];
  /** Words of a negative sign before a number: "minus", "负". */
  readonly negatives: readonly string[];
  /** The decimal separators written between digits: "." in English, "," in German. */
  readonly decimalSeparators: readonly string[];
  /** Separators of digit groups: "," in English, "." and " " in German; a space groups when listed. */
  readonly groupSeparators: readonly string[];
  /** Variant forms of characters, by their standard form: traditional "萬" → "万". Read as the standard form. */
  readonly variants?: ReadonlyMap<string, string>;
}

/** Units after (or before) a number. */
export interface UnitWords {
  /** Words of percent after a number: "percent", "per cent", "pc"; "百分之" stands before (see `percentBefore`). */
  readonly percent: readonly (readonly string[])[];
  /** Words of a percent written before its number: "百分之". */
  readonly percentBefore: readonly string[];
  /** Words of percentage points: "percentage points", "个百分点". */
  readonly percentagePoints: readonly (readonly string[])[];
  /** Currency symbols before a number, by code: "$" → USD, "US$" → USD, "€" → EUR. */
  readonly currencySymbols: ReadonlyMap<string, string>;
  /** Currency codes and words that may stand before a number: "usd", "rmb". */
  readonly currencyBefore: ReadonlyMap<string, string>;
  /** Currency words after a number: "dollars", "yuan", "元", "美元". */
  readonly currencyAfter: ReadonlyMap<string, string>;
  /** Hundredths of a currency: "cents", "pence", "p". */
  readonly currencyHundredths: ReadonlyMap<string, string>;
  /** Units of measure after a number: "km", "tonnes", "吨", "公里". */
  readonly measures: ReadonlySet<string>;
  /**
   * Measure letters that are also scale letters ("m" metres or million): read as a
   * measure when a physical noun follows, or no currency stands before.
   */
  readonly ambiguousMeasures: ReadonlySet<string>;
  /** Classifiers after a count: "个", "家", "名". Empty for languages without them. */
  readonly classifiers: ReadonlySet<string>;
}

/** Qualifiers of a quantity, each a list of words (or a character run), longest first. */
export interface QualifierWords {
  readonly before: readonly (readonly string[])[];
  readonly after: readonly (readonly string[])[];
}

/** Words of time and dates: a number with one is a date, a time or a duration, not a claim. */
export interface TimeWords {
  /** Units of time after a number: "years", "days", "年", "个月". */
  readonly units: ReadonlySet<string>;
  /** Month names and abbreviations. */
  readonly months: ReadonlySet<string>;
  /** Words before a time frame: "past", "last", "next". */
  readonly frames: ReadonlySet<string>;
}

/** Words before a number that make it a label. */
export interface IdentifierWords {
  /** "page", "section", "No.", "代码", "编号". */
  readonly before: ReadonlySet<string>;
  /** Marks of numbering before a number: "第", "#", "№". */
  readonly ordinalPrefixes: readonly string[];
  /** Suffixes of ordinals after digits: "st", "nd", "rd", "th". */
  readonly ordinalSuffixes: ReadonlySet<string>;
}

/** What sentence splitting needs. */
export interface SentenceWords {
  /** Abbreviations (without the final period) that never end a sentence: "mr", "e.g", "approx". */
  readonly neverFinal: ReadonlySet<string>;
  /** Abbreviations that end a sentence only when a capitalised word follows that is not a name: "inc", "u.s". */
  readonly maybeFinal: ReadonlySet<string>;
  /** Words that commonly open a sentence (as written): after "U.S." or "Inc." they mark a new one. */
  readonly openers: ReadonlySet<string>;
  /**
   * Lemmas of `attribution.reportingVerbs` that, in a short speech tag after a
   * closing quote, keep the quote in the tag's sentence: the 称 of
   * `“……。”王龙基称。` (read after a full-width full stop only).
   */
  readonly quoteTagVerbs: readonly string[];
}

/** How list and outline markers are written; a marker is never a claim. */
export interface ListMarkers {
  /** Marks after a number at the start of an item: ".", ")", "、". */
  readonly after: readonly string[];
  /** Brackets around a number: ["(", ")"], ["（", "）"]. */
  readonly enclosing: readonly (readonly [string, string])[];
  /** Characters that are numbers used only as markers: "①"…"⑳". */
  readonly symbols: readonly string[];
}

/** What textual attribution needs. */
export interface AttributionWords {
  /**
   * Reporting verbs as lemmas ("say", "estimate", "称", "表示"): their forms
   * come from `inflect`, never from a hand-written list.
   */
  readonly reportingVerbs: readonly string[];
  /** Irregular forms by lemma: "say" → ["said"], "find" → ["found"]. */
  readonly irregularForms: ReadonlyMap<string, readonly string[]>;
  /** Every written form of a lemma (the lemma itself included). */
  readonly inflect: (lemma: string) => readonly string[];
  /** Phrases that open an attribution before a source: ["according", "to"], ["据"], ["根据"]. */
  readonly sourceOpeners: readonly (readonly string[])[];
  /**
   * Labels of a line that names the sources of what stands above it, before a
   * colon or a dash: "source", "sources" ("Source: ONS"), "来源", "资料来源". Matched in any case.
   */
  readonly sourceLabels: readonly string[];
  /**
   * Labels of a credit that may stand first on such a line, set off by a slash
   * or a bar: "chart", "charts", "photo" ("Chart: Halford Herald / Source: Halford Council").
   */
  readonly creditLabels: readonly string[];
  /** Nouns of evidence a source publishes: "report", "survey", "data", "调查", "报告". */
  readonly sourceNouns: ReadonlySet<string>;
  /** Heads of generic speakers that name no source: "experts", "analysts", "专家", "业内人士". */
  readonly genericSpeakers: ReadonlySet<string>;
  /** Pronouns that name no source: "he", "they", "他". */
  readonly pronouns: ReadonlySet<string>;
  /** Words before a name that are no part of it: "the", "dem", "des". */
  readonly determiners: ReadonlySet<string>;
  /**
   * Nouns of a role or a body a speaker holds (spec 8): with a determiner or
   * a body before them they name a source ("the minister said", "ministry
   * officials estimate", "a county spokeswoman told"); "organisers" alone does.
   */
  readonly roleNouns: ReadonlySet<string>;
  /**
   * Reporting verbs that attribute only with a word after them, by lemma: "put" needs "at" ("organisers put
   * the crowd at 20,000", not "investors put $97 billion into").
   */
  readonly verbsNeedingAfter: ReadonlyMap<string, string>;
  /** Lemmas of `reportingVerbs` that attribute only as a tag set off from what was said: "add" ("…,” added Paul Draycott"). */
  readonly tagOnlyVerbs: readonly string[];
}

/** What a numeral says, read whole: "one hundred and three and two thirds", "十四亿一千一百七十八万", "三成半". */
export interface NumeralReading {
  /** Index of the numeral's last token, inclusive. */
  readonly last: number;
  /** Its value: 103.667, 1411780000, 35. */
  readonly value: number;
  /** The upper bound when the numeral is itself a range ("二三十" → 20 to 30). */
  readonly valueMax?: number;
  /**
   * What the numeral is beyond a number, when its own words say so: a share
   * ("三成" → `percent`), a factor ("25-fold" → `multiplier`), a part ("two thirds" → `fraction`).
   */
  readonly kind?: 'percent' | 'multiplier' | 'fraction';
  /** A unit the numeral carries: "percentage points" for "个百分点"; "discount" for "七五折". */
  readonly unit?: string;
  /** Whether a scale word or letter was read ("2.33k", "two million", "四亿"). */
  readonly scaled: boolean;
  /** Whether the numeral is written (at least partly) in words, not digits. */
  readonly words: boolean;
}

/**
 * A language's numeral grammar: `read(tokens, i)` reads the longest numeral
 * that starts at token `i` (digits, words or both: "2 1/4", "2.33k", "fifty-two",
 * "一千零五", "3,5" in German) or returns null when none starts there.
 * Pure and linear in the numeral's length.
 */
export interface NumeralGrammar {
  read(tokens: readonly Token[], i: number): NumeralReading | null;
  /**
   * Whether the digits at token `i` may read on past their own token (a
   * group, a fraction, an exponent, a scale letter, "over"): a cheap test of
   * the next token; when false, `read` ends at `i`.
   */
  mayReadOn?(tokens: readonly Token[], i: number): boolean;
}

/**
 * What the shared claim finder offers a pack's quantity grammar: the
 * language-neutral steps of reading a quantity, for the languages being read.
 */
export interface QuantityReader {
  /** `[currency] number [scale] [unit]` from token `i`: a currency symbol, a currency code or digits. */
  readAmount(tokens: readonly Token[], i: number): Quantity | null;
  /** Scale words and units from token `j` on, into `q`, as every pack being read reads them. */
  readScaleAndUnit(tokens: readonly Token[], j: number, q: Quantity): void;
  /** A range ("10-20", "6 to 7") or a ratio ("1 in 5", "3:1") after `q`: the last step of reading a quantity. */
  readRangeAndRatio(tokens: readonly Token[], q: Quantity): Quantity;
}

/**
 * How a language reads a whole quantity around its numerals, beyond its data:
 * the grammar of its scale words, units, ratios and ranges. The claim finder
 * takes these from every pack it reads, once per list of languages, and asks
 * each in turn; the functions are plain (no `this`), and each declines what
 * is not its own by returning `undefined`, `false` or null. Every function
 * but `readStart` may be left out.
 */
export interface QuantityGrammar {
  /** The kind of token a quantity in the language's own words starts with: "word" for spaced scripts, "han" for Han characters. */
  readonly startKind: 'word' | 'han';
  /** The word classes (see `registerWordClass`) of the tokens `readStart` may read: a cheap test before it is asked. */
  readonly startClass: number;
  /** A quantity whose number starts at token `i` in the language's own words ("fourteen", "a third", "两亿元"), read whole. */
  readStart(tokens: readonly Token[], i: number, reader: QuantityReader): Quantity | null;
  /** Digits at token `j` read on as one numeral ("2 450", "2 1/4", "2.33k"), or null. */
  readDigits?(tokens: readonly Token[], j: number): NumeralReading | null;
  /**
   * Scale words after the number at token `j`, into `q`: the index after them,
   * -1 when the quantity is whole, or `undefined` when the token is not the
   * language's own.
   */
  readScale?(tokens: readonly Token[], j: number, q: Quantity): number | undefined;
  /** A unit at token `j`, into `q`: whether the token was the language's own (read or not). */
  readUnit?(tokens: readonly Token[], j: number, q: Quantity): boolean;
  /** A ratio, a fraction or a rate after `q` in the language's words or marks ("1 in 5", "2.4比1"), or null. */
  readRatio?(tokens: readonly Token[], q: Quantity): Quantity | null;
  /** Whether token `j`, after `q`, joins the bounds of a range in the language's words ("to", "至"). */
  joinsRange?(tokens: readonly Token[], q: Quantity, j: number): boolean;
  /** The upper bound of a range at token `i`, written in the language's own words, or null. */
  readBound?(tokens: readonly Token[], i: number, q: Quantity, reader: QuantityReader): Quantity | null;
  /** Whether a range read from `q` to `r` is one ("grew by 5% to 7%"), not a change and a new level ("by two cents to 45 cents"). */
  keepsRange?(tokens: readonly Token[], q: Quantity, r: Quantity): boolean;
}
