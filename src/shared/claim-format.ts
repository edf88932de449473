import { formatEntry, type BibEntry, type Claim, type ClaimStatus, type Source } from '../core/index';

const currencySymbols: Record<string, string> = {
  USD: 'US$',
  CNY: 'CN¥',
  EUR: '€',
  GBP: '£',
  JPY: 'JP¥',
  INR: '₹',
  KRW: '₩',
  CAD: 'CA$',
  AUD: 'A$',
  HKD: 'HK$',
  CHF: 'CHF',
};

/** A number with thousands separators ("40,000,000,000", "1.25"). */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** A claim's normalised value in words and figures: "US$ 40,000,000,000", "67%", "×6", "6.5–7 percent". */
export function formatValue(claim: Pick<Claim, 'kind' | 'value' | 'valueMax' | 'unit'>): string {
  if (claim.value === null) return 'no value';
  const number = claim.valueMax !== undefined && claim.valueMax !== claim.value
    ? `${formatNumber(claim.value)}–${formatNumber(claim.valueMax)}`
    : formatNumber(claim.value);
  const unit = claim.unit ?? '';
  switch (claim.kind) {
    case 'money':
      return unit ? `${currencySymbols[unit] ?? unit} ${number}` : number;
    case 'percent':
      return !unit || unit === '%' || /^per ?cent$|^percent$/iu.test(unit) ? `${number}%` : `${number} ${unit}`;
    case 'multiplier':
      return `×${number}`;
    case 'rank':
      return `#${number}${unit ? ` ${unit}` : ''}`;
    default:
      return unit ? `${number} ${unit}` : number;
  }
}

/** "money · US$ 40,000,000,000 · qualifier: over" */
export function describeClaim(claim: Pick<Claim, 'kind' | 'value' | 'valueMax' | 'unit' | 'qualifier'>): string {
  return [claim.kind, formatValue(claim), ...(claim.qualifier ? [`qualifier: ${claim.qualifier}`] : [])].join(' · ');
}

/** A status in words, for hovers and reports. */
export const statusLabels: Readonly<Record<ClaimStatus, string>> = {
  cited: 'Cited',
  attributed: 'Attributed, no link',
  uncited: 'Uncited',
  ignored: 'Ignored',
};

/** A source in one line of plain text (for quick picks, reports and exports). */
export function describeSource(source: Source): string {
  switch (source.kind) {
    case 'link':
      return `${source.label || source.url || ''}${source.url && source.url !== source.label ? ` — ${source.url}` : ''}${source.weak ? ' (a link on a name)' : ''}`;
    case 'footnote':
      return `[^${source.label}] ${source.text ?? '(no definition)'}`;
    case 'citation':
      return `@${source.key ?? source.label}${source.text ? `, ${source.text}` : ''}${source.entry ? ` — ${formatEntry(source.entry)}` : ''}`;
    case 'textual':
      return `per ${source.name ?? source.label} (no link)`;
  }
}

/** "Doe and Roe · 2023": the authors' family names and the year, for a completion item's description. */
export function authorsAndYear(entry: BibEntry): string {
  const families = entry.authors.map((a) => (a.includes(',') ? a.slice(0, a.indexOf(',')).trim() : a));
  const authors = families.length > 2 ? `${families[0]} et al.` : families.join(' and ');
  return [authors, entry.year].filter((p) => p !== undefined && p !== '').join(' · ');
}
