/**
 * HTML's character references (`&amp;`, `&#8212;`) decoded by the
 * `entities` package, which is loaded on the first reference met: it builds
 * its decoding tables when loaded, milliseconds that a run over an article
 * with no `&` does not need.
 */
type Entities = typeof import('./entity-decoders');

let loaded: Entities | undefined;

function entities(): Entities {
  loaded ??= require('./entity-decoders') as Entities;
  return loaded;
}

/** Text with its character references decoded, as HTML's text content reads them. */
export function decodeHTML(text: string): string {
  return entities().decodeHTML(text);
}

/** An attribute value with its character references decoded, as HTML reads them in attributes. */
export function decodeHTMLAttribute(text: string): string {
  return entities().decodeHTMLAttribute(text);
}
