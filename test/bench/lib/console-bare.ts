import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The bare baseline of the console benchmark: a plain Node HTTP server on 127.0.0.1 serving one
 * small HTML page whose inline script pages through the same inbox rows (as the console's API
 * returned them, 100 per request) into a hand-written virtual list of plain divs: same row
 * height, same overscan, same list size. What the console costs beyond this is its own: the
 * bundle, React and Fluent UI, the session check and the SQL behind `inbox.list`.
 */
export interface BareServer {
  url: string;
  close(): Promise<void>;
}

const page = (listHeight: number, rowHeight: number, pageSize: number, total: number) => `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>bare inbox</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; }
  #list { width: 380px; height: ${listHeight}px; overflow-y: auto; position: relative; }
  .row { position: absolute; left: 0; width: 100%; height: ${rowHeight}px; box-sizing: border-box; padding: 8px 12px; border-bottom: 1px solid #ddd; overflow: hidden; }
  .line { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .muted { color: #666; font-size: 12px; }
</style></head>
<body><div id="list" data-testid="inbox-list"><div id="spacer" style="position:relative;height:0"></div></div>
<script>
  const ROW = ${rowHeight}, PAGE = ${pageSize}, OVERSCAN = 8;
  let total = ${total};
  const pages = new Map(), loading = new Set();
  const list = document.getElementById('list'), spacer = document.getElementById('spacer');
  const esc = (s) => String(s ?? '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
  function load(p) {
    if (pages.has(p) || loading.has(p)) return;
    loading.add(p);
    fetch('/rows?offset=' + p * PAGE + '&limit=' + PAGE).then((r) => r.json()).then((rows) => { pages.set(p, rows); loading.delete(p); render(); });
  }
  function render() {
    spacer.style.height = total * ROW + 'px';
    const first = Math.max(0, Math.floor(list.scrollTop / ROW) - OVERSCAN);
    const last = Math.min(total - 1, Math.ceil((list.scrollTop + list.clientHeight) / ROW) + OVERSCAN);
    let html = '';
    for (let i = first; i <= last; i++) {
      const p = Math.floor(i / PAGE);
      const row = pages.get(p)?.[i % PAGE];
      if (!row) { load(p); html += '<div role="listitem" class="row" style="top:' + i * ROW + 'px"></div>'; continue; }
      html += '<div role="listitem" class="row" style="top:' + i * ROW + 'px"><div data-testid="inbox-row">'
        + '<div class="line"><b>' + esc(row.requesterName) + '</b> <span class="muted">' + esc(row.institution) + '</span></div>'
        + '<div class="line muted">' + esc(row.lastMessagePreview) + '</div>'
        + '<div class="line muted">' + esc(row.status) + ' · ' + esc(row.ticket) + '</div></div></div>';
    }
    spacer.innerHTML = html;
  }
  list.addEventListener('scroll', render, { passive: true });
  render();
</script></body></html>`;

/** Serves the bare page and `rows` as pages, like `inbox.list` without the core. */
export async function startBareServer(rows: readonly unknown[], geometry: { listHeight: number; rowHeight: number; pageSize: number }): Promise<BareServer> {
  const html = page(geometry.listHeight, geometry.rowHeight, geometry.pageSize, rows.length);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(html);
    } else if (url.pathname === '/rows') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? geometry.pageSize);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(rows.slice(offset, offset + limit)));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
