/**
 * Which findings an editor shows when a document has more than it will take.
 * VS Code keeps at most 1,000 diagnostics per file and drops the rest
 * without a word; choosing them here means the ones that matter are kept and
 * the number left out can be said.
 */

/** Diagnostics VS Code keeps per file (its extension host's `maxDiagnosticsPerFile`). */
export const editorDiagnosticLimit = 1000;

/** Where a finding stands (0-based offsets) and how much it matters: a lower rank goes first. */
export interface PlacedFinding {
  readonly start: number;
  readonly end: number;
  readonly rank: number;
}

/** The findings to show, and how many are left out. */
export interface ShownFindings<T> {
  readonly shown: readonly T[];
  readonly hidden: number;
}

/** The rank of a finding by its code: uncited claims first, then broken sources, attributed claims, and the rest. */
export function rankOfCode(code: string): number {
  switch (code) {
    case 'uncited-claim':
      return 0;
    case 'attributed-claim':
      return 2;
    case 'cited-claim':
    case 'ignored-claim':
      return 3;
    default:
      return 1; // a broken source
  }
}

/**
 * All of `findings` when they fit in `limit`, in the order given. Else the
 * `limit` that matter most: by rank, then by distance from the visible
 * ranges (0 inside one), then in document order; the result is in document
 * order again, so an editor lists them as it would.
 */
export function chooseShown<T>(
  findings: readonly T[],
  placeOf: (finding: T) => PlacedFinding,
  visible: readonly { readonly start: number; readonly end: number }[],
  limit = editorDiagnosticLimit,
): ShownFindings<T> {
  if (findings.length <= limit) return { shown: findings, hidden: 0 };
  const distance = (place: PlacedFinding): number => {
    let best = visible.length ? Infinity : 0;
    for (const range of visible) {
      const d = place.end < range.start ? range.start - place.end : place.start > range.end ? place.start - range.end : 0;
      if (d < best) best = d;
    }
    return best;
  };
  const placed = findings.map((finding, index) => ({ finding, index, place: placeOf(finding) }));
  const keyed = placed.map((p) => ({ ...p, distance: distance(p.place) }));
  keyed.sort((a, b) => a.place.rank - b.place.rank || a.distance - b.distance || a.place.start - b.place.start || a.index - b.index);
  const kept = keyed.slice(0, limit).sort((a, b) => a.place.start - b.place.start || a.index - b.index);
  return { shown: kept.map((k) => k.finding), hidden: findings.length - limit };
}
