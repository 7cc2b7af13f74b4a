// Drives the explorer page in Debian's headless Chromium (puppeteer-core, no
// browser download) and checks what an analyst would do with it.
//
//   node tests/explorer/explorer.test.cjs --served http://127.0.0.1:PORT/ --static graph.html
//        [--screenshots DIR] [--bench N]
//
// Run by tests/explorer.rs (cargo test), which builds the seeds, writes
// graph.html and starts `actorgraph serve`. `--bench N` only loads the served
// page N times and prints the timings as JSON (BENCHMARKS.md).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const assert = require("assert/strict");
const puppeteer = require("puppeteer-core");
const { PNG } = require("pngjs");

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  // WebGL on the CPU (SwiftShader): headless machines have no GPU, and
  // Chromium no longer falls back to it without being told.
  "--enable-unsafe-swiftshader",
];

async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ag-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM, headless: true, args: FLAGS, userDataDir,
    defaultViewport: { width: 1400, height: 900 },
  });
  return { browser, cleanup: () => fs.rmSync(userDataDir, { recursive: true, force: true }) };
}

// Opens the page and records console errors, page errors and every request.
async function open(browser, url, { offline, instrument }) {
  const page = await browser.newPage();
  if (instrument) {
    await page.evaluateOnNewDocument(() => {
      // Long tasks, and how late a 50 ms timer fires: how long an input
      // would wait for the page (no animation loop: it would itself keep
      // a CPU-drawn canvas busy).
      window.__agLong = []; window.__agLag = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__agLong.push([e.startTime, e.duration])))
        .observe({ type: "longtask", buffered: true });
      let due = performance.now() + 50;
      const probe = () => { const now = performance.now(); window.__agLag.push([now, now - due]); due = now + 50; if (window.__agLag.length < 20000) setTimeout(probe, 50); };
      setTimeout(probe, 50);
    });
  }
  const log = { errors: [], requests: [], blocked: [] };
  page.on("console", (m) => { if (m.type() === "error") log.errors.push("console: " + m.text()); });
  page.on("pageerror", (e) => log.errors.push("page: " + e.message));
  await page.setRequestInterception(true);
  page.on("request", (req) => {
    const u = req.url();
    log.requests.push(u);
    const local = u.startsWith("file:") || u.startsWith("data:") || u.startsWith("blob:");
    if (offline && !local) { log.blocked.push(u); req.abort("internetdisconnected"); } else req.continue();
  });
  if (offline) await page.emulateNetworkConditions({ offline: true, download: 0, upload: 0, latency: 0 });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction("window.explorer && (window.explorer.ready || window.explorer.error)", { timeout: 60000 });
  const loadMs = Date.now() - t0;
  const error = await page.evaluate(() => window.explorer.error);
  assert.equal(error, null, "the page loaded its graph");
  return { page, log, loadMs };
}

async function waitLayout(page) {
  await page.waitForFunction("!window.explorer.layoutRunning", { timeout: 60000 });
  // Two frames so that sigma has drawn the final positions.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// A selection redraws the graph after the frame that shows its panel.
async function settle(page) {
  await page.waitForFunction("!window.explorer.redrawPending", { timeout: 10000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// Coloured pixels (not white, grey or black) in a screenshot of the graph.
async function colouredPixels(page) {
  const box = await page.$("#graph");
  const png = PNG.sync.read(Buffer.from(await box.screenshot({ type: "png" })));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const r = png.data[i], g = png.data[i + 1], b = png.data[i + 2];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) n++;
  }
  return n;
}

async function checkRenders(page) {
  const counts = await page.evaluate(() => {
    const r = window.explorer.renderer, g = window.explorer.graph;
    let shown = 0;
    g.forEachNode((k) => { const d = r.getNodeDisplayData(k); if (d && !d.hidden) shown++; });
    return { shown, order: g.order, visible: window.explorer.visibleCounts() };
  });
  assert.ok(counts.shown > 10, `sigma displays nodes (${JSON.stringify(counts)})`);
  const px = await colouredPixels(page);
  assert.ok(px > 500, `the canvas has coloured nodes drawn on it (${px} coloured pixels)`);
  return counts;
}

async function checkSearch(page) {
  await page.click("#search", { clickCount: 3 });
  await page.type("#search", "فاغنر");
  await page.waitForSelector("#search-results li", { visible: true });
  await page.keyboard.press("Enter");
  await settle(page);
  const picked = await page.evaluate(() => {
    const e = window.explorer, key = e.state.selectedNode;
    return { key, label: key && e.data.nodes[e.nodeIndex(key)].label, panel: document.querySelector("#details h2").textContent };
  });
  assert.equal(picked.label, "Wagner Group", "searching «فاغنر» selects Wagner Group");
  assert.equal(picked.panel, "Wagner Group", "the panel shows Wagner Group");
  const rels = await page.$$eval("#node-relations li", (lis) => lis.length);
  assert.ok(rels > 0, "Wagner Group's relations are listed");
  // Its neighbours stay lit, the others fade.
  const lit = await page.evaluate(() => {
    const e = window.explorer, r = e.renderer, key = e.state.selectedNode;
    const nb = new Set(e.graph.neighbors(key));
    let faded = 0, kept = 0;
    e.graph.forEachNode((k) => {
      const d = r.getNodeDisplayData(k);
      if (!d || d.hidden) return;
      if (nb.has(k) || k === key) { if (d.color !== "#e2e2e2") kept++; } else if (d.color === "#e2e2e2") faded++;
    });
    return { faded, kept };
  });
  assert.ok(lit.kept > 1 && lit.faded > 0, `neighbours highlighted (${JSON.stringify(lit)})`);
  await page.keyboard.press("Escape");
}

// Clicks on the drawn link between two actors (on the canvas, along the
// line) until the page selects it.
async function clickEdge(page, subject, object) {
  const target = await page.evaluate((s, o) => {
    const e = window.explorer;
    const i = e.data.edges.findIndex((x) => e.data.nodes[x.s].label === s && e.data.nodes[x.o].label === o && !x.neg);
    return i < 0 ? null : { edge: i, pair: e.pairOf(i) };
  }, subject, object);
  assert.ok(target, `the data has an edge ${subject} → ${object}`);
  // Centre the camera on the link, zoomed in, so that it is long and alone;
  // first let a camera animation of an earlier selection (400 ms) end, or it
  // moves the camera away again.
  await page.waitForFunction(() => !window.explorer.renderer.getCamera().isAnimated(), { timeout: 5000 });
  await page.evaluate((pair) => {
    const e = window.explorer, r = e.renderer, g = e.graph;
    const a = r.getNodeDisplayData(g.source(pair)), b = r.getNodeDisplayData(g.target(pair));
    r.getCamera().setState({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, ratio: 0.25, angle: 0 });
  }, target.pair);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const box = await (await page.$("#graph")).boundingBox();
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55]) {
    const p = await page.evaluate((pair, t) => {
      const e = window.explorer, r = e.renderer, g = e.graph;
      const a = r.graphToViewport(g.getNodeAttributes(g.source(pair)));
      const b = r.graphToViewport(g.getNodeAttributes(g.target(pair)));
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }, target.pair, t);
    await page.mouse.click(box.x + p.x, box.y + p.y);
    const selected = await page.evaluate(() => window.explorer.state.selectedPair);
    if (selected === target.pair) return target;
  }
  assert.fail(`clicking along the ${subject} → ${object} link did not select it`);
}

async function checkEvidence(page) {
  const target = await clickEdge(page, "Turkey", "Bayraktar TB2");
  await page.waitForSelector(`section.edge-evidence[data-edge="${target.edge}"] .statement`, { timeout: 10000 });
  const ev = await page.evaluate((i) => {
    const sec = document.querySelector(`section.edge-evidence[data-edge="${i}"]`);
    const s = [...sec.querySelectorAll(".statement")];
    return s.map((x) => {
      const p = x.querySelector(".sentence");
      return { text: p.textContent, dir: p.getAttribute("dir"), mark: (p.querySelector("mark") || {}).textContent || "", dirComputed: getComputedStyle(p).direction, meta: x.textContent };
    });
  }, target.edge);
  assert.ok(ev.length > 0, "the edge lists its statements");
  const hit = ev.find((x) => x.text.includes("بيرقدار"));
  assert.ok(hit, "an Arabic evidence sentence contains «بيرقدار»: " + JSON.stringify(ev.map((x) => x.text)));
  assert.equal(hit.dirComputed, "rtl", "the sentence is laid out right to left");
  assert.ok(hit.mark.length > 0 && hit.text.includes(hit.mark), "the focus words are highlighted inside the sentence");
  assert.match(hit.meta, /asserted|reported|hedged/, "modality shown");
  assert.match(hit.meta, /affirmed|negated/, "polarity shown");
  // Document id, title and URL, as the store knows them.
  const doc = await page.evaluate(async (i) => {
    const e = window.explorer, items = e.data.evidence ? e.data.evidence[i] : null;
    return { docs: e.data.documents, items };
  }, target.edge);
  assert.ok(doc.docs.some((d) => d.title && d.url), "the documents carry titles and URLs");
  const known = doc.docs.filter((d) => hit.meta.includes("document " + d.id));
  assert.equal(known.length, 1, "the statement names its document: " + hit.meta);
  for (const field of ["title", "url"]) {
    if (known[0][field]) assert.ok(hit.meta.includes(known[0][field]), `the document's ${field} is shown`);
  }
  return target;
}

async function checkModalityFilter(page) {
  // Drawn links whose statements are all hedged.
  const before = await page.evaluate(() => {
    const e = window.explorer, d = e.data, r = e.renderer, pairs = new Map();
    d.edges.forEach((x, i) => {
      if (x.neg || !e.edgeWeight(i)) return;
      const off = e.statementOffset(i);
      const mods = d.statements.modality.slice(off, off + x.n);
      const p = e.pairOf(i), hedgedOnly = mods.every((m) => m === 2);
      pairs.set(p, (pairs.get(p) ?? true) && hedgedOnly);
    });
    const hedged = [...pairs].filter(([, h]) => h).map(([p]) => p);
    const firm = [...pairs].filter(([, h]) => !h).map(([p]) => p);
    const shown = (p) => { const dd = r.getEdgeDisplayData(p); return dd && !dd.hidden; };
    return { hedged, firm, hedgedShown: hedged.filter(shown).length, firmShown: firm.filter(shown).length, links: e.visibleCounts().links };
  });
  assert.ok(before.hedged.length > 0, "the seed graph has links stated only with hedging");
  assert.equal(before.hedgedShown, before.hedged.length, "hedged links are drawn while hedged is ticked");
  await page.click("#f-mod-hedged");
  const after = await page.evaluate((b) => {
    const e = window.explorer, r = e.renderer;
    const shown = (p) => { const dd = r.getEdgeDisplayData(p); return dd && !dd.hidden; };
    return { hedgedShown: b.hedged.filter(shown).length, firmShown: b.firm.filter(shown).length, links: e.visibleCounts().links };
  }, before);
  assert.equal(after.hedgedShown, 0, "unticking hedged removes the hedged links");
  assert.equal(after.firmShown, before.firmShown, "links with asserted or reported statements stay");
  assert.equal(after.links, before.links - before.hedged.length, "the link count drops by the hedged links");
  await page.click("#f-mod-hedged");
  const restored = await page.evaluate(() => window.explorer.visibleCounts().links);
  assert.equal(restored, before.links, "ticking hedged again brings them back");
}

async function checkTimeline(page) {
  const bars = await page.$$eval("#timeline rect", (r) => r.length);
  assert.ok(bars > 0, "the timeline shows statements by month");
}

async function scenario(browser, url, mode, shots) {
  const offline = mode === "static";
  const { page, log } = await open(browser, url, { offline });
  await waitLayout(page);
  const counts = await checkRenders(page);
  if (shots) {
    await page.screenshot({ path: path.join(shots, "explorer-graph.png"), captureBeyondViewport: false });
    await page.select("#lang", "ar");
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: path.join(shots, "explorer-graph-ar.png"), captureBeyondViewport: false });
    await page.select("#lang", "en");
  }
  await checkSearch(page);
  await checkEvidence(page);
  if (shots) await page.screenshot({ path: path.join(shots, "explorer-evidence.png"), captureBeyondViewport: false });
  await checkTimeline(page);
  await checkModalityFilter(page);
  // Labels switch to Arabic.
  await page.select("#lang", "ar");
  const label = await page.evaluate(() => {
    const e = window.explorer, g = e.graph;
    const k = g.findNode((key, a) => e.data.nodes[a.index].label === "Turkey");
    return e.renderer.getNodeDisplayData(k).label;
  });
  assert.equal(label, "تركيا", "the Arabic switch labels Turkey تركيا");
  const inline = await page.evaluate(() => Boolean(window.explorer.data.evidence));
  if (offline) {
    assert.ok(inline, "the static page inlines the evidence");
    assert.deepEqual(log.blocked, [], "the static page asks the network for nothing");
    assert.ok(log.requests.every((u) => !/^https?:/.test(u)), "no http request: " + log.requests.join(" "));
  } else {
    assert.ok(!inline, "the served page does not embed the evidence");
    assert.ok(log.requests.some((u) => u.includes("/api/edge?")), "the served page asked /api/edge for the evidence");
  }
  assert.deepEqual(log.errors, [], "no console errors");
  await page.close();
  return counts;
}

// A click (or key) and what it changes: from the input event's time stamp
// to the change of `selector` in the DOM, and to the end of the frame that
// shows it (a task queued after the next animation frame).
async function timed(page, selector, act) {
  await page.evaluate((sel) => {
    const t = window.__agT = {};
    const mo = new MutationObserver(() => {
      mo.disconnect();
      t.changed = performance.now();
      // The next frame paints the change; a task after it has also seen
      // what the page deferred to after that frame (the graph's redraw).
      requestAnimationFrame(() => { t.frame = performance.now(); setTimeout(() => { t.painted = performance.now(); }, 0); });
    });
    mo.observe(document.querySelector(sel), { childList: true, subtree: true, characterData: true });
    const first = (e) => { if (t.input === undefined) { t.input = e.timeStamp; t.handled = performance.now(); } };
    for (const type of ["mousedown", "keydown"]) document.addEventListener(type, first, { capture: true, once: true });
  }, selector);
  await act();
  await page.waitForFunction(() => window.__agT.painted !== undefined, { timeout: 60000 });
  const t = await page.evaluate(() => window.__agT);
  return { inputDelayMs: round(t.handled - t.input), changedMs: round(t.changed - t.input), frameMs: round(t.frame - t.input), paintedMs: round(t.painted - t.input) };
}
const round = (x) => Math.round(x * 10) / 10;

// Clicks on the drawn actor of rank `rank` by links (clamped: a large rank
// is the actor with the fewest, at the edge of the starting spiral) and
// times its panel; `hit` says whether the click picked that actor (discs
// overlap in a crowded graph).
async function clickNode(page, rank) {
  const target = await page.evaluate((rank) => {
    const e = window.explorer, r = e.renderer, g = e.graph;
    // Drawn actors whose centre is on the canvas, not under the legend.
    const box = document.querySelector("#graph").getBoundingClientRect(), shown = [];
    g.forEachNode((k, a) => {
      const d = r.getNodeDisplayData(k);
      if (!d || d.hidden) return;
      const p = r.graphToViewport(a), at = document.elementFromPoint(box.left + p.x, box.top + p.y);
      if (at && at.closest("#graph")) shown.push([g.degree(k), k, p]);
    });
    shown.sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
    const [, key, p] = shown[Math.min(rank, shown.length - 1)];
    return { key, x: p.x, y: p.y };
  }, rank);
  const box = await (await page.$("#graph")).boundingBox();
  const t = await timed(page, "#details", () => page.mouse.click(box.x + target.x, box.y + target.y));
  const selected = await page.evaluate(() => window.explorer.state.selectedNode);
  return { ...t, hit: selected === target.key };
}

// A graph of thousands of actors (tests/explorer.rs generates it with
// local militias and commanders): drawn in the big graph's way, a click on
// an actor opens its panel, the modality filter, a search for a discovered
// group by its Arabic name.
async function bigScenario(browser, url) {
  const { page, log } = await open(browser, url, { offline: false });
  const first = await page.evaluate(() => {
    const e = window.explorer, r = e.renderer;
    let links = 0;
    r.getGraph().forEachEdge(() => links++);
    return { big: e.big, order: e.graph.order, layout: e.layoutRunning, drawnLinks: links,
      discovered: e.data.nodes.filter((n) => n.discovered).length };
  });
  assert.ok(first.order > 1000, `more than a thousand actors (${JSON.stringify(first)})`);
  assert.ok(first.big, "drawn as a big graph");
  assert.ok(first.discovered > 500, `discovered actors among them (${first.discovered})`);
  if (first.layout) assert.equal(first.drawnLinks, 0, "while the layout runs, only the actors are drawn");
  await waitLayout(page);
  const counts = await checkRenders(page);
  assert.ok(counts.shown > 1000, `over a thousand actors drawn (${JSON.stringify(counts)})`);
  const drawnLinks = await page.evaluate(() => { let n = 0; window.explorer.renderer.getGraph().forEachEdge(() => n++); return n; });
  assert.equal(drawnLinks, counts.visible.links, "the links are drawn once the layout ends");
  let click = null;
  for (const rank of [0, 1, 2, 5, 10, 20, 1e9]) {
    click = await clickNode(page, rank);
    if (click.hit) break;
  }
  assert.ok(click.hit, "a click on an actor selects it");
  await settle(page);
  const panel = await page.evaluate(() => {
    const e = window.explorer, key = e.state.selectedNode;
    return { label: e.data.nodes[e.nodeIndex(key)].label, h2: document.querySelector("#details h2").textContent,
      rels: document.querySelectorAll("#node-relations li").length };
  });
  assert.equal(panel.h2, panel.label, "the panel names the clicked actor");
  assert.ok(panel.rels > 0, "and lists its relations");
  await checkModalityFilter(page);
  await page.click("#search", { clickCount: 3 });
  await page.type("#search", "فرسان");
  await page.waitForSelector("#search-results li", { visible: true });
  const hit = await page.$eval("#search-results li .ar", (x) => x.textContent);
  assert.ok(hit.includes("فرسان"), "a discovered group is found by its Arabic name: " + hit);
  assert.deepEqual(log.errors, [], "no console errors");
  await page.close();
  return { ...counts, click };
}

async function bench(browser, url, n) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    const { page, loadMs } = await open(browser, url, { offline: false, instrument: true });
    // Right after the page says ready (the first frame drawn): a click on
    // an actor, while the layout runs in its worker.
    const clickAtReady = await clickNode(page, 1e9);
    await waitLayout(page);
    // Main-thread availability from the first frame to one second after the
    // layout (the graph drawn with its links): long tasks (> 50 ms) and a
    // 50 ms timer's lateness.
    await new Promise((r) => setTimeout(r, 1000));
    const busy = await page.evaluate(() => {
      const t = window.explorer.timings, from = t.readyAt, to = t.layoutEnd + 1000;
      const tasks = window.__agLong.filter((x) => x[0] + x[1] > from && x[0] < to).map((x) => x[1]);
      // A probe that was due after `from` (its lateness is then the page's).
      const lags = window.__agLag.filter((x) => x[0] - x[1] > from && x[0] < to).map((x) => x[1]).sort((a, b) => a - b);
      const list = window.__agLong.filter((x) => x[0] + x[1] > from && x[0] < to).map((x) => [Math.round(x[0] - from), Math.round(x[1])]);
      // The longest the main thread stayed busy after `from` in one task
      // (the loading task ends a little after the page says ready).
      const blocked = Math.max(0, ...window.__agLong.filter((x) => x[0] + x[1] > from && x[0] < to).map((x) => x[0] + x[1] - Math.max(x[0], from)));
      return { layoutMs: t.layoutEnd - from, longTasks: tasks.length, longTaskList: list, blockedAfterReadyMs: blocked, longestTaskMs: Math.max(0, ...tasks),
        maxTimerLagMs: lags.length ? lags[lags.length - 1] : null, medianTimerLagMs: lags.length ? lags[lags.length >> 1] : null };
    });
    const layoutRedraw = await page.evaluate(() => window.explorer.lastRedraw);
    const clickAfterLayout = await clickNode(page, 1);
    const t = await page.evaluate(() => window.explorer.timings);
    const counts = await page.evaluate(() => ({ ...window.explorer.visibleCounts(), order: window.explorer.graph.order, size: window.explorer.graph.size }));
    // A search, typed.
    const t0 = Date.now();
    await page.evaluate(() => {
      const hits = document.querySelector("#search");
      hits.value = "JNIM"; hits.dispatchEvent(new Event("input"));
    });
    await page.keyboard.press("Escape");
    const searchMs = Date.now() - t0;
    // A filter: untick hedged (every statement re-filtered, the graph redrawn).
    const filter = await timed(page, "#stats", () => page.click("#f-mod-hedged"));
    filter.redraw = await page.evaluate(() => window.explorer.lastRedraw);
    const filterBack = await timed(page, "#stats", () => page.click("#f-mod-hedged"));
    // More links (minimum weight 2, then 1: every link): the redraw, and a
    // click on an actor then.
    const weights = {};
    for (const w of ["2", "1"]) {
      const change = await timed(page, "#stats", async () => {
        await page.click("#f-min-weight", { clickCount: 3 });
        await page.keyboard.type(w);
        await page.keyboard.press("Enter");
      });
      const counts = await page.evaluate(() => window.explorer.visibleCounts());
      weights[w] = { ...change, counts, click: await clickNode(page, 2) };
    }
    // The heaviest link's evidence, asked from the store on demand.
    const heavy = await page.evaluate(async () => {
      const e = window.explorer, d = e.data;
      let best = 0;
      d.edges.forEach((x, i) => { if (x.n > d.edges[best].n) best = i; });
      const x = d.edges[best], t = performance.now();
      const r = await fetch("/api/edge?s=" + encodeURIComponent(d.nodes[x.s].id) + "&r=" + encodeURIComponent(d.relations[x.r].name) +
        "&o=" + encodeURIComponent(d.nodes[x.o].id) + "&p=" + (x.neg ? "neg" : "pos"));
      const j = await r.json();
      return { statements: j.statements.length, ms: performance.now() - t };
    });
    const errors = await page.evaluate(() => window.explorer.error);
    runs.push({ loadMs, timings: t, readyAt: t.readyAt, scriptStart: t.scriptStart, data: t.data, firstRender: t.firstRender,
      clickAtReady, clickAfterLayout, layoutRedraw, searchMs, filter, filterBack, minWeight2: weights["2"], minWeight1: weights["1"],
      heaviestEdge: heavy, counts, ...busy, errors });
    await page.close();
  }
  console.log(JSON.stringify(runs));
}

(async () => {
  const { browser, cleanup } = await launch();
  try {
    if (args.bench) return await bench(browser, args.served, +args.bench);
    if (args.big) {
      const c = await bigScenario(browser, args.big);
      console.log("big explorer: ok", JSON.stringify(c));
      return;
    }
    if (args.screenshots) fs.mkdirSync(args.screenshots, { recursive: true });
    if (args.served) {
      const c = await scenario(browser, args.served, "served", args.screenshots);
      console.log("served explorer: ok", JSON.stringify(c));
    }
    if (args.static) {
      const url = "file://" + path.resolve(args.static);
      const c = await scenario(browser, url, "static", null);
      console.log("static explorer (file://, offline): ok", JSON.stringify(c));
    }
  } finally {
    await browser.close();
    cleanup();
  }
})().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
