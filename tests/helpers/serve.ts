import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
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
 */
export async function serveStatic(root: string, base = "/", options = { headers: true }): Promise<StaticSite> {
  const headersFile = path.join(root, "_headers");
  const rules = options.headers && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, "utf8")) : [];
  const server: Server = createServer((request, response) => {
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
    response.writeHead(found ? 200 : 404, {
      ...headersFor(rules, pathname),
      "content-type": TYPES[path.extname(served)] ?? "application/octet-stream",
      "content-length": statSync(served).size,
      "last-modified": new Date(0).toUTCString(),
    });
    createReadStream(served).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
