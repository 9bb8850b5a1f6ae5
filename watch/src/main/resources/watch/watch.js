// The live page: renders the "flow" and "race" server-sent events of /events.
// Plain JavaScript and uPlot (served from its WebJar); no build step.
"use strict";

const DRIVER_COLOURS = ["#1f3d99", "#c8102e", "#2ca02c", "#ff7f0e", "#9467bd", "#17becf"];
const OTHER_DRIVERS = "rgba(120, 128, 140, 0.35)";
const SAFETY_CAR = "rgba(255, 200, 0, 0.22)";

const state = { session: "", chosen: null, race: null, events: null, lapChart: null, orderChart: null };

// ---- helpers ---------------------------------------------------------------

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (value === null || value === undefined) return;
    if (key === "className") node.className = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  });
  children.flat(Infinity).forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

const count = n => (n === null || n === undefined || n < 0) ? "–" : n.toLocaleString("en-US");
const perSecond = r => (r === null || r === undefined) ? "–" : r.toLocaleString("en-US", { maximumFractionDigits: 1 });

function table(headings, rows) {
  return el("table", {},
    el("tr", {}, headings.map(h => el("th", { className: h.num ? "num" : "" }, h.text))),
    rows);
}

function cell(text, className) {
  return el("td", { className }, text);
}

function stateCell(value) {
  return cell(value || "–", "state state-" + (value || "unknown"));
}

/** A tile shows its rows, or says clearly why its part of the stack cannot be read; the others carry on. */
function renderTile(id, parts) {
  const tile = document.getElementById(id);
  const body = tile.querySelector(".body");
  const down = parts.filter(p => p.down);
  tile.classList.toggle("is-down", down.length > 0);
  body.replaceChildren(...down.map(p => el("p", { className: "down" }, "⚠ " + p.down)), ...parts.filter(p => !p.down).map(p => p.node()));
}

// ---- the flow --------------------------------------------------------------

function renderFlow(flow) {
  const at = new Date(flow.at);
  const updated = document.getElementById("updated");
  updated.textContent = "updated " + at.toLocaleTimeString("en-GB");
  updated.dataset.at = flow.at;

  renderTile("producers", [{ down: flow.producers.down, node: () => table(
    [{ text: "producer" }, { text: "state" }, { text: "sent", num: true }, { text: "per s", num: true }],
    flow.producers.items.map(p => el("tr", { "data-name": p.name, title: p.detail || "" },
      cell(p.name + " → " + p.topic), stateCell(p.state), cell(count(p.sent), "num sent"), cell(perSecond(p.rate), "num rate"))))
  }]);

  renderTile("topics", [{ down: flow.topics.down, node: () => table(
    [{ text: "topic" }, { text: "end offset", num: true }, { text: "per s", num: true }],
    flow.topics.items.map(t => el("tr", { "data-name": t.name },
      cell(t.name), cell(count(t.end), "num end"), cell(perSecond(t.rate), "num rate"))))
  }]);

  renderTile("write-paths", [
    { down: flow.connectors.down, node: () => flow.connectors.items.length === 0 ? el("p", { className: "muted" }, "no connectors registered")
      : table([{ text: "connector" }, { text: "state" }, { text: "tasks" }, { text: "lag", num: true }],
        flow.connectors.items.map(c => el("tr", { "data-name": c.name },
          cell(c.name), stateCell(c.state), cell(c.tasks.join(" ") || "–", "tasks"), cell(count(c.lag), "num lag")))) },
    { down: flow.groups.down, node: () => flow.groups.items.length === 0 ? el("p", { className: "muted" }, "no consumer group has committed offsets")
      : table([{ text: "consumer group" }, { text: "state" }, { text: "lag", num: true }],
        flow.groups.items.map(g => el("tr", { "data-name": g.name, title: Object.entries(g.lag).map(([t, l]) => t + ": " + l).join(", ") },
          cell(g.name), stateCell(g.state), cell(count(Object.values(g.lag).reduce((a, b) => a + b, 0)), "num lag")))) }]);

  renderTile("tables", [{ down: flow.tables.down, node: () => table(
    [{ text: "table" }, { text: "rows", num: true }, { text: "per s", num: true }],
    flow.tables.items.map(t => el("tr", { "data-name": t.name, title: t.estimated ? "estimated from a 64th of the token ring" : "counted" },
      cell(t.name), cell(t.rows < 0 ? "missing" : (t.estimated ? "≈ " : "") + count(t.rows), "num rows"), cell(perSecond(t.rate), "num rate"))))
  }]);

  renderTile("dead-letters", [{ down: flow.deadLetters.down, node: () => el("div", {}, flow.deadLetters.items.map(d => [
    el("div", { "data-name": d.topic }, el("span", {}, d.topic + ": "), el("strong", { className: "count" }, count(d.count))),
    d.reasons.length ? el("ul", { className: "reasons" }, d.reasons.map(r => el("li", {}, r))) : []])) }]);

  renderTile("processes", [{ down: flow.services.down, node: () => table(
    [{ text: "process" }, { text: "state" }, { text: "" }],
    flow.services.items.map(s => el("tr", { "data-name": s.name },
      cell(s.name), stateCell(s.state), cell(s.detail || "", "muted detail"))))
  }]);
}

// ---- the race --------------------------------------------------------------

function renderRace(event) {
  const status = document.getElementById("race-status");
  if (event.down) {
    status.textContent = "⚠ " + event.down + " (showing the last laps read)";
    status.className = "down";
    return;
  }
  const race = event.race;
  state.race = race;
  renderSessions(race);
  if (!race.session) {
    status.textContent = "lapsummary holds no laps yet: start the F1 producer (./pipeline up runs it)";
    status.className = "muted";
    return;
  }
  document.getElementById("race-title").textContent = race.title;
  const lapsDone = race.drivers.length ? race.laps : 0;
  status.textContent = race.lapPoints.length + " laps of " + race.drivers.length + " drivers in Cassandra, up to lap " + lapsDone;
  status.className = "muted";
  if (state.chosen === null) {
    const codes = race.drivers.map(d => d.code);
    state.chosen = ["VER", "LEC"].every(c => codes.includes(c)) ? ["VER", "LEC"] : codes.slice(0, 2);
  }
  renderDrivers(race);
  drawLapTimes(race);
  drawRunningOrder(race);
  renderStints(race);
  renderLegend(race);
  const section = document.getElementById("race");
  section.dataset.laps = String(race.lapPoints.length);
  section.dataset.session = race.session;
}

function renderSessions(race) {
  const select = document.getElementById("session");
  // Rebuilt only when the sessions change: a rebuild would close the list under the user's pointer.
  const signature = JSON.stringify(race.sessions);
  if (select.dataset.sessions === signature) return;
  select.dataset.sessions = signature;
  const options = [el("option", { value: "" }, "the latest")]
    .concat(race.sessions.map(s => el("option", { value: s.key }, s.title)));
  select.replaceChildren(...options);
  select.value = state.session;
}

function driverColour(code) {
  const index = state.chosen.indexOf(code);
  return index < 0 ? OTHER_DRIVERS : DRIVER_COLOURS[index % DRIVER_COLOURS.length];
}

function renderDrivers(race) {
  const box = document.getElementById("drivers");
  box.replaceChildren(...race.drivers.map(d => {
    const chosen = state.chosen.includes(d.code);
    const input = el("input", { type: "checkbox", checked: chosen });
    input.addEventListener("change", () => {
      state.chosen = input.checked ? state.chosen.concat([d.code]) : state.chosen.filter(c => c !== d.code);
      renderRace({ race: state.race });
    });
    return el("label", { className: chosen ? "chosen" : "", title: (d.name || "") + (d.team ? ", " + d.team : ""),
      style: chosen ? "color:" + driverColour(d.code) : "" }, input, (d.position ? "P" + d.position + " " : "") + d.code);
  }));
}

/** Columns for uPlot: laps 1..n, then one series a driver (null where a lap has no value). */
function columns(race, drivers, value) {
  const laps = Array.from({ length: race.laps }, (_, i) => i + 1);
  const byDriver = new Map(drivers.map(d => [d, new Array(race.laps).fill(null)]));
  race.lapPoints.forEach(p => {
    const column = byDriver.get(p.driver);
    if (column) column[p.lap - 1] = value(p);
  });
  return [laps].concat(drivers.map(d => byDriver.get(d)));
}

function shadeSafetyCar(u) {
  const race = state.race;
  if (!race) return;
  const { ctx, bbox } = u;
  ctx.save();
  ctx.fillStyle = SAFETY_CAR;
  race.safetyCar.forEach(period => {
    const left = u.valToPos(period.firstLap - 0.5, "x", true);
    const right = u.valToPos(period.lastLap + 0.5, "x", true);
    const from = Math.max(left, bbox.left);
    const to = Math.min(right, bbox.left + bbox.width);
    if (to > from) ctx.fillRect(from, bbox.top, to - from, bbox.height);
  });
  ctx.restore();
}

/** Each lap of a chosen driver: a dot in its compound's colour; pit laps (in or out) a hollow diamond. */
function markLaps(u, value) {
  const race = state.race;
  const { ctx, bbox } = u;
  const radius = 3.2 * uPlot.pxRatio;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  race.lapPoints.filter(p => state.chosen.includes(p.driver) && value(p) !== null).forEach(p => {
    const x = u.valToPos(p.lap, "x", true);
    const y = u.valToPos(value(p), "y", true);
    ctx.beginPath();
    if (p.pit) {
      ctx.moveTo(x, y - radius * 1.5); ctx.lineTo(x + radius * 1.5, y); ctx.lineTo(x, y + radius * 1.5); ctx.lineTo(x - radius * 1.5, y);
      ctx.closePath();
      ctx.fillStyle = "#fff";
    } else {
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
      ctx.fillStyle = race.compoundColours[p.compound || "UNKNOWN"] || race.compoundColours.UNKNOWN;
    }
    ctx.fill();
    ctx.lineWidth = uPlot.pxRatio;
    ctx.strokeStyle = driverColour(p.driver);
    ctx.stroke();
  });
  ctx.restore();
}

function chartSize(id) {
  const width = Math.max(320, document.getElementById(id).parentElement.clientWidth - 4);
  return { width, height: Math.round(width * 0.55) };
}

/** Makes the chart anew when its series change (drivers chosen), else only gives it the new data. */
function drawChart(key, id, series, data, options) {
  const signature = JSON.stringify(series.map(s => [s.label, s.stroke, s.width]));
  const existing = state[key];
  if (existing && existing.signature === signature) {
    existing.chart.setData(data);
    return;
  }
  if (existing) existing.chart.destroy();
  const chart = new uPlot(Object.assign({}, chartSize(id), { series: [{ label: "lap" }].concat(series) }, options),
    data, document.getElementById(id));
  state[key] = { chart, signature };
}

function drawLapTimes(race) {
  const seconds = p => p.seconds;
  const ceiling = race.lapTimeCeiling;
  const slowest = Math.max(...race.lapPoints.filter(p => state.chosen.includes(p.driver) && p.seconds !== null).map(p => p.seconds));
  document.getElementById("lap-times-caption").textContent = "Lap times (s)"
    + (ceiling && slowest > ceiling ? ": laps slower than " + Math.round(ceiling) + " s run off the top" : "");
  drawChart("lapChart", "lap-times",
    state.chosen.map(d => ({ label: d, stroke: driverColour(d), width: 1.5, spanGaps: false, points: { show: false } })),
    columns(race, state.chosen, seconds),
    {
      scales: { x: { time: false }, y: { range: (u, min, max) => {
        if (min === null || max === null) return [60, 120];
        const top = state.race.lapTimeCeiling && max > state.race.lapTimeCeiling ? state.race.lapTimeCeiling : max + 1;
        return [Math.floor(min) - 1, Math.ceil(top)];
      } } },
      axes: [{ label: "lap" }, { label: "seconds" }],
      legend: { live: false },
      hooks: { drawClear: [shadeSafetyCar], draw: [u => markLaps(u, seconds)] },
    });
}

function drawRunningOrder(race) {
  const drivers = race.drivers.map(d => d.code);
  // Chosen drivers last, so their lines are drawn over the others.
  const ordered = drivers.filter(d => !state.chosen.includes(d)).concat(drivers.filter(d => state.chosen.includes(d)));
  const position = p => p.position;
  drawChart("orderChart", "running-order",
    ordered.map(d => ({ label: d, stroke: driverColour(d), width: state.chosen.includes(d) ? 2 : 1, points: { show: false } })),
    columns(race, ordered, position),
    {
      scales: { x: { time: false }, y: { dir: -1, range: () => [0.5, Math.max(drivers.length, 2) + 0.5] } },
      axes: [{ label: "lap" }, { label: "position", incrs: [1, 2, 5] }],
      legend: { show: false },
      hooks: { drawClear: [shadeSafetyCar], draw: [u => markLaps(u, position)] },
    });
}

function renderStints(race) {
  const box = document.getElementById("stints");
  const byDriver = new Map();
  race.stints.forEach(s => byDriver.set(s.driver, (byDriver.get(s.driver) || []).concat([s])));
  const width = lap => (100 * lap / Math.max(race.laps, 1)) + "%";
  box.replaceChildren(...race.drivers.flatMap(d => [
    el("span", { className: "stint-driver" + (state.chosen.includes(d.code) ? " chosen" : "") }, d.code),
    el("div", { className: "stint-row", "data-name": d.code }, (byDriver.get(d.code) || []).map(s => el("div", {
      className: "stint" + (s.fresh ? "" : " used"),
      title: s.compound + ", laps " + s.firstLap + "–" + s.lastLap + (s.fresh ? ", new set" : ", used set"),
      style: "left:" + width(s.firstLap - 1) + ";width:" + width(s.lastLap - s.firstLap + 1) + ";background-color:" + (race.compoundColours[s.compound] || race.compoundColours.UNKNOWN),
    })))]));
}

function renderLegend(race) {
  const compounds = Object.entries(race.compoundColours).filter(([name]) => name !== "UNKNOWN" || race.lapPoints.some(p => !p.compound || p.compound === "UNKNOWN"));
  document.getElementById("legend").replaceChildren(
    ...compounds.map(([name, colour]) => el("span", {}, el("span", { className: "swatch", style: "background:" + colour }), name.toLowerCase())),
    el("span", {}, el("span", { className: "swatch", style: "background:#fff;border-radius:0;transform:rotate(45deg)" }), "pit lap (in or out)"),
    el("span", {}, el("span", { className: "swatch sc" }), race.safetyCar.length
      ? "safety car: laps " + race.safetyCar.map(p => p.firstLap === p.lastLap ? p.firstLap : p.firstLap + "–" + p.lastLap).join(", ")
      : "no safety car so far"));
}

// ---- the event stream ------------------------------------------------------

function connect() {
  if (state.events) state.events.close();
  const url = "/events" + (state.session ? "?session=" + encodeURIComponent(state.session) : "");
  const events = new EventSource(url);
  events.addEventListener("flow", e => renderFlow(JSON.parse(e.data)));
  events.addEventListener("race", e => renderRace(JSON.parse(e.data)));
  events.onerror = () => {
    const updated = document.getElementById("updated");
    updated.textContent = "⚠ the page's server is not answering; retrying…";
    updated.className = "down";
  };
  events.onopen = () => { document.getElementById("updated").className = "muted"; };
  state.events = events;
}

document.getElementById("session").addEventListener("change", e => {
  state.session = e.target.value;
  state.chosen = null;
  connect();
});
connect();
