/**
 * The text of a PDF, page by page, through unpdf (pdf.js built to run
 * without a browser or a worker file). Built into its own file beside the
 * CLI and the extension and loaded only when a source is a PDF: pdf.js is
 * larger than the rest of Claim Lens together.
 */
import { extractText, getDocumentProxy } from 'unpdf';

/** The text of each page of a PDF, in order. Throws when the file cannot be read. */
export async function pdfPages(body: Uint8Array): Promise<string[]> {
  // pdf.js takes the buffer over; give it a copy so a cached body stays whole.
  const document = await getDocumentProxy(new Uint8Array(body), { verbosity: 0 });
  try {
    const { text } = await extractText(document, { mergePages: false });
    return text;
  } finally {
    await document.destroy();
  }
}
