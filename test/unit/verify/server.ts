import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A handler for one path of the test server. */
export type Route = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

/** A request the test server saw. */
export interface SeenRequest {
  readonly path: string;
  readonly method: string;
  readonly headers: IncomingMessage['headers'];
  readonly at: number;
}

/** An HTTP server on 127.0.0.1 with a route per path, recording every request. */
export class TestServer {
  readonly requests: SeenRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly hits = new Map<string, number>();
  private server: Server | undefined;
  private port = 0;

  route(path: string, handler: Route): this {
    this.routes.set(path, handler);
    return this;
  }

  /** Serves `body` with `contentType` (and extra headers) at `path`. */
  page(path: string, body: string | Uint8Array, contentType = 'text/html; charset=utf-8', headers: Record<string, string> = {}): this {
    return this.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': contentType, ...headers });
      res.end(body);
    });
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  hitsOf(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const hit = (this.hits.get(path) ?? 0) + 1;
      this.hits.set(path, hit);
      this.requests.push({ path: req.url ?? '/', method: req.method ?? 'GET', headers: req.headers, at: Date.now() });
      const route = this.routes.get(path);
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<html><body><h1>Not found</h1></body></html>');
        return;
      }
      route(req, res, hit);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A minimal PDF of the given pages, each a list of lines in Helvetica (Latin-1 text). */
export function makePdf(pages: readonly (readonly string[])[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const pagesId = 2;
  add('');
  const kids: number[] = [];
  for (const lines of pages) {
    const text = lines.map((line) => `(${line.replace(/[()\\]/gu, '\\$&')}) Tj T*`).join(' ');
    const content = `BT /F1 12 Tf 72 720 Td 14 TL ${text} ET`;
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 1 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(objects.length);
  }
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  const catalog = objects.length;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
