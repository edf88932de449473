/**
 * Turns the bytes of a fetched source into readable text: HTML through the
 * core's HTML reader (visible prose only: no scripts, styles or
 * navigation), plain text as it is, PDF page by page through unpdf. The
 * response's charset is honoured; bot walls and formats that hold no text
 * are recognised and said so.
 */
import { readProse } from '../core/index';
import type { SourceBlock, SourceText } from './match';

/** What reading a source gave. */
export type ReadSource =
  | { readonly ok: true; readonly format: 'html' | 'text' | 'pdf'; readonly text: SourceText; readonly paywall?: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads a response body. `contentType` is the `Content-Type` header;
 * `headers` are the other response headers that tell a bot wall.
 */
export async function readSource(body: Uint8Array, contentType: string | undefined, headers: Readonly<Record<string, string>> = {}): Promise<ReadSource> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (headers['cf-mitigated'] === 'challenge') return { ok: false, reason: 'a bot wall (Cloudflare challenge) stands before the page' };
  if (type === 'application/pdf' || startsWith(body, '%PDF-')) return readPdf(body);
  const html = type === 'text/html' || type === 'application/xhtml+xml' || (!type && looksLikeHtml(body));
  const textual = html || type.startsWith('text/') || /^application\/(?:json|xml|[\w.+-]+\+(?:json|xml))$/u.test(type) || (!type && !isBinary(body));
  if (!textual || isBinary(body)) return { ok: false, reason: `a format Claim Lens does not read (${type || 'binary data'})` };
  const text = decode(body, charsetOf(contentType, html ? body : undefined));
  if (html) {
    const wall = botWall(text);
    if (wall) return { ok: false, reason: wall };
    const blocks: SourceBlock[] = [];
    const prose = readProse(text, 'html');
    for (const block of prose.blocks) blocks.push({ text: block.text });
    for (const note of [...prose.footnotes.values(), ...prose.references]) blocks.push({ text: note.text });
    const paywall = paywallOf(text);
    return { ok: true, format: 'html', text: { blocks }, ...(paywall ? { paywall } : {}) };
  }
  const wall = botWall(text);
  if (wall) return { ok: false, reason: wall };
  return { ok: true, format: 'text', text: { blocks: paragraphs(text) } };
}

function paragraphs(text: string, page?: number): SourceBlock[] {
  return text.split(/\n[ \t]*\n/u).map((p) => p.trim()).filter(Boolean).map((p) => ({ text: p, ...(page !== undefined ? { page } : {}) }));
}

function startsWith(body: Uint8Array, prefix: string): boolean {
  // A PDF may have a few bytes of junk before its header.
  const head = new TextDecoder('latin1').decode(body.subarray(0, 1024));
  const at = head.indexOf(prefix);
  return at >= 0 && at < 1024 - prefix.length;
}

function looksLikeHtml(body: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(body.subarray(0, 512)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(?:head|body|p|div)[\s>]/u.test(head);
}

/** NUL bytes in the first kilobyte: not text (UTF-16 without a BOM aside, which the web does not send). */
function isBinary(body: Uint8Array): boolean {
  const head = body.subarray(0, 1024);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  return head.includes(0);
}

/** The charset of the header, else of a `<meta>` in the first kilobytes of an HTML page, else UTF-8. */
export function charsetOf(contentType: string | undefined, html?: Uint8Array): string {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/iu.exec(contentType ?? '')?.[1];
  if (fromHeader && isKnownCharset(fromHeader)) return fromHeader;
  if (html) {
    const head = new TextDecoder('latin1').decode(html.subarray(0, 4096));
    const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/iu.exec(head)?.[1];
    if (meta && isKnownCharset(meta)) return meta;
  }
  return 'utf-8';
}

function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function decode(body: Uint8Array, charset: string): string {
  // A byte-order mark wins over any label, as browsers do.
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return new TextDecoder('utf-8').decode(body);
  if (body[0] === 0xff && body[1] === 0xfe) return new TextDecoder('utf-16le').decode(body);
  if (body[0] === 0xfe && body[1] === 0xff) return new TextDecoder('utf-16be').decode(body);
  return new TextDecoder(charset).decode(body);
}

/** Signs of a page that asks a person to prove they are one, rather than showing the article. */
const botWallSigns: readonly [RegExp, string][] = [
  [/<title>\s*just a moment\.\.\.\s*<\/title>|\/cdn-cgi\/challenge-platform|cf-browser-verification|cf_chl_opt/iu, 'a bot wall (Cloudflare challenge) stands before the page'],
  [/<title>\s*attention required!\s*\|\s*cloudflare/iu, 'a bot wall (Cloudflare) stands before the page'],
  [/_incapsula_resource|px-captcha|captcha-delivery\.com|datadome/iu, 'a bot wall (CAPTCHA) stands before the page'],
  [/enable javascript and cookies to continue|please enable javascript to (?:continue|view)|you need to enable javascript to run this app|this site requires javascript/iu, 'the page needs JavaScript to show its text'],
];

function botWall(text: string): string | undefined {
  const head = text.slice(0, 65536);
  for (const [sign, reason] of botWallSigns) if (sign.test(head)) return reason;
  return undefined;
}

const paywallSigns = /"isAccessibleForFree"\s*:\s*"?false|subscribe to (?:continue|keep) reading|to continue reading,? (?:please )?(?:subscribe|log in|sign in)|this (?:article|content) is (?:only )?(?:available )?(?:for|to) subscribers|already a subscriber\?/iu;

function paywallOf(html: string): string | undefined {
  return paywallSigns.test(html) ? 'a paywall: the page shows only part of the article' : undefined;
}

async function readPdf(body: Uint8Array): Promise<ReadSource> {
  try {
    // `require` inside a function: bundles load pdf.js from its own file, and only now.
    const { pdfPages } = require('./pdf-text') as typeof import('./pdf-text');
    const blocks = (await pdfPages(body)).flatMap((page, i) => paragraphs(page, i + 1));
    return { ok: true, format: 'pdf', text: { blocks } };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, reason: `a PDF that cannot be read (${message.split('\n')[0]})` };
  }
}
