import CallSim

/// The wallboard page (`GET /`): one HTML file, script and styles inline, nothing loaded
/// from elsewhere, so it works offline. It carries the latest event, rendered before the page
/// has loaded (so a reload, or a headless browser's screenshot, shows the current state at
/// once), then reads `GET /events` with `EventSource` and sends controls to `POST /control`.
/// With `?snapshot` it shows that event only and opens no stream, so that the page's loading
/// ends (for `chromium --headless --virtual-time-budget=…`).
enum WallboardPage {
  /// The page with `latest` (an event's JSON, or `nil` before the first) built in.
  static func html(latest: String?) -> String {
    // In a <script> element only "</" could end it early: JSON allows "\u003c" for "<".
    let json = (latest ?? "null").replacingOccurrences(of: "<", with: "\\u003c")
    return template.replacingOccurrences(of: placeholder, with: json)
  }

  static let placeholder = "/*LATEST_EVENT*/null"

  /// The routing modes a user may switch to, from the model's list (names are plain words).
  static let modeOptions = RoutingMode.allCases.map { "<option>\($0.rawValue)</option>" }.joined()

  /// The modes whose switch carries `overflow_after`, as a JavaScript array.
  static let overflowModes = "[" + RoutingMode.allCases.filter(\.usesOverflowWait).map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]"

  static let template = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>callsim live wallboard</title>
<style>
  :root { --bg:#0d1117; --panel:#161b22; --line:#30363d; --fg:#e6edf3; --dim:#8b949e;
          --good:#3fb950; --warn:#d29922; --bad:#f85149; --talk:#2f81f7; --wrap:#a371f7; --idle:#3fb950; --brk:#d29922; --off:#484f58; }
  * { box-sizing: border-box; }
  body { margin:0; background:var(--bg); color:var(--fg); font:16px/1.3 system-ui, "DejaVu Sans", sans-serif; }
  header { display:flex; align-items:baseline; gap:2rem; padding:.8rem 1.4rem; border-bottom:1px solid var(--line); flex-wrap:wrap; }
  header h1 { font-size:1.5rem; margin:0; font-weight:600; }
  #clock { font-size:2.2rem; font-variant-numeric:tabular-nums; font-weight:700; }
  .meta { color:var(--dim); font-size:1.1rem; }
  #state.paused { color:var(--warn); } #state.ended { color:var(--dim); } #state.offline { color:var(--bad); }
  main { padding:.8rem 1.4rem; display:grid; gap:.8rem; }
  .row { display:grid; gap:.8rem; grid-template-columns:repeat(auto-fit, minmax(280px, 1fr)); }
  table.rates { width:100%; border-collapse:collapse; margin-top:.5rem; font-variant-numeric:tabular-nums; }
  table.rates th { color:var(--dim); font-weight:400; font-size:.78rem; text-align:right; padding:0 .2rem; }
  table.rates th:first-child, table.rates td:first-child { text-align:left; color:var(--dim); font-size:.9rem; }
  table.rates td { text-align:right; font-size:1.02rem; font-weight:600; padding:.05rem .15rem; white-space:nowrap; }
  .tile { background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:.8rem 1rem; }
  .tile h2 { margin:0 0 .4rem; font-size:1.25rem; font-weight:600; }
  .big { display:flex; gap:1.2rem; align-items:flex-end; }
  .big div { display:flex; flex-direction:column; }
  .big b { font-size:2.3rem; line-height:1; font-variant-numeric:tabular-nums; }
  .big span, .small span { color:var(--dim); font-size:.9rem; }
  .small { display:grid; grid-template-columns:repeat(3, 1fr); gap:.3rem .8rem; margin-top:.6rem; }
  .small b { font-size:1.35rem; font-variant-numeric:tabular-nums; display:block; }
  .good { color:var(--good); } .warn { color:var(--warn); } .bad { color:var(--bad); }
  .bar { display:flex; height:22px; border-radius:4px; overflow:hidden; margin:.5rem 0 .3rem; background:var(--off); }
  .bar i { display:block; height:100%; }
  .legend { display:flex; flex-wrap:wrap; gap:.2rem .9rem; font-size:1rem; }
  .legend b { font-size:1.3rem; font-variant-numeric:tabular-nums; }
  .dot { display:inline-block; width:.7em; height:.7em; border-radius:2px; margin-right:.25em; }
  #chartbox { background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:.6rem 1rem; }
  #chartbox h2 { margin:0; font-size:1.1rem; font-weight:600; }
  canvas { width:100%; height:200px; display:block; }
  #controls { display:flex; flex-wrap:wrap; gap:.6rem 1.2rem; align-items:center; background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:.6rem 1rem; font-size:1rem; }
  button, select, input { font:inherit; background:#21262d; color:var(--fg); border:1px solid var(--line); border-radius:6px; padding:.25rem .6rem; }
  button:hover { border-color:var(--dim); cursor:pointer; }
  input[type=number] { width:5em; }
  #log { color:var(--dim); font-size:.95rem; }
  #msg { color:var(--warn); }
</style>
</head>
<body>
<header>
  <h1>callsim live &mdash; <span id="scenario">…</span></h1>
  <div id="clock">--:--:--</div>
  <div class="meta"><span id="date"></span> &middot; day <span id="day">-</span> of <span id="days">-</span></div>
  <div class="meta">routing <b id="routing">-</b> &middot; speed <b id="speed">-</b>&times; &middot; <b id="state">connecting</b></div>
</header>
<main>
  <section class="row" id="queues"></section>
  <section class="row" id="groups"></section>
  <section id="chartbox"><h2>Last hours (per <span id="interval">15</span> min): offered, answered, abandoned calls; calls waiting; agents logged in</h2><canvas id="chart" width="1500" height="200"></canvas></section>
  <section id="controls">
    <button id="pause">Pause</button><button id="resume">Resume</button>
    <label>Speed <select id="speedsel"><option>1</option><option>10</option><option selected>60</option><option>300</option><option>1800</option><option>max</option></select></label>
    <span>Agents: <select id="group"></select> <input id="agents" type="number" min="1" max="10000" value="5"> <button id="add">Add</button><button id="remove">Remove</button></span>
    <label>Routing <select id="mode">\#(modeOptions)</select></label>
    <label title="overflow only: the wait after which any skilled agent may take a call">after <input id="after" value="30s" size="4"></label> <button id="route">Switch</button>
    <span id="msg"></span>
  </section>
  <section id="log"></section>
</main>
<script id="latest" type="application/json">/*LATEST_EVENT*/null</script>
<script>
"use strict";
const $ = id => document.getElementById(id);
const pct = v => v === null || v === undefined ? "–" : (100 * v).toFixed(1) + "%";
const cls = (v, good, warn) => v === null || v === undefined ? "" : v >= good ? "good" : v >= warn ? "warn" : "bad";
const mmss = s => { s = Math.round(s); return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0"); };
const esc = t => String(t).replace(/[&<>"]/g, c => ({"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;"}[c]));
let groupsKnown = "";

function rates(today, last) {
  const row = (label, c) => `<tr><td>${label}</td><td>${c.offered}</td><td>${c.abandoned}</td>
    <td class="${cls(c.answer_rate, .95, .85)}">${pct(c.answer_rate)}</td><td class="${cls(c.service_level, .8, .6)}">${pct(c.service_level)}</td></tr>`;
  return `<table class="rates"><tr><th></th><th>offered</th><th>aband.</th><th>answer rate</th><th>SL</th></tr>
    ${row("today", today)}${row("15m", last)}</table>`;
}
let metricTiles = [];
function metricValue(v, unit) {
  if (v === null || v === undefined) return "–";
  return unit === "seconds" ? mmss(v) : unit === "share" ? pct(v) : String(Math.round(v * 10) / 10);
}
// The catalogue's wallboard metrics (the event's metric_tiles), today.
function metricRow(values) {
  if (!values || !metricTiles.length) return "";
  return `<div class="small">${metricTiles.map(m => `<div><b>${metricValue(values[m.name], m.unit)}</b><span>${esc(m.label)}</span></div>`).join("")}</div>`;
}
function queueTile(q, title) {
  return `<div class="tile"><h2>${esc(title || q.name)}</h2>
    <div class="big"><div><b class="${q.waiting > 0 ? "warn" : ""}">${q.waiting}</b><span>waiting</span></div>
    <div><b class="${q.longest_wait > 60 ? "bad" : q.longest_wait > 20 ? "warn" : ""}">${mmss(q.longest_wait)}</b><span>longest wait</span></div></div>
    ${rates(q.today, q.last_15m)}${metricRow(q.metrics)}</div>`;
}
function groupTile(g) {
  const parts = [["talking", g.talking, "--talk"], ["wrap-up", g.wrap_up, "--wrap"], ["idle", g.idle, "--idle"], ["on break", g.on_break, "--brk"], ["logged off", g.logged_off, "--off"]];
  const total = parts.reduce((a, p) => a + p[1], 0) || 1;
  const bar = parts.slice(0, 4).map(p => `<i style="width:${100 * p[1] / total}%;background:var(${p[2]})"></i>`).join("");
  const legend = parts.map(p => `<span><span class="dot" style="background:var(${p[2]})"></span>${p[0]} <b>${p[1]}</b></span>`).join("");
  return `<div class="tile"><h2>${esc(g.name)}</h2><div class="big"><div><b>${g.talking + g.wrap_up + g.idle}</b><span>logged in</span></div><div><b>${g.answered_today}</b><span>answered today</span></div></div>
    <div class="bar">${bar}</div><div class="legend">${legend}</div></div>`;
}
function drawChart(ev) {
  const c = $("chart"), ctx = c.getContext("2d");
  const W = c.width = c.clientWidth || 1500, H = c.height = 200, pad = 34;
  ctx.clearRect(0, 0, W, H);
  const h = ev.history, span = 8 * 3600, t1 = ev.sim_time, t0 = t1 - span;
  const x = t => pad + (W - 2 * pad) * (t - t0) / span;
  const css = n => getComputedStyle(document.documentElement).getPropertyValue(n);
  ctx.strokeStyle = "#30363d"; ctx.fillStyle = "#8b949e"; ctx.font = "13px sans-serif";
  for (let k = 0; k <= 8; k++) { const t = t0 + k * 3600; const xx = x(t); ctx.beginPath(); ctx.moveTo(xx, 8); ctx.lineTo(xx, H - 20); ctx.stroke();
    const hh = ((Math.floor(t / 3600) % 24) + 24) % 24; ctx.fillText(String(hh).padStart(2, "0") + ":00", xx - 16, H - 4); }
  if (!h.length) return;
  const series = [["offered", css("--fg")], ["answered", css("--good")], ["abandoned", css("--bad")], ["waiting", css("--warn")], ["agents", css("--talk")]];
  const max = Math.max(1, ...h.flatMap(p => series.map(s => p[s[0]])));
  const y = v => H - 22 - (H - 34) * v / max;
  ctx.fillText(String(max), 2, 18);
  const bw = (W - 2 * pad) * ev.history_interval / span;
  for (const p of h) { ctx.fillStyle = "rgba(63,185,80,.25)"; ctx.fillRect(x(p.t) - bw, y(p.answered), bw - 2, H - 22 - y(p.answered)); }
  for (const [k, color] of series) {
    ctx.strokeStyle = color; ctx.lineWidth = 2.5; ctx.beginPath();
    h.forEach((p, i) => { const xx = x(p.t), yy = y(p[k]); i ? ctx.lineTo(xx, yy) : ctx.moveTo(xx, yy); });
    ctx.stroke();
  }
  let lx = pad + 10;
  for (const [k, color] of series) { ctx.fillStyle = color; ctx.fillRect(lx, 12, 12, 12); ctx.fillStyle = "#e6edf3"; ctx.fillText(k, lx + 16, 23); lx += 110; }
}
// A control shows what the run does (a --speed not listed gets its own entry), except while
// the user is choosing in it.
function showCurrent(select, value) {
  if (document.activeElement === select) return;
  if (![...select.options].some(o => o.value === value)) select.add(new Option(value, value));
  select.value = value;
}
function render(ev) {
  $("scenario").textContent = ev.scenario;
  const parts = ev.clock.split(" ");
  $("clock").textContent = parts[2]; $("date").textContent = parts[0] + " " + parts[1];
  $("day").textContent = ev.day; $("days").textContent = ev.days; $("routing").textContent = ev.routing; $("speed").textContent = ev.speed;
  showCurrent($("speedsel"), String(ev.speed)); showCurrent($("mode"), ev.routing);
  $("interval").textContent = ev.history_interval / 60;
  const st = $("state");
  st.textContent = ev.ended ? "day over" : ev.paused ? "paused" : "running"; st.className = ev.ended ? "ended" : ev.paused ? "paused" : "";
  const t = ev.totals;
  metricTiles = ev.metric_tiles || [];
  $("queues").innerHTML = queueTile({name: "all calls", waiting: t.waiting, longest_wait: t.longest_wait, today: t.today, last_15m: t.last_15m, metrics: t.metrics}, "All queues")
    + (ev.channels || []).map(c => queueTile(c, c.name === "message" ? "All messages" : "All phone calls")).join("")
    + ev.queues.filter(q => q.today.offered > 0 || q.waiting > 0).map(q => queueTile(q)).join("");
  $("groups").innerHTML = ev.groups.map(groupTile).join("");
  const names = ev.groups.map(g => g.name).join("|");
  if (names !== groupsKnown) { groupsKnown = names; $("group").innerHTML = ev.groups.map(g => `<option>${esc(g.name)}</option>`).join(""); }
  $("log").innerHTML = ev.interventions.length ? "Changes: " + ev.interventions.map(i => esc(i.clock.split(" ")[2] + " " + i.action + (i.group ? " " + i.group : "") + (i.agents ? " " + i.agents : "") + (i.mode ? " " + i.mode : "") + (i.speed ? " " + i.speed : ""))).join(" · ") : "";
  drawChart(ev);
}
async function control(body) {
  $("msg").textContent = "";
  try {
    const r = await fetch("/control", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    const j = await r.json();
    if (!r.ok) $("msg").textContent = j.error;
  } catch (e) { $("msg").textContent = "control failed: " + e; }
}
$("pause").onclick = () => control({action: "pause"});
$("resume").onclick = () => control({action: "resume"});
$("speedsel").onchange = e => control({action: "speed", speed: e.target.value === "max" ? "max" : Number(e.target.value)});
$("add").onclick = () => control({action: "add_agents", group: $("group").value, agents: Number($("agents").value)});
$("remove").onclick = () => control({action: "remove_agents", group: $("group").value, agents: Number($("agents").value)});
const overflowModes = \#(overflowModes);
$("route").onclick = () => control(overflowModes.includes($("mode").value)
  ? {action: "routing", mode: $("mode").value, overflow_after: $("after").value} : {action: "routing", mode: $("mode").value});
// The latest event, built into the page: the current state before anything else loads.
const latest = JSON.parse($("latest").textContent);
if (latest) render(latest);
// "?snapshot": that state only, no stream (so a headless browser's page load ends); without a
// built-in event, the first event of the stream, then the stream is closed.
const once = new URLSearchParams(location.search).has("snapshot");
if (!(once && latest)) {
  const source = new EventSource("/events");
  source.onmessage = m => { render(JSON.parse(m.data)); if (once) source.close(); };
  source.onerror = () => { const st = $("state"); if (st.className !== "ended") { st.textContent = "reconnecting"; st.className = "offline"; } };
}
</script>
</body>
</html>
"""#
}
