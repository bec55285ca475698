// Serves the built app (dist/) for the local stack, with no dependency beyond Node itself.
//   node scripts/serve.mjs --dir dist --host 127.0.0.1 --port 8090 [--config /path/to/config.json]
// The stack writes its own config.json (its provider and service URLs) and passes it with --config, so one build runs
// against any stack. Only the content-hashed files under assets/ are cached for good; everything else (index.html, the
// service worker, config.json, the manifest) is revalidated, so a new build or a new stack shows on the next load.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.dir ?? 'dist');
const host = args.host ?? '127.0.0.1';
const port = Number(args.port ?? 8090);
const configFile = args.config ? resolve(args.config) : null;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

async function fileFor(path) {
  if (path === '/config.json' && configFile) return configFile;
  const candidate = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    return (await stat(candidate)).isFile() ? candidate : null;
  } catch {
    return null;
  }
}

createServer(async (request, response) => {
  // Parsed against a fixed origin from the path alone: a request line such as "//" is a path here, never a host.
  const path = new URL(`http://localhost/${(request.url ?? '/').replace(/^\/+/, '')}`).pathname;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = await fileFor(path);
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  const body = await readFile(file);
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}).listen(port, host, () => console.log(`hipflex web app on http://${host}:${port}/ from ${root}`));
