/* global window, document, performance, requestAnimationFrame, MessageChannel, MutationObserver, fetch */
/**
 * Browser side of the console benchmark, installed before any page script (Playwright
 * addInitScript) on the console and on the bare page alike, so both are timed the same way: in the
 * page, on its performance clock, never by Node's wall clock around a CDP round trip.
 *
 * "Painted" is the first task after the next animation frame: requestAnimationFrame runs just
 * before the browser renders that frame; a message posted from it runs right after.
 */
(() => {
  if (window.__pstBench) return;
  // Long runs fetch hundreds of API calls; the default buffer of 250 would drop the ones we read.
  performance.setResourceTimingBufferSize(20000);

  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );

  /** Resolves once `done()` holds after a DOM change, with the times it was seen and painted. */
  const whenDom = (done) =>
    new Promise((resolve) => {
      const finish = () => {
        const seen = performance.now();
        void afterPaint().then((painted) => resolve({ seen, painted }));
      };
      if (done()) return finish();
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        finish();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    });

  /** The console's API calls (resource timing) that started in [from, to], relative to `from`. */
  const apiCalls = (from, to = Infinity) =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/') && !e.name.endsWith('/api/events') && e.startTime >= from - 1 && e.startTime <= to)
      .map((e) => ({ method: e.name.slice(e.name.indexOf('/api/') + 5), start: e.startTime - from, end: e.responseEnd - from }));

  const ROW = '[data-testid="inbox-row"]';
  const firstRow = whenDom(() => document.querySelector(ROW) !== null);

  /** Where the time of a page load went, all in ms since navigation start. */
  const loadReport = async () => {
    const { seen, painted } = await firstRow;
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const scripts = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script');
    return {
      rowSeen: seen,
      rowPainted: painted,
      fcp: fcp ? fcp.startTime : null,
      htmlEnd: nav ? nav.responseEnd : null,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
      scriptEnd: scripts.length ? Math.max(...scripts.map((e) => e.responseEnd)) : null,
      api: apiCalls(0, seen),
    };
  };

  let armed = null;
  /**
   * Times the next trusted `click` or Enter `keydown` (from its event timestamp) until `selector`
   * matches an element whose text contains `text` (or, with `minCount`, that many elements match).
   */
  const arm = ({ trigger, selector, text, minCount }) => {
    let start = null;
    const onEvent = (event) => {
      if (start !== null || !event.isTrusted) return;
      if (trigger === 'keydown' && event.key !== 'Enter') return;
      start = event.timeStamp;
    };
    window.addEventListener(trigger, onEvent, { capture: true });
    const done = () => {
      if (start === null) return false;
      const found = [...document.querySelectorAll(selector)];
      if (minCount !== undefined && found.length < minCount) return false;
      return text === undefined ? found.length > 0 : found.some((el) => (el.textContent ?? '').includes(text));
    };
    armed = whenDom(done).then(({ seen, painted }) => {
      window.removeEventListener(trigger, onEvent, { capture: true });
      return { seen: seen - start, painted: painted - start, api: apiCalls(start, seen) };
    });
    return true;
  };
  const armedResult = () => armed;

  /**
   * Scrolls the element by `step` pixels per animation frame until `distance`, recording each
   * frame's duration and whether rows still awaiting their page (placeholders) were on screen;
   * stops after `maxMs` on a slow machine.
   */
  const scrollThrough = async ({ selector, step, distance, settleMs, maxMs }) => {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`no ${selector}`);
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const blankOnScreen = () => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('[role="listitem"]')].some((item) => {
        const r = item.getBoundingClientRect();
        return r.bottom > box.top && r.top < box.bottom && !item.querySelector(ROW) && !item.matches(ROW);
      });
    };
    const start = el.scrollTop;
    const frames = [];
    let blank = 0;
    let last = await frame();
    const t0 = last;
    while (el.scrollTop - start < distance) {
      const before = el.scrollTop;
      el.scrollTop = before + step;
      const now = await frame();
      frames.push(now - last);
      last = now;
      if (blankOnScreen()) blank++;
      if (el.scrollTop === before) break; // the end of the list
      if (now - t0 > maxMs) break; // a loaded machine: fewer rows rather than minutes of scrolling
    }
    const scrolled = el.scrollTop - start;
    // After the last step: how long until every row on screen shows its data.
    const settleFrom = performance.now();
    while (blankOnScreen() && performance.now() - settleFrom < settleMs) await frame();
    return {
      frames,
      blank,
      scrolled,
      ms: last - t0,
      settled: !blankOnScreen(),
      settleMs: performance.now() - settleFrom,
      rowsInDom: el.querySelectorAll(ROW).length,
    };
  };

  /**
   * The bare counterpart of an interaction in the console's own origin: the same API calls with
   * fetch, then the result as plain divs in an overlay, timed to the paint.
   */
  const fetchAndPaint = async ({ calls, pick }) => {
    const t0 = performance.now();
    const bodies = await Promise.all(
      calls.map(({ method, input }) =>
        fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) }).then((r) => r.json()),
      ),
    );
    const fetched = performance.now() - t0;
    const body = bodies[pick];
    if (!body || !body.ok) throw new Error(`bare ${calls[pick]?.method} failed: ${JSON.stringify(body).slice(0, 200)}`);
    const items = Array.isArray(body.value) ? body.value : (body.value.items ?? []);
    const overlay = document.createElement('div');
    overlay.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;z-index:99999;font:14px sans-serif';
    for (const item of items) {
      const div = document.createElement('div');
      div.style.cssText = 'padding:6px 12px;border-bottom:1px solid #ddd';
      div.textContent = item.text ?? item.snippet ?? '';
      overlay.append(div);
    }
    document.body.append(overlay);
    const painted = (await afterPaint()) - t0;
    overlay.remove();
    await afterPaint();
    return { fetched, painted, items: items.length };
  };

  window.__pstBench = { afterPaint, loadReport, arm, armedResult, scrollThrough, fetchAndPaint };
})();
