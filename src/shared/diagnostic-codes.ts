import { citedOnlyByNameLinks, type Claim, type ClaimStatus, type ProblemCode } from '../core/index';

/** Stable diagnostic codes of claims, by status. */
export const claimCodes: Readonly<Record<ClaimStatus, string>> = {
  uncited: 'uncited-claim',
  attributed: 'attributed-claim',
  cited: 'cited-claim',
  ignored: 'ignored-claim',
};

/** Every diagnostic code Claim Lens uses in articles. */
export type DiagnosticCode = (typeof claimCodes)[ClaimStatus] | ProblemCode;

/** Where each code is explained: the README section of that name. */
export const documentationBase = 'https://github.com/claimlens/claimlens';

/** The claim status a diagnostic code stands for, if it is a claim's. */
export function statusOfCode(code: string): ClaimStatus | undefined {
  for (const [status, value] of Object.entries(claimCodes) as [ClaimStatus, string][]) if (value === code) return status;
  return undefined;
}

/** The value of a diagnostic's code, whether given as a string, a number or `{ value, target }`. */
export function codeValue(code: string | number | { value: string | number } | undefined): string | undefined {
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** A claim's diagnostic message. */
export function claimMessage(claim: Claim): string {
  switch (claim.status) {
    case 'uncited':
      return `Uncited claim "${oneLine(claim.text)}": no link, footnote or citation`;
    case 'attributed': {
      if (citedOnlyByNameLinks(claim)) {
        const named = [...new Set(claim.sources.filter((s) => s.weak).map((s) => oneLine(s.label)))];
        return `Cited only by a link on a name (${named.join(', ')}), which leads to no evidence for "${oneLine(claim.text)}"`;
      }
      const names = [...new Set(claim.sources.filter((s) => s.kind === 'textual').map((s) => oneLine(s.name ?? s.label)))];
      return `Attributed to ${names.join(', ') || 'a named source'}, but no link, footnote or citation`;
    }
    case 'cited':
      if (citedOnlyByNameLinks(claim)) return `Cited claim "${oneLine(claim.text)}", only by a link on a name`;
      return `Cited claim "${oneLine(claim.text)}" (${claim.sources.length} source${claim.sources.length === 1 ? '' : 's'})`;
    case 'ignored':
      return `Ignored claim "${oneLine(claim.text)}"`;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
