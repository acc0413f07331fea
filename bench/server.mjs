// The benchmark's web server, bound to 127.0.0.1 only: /page/N/ is the Nth corpus page, sent so
// that none of its own scripts runs; /bench/NAME is one of the files it is given by name (the
// wasm). Responses are cross-origin isolated (COOP + COEP), which gives performance.now() its
// fine resolution (the extension runs the same with or without it).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
/** No page script runs (external, inline, event handlers); WebAssembly may be compiled. The
 *  benchmark's own scripts come through the DevTools protocol, which this does not stop. */
const NO_SCRIPTS = { 'Content-Security-Policy': "script-src 'wasm-unsafe-eval'" };

const TYPES = { '.wasm': 'application/wasm' };

const META_REFRESH = /<meta\b[^>]*http-equiv\s*=\s*["']?refresh[^>]*>/gi;

/** The page without <meta http-equiv="refresh">, which could navigate away mid-measurement.
 *  Works on the raw bytes read as latin1, so the page's own encoding reaches the browser. */
function stripRefresh(bytes) {
  return Buffer.from(bytes.toString('latin1').replace(META_REFRESH, ''), 'latin1');
}

/** Serve `pages` (a list of HTML file paths) and the files of `assets` (name -> file path). */
export async function serve(pages, assets) {
  const server = http.createServer(async (req, res) => {
    const pathname = new URL(req.url, 'http://x').pathname;
    try {
      const page = /^\/page\/(\d+)\/$/.exec(pathname);
      if (page && pages[Number(page[1])]) {
        const body = stripRefresh(await fs.readFile(pages[Number(page[1])]));
        // No charset: the browser finds the page's own, as it would from the page's server.
        res.writeHead(200, { ...ISOLATED, ...NO_SCRIPTS, 'Content-Type': 'text/html' }).end(body);
        return;
      }
      const asset = /^\/bench\/([\w.-]+)$/.exec(pathname);
      if (asset && assets[asset[1]]) {
        const file = assets[asset[1]];
        const type = TYPES[path.extname(file)] || 'application/octet-stream';
        res.writeHead(200, { ...ISOLATED, 'Content-Type': type }).end(await fs.readFile(file));
        return;
      }
      res.writeHead(404, ISOLATED).end();
    } catch {
      res.writeHead(500, ISOLATED).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}
