import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from "node:http2";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { headersFor, parseHeadersFile } from "./headers.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".yml": "application/yaml; charset=utf-8",
};

export interface StaticSite {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site on 127.0.0.1 (a free port) the way a static host does:
 * "/x/" serves x/index.html, unknown paths get 404.html with status 404.
 * `base` is the path the site is published under ("/" or "/archive/").
 * The site's own `_headers` file (security and caching headers) is applied
 * as Cloudflare Pages and Netlify apply it, so every test runs under the
 * Content-Security-Policy that readers get; `{ headers: false }` serves without it, as GitHub Pages does.
 * `{ http2: true }` serves HTTP/2 over TLS (as a CDN does: a browser speaks HTTP/2 only over TLS), with a
 * certificate made for the occasion by `openssl`; the browser must accept it (ignoreHTTPSErrors).
 */
export async function serveStatic(
  root: string,
  base = "/",
  options: { headers?: boolean; http2?: boolean } = {},
): Promise<StaticSite> {
  const headersFile = path.join(root, "_headers");
  const rules =
    options.headers !== false && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, "utf8")) : [];
  const handle = (
    request: IncomingMessage | Http2ServerRequest,
    response: ServerResponse | Http2ServerResponse,
  ): void => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      const relative = pathname.slice(base.length);
      const candidate = path.join(root, relative);
      if (candidate.startsWith(root)) {
        file =
          existsSync(candidate) && statSync(candidate).isDirectory() ? path.join(candidate, "index.html") : candidate;
      }
    }
    // Hosts read _headers and never serve it.
    const found =
      file !== undefined && path.basename(file) !== "_headers" && existsSync(file) && statSync(file).isFile();
    const served = found ? file! : path.join(root, "404.html");
    response.statusCode = found ? 200 : 404;
    for (const [name, value] of Object.entries({
      ...headersFor(rules, pathname),
      "content-type": TYPES[path.extname(served)] ?? "application/octet-stream",
      "content-length": statSync(served).size,
      "last-modified": new Date(0).toUTCString(),
    }))
      response.setHeader(name, value);
    createReadStream(served).pipe(response);
  };
  const server = options.http2
    ? createSecureServer({ ...certificate(), allowHTTP1: true }, handle)
    : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.http2 ? "https" : "http"}://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A self-signed key and certificate for 127.0.0.1, valid for a day. */
function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), "bien-nien-tls-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1"]
        .concat(["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
        .concat(["-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")]),
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    return { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
