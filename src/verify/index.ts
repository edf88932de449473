/**
 * Verifying cited figures against their sources (`claimlens check --verify`,
 * the editor's "Verify Sources" commands). Node only: it fetches and caches.
 */
export { defaultPruneLimits, DiskCache, type CacheInfo, type CachedMeta, type CachedResponse, type PruneLimits, type PruneResult, type SourceCache } from './cache';
export { defaultFetchOptions, networkFailure, retryAfterMs, SourceFetcher, userAgentOf, type FetchFailure, type Fetched, type FetchedPage, type FetchOptions } from './fetch';
export { contentWords, findFigure, indexSource, precisionOf, valuesAgree, type ClaimToMatch, type FigureMatch, type IndexedSource, type SourceText } from './match';
export { charsetOf, readSource, type ReadSource } from './read-source';
export { deepLink, defaultArchiveApi, doiUrl, targetsOf, urlsOfSource, Verifier, type PageFetcher, type VerifyOptions, type VerifyTarget } from './verify';
