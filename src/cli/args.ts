import { parseArgs } from 'node:util';
import { defaultMaxFileSize } from '../shared/max-file-size';

/** Output formats of `claimlens check`. */
export const outputFormats = ['text', 'json', 'sarif', 'csv', 'markdown'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** What `claimlens check` was asked to do. */
export interface CheckOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  /** Exit 1 only when more uncited claims than this are found. */
  readonly maxUncited: number;
  /** A config file for every file, instead of the nearest `.claimlensrc.*`. */
  readonly config?: string;
  /** Overrides the `scope` setting of every file. */
  readonly scope?: 'sentence' | 'paragraph';
  readonly color: boolean;
  readonly quiet: boolean;
  /** Files larger than this many bytes are skipped with an error. */
  readonly maxSize: number;
  /** Threads for many files (default: one per core, at most 8); 1 analyses in one thread. */
  readonly jobs?: number;
  /** Check each cited claim's figure against the sources it cites; undefined when not asked. */
  readonly verify?: VerifyCliOptions;
  /** Print, for each claim, the rules that decided it (`--explain`). */
  readonly explain: boolean;
  /** Print how often each named rule fired over the files, and the rules that never did (`--rule-stats`). */
  readonly ruleStats: boolean;
  /** The folder that bibliographies and walked files must lie in (default: the git work tree around the working folder, or it). */
  readonly root?: string;
}

/** How `--verify` fetches and where it caches. */
export interface VerifyCliOptions {
  /** Use the cache only. */
  readonly offline: boolean;
  /** The cache folder; undefined for the default under the user's cache directory. */
  readonly cacheDir?: string;
  /** Cached sources younger than this are used without asking the server, ms. */
  readonly maxAgeMs: number;
  /** Per request, ms. */
  readonly timeoutMs: number;
  /** The web archive's availability API, or null for none. */
  readonly archiveApi: string | null;
  /** `not-found` and `unreachable` claims count like uncited ones for the exit code. */
  readonly failOnUnsupported: boolean;
  /** After the run, the cache is pruned to this many bytes, least recently used first. */
  readonly cacheMaxBytes: number;
  /** After the run, cache entries unused for longer than this are removed, ms. */
  readonly cacheMaxUnusedMs: number;
}

/** What `claimlens cache` was asked to do, and in which folder (undefined: the default). */
export interface CacheOptions {
  readonly action: 'info' | 'clear';
  readonly cacheDir?: string;
}

/** A parsed command line. */
export type Command =
  | { readonly kind: 'help'; readonly topic?: 'check' }
  | { readonly kind: 'version' }
  | { readonly kind: 'lsp' }
  | { readonly kind: 'cache'; readonly options: CacheOptions }
  | { readonly kind: 'check'; readonly options: CheckOptions };

/** A command line that makes no sense: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The default of `--max-size`: 10 MB, as in the editor. */
export const defaultMaxSize = defaultMaxFileSize;

/** Reads the command line (without `node` and the script). Throws `UsageError`. */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('no command given.');
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help', ...(rest[0] === 'check' ? { topic: 'check' as const } : {}) };
  if (first === '--version' || first === '-v') return { kind: 'version' };
  if (first === 'lsp') return parseLsp(rest);
  if (first === 'cache') return parseCache(rest);
  if (first !== 'check') {
    throw new UsageError(first.startsWith('-') ? `unknown option '${first}'.` : `unknown command '${first}'.`);
  }
  return parseCheck(rest);
}

function parseCheck(args: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        explain: { type: 'boolean' },
        'rule-stats': { type: 'boolean' },
        'max-uncited': { type: 'string' },
        config: { type: 'string', short: 'c' },
        scope: { type: 'string' },
        'no-color': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        'max-size': { type: 'string' },
        verify: { type: 'boolean' },
        offline: { type: 'boolean' },
        cache: { type: 'string' },
        'cache-max-age': { type: 'string' },
        'cache-max-size': { type: 'string' },
        'cache-max-unused': { type: 'string' },
        timeout: { type: 'string' },
        'archive-api': { type: 'string' },
        'no-archive': { type: 'boolean' },
        'fail-on-unsupported': { type: 'boolean' },
        root: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? firstSentence(cause.message) : String(cause), { cause });
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', topic: 'check' };
  const format = oneOf('--format', values.format ?? 'text', outputFormats);
  const scope = values.scope === undefined ? undefined : oneOf('--scope', values.scope, ['sentence', 'paragraph'] as const);
  const verifyFlags = ['offline', 'cache', 'cache-max-age', 'cache-max-size', 'cache-max-unused', 'timeout', 'archive-api', 'no-archive', 'fail-on-unsupported'] as const;
  const stray = verifyFlags.find((flag) => values[flag] !== undefined);
  if (!values.verify && stray) throw new UsageError(`--${stray} needs --verify.`);
  const verify: VerifyCliOptions | undefined = values.verify
    ? {
      offline: values.offline ?? false,
      ...(values.cache !== undefined ? { cacheDir: values.cache } : {}),
      maxAgeMs: values['cache-max-age'] === undefined ? 24 * 3600_000 : duration('--cache-max-age', values['cache-max-age']),
      timeoutMs: values.timeout === undefined ? 15_000 : duration('--timeout', values.timeout),
      archiveApi: values['no-archive'] ? null : (values['archive-api'] ?? 'https://archive.org/wayback/available'),
      failOnUnsupported: values['fail-on-unsupported'] ?? false,
      cacheMaxBytes: values['cache-max-size'] === undefined ? defaultCacheMaxSize : size('--cache-max-size', values['cache-max-size']),
      cacheMaxUnusedMs: values['cache-max-unused'] === undefined ? defaultCacheMaxUnusedMs : duration('--cache-max-unused', values['cache-max-unused']),
    }
    : undefined;
  return {
    kind: 'check',
    options: {
      paths: positionals.length ? positionals : ['.'],
      format,
      maxUncited: values['max-uncited'] === undefined ? 0 : count('--max-uncited', values['max-uncited']),
      ...(values.config !== undefined ? { config: values.config } : {}),
      ...(scope ? { scope } : {}),
      color: !values['no-color'],
      quiet: values.quiet ?? false,
      explain: values.explain ?? false,
      ruleStats: values['rule-stats'] ?? false,
      maxSize: values['max-size'] === undefined ? defaultMaxSize : size('--max-size', values['max-size']),
      ...(verify ? { verify } : {}),
      ...(values.root !== undefined ? { root: values.root } : {}),
      ...(values.jobs !== undefined ? { jobs: positive('--jobs', values.jobs) } : {}),
    },
  };
}

/** The defaults of `--cache-max-size` (200 MB) and `--cache-max-unused` (30 days). */
export const defaultCacheMaxSize = 200 * 1024 * 1024;
export const defaultCacheMaxUnusedMs = 30 * 86_400_000;

function parseCache(args: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { cache: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? firstSentence(cause.message) : String(cause), { cause });
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1) throw new UsageError('cache needs one action: info or clear.');
  const action = oneOf('cache', positionals[0], ['info', 'clear'] as const);
  return { kind: 'cache', options: { action, ...(values.cache !== undefined ? { cacheDir: values.cache } : {}) } };
}

/** Transports of `claimlens lsp`, as the language server library reads them from the command line. */
const transports = /^--(?:stdio|node-ipc|socket=\d+|pipe=.+|clientProcessId(?:=\d+)?)$|^\d+$/u;

function parseLsp(args: readonly string[]): Command {
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help' };
  const unknown = args.find((arg) => !transports.test(arg) && arg !== '--socket' && arg !== '--pipe' && arg !== '--clientProcessId');
  if (unknown !== undefined) throw new UsageError(`unknown option '${unknown}' of lsp.`);
  if (!args.some((arg) => /^--(?:stdio|node-ipc|socket|pipe)\b/u.test(arg))) {
    throw new UsageError('lsp needs a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME.');
  }
  return { kind: 'lsp' };
}

function positive(flag: string, value: string): number {
  if (/^[1-9]\d{0,2}$/.test(value)) return Number(value);
  throw new UsageError(`${flag} must be a whole number from 1 to 999; got '${value}'.`);
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got '${value}'.`);
}

function count(flag: string, value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  throw new UsageError(`${flag} must be a whole number, 0 or more; got '${value}'.`);
}

const sizeUnits: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** A size in bytes: `500000`, `512kb`, `10mb`. */
function size(flag: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = m ? sizeUnits[m[2].toLowerCase()] : undefined;
  if (m && unit !== undefined && Number(m[1]) > 0) return Math.floor(Number(m[1]) * unit);
  throw new UsageError(`${flag} must be a size such as 10mb, 512kb or 1000000; got '${value}'.`);
}

const durationUnits: Record<string, number> = { ms: 1, s: 1000, '': 1000, m: 60_000, h: 3600_000, d: 86_400_000 };

/** A duration in ms: `30s`, `10m`, `12h`, `7d`, `500ms`; a bare number is seconds. */
function duration(flag: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|)$/iu.exec(value.trim());
  if (m) return Math.round(Number(m[1]) * durationUnits[m[2].toLowerCase()]);
  throw new UsageError(`${flag} must be a duration such as 30s, 10m, 12h or 7d; got '${value}'.`);
}

function firstSentence(message: string): string {
  // parseArgs explains itself over several sentences; the first names the problem.
  const text = message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '.');
  return text.endsWith('.') ? text : `${text}.`;
}

/** `--help` text. */
export const helpText = `Usage: claimlens check [options] [paths, folders, globs…]

Finds the numeric claims in articles (Markdown, MDX, HTML, plain text, and
WordPress posts and exports in .json and .xml) and reports the ones with no
link, footnote or citation.

Commands:
  check [paths…]          Analyse files, folders (walked, skipping node_modules,
                          .git and what .gitignore files ignore) and globs.
                          With no path: the current folder.
  lsp --stdio             Run the language server (also --node-ipc,
                          --socket=PORT, --pipe=NAME), for editors that speak
                          the Language Server Protocol.
  cache info|clear        Show the --verify cache's folder, entries and size,
                          or empty it (--cache DIR for another folder).
  help [check]            Show this help.

Options of check:
  -f, --format FORMAT     text (default), json, sarif, csv or markdown.
      --explain           For each claim, the rules that decided its span,
                          kind and value, its status and its sources; then
                          the numbers the rules left out, and why.
      --rule-stats        How often each named rule fired over the files,
                          and the rules that never fired.
      --max-uncited N     Exit 1 only when more than N claims are uncited (default 0).
  -c, --config FILE       Use FILE's settings for every file, instead of the
                          nearest .claimlensrc.json / .claimlensrc.yaml / .yml.
      --scope SCOPE       Where sources count: sentence (default) or paragraph.
      --max-size SIZE     Skip files larger than SIZE (default 10mb), with a note.
      --root DIR          Read bibliographies, and follow links while walking
                          folders, only inside DIR (default: the git work tree
                          around the current folder, or the current folder).
  -j, --jobs N            Analyse many files in N threads (default: one per
                          core, at most 8, whatever the machine's load, and one
                          per 4 MB of files; 1: one thread).
      --no-color          No colours (also when NO_COLOR is set or output is not a terminal).
  -q, --quiet             Text format: only warnings and errors; no info lines,
                          no summary, no progress.
      --verify            Fetch what each cited claim cites (links, footnote URLs,
                          bibliography URLs and DOIs) and look for its figure there.
                          Only those addresses are requested; the article is never sent.
      --offline           With --verify: use cached sources only.
      --cache DIR         With --verify: where fetched sources are cached (default
                          $XDG_CACHE_HOME/claimlens or ~/.cache/claimlens).
      --cache-max-age AGE With --verify: use cached sources younger than AGE
                          without asking the server (default 1d; then revalidated).
      --cache-max-size SIZE
                          With --verify: after the run, remove the least recently
                          used sources until the cache is under SIZE (default 200mb).
      --cache-max-unused AGE
                          With --verify: after the run, remove sources unused for
                          longer than AGE (default 30d). Sources this run used stay.
      --timeout TIME      With --verify: per request (default 15s).
      --archive-api URL   With --verify: the web archive's availability API asked
                          for a copy of a dead source (default
                          https://archive.org/wayback/available).
      --no-archive        With --verify: ask no archive.
      --fail-on-unsupported
                          With --verify: claims whose figure is not in their source,
                          or whose source is dead, count like uncited claims.
  -h, --help              Show this help.
  -v, --version           Show the version.

Settings: each file takes the nearest .claimlensrc.json (JSON with comments),
.claimlensrc.yaml or .claimlensrc.yml found upward from its folder, whole (not
merged with files further up); defaults when there is none.

Text output: one line per finding, "path:line:column severity code message",
then a summary: "6 files (3 skipped), 12 claims: … — coverage 67%". Coverage
is the share of the claims not ignored that name a source, linked or not:
(cited + attributed) / (claims - ignored); 100% when there is none.

WordPress: a .json file is read when it is a REST API post or page (an object
with content.rendered, or an array of them), a .xml file when it is a
WordPress export; their HTML is read, their metadata is not. An export or an
array is reported post by post: "export.xml#post-slug". Other .json and .xml
files named on the command line are skipped with a note; found in a folder,
they are passed over.

Exit codes:
  0  no uncited claim (or no more than --max-uncited)
  1  more uncited claims than --max-uncited (with --fail-on-unsupported, claims
     not found in their source or with a dead source count too)
  2  a usage error (unknown option, bad value, no such path), a file that could
     not be read or decoded, a configuration file with errors, or output that
     could not be written; this wins over 1 (files skipped on purpose, larger
     than --max-size or not an article, are not errors)
`;
