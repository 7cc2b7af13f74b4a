// actorgraph explorer: draws the network of `src/network.rs` with sigma.js
// (WebGL) and graphology, lays it out with ForceAtlas2 in a web worker, and
// shows for each link the statements behind it with their Arabic sentences.
//
// Data: the static page inlines it (a JSON script element, id ag-data, evidence
// included); the served page fetches /api/graph and asks /api/edge for an
// edge's evidence when it is opened. See src/explorer/data.rs for the shape.
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var MODALITIES = ["asserted", "reported", "hedged"];
  var DAY = 86400000;

  var D = null; // page data
  var graph = null; // graphology graph: one edge per pair of actors
  var renderer = null;
  var layout = null;
  var state = {
    lang: "en",
    sizeBy: "degree",
    relations: null, // Uint8Array by relation index
    modalities: [true, true, true],
    negated: false,
    from: 0, to: 0, minDay: 0, maxDay: 0,
    minWeight: 1,
    docTerms: [],
    selectedNode: null,
    selectedPair: null,
  };

  // Per statement (flattened over edges) and per edge, as typed arrays so
  // that filtering a 10k-article graph stays a few milliseconds.
  var stEdge, stMod, stDoc, stStart, stEnd, stMonth, edgeOff, edgeLen;
  var stKeep, edgeWeight, docKeep;
  var pairOf; // data edge index -> graph edge key
  var pairEdges = new Map(); // graph edge key -> [data edge indices]
  var nodeKeyOf; // node index -> graph node key (the IRI)
  var nodeIndex = {}; // IRI -> node index
  var searchIndex = []; // [node index, [normalized names]]
  var evidenceCache = {};
  var visibleNodeCount = 0, visiblePairCount = 0;

  // ---------- dates ----------
  function dayBounds(date) {
    if (!date) return null;
    var parts = date.split("/");
    var a = one(parts[0], false), b = one(parts[parts.length - 1], true);
    return a === null || b === null || a > b ? null : [a, b];
  }
  function one(d, end) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d);
    if (!m) return null;
    var y = +m[1];
    if (m[3]) return Date.UTC(y, +m[2] - 1, +m[3]) / DAY;
    if (m[2]) return end ? Date.UTC(y, +m[2], 1) / DAY - 1 : Date.UTC(y, +m[2] - 1, 1) / DAY;
    return end ? Date.UTC(y + 1, 0, 1) / DAY - 1 : Date.UTC(y, 0, 1) / DAY;
  }
  function dayText(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  // Months since year 0 (year * 12 + month - 1), and back to YYYY-MM.
  function monthOf(day) { var d = new Date(day * DAY); return d.getUTCFullYear() * 12 + d.getUTCMonth(); }
  function monthText(m) { var y = Math.floor(m / 12), mo = m % 12 + 1; return y + "-" + (mo < 10 ? "0" : "") + mo; }

  // ---------- names ----------
  // The match key of a name: Latin case and accents, Arabic alef forms
  // (U+0622, U+0623, U+0625, U+0671 -> U+0627), alef maqsura U+0649 -> yeh
  // U+064A, taa marbuta U+0629 -> heh U+0647, harakat and tatweel dropped.
  function norm(s) {
    return (s || "").normalize("NFKD").toLowerCase()
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u0649/g, "\u064a")
      .replace(/\u0629/g, "\u0647")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }
  function nodeLabel(i) {
    var n = D.nodes[i];
    return state.lang === "ar" && n.label_ar ? n.label_ar : n.label;
  }
  function relLabel(r) {
    var rel = D.relations[r];
    return state.lang === "ar" && rel.label_ar ? rel.label_ar : rel.label || rel.name;
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "class") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }

  // ---------- loading ----------
  function loadData() {
    var inline = $("ag-data");
    if (inline) return Promise.resolve(JSON.parse(inline.textContent));
    return fetch("/api/graph").then(function (r) {
      if (!r.ok) return r.text().then(function (t) { throw new Error("/api/graph: " + r.status + " " + t); });
      return r.json();
    });
  }

  function index() {
    var cols = D.statements, nst = cols.modality.length;
    stEdge = new Uint32Array(nst); stMod = Uint8Array.from(cols.modality); stDoc = Uint32Array.from(cols.doc);
    stStart = new Float64Array(nst); stEnd = new Float64Array(nst); stKeep = new Uint8Array(nst);
    stMonth = new Int32Array(nst);
    edgeOff = new Uint32Array(D.edges.length); edgeLen = new Uint32Array(D.edges.length);
    edgeWeight = new Uint32Array(D.edges.length);
    // Each distinct date once: its first and last day, and its month.
    var starts = [], ends = [], months = [], minDay = Infinity, maxDay = -Infinity;
    D.dates.forEach(function (d) {
      var b = dayBounds(d);
      starts.push(b ? b[0] : NaN); ends.push(b ? b[1] : NaN);
      months.push(b ? monthOf(b[0]) : -1);
      if (b && b[0] < minDay) minDay = b[0];
      if (b && b[1] > maxDay) maxDay = b[1];
    });
    var k = 0;
    D.edges.forEach(function (e, i) {
      edgeOff[i] = k; edgeLen[i] = e.n;
      for (var j = 0; j < e.n; j++, k++) {
        stEdge[k] = i;
        var di = cols.date[k];
        if (di >= 0) { stStart[k] = starts[di]; stEnd[k] = ends[di]; stMonth[k] = months[di]; }
        else { stStart[k] = NaN; stEnd[k] = NaN; stMonth[k] = -1; }
      }
    });
    if (minDay === Infinity) { minDay = 0; maxDay = 0; }
    state.minDay = state.from = minDay; state.maxDay = state.to = maxDay;
    docKeep = new Uint8Array(D.documents.length).fill(1);
    state.relations = new Uint8Array(D.relations.length).fill(1);
    D.nodes.forEach(function (n, i) { nodeIndex[n.id] = i; });
  }

  function buildGraph() {
    graph = new graphology.Graph({ type: "directed", multi: false, allowSelfLoops: true });
    var used = new Uint8Array(D.nodes.length), strength = new Float64Array(D.nodes.length);
    D.edges.forEach(function (e) { used[e.s] = used[e.o] = 1; strength[e.s] += e.n; strength[e.o] += e.n; });
    // Start from a sunflower spiral, strongest actors in the middle, so the
    // first frame is readable and the same for the same data.
    var order = [];
    for (var i = 0; i < D.nodes.length; i++) if (used[i]) order.push(i);
    order.sort(function (a, b) { return strength[b] - strength[a] || a - b; });
    var golden = Math.PI * (3 - Math.sqrt(5));
    nodeKeyOf = new Array(D.nodes.length);
    order.forEach(function (i, rank) {
      var r = 10 * Math.sqrt(rank + 0.5), t = rank * golden;
      var n = D.nodes[i];
      nodeKeyOf[i] = n.id;
      graph.addNode(n.id, { x: r * Math.cos(t), y: r * Math.sin(t), size: 4, index: i, label: n.label, color: D.classes[n.class].color });
    });
    // Pairs by a numeric key first (a string key per statement edge and an
    // object of 100,000 keys cost most of a second on a 10k-article graph).
    pairOf = new Array(D.edges.length);
    var byPair = new Map(), span = D.nodes.length + 1;
    D.edges.forEach(function (e, i) {
      var id = Math.min(e.s, e.o) * span + Math.max(e.s, e.o);
      var list = byPair.get(id);
      if (!list) { list = []; byPair.set(id, list); }
      list.push(i);
    });
    byPair.forEach(function (list, id) {
      var key = Math.floor(id / span) + "~" + id % span, e = D.edges[list[0]];
      graph.addEdgeWithKey(key, D.nodes[e.s].id, D.nodes[e.o].id, { size: 1 });
      pairEdges.set(key, list);
      for (var j = 0; j < list.length; j++) pairOf[list[j]] = key;
    });
  }

  // ---------- filtering ----------
  function applyFilters() {
    var full = state.from <= state.minDay && state.to >= state.maxDay;
    for (var d = 0; d < D.documents.length; d++) {
      if (!state.docTerms.length) { docKeep[d] = 1; continue; }
      var doc = D.documents[d], hay = (doc.id + " " + (doc.title || "")).toLowerCase();
      docKeep[d] = state.docTerms.some(function (t) { return hay.indexOf(t) >= 0; }) ? 1 : 0;
    }
    edgeWeight.fill(0);
    for (var k = 0; k < stKeep.length; k++) {
      var e = stEdge[k], edge = D.edges[e];
      var keep = state.modalities[stMod[k]] && docKeep[stDoc[k]] && state.relations[edge.r] && (state.negated || !edge.neg);
      if (keep && !full) {
        keep = !isNaN(stStart[k]) && stEnd[k] >= state.from && stStart[k] <= state.to;
      }
      stKeep[k] = keep ? 1 : 0;
      if (keep) edgeWeight[e]++;
    }
    var minW = Math.max(1, state.minWeight);
    for (var i = 0; i < edgeWeight.length; i++) if (edgeWeight[i] < minW) edgeWeight[i] = 0;

    var degree = new Float64Array(D.nodes.length), weight = new Float64Array(D.nodes.length);
    visiblePairCount = 0;
    graph.forEachEdge(function (key, attr) {
      var list = pairEdges.get(key), w = 0, firm = 3, neg = true, dir = 0, src = -1;
      for (var j = 0; j < list.length; j++) {
        var ei = list[j], wi = edgeWeight[ei];
        if (!wi) continue;
        var e = D.edges[ei];
        w += wi;
        if (!e.neg) neg = false;
        for (var k2 = edgeOff[ei]; k2 < edgeOff[ei] + edgeLen[ei]; k2++) if (stKeep[k2] && stMod[k2] < firm) firm = stMod[k2];
        var sym = D.relations[e.r].symmetric;
        if (sym) dir = 2;
        else if (src < 0) { src = e.s; if (!dir) dir = 1; }
        else if (src !== e.s) dir = 2;
      }
      attr.w = w;
      if (!w) { attr.hidden = true; return; }
      visiblePairCount++;
      attr.hidden = false;
      attr.type = dir === 1 && D.nodes[src].id === graph.source(key) ? "arrow" : "line";
      attr.color = neg ? "#d62728" : ["#777", "#6a9bd1", "#e7a65b"][firm] || "#999";
      var a = graph.getNodeAttribute(graph.source(key), "index"), b = graph.getNodeAttribute(graph.target(key), "index");
      degree[a]++; degree[b]++; weight[a] += w; weight[b] += w;
    });
    var metric = state.sizeBy === "weight" ? weight : degree, max = 1;
    for (var n = 0; n < metric.length; n++) if (metric[n] > max) max = metric[n];
    var maxW = 1;
    graph.forEachEdge(function (key, attr) { if (attr.w > maxW) maxW = attr.w; });
    graph.forEachEdge(function (key, attr) { attr.size = attr.w ? 1 + 5 * Math.sqrt(attr.w / maxW) : 0; });
    visibleNodeCount = 0;
    graph.forEachNode(function (key, attr) { if (degree[attr.index]) visibleNodeCount++; });
    // Crowded graphs get smaller discs, so that links stay visible.
    var maxSize = visibleNodeCount > 150 ? 9 : 17;
    visibleNodeCount = 0;
    graph.forEachNode(function (key, attr) {
      var i = attr.index;
      attr.hidden = degree[i] === 0;
      if (!attr.hidden) visibleNodeCount++;
      attr.size = 3 + maxSize * Math.sqrt(metric[i] / max);
      attr.label = nodeLabel(i);
    });
    $("stats").textContent = visibleNodeCount + " actors · " + visiblePairCount + " links · " +
      D.documents.length + " documents";
    updateEdgeEvents();
    redraw();
    renderDetails();
    renderTimeline();
  }

  // What sigma draws. A small graph is drawn as it is (hidden actors and
  // links skipped). A big one is drawn from a copy that holds only what the
  // filters show (and no link while the layout runs): sigma indexes and
  // reduces every node and edge of its graph at each refresh, hidden or not,
  // and 100,000 hidden links cost the main thread seconds per refresh.
  var drawn = null;
  function redraw() {
    if (!api.big) {
      drawn = graph;
      if (renderer) renderer.refresh();
      return;
    }
    var t = performance.now();
    var v = new graphology.Graph({ type: "directed", multi: false, allowSelfLoops: true });
    graph.forEachNode(function (key, a) {
      if (!a.hidden) v.addNode(key, { x: a.x, y: a.y, size: a.size, color: a.color, label: a.label, index: a.index });
    });
    if (!api.layoutRunning) {
      graph.forEachEdge(function (key, a, s, t) {
        if (!a.hidden) v.addEdgeWithKey(key, s, t, { size: a.size, color: a.color, type: a.type, w: a.w });
      });
    }
    drawn = v;
    var t1 = performance.now();
    if (renderer) renderer.setGraph(v);
    // What the last redraw cost: the copy, and sigma's indexing of it.
    api.lastRedraw = { copyMs: t1 - t, sigmaMs: performance.now() - t1, links: v.size };
  }
  // The frame of the whole network, so that the camera does not jump when a
  // filter changes which actors are drawn.
  function fitAll() {
    if (!api.big || !renderer) return;
    var x = [Infinity, -Infinity], y = [Infinity, -Infinity];
    graph.forEachNode(function (key, a) {
      if (a.x < x[0]) x[0] = a.x; if (a.x > x[1]) x[1] = a.x;
      if (a.y < y[0]) y[0] = a.y; if (a.y > y[1]) y[1] = a.y;
    });
    if (x[0] <= x[1]) renderer.setCustomBBox({ x: x, y: y });
  }

  // ---------- selection and reducers ----------
  function neighbours(key) {
    var set = new Set([key]);
    graph.forEachEdge(key, function (e, attr, s, t) { if (!attr.hidden) { set.add(s); set.add(t); } });
    return set;
  }
  var highlighted = null;
  function nodeReducer(key, attr) {
    if (attr.hidden) return attr;
    var res = Object.assign({}, attr);
    if (highlighted && !highlighted.has(key)) { res.color = "#e2e2e2"; res.label = ""; res.zIndex = 0; }
    else if (highlighted) { res.highlighted = key === state.selectedNode; res.zIndex = 1; res.forceLabel = true; }
    return res;
  }
  // A graph of more actors or links than this is "big" (see redraw and
  // sigmaSettings). While ForceAtlas2 lays out a big graph, only its actors
  // are drawn at their starting places: thousands of links on a spiral are
  // no picture, and the first frame is the cheaper for it.
  var BIG = 5000;
  function edgeReducer(key, attr) {
    if (attr.hidden) return attr;
    if (state.selectedPair === key) return Object.assign({}, attr, { color: "#222", size: attr.size + 2, zIndex: 2 });
    if (highlighted) {
      var s = graph.source(key), t = graph.target(key);
      if (!(highlighted.has(s) && highlighted.has(t) && (state.selectedNode === null || s === state.selectedNode || t === state.selectedNode))) {
        return Object.assign({}, attr, { color: "#f0f0f0", zIndex: 0 });
      }
      return Object.assign({}, attr, { zIndex: 1 });
    }
    return attr;
  }

  // A selection changes colours only: the panel is filled first, and the
  // graph is redrawn (without re-indexing positions) in a task after the
  // next frame, so that the frame that paints the panel does not wait for
  // the canvas (drawn on the CPU when there is no GPU).
  function redrawSelection() {
    if (api.redrawPending) return;
    api.redrawPending = true;
    requestAnimationFrame(function () {
      setTimeout(function () {
        api.redrawPending = false;
        renderer.refresh({ skipIndexation: true });
      }, 0);
    });
  }
  function selectNode(key, moveCamera) {
    state.selectedNode = key; state.selectedPair = null;
    highlighted = key === null ? null : neighbours(key);
    renderDetails(); renderTimeline();
    if (key !== null && moveCamera && renderer) {
      var dd = renderer.getNodeDisplayData(key);
      if (dd) renderer.getCamera().animate({ x: dd.x, y: dd.y, ratio: Math.min(renderer.getCamera().ratio, 0.6) }, { duration: 400 });
    }
    redrawSelection();
  }
  function selectPair(key) {
    state.selectedPair = key; state.selectedNode = null;
    highlighted = key === null ? null : new Set([graph.source(key), graph.target(key)]);
    renderDetails(); renderTimeline();
    redrawSelection();
  }

  // ---------- details panel ----------
  function renderDetails() {
    var box = $("details");
    if (state.selectedPair !== null && graph.hasEdge(state.selectedPair)) return renderPair(box, state.selectedPair);
    if (state.selectedNode !== null && graph.hasNode(state.selectedNode)) return renderNode(box, state.selectedNode);
    box.replaceChildren(el("p", { class: "hint", text: "Click an actor to see its relations, or a link to read the sentences that state it." }));
  }

  function actorTitle(i) {
    var n = D.nodes[i];
    return el("div", {}, [
      el("h2", { text: n.label }),
      n.label_ar ? el("div", { class: "ar", dir: "rtl", lang: "ar", text: n.label_ar }) : null,
      el("div", { class: "meta", text: D.classes[n.class].label + " · " + n.mentions + " mentions" + (n.discovered ? " · discovered" : "") }),
      n.aliases.length ? el("div", { class: "meta", text: "also: " + n.aliases.slice(0, 12).join(" · ") }) : null,
    ]);
  }

  function edgeLine(ei) {
    var e = D.edges[ei];
    return nodeLabel(e.s) + (e.neg ? " — not " : " — ") + relLabel(e.r) + (D.relations[e.r].symmetric ? " — " : " → ") + nodeLabel(e.o);
  }

  function renderNode(box, key) {
    var i = graph.getNodeAttribute(key, "index");
    var list = el("ul", { class: "rels", id: "node-relations" });
    var rows = [];
    graph.forEachEdge(key, function (pk, attr) {
      if (attr.hidden) return;
      pairEdges.get(pk).forEach(function (ei) { if (edgeWeight[ei]) rows.push(ei); });
    });
    rows.sort(function (a, b) { return edgeWeight[b] - edgeWeight[a] || a - b; });
    rows.forEach(function (ei) {
      var li = el("li", { "data-edge": ei, text: edgeLine(ei) + " (" + edgeWeight[ei] + ")" });
      li.addEventListener("click", function () { selectPair(pairOf[ei]); });
      list.appendChild(li);
    });
    box.replaceChildren(actorTitle(i), el("h3", { text: rows.length + " relations" }), list);
  }

  function renderPair(box, key) {
    var list = pairEdges.get(key).filter(function (ei) { return edgeWeight[ei]; });
    var a = graph.getNodeAttribute(graph.source(key), "index"), b = graph.getNodeAttribute(graph.target(key), "index");
    var head = el("h2", { text: nodeLabel(a) + " — " + nodeLabel(b) });
    var parts = [head];
    list.forEach(function (ei) {
      var sec = el("section", { class: "edge-evidence", "data-edge": ei }, [
        el("h3", { text: edgeLine(ei) + " · " + edgeWeight[ei] + (edgeWeight[ei] === 1 ? " statement" : " statements") }),
        el("div", { class: "hint", text: "loading the sentences…" }),
      ]);
      parts.push(sec);
      evidence(ei).then(function (items) { fillEvidence(sec, ei, items); }, function (err) {
        sec.lastChild.textContent = "cannot load the evidence: " + err.message;
      });
    });
    box.replaceChildren.apply(box, parts);
  }

  function evidence(ei) {
    if (D.evidence) return Promise.resolve(D.evidence[ei]);
    if (evidenceCache[ei]) return evidenceCache[ei];
    var e = D.edges[ei];
    var url = "/api/edge?s=" + encodeURIComponent(D.nodes[e.s].id) + "&r=" + encodeURIComponent(D.relations[e.r].name) +
      "&o=" + encodeURIComponent(D.nodes[e.o].id) + "&p=" + (e.neg ? "neg" : "pos");
    evidenceCache[ei] = fetch(url).then(function (r) {
      if (!r.ok) return r.text().then(function (t) { throw new Error(r.status + " " + t); });
      return r.json();
    }).then(function (j) { return j.statements; });
    evidenceCache[ei].catch(function () { delete evidenceCache[ei]; });
    return evidenceCache[ei];
  }

  function sentenceNode(item) {
    var p = el("p", { class: "sentence ar", dir: "rtl", lang: "ar" });
    var s = item.sentence;
    if (item.focus) {
      p.append(s.slice(0, item.focus[0]), el("mark", { text: s.slice(item.focus[0], item.focus[1]) }), s.slice(item.focus[1]));
    } else p.textContent = s;
    return p;
  }

  function fillEvidence(sec, ei, items) {
    if (!sec.isConnected) return;
    var shown = 0, hidden = 0, off = edgeOff[ei];
    var cards = [];
    items.forEach(function (item, j) {
      if (!stKeep[off + j]) { hidden++; return; }
      shown++;
      var doc = D.documents[item.doc] || { id: "?" };
      var meta = el("div", { class: "meta" }, [
        el("span", { class: "tag " + item.polarity, text: item.polarity === "neg" ? "negated" : "affirmed" }),
        el("span", { class: "tag " + item.modality, text: item.modality }),
        el("span", { text: item.date ? "date " + item.date : "undated" }),
        item.attributed_to ? el("span", { text: "according to " + item.attributed_to }) : null,
        item.quantities.length ? el("span", { text: item.quantities.join(", ") }) : null,
      ]);
      var src = el("div", { class: "meta source" }, [
        el("div", { class: "doc", text: "document " + doc.id }),
        doc.title ? el("div", { class: "title", dir: "auto", text: doc.title }) : null,
        doc.url ? el("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer", text: doc.url }) : null,
      ]);
      cards.push(el("div", { class: "statement " + item.polarity }, [sentenceNode(item), meta, src]));
    });
    var note = hidden ? el("div", { class: "hint", text: hidden + " more hidden by the filters" }) : null;
    sec.replaceChildren.apply(sec, [sec.firstChild].concat(cards, note ? [note] : []));
  }

  // ---------- timeline ----------
  function selectedEdges() {
    var out = [];
    if (state.selectedPair !== null && graph.hasEdge(state.selectedPair)) return pairEdges.get(state.selectedPair).slice();
    if (state.selectedNode !== null && graph.hasNode(state.selectedNode)) {
      graph.forEachEdge(state.selectedNode, function (pk) { out.push.apply(out, pairEdges.get(pk)); });
      return out;
    }
    return null;
  }
  function renderTimeline() {
    var svg = $("timeline");
    var edges = selectedEdges();
    var counts = new Map(), undated = 0, total = 0;
    var visit = function (k) {
      if (!stKeep[k] || !edgeWeight[stEdge[k]]) return;
      total++;
      var m = stMonth[k];
      if (m < 0) { undated++; return; }
      counts.set(m, (counts.get(m) || 0) + 1);
    };
    if (edges) edges.forEach(function (ei) { for (var k = edgeOff[ei]; k < edgeOff[ei] + edgeLen[ei]; k++) visit(k); });
    else for (var k = 0; k < stKeep.length; k++) visit(k);
    var label = (edges ? "selection: " : "all shown: ") + total + " statements, " + undated + " undated";
    var w = svg.clientWidth || 800, h = svg.clientHeight || 100;
    var parts = [];
    if (counts.size) {
      // Every month (or year, over twenty years) between the first and the
      // last, so that gaps show.
      var first = Infinity, last = -Infinity;
      counts.forEach(function (c, m) { if (m < first) first = m; if (m > last) last = m; });
      var byYear = last - first >= 240, bins = new Map();
      counts.forEach(function (c, m) { var b = byYear ? Math.floor(m / 12) : m; bins.set(b, (bins.get(b) || 0) + c); });
      var lo = byYear ? Math.floor(first / 12) : first, hi = byYear ? Math.floor(last / 12) : last;
      var n = hi - lo + 1, max = 1;
      bins.forEach(function (c) { if (c > max) max = c; });
      var bw = Math.min(40, (w - 20) / n), base = h - 16;
      // A year label every `step` years, at least 34 px apart.
      var perYear = byYear ? bw : bw * 12, step = Math.max(1, Math.ceil(34 / perYear));
      for (var b = lo; b <= hi; b++) {
        var c = bins.get(b) || 0, x = 10 + (b - lo) * bw, bh = c ? Math.max(2, (base - 4) * c / max) : 0;
        var name = byYear ? String(b) : monthText(b);
        if (c) parts.push('<rect x="' + x.toFixed(1) + '" y="' + (base - bh).toFixed(1) + '" width="' + Math.max(1, bw - 1).toFixed(1) + '" height="' + bh.toFixed(1) + '"><title>' + name + ": " + c + "</title></rect>");
        var year = byYear ? b : Math.floor(b / 12);
        if ((byYear || b % 12 === 0 || b === lo) && year % step === 0) parts.push('<text x="' + x.toFixed(1) + '" y="' + (h - 3) + '">' + year + "</text>");
      }
      if (byYear) label += " · by year";
    } else {
      parts.push('<text x="10" y="20">no dated statement in this selection</text>');
    }
    $("timeline-label").textContent = label;
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    svg.innerHTML = parts.join("");
  }

  // ---------- search ----------
  function buildSearch() {
    graph.forEachNode(function (key, attr) {
      var n = D.nodes[attr.index];
      searchIndex.push([attr.index, [n.label, n.label_ar].concat(n.aliases).map(norm).filter(Boolean)]);
    });
  }
  function search(q) {
    var k = norm(q);
    if (!k) return [];
    var hits = [];
    searchIndex.forEach(function (entry) {
      var best = 0;
      entry[1].forEach(function (name) {
        var s = name === k ? 3 : name.indexOf(k) === 0 ? 2 : name.indexOf(k) > 0 ? 1 : 0;
        if (s > best) best = s;
      });
      if (best) hits.push([best, D.nodes[entry[0]].mentions, entry[0]]);
    });
    hits.sort(function (a, b) { return b[0] - a[0] || b[1] - a[1] || a[2] - b[2]; });
    return hits.slice(0, 12).map(function (h) { return h[2]; });
  }
  function showResults() {
    var ul = $("search-results"), hits = search($("search").value);
    ul.replaceChildren.apply(ul, hits.map(function (i, j) {
      var n = D.nodes[i];
      var li = el("li", { role: "option", "data-node": i, class: j === 0 ? "active" : "" }, [el("span", { text: n.label }), el("span", { class: "ar", dir: "rtl", text: n.label_ar })]);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
      return li;
    }));
    ul.hidden = hits.length === 0;
    return hits;
  }
  function pick(i) {
    $("search-results").hidden = true;
    $("search").value = D.nodes[i].label;
    selectNode(nodeKeyOf[i], true);
  }

  // ---------- layout ----------
  // ForceAtlas2 runs in a web worker on a bare copy of the graph (nodes,
  // links, positions); the drawn graph takes the positions a few times a
  // second rather than after every step, so that the page's main thread
  // (and a CPU-drawn canvas) stays free while the layout runs.
  var layoutGraph = null;
  function syncPositions() {
    if (!layoutGraph || layoutGraph === graph) return;
    graph.updateEachNodeAttributes(function (key, attr) {
      var p = layoutGraph.getNodeAttributes(key);
      attr.x = p.x; attr.y = p.y;
      return attr;
    }, { attributes: ["x", "y"] });
  }
  function startLayout() {
    if (!window.FA2Layout || graph.size === 0) return;
    // A big graph is not the one sigma draws (see redraw): the worker's
    // positions go into it directly, with no copy to build.
    if (api.big) layoutGraph = graph;
    else {
      layoutGraph = new graphology.Graph({ type: "directed", multi: false, allowSelfLoops: true });
      graph.forEachNode(function (key, attr) { layoutGraph.addNode(key, { x: attr.x, y: attr.y }); });
      graph.forEachEdge(function (key, attr, s, t) { layoutGraph.addEdgeWithKey(key, s, t); });
    }
    var settings = forceAtlas2.inferSettings(layoutGraph);
    settings.barnesHutOptimize = layoutGraph.order > 1000;
    layout = new FA2Layout(layoutGraph, { settings: settings, getEdgeWeight: null });
    layout.start();
    api.layoutRunning = true;
    if (api.big && renderer) redraw();
    $("layout").textContent = "Stop layout";
    clearInterval(startLayout.sync);
    // A small graph moves into place; a big one is drawn once more, when the
    // layout ends (each redraw of thousands of links costs the main thread).
    if (!api.big) startLayout.sync = setInterval(syncPositions, 100);
    var ms = Math.min(12000, 1500 + graph.order * 2);
    clearTimeout(startLayout.timer);
    startLayout.timer = setTimeout(stopLayout, ms);
  }
  function stopLayout() {
    clearInterval(startLayout.sync);
    clearTimeout(startLayout.timer);
    if (layout) { layout.stop(); layout.kill(); layout = null; }
    syncPositions();
    layoutGraph = null;
    api.layoutRunning = false;
    if (!api.timings.layoutEnd) api.timings.layoutEnd = performance.now();
    $("layout").textContent = "Run layout";
    fitAll();
    if (api.big) redraw();
    else if (renderer) renderer.refresh();
  }

  // A big graph opens with the minimum weight raised until at most
  // SHOWN_MAX relations show: 100,000 links are a hairball to read and, on
  // a machine without a GPU, over a second per redraw; 30,000 links hold
  // the page for 0.3-0.5 s after the layout and after each click
  // (BENCHMARKS.md). The field says so, and lowering it shows everything.
  var SHOWN_MAX = 20000;
  function defaultMinWeight() {
    var counts = [];
    D.edges.forEach(function (e) { if (!e.neg) counts[e.n] = (counts[e.n] || 0) + 1; });
    var shown = 0, w = counts.length;
    while (w > 1 && shown + (counts[w - 1] || 0) <= SHOWN_MAX) { shown += counts[w - 1] || 0; w--; }
    if (w > 1) {
      state.minWeight = w;
      $("f-min-weight").value = w;
      $("f-min-weight-hint").textContent = "raised from 1 for this big graph: set 1 to see every relation";
    }
  }

  // ---------- wiring ----------
  function wire() {
    var rels = $("f-relations");
    D.relations.forEach(function (r, i) {
      var box = el("input", { type: "checkbox", "data-relation": r.name });
      box.checked = true;
      box.addEventListener("change", function () { state.relations[i] = box.checked ? 1 : 0; applyFilters(); });
      rels.appendChild(el("label", { title: r.label_ar || "" }, [box, " " + (r.label || r.name)]));
    });
    var setAll = function (v) {
      rels.querySelectorAll("input").forEach(function (b) { b.checked = v; });
      state.relations.fill(v ? 1 : 0); applyFilters();
    };
    $("f-rel-all").addEventListener("click", function () { setAll(true); });
    $("f-rel-none").addEventListener("click", function () { setAll(false); });
    MODALITIES.forEach(function (m, i) {
      $("f-mod-" + m).addEventListener("change", function (ev) { state.modalities[i] = ev.target.checked; applyFilters(); });
    });
    $("f-negated").addEventListener("change", function (ev) { state.negated = ev.target.checked; applyFilters(); });
    var from = $("f-from"), to = $("f-to");
    [from, to].forEach(function (r) { r.min = state.minDay; r.max = state.maxDay; r.step = 1; });
    from.value = state.minDay; to.value = state.maxDay;
    var dateLabel = function () {
      $("f-date-label").textContent = state.maxDay ? dayText(state.from) + " → " + dayText(state.to) : "no dated statement";
    };
    var onDate = function () {
      var a = +from.value, b = +to.value;
      if (a > b) { if (this === from) to.value = b = a; else from.value = a = b; }
      state.from = a; state.to = b; dateLabel();
    };
    [from, to].forEach(function (r) {
      r.addEventListener("input", onDate);
      r.addEventListener("change", applyFilters);
    });
    dateLabel();
    $("f-min-weight").addEventListener("change", function (ev) {
      state.minWeight = Math.max(1, parseInt(ev.target.value, 10) || 1);
      $("f-min-weight-hint").textContent = "";
      applyFilters();
    });
    $("f-docs").addEventListener("change", function (ev) {
      state.docTerms = ev.target.value.split(",").map(function (t) { return t.trim().toLowerCase(); }).filter(Boolean);
      applyFilters();
      var n = 0; for (var d = 0; d < docKeep.length; d++) n += docKeep[d];
      $("f-docs-label").textContent = state.docTerms.length ? n + " of " + D.documents.length + " documents" : "";
    });
    $("lang").addEventListener("change", function (ev) { state.lang = ev.target.value; applyFilters(); });
    $("size-by").addEventListener("change", function (ev) { state.sizeBy = ev.target.value; applyFilters(); });
    $("layout").addEventListener("click", function () { if (layout) stopLayout(); else startLayout(); });
    var input = $("search");
    input.addEventListener("input", showResults);
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { var hits = showResults(); if (hits.length) pick(hits[0]); }
      if (ev.key === "Escape") $("search-results").hidden = true;
    });
    input.addEventListener("blur", function () { $("search-results").hidden = true; });
    renderer.on("clickNode", function (ev) { selectNode(ev.node, false); });
    renderer.on("clickEdge", function (ev) { selectPair(ev.edge); });
    renderer.on("clickStage", function () { selectNode(null, false); });
    renderer.on("enterEdge", function () { $("graph").style.cursor = "pointer"; });
    renderer.on("leaveEdge", function () { $("graph").style.cursor = ""; });
    var legend = $("legend"), drawn = new Set();
    graph.forEachNode(function (key, attr) { drawn.add(D.nodes[attr.index].class); });
    D.classes.forEach(function (c, i) {
      if (drawn.has(i)) legend.appendChild(el("div", {}, [el("span", { style: "background:" + c.color }), c.label]));
    });
    window.addEventListener("resize", renderTimeline);
  }

  // Sigma's settings. A big graph (thousands of actors or links) is drawn
  // more cheaply, for a machine without a GPU where WebGL runs on the CPU:
  // links as one-pixel lines (no width, no arrow heads), hidden while the
  // camera moves, fewer labels; links take clicks only while few are shown
  // (see updateEdgeEvents; a link opens from its actor's list too).
  function sigmaSettings() {
    var s = {
      enableEdgeEvents: true,
      nodeReducer: nodeReducer,
      edgeReducer: edgeReducer,
      zIndex: true,
      labelFont: '"DejaVu Sans", "Noto Sans Arabic", Arial, sans-serif',
      labelSize: 13,
      labelRenderedSizeThreshold: 9,
      defaultEdgeType: "line",
      hideEdgesOnMove: false,
    };
    if (api.big) {
      var line = Sigma.rendering.EdgeLineProgram;
      s.edgeProgramClasses = { line: line, arrow: line };
      s.hideEdgesOnMove = true;
      s.labelDensity = 0.7;
      s.labelRenderedSizeThreshold = 7;
      s.enableEdgeEvents = visiblePairCount <= EDGE_EVENTS_MAX;
      // No sorting of thousands of links by depth at each redraw: a lit
      // neighbourhood may be drawn under faded links (they are near white).
      s.zIndex = false;
    }
    return s;
  }
  var EDGE_EVENTS_MAX = 5000;
  function updateEdgeEvents() {
    var on = !api.big || visiblePairCount <= EDGE_EVENTS_MAX;
    if (renderer && renderer.getSetting("enableEdgeEvents") !== on) renderer.setSetting("enableEdgeEvents", on);
  }

  // What tests and scripts can read; clicks go through the page itself.
  var api = window.explorer = {
    ready: false,
    layoutRunning: false,
    redrawPending: false,
    error: null,
    get data() { return D; },
    get graph() { return graph; },
    get renderer() { return renderer; },
    get state() { return state; },
    visibleCounts: function () { return { nodes: visibleNodeCount, links: visiblePairCount }; },
    // The graph edge (pair of actors) drawn for data edge `ei`.
    pairOf: function (ei) { return pairOf[ei]; },
    edgeWeight: function (ei) { return edgeWeight[ei]; },
    statementOffset: function (ei) { return edgeOff[ei]; },
    nodeIndex: function (iri) { return nodeIndex[iri]; },
    stopLayout: stopLayout,
    startLayout: startLayout,
  };

  var t0 = performance.now();
  loadData().then(function (data) {
    D = data;
    api.timings = { data: performance.now() - t0 };
    var mark = function (name) { api.timings[name] = performance.now() - t0; };
    index(); mark("indexed");
    buildGraph(); mark("graphBuilt");
    api.big = graph.order > 1000 || graph.size > BIG;
    // A big graph's first frame has only its actors (see redraw).
    if (api.big && window.FA2Layout && graph.size) api.layoutRunning = true;
    buildSearch();
    defaultMinWeight();
    applyFilters(); mark("filtered");
    // Sigma draws once, the filters applied.
    renderer = new Sigma(drawn, $("graph"), sigmaSettings());
    fitAll();
    updateEdgeEvents();
    wire();
    $("loading").remove();
    api.timings.firstRender = performance.now() - t0;
    // Since the navigation started: what a reader waits for.
    api.timings.scriptStart = t0;
    api.timings.readyAt = performance.now();
    api.ready = true;
    startLayout();
  }).catch(function (err) {
    api.error = String(err && err.message || err);
    $("loading").textContent = "Cannot load the graph: " + api.error;
    console.error(err);
  });
})();
