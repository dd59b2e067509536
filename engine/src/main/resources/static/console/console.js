// Arbiter console: a thin client of the /v1 API. The server checks every call against the user's roles; the
// console only hides what a role may not do. The password is sent once, to sign in; the page then holds a
// short-lived sign-in token in memory (never in storage) and signs in again when it has ended.
"use strict";

const state = { auth: null, user: null, roles: [], closeDiff: null, files: {}, decisionId: null, candidate: null, candidates: [], staged: {}, model: null };

const $ = (id) => document.getElementById(id);

async function api(path, options = {}) {
  const headers = Object.assign({ Authorization: state.auth }, options.headers || {});
  if (options.body && !headers["Content-Type"]) {
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (response.status === 401 && state.auth && state.auth.startsWith("Bearer ")) {
    signedOut("Your sign-in has ended; sign in again.");
  }
  if (!response.ok) {
    const detail = typeof body === "string" ? body : (body.detail || body.title || JSON.stringify(body));
    throw new Error(response.status + ": " + detail);
  }
  return body;
}

function show(view) {
  document.querySelectorAll(".view").forEach((section) => { section.hidden = section.id !== view; });
  if (view === "risk") { streamRisk(); } else { stopRisk(); }
  document.querySelectorAll("#nav button").forEach((b) => b.classList.toggle("current", b.dataset.view === view));
  if (view === "decisions") { searchDecisions(); }
  if (view === "rule-sets") { loadCandidates(); }
  if (view === "models") { loadModels(); }
}

function allowed(element) {
  const roles = (element.dataset.roles || "").split(" ");
  return state.roles.some((role) => roles.includes(role));
}

function applyRoles() {
  document.querySelectorAll("[data-roles]").forEach((element) => { element.hidden = !allowed(element); });
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text == null ? "" : String(text);
  row.appendChild(td);
  return td;
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  state.auth = "Basic " + btoa($("login-user").value + ":" + $("login-password").value);
  try {
    const signIn = await api("/v1/sign-ins", { method: "POST" });
    state.auth = "Bearer " + signIn.token;
    $("login-password").value = "";
    const me = await api("/v1/me");
    state.roles = me.roles;
    state.user = me.user;
    $("who").textContent = me.user + " (" + me.roles.join(", ") + ")";
    $("login-error").textContent = "";
    $("nav").hidden = false;
    $("sign-out").hidden = false;
    applyRoles();
    const first = [...document.querySelectorAll("#nav button")].find((b) => !b.hidden);
    show(first ? first.dataset.view : "login");
  } catch (error) {
    state.auth = null;
    $("login-error").textContent = "Sign-in failed: " + error.message;
  }
});

function signedOut(message) {
  stopRisk();
  state.auth = null;
  state.roles = [];
  state.files = {};
  $("nav").hidden = true;
  $("sign-out").hidden = true;
  $("who").textContent = "";
  $("login-error").textContent = message;
  show("login");
}

$("sign-out").addEventListener("click", async () => {
  try {
    await api("/v1/sign-ins/current", { method: "DELETE" });
  } finally {
    signedOut("Signed out.");
  }
});

document.querySelectorAll("#nav button").forEach((button) =>
  button.addEventListener("click", () => show(button.dataset.view)));

// Decisions: search, open the report, ask the explanation.

async function searchDecisions(event) {
  if (event) { event.preventDefault(); }
  const query = new URLSearchParams();
  const fields = { status: "search-status", account: "search-account", from: "search-from", to: "search-to" };
  Object.entries(fields).forEach(([name, id]) => { if ($(id).value) { query.set(name, $(id).value.trim()); } });
  try {
    const page = await api("/v1/decisions?" + query);
    const body = $("decision-list").querySelector("tbody");
    body.replaceChildren();
    page.decisions.forEach((decision) => {
      const row = document.createElement("tr");
      row.dataset.decisionId = decision.decisionId;
      [decision.asOf, decision.decisionId, decision.accountId, decision.status, decision.summary]
        .forEach((text) => cell(row, text));
      row.addEventListener("click", () => openDecision(decision.decisionId));
      body.appendChild(row);
    });
    $("decisions-error").textContent = page.decisions.length ? "" : "No decision matches.";
  } catch (error) {
    $("decisions-error").textContent = error.message;
  }
}
$("decision-search").addEventListener("submit", searchDecisions);

async function openDecision(decisionId) {
  state.decisionId = decisionId;
  $("decision-detail").hidden = false;
  $("decision-title").textContent = "Decision " + decisionId;
  $("explain-result").textContent = "";
  try {
    $("report-frame").srcdoc = await api("/v1/decisions/" + encodeURIComponent(decisionId) + "/report");
  } catch (error) {
    $("report-frame").srcdoc = "<p>" + error.message.replace(/</g, "&lt;") + "</p>";
  }
}

$("explain-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const answer = await api("/v1/decisions/" + encodeURIComponent(state.decisionId) + "/explain",
      { method: "POST", body: JSON.stringify({ goal: $("explain-query").value }) });
    $("explain-result").textContent = JSON.stringify(answer, null, 2);
  } catch (error) {
    $("explain-result").textContent = error.message;
  }
});

// Rule sets: candidates, their checks and impact, approve / activate / roll back, shadow, upload.

async function loadCandidates() {
  try {
    const page = await api("/v1/rule-sets");
    state.candidates = page.candidates;
    const body = $("candidate-list").querySelector("tbody");
    body.replaceChildren();
    page.candidates.slice().reverse().forEach((candidate) => {
      const row = document.createElement("tr");
      row.dataset.candidateId = candidate.id;
      [candidate.id, candidate.status, candidate.author, candidate.note, candidate.ruleSetVersion,
        candidate.limitsVersion, candidate.parametersVersion, candidate.approvedBy || ""]
        .forEach((text) => cell(row, text));
      row.addEventListener("click", () => openCandidate(candidate.id));
      body.appendChild(row);
    });
    $("rule-sets-error").textContent = "";
  } catch (error) {
    $("rule-sets-error").textContent = error.message;
  }
  if (state.roles.includes("risk-officer")) { await loadShadow(); }
}

/** The challengers in shadow now or with rows stored, each with a button that shows its report over its rows. */
async function loadShadow() {
  try {
    const page = await api("/v1/shadow");
    const body = $("shadow-list").querySelector("tbody");
    body.replaceChildren();
    page.challengers.forEach((challenger) => {
      const row = document.createElement("tr");
      [challenger.id, challenger.kind, challenger.running ? "yes" : "no", challenger.decisions, challenger.description]
        .forEach((text) => cell(row, text));
      const open = element("button", "Report");
      open.type = "button";
      open.disabled = !challenger.firstDecidedAt;
      open.addEventListener("click", () => openShadowReport(challenger));
      row.appendChild(document.createElement("td")).appendChild(open);
      body.appendChild(row);
    });
  } catch (error) {
    $("rule-sets-error").textContent = error.message;
  }
}

async function openShadowReport(challenger) {
  const to = new Date(new Date(challenger.lastDecidedAt).getTime() + 1000).toISOString();
  const query = new URLSearchParams({ from: challenger.firstDecidedAt, to });
  try {
    $("shadow-frame").srcdoc = await api(challenger.report + "?" + query, { headers: { Accept: "text/html" } });
    $("shadow-frame").hidden = false;
  } catch (error) {
    $("rule-sets-error").textContent = error.message;
  }
}

async function openCandidate(candidateId) {
  try {
    const candidate = await api("/v1/rule-sets/" + encodeURIComponent(candidateId));
    state.candidate = candidate;
    state.files[candidate.id] = candidate.files;
    $("candidate-detail").hidden = false;
    $("candidate-title").textContent = candidate.id + ": " + candidate.status + " (by " + candidate.author + ")";
    const checks = candidate.checks;
    $("candidate-diagnostics").textContent = checks.diagnostics.length
      ? checks.diagnostics.map((d) => d.file + ":" + d.line + " " + d.rule + ": " + d.message + (d.hint ? " (" + d.hint + ")" : "")).join("\n")
      : "none";
    $("candidate-analysis").textContent = checks.analysis.length ? checks.analysis.join("\n") : "no findings";
    $("candidate-tests").textContent = checks.tests || "not run";
    renderImpact(candidate.impact);
    const own = candidate.author === state.user;
    const awaiting = candidate.status === "AWAITING_APPROVAL";
    $("approve-activate-button").hidden = !awaiting || own;
    $("approve-button").hidden = !awaiting || own;
    $("own-candidate").hidden = !awaiting || !own;
    $("activate-button").hidden = candidate.status !== "APPROVED";
    $("rollback-button").hidden = candidate.status !== "RETIRED";
    const shadowable = awaiting || candidate.status === "APPROVED";
    $("shadow-button").hidden = !shadowable || candidate.shadow != null;
    $("shadow-stop-button").hidden = candidate.shadow == null;
    await renderChanges(candidate);
    $("rule-sets-error").textContent = "";
  } catch (error) {
    $("rule-sets-error").textContent = error.message;
  }
}

/** What the candidate would have changed in the stored decisions re-run with it, one row per changed decision. */
function renderImpact(impact) {
  const target = $("candidate-impact");
  target.replaceChildren();
  if (!impact) { target.appendChild(element("p", "not measured", "hint")); return; }
  target.appendChild(element("p", impact.replayed + " recent decisions re-run, " + impact.changed.length
    + " would change", "impact-summary"));
  if (impact.changed.length) {
    const rows = impact.changed.map((c) => {
      const differences = element("ul");
      c.differences.forEach((d) => differences.appendChild(element("li", d)));
      return [c.decisionId, c.statusBefore, c.statusAfter, c.rulesResponsible.join(", "), differences];
    });
    target.appendChild(table(["decision", "was", "would be", "rules responsible", "differences"], rows));
  }
}

/** The candidate's files that differ from the active release's, each opening a side-by-side diff. */
async function renderChanges(candidate) {
  const tabs = $("candidate-changes");
  tabs.replaceChildren();
  clearDiff();
  const active = state.candidates.find((c) => c.status === "ACTIVE");
  if (!active || active.id === candidate.id) {
    $("diff-base").textContent = active ? "(this is the active release)" : "(no active release)";
    return;
  }
  const base = await releaseFiles(active.id);
  $("diff-base").textContent = "(" + active.id + ")";
  const paths = [...new Set([...Object.keys(base), ...Object.keys(candidate.files)])].sort()
    .filter((path) => base[path] !== candidate.files[path]);
  if (!paths.length) { tabs.appendChild(element("span", "no file differs", "hint")); return; }
  paths.forEach((path, index) => {
    const tab = element("button", path);
    tab.type = "button";
    tab.dataset.path = path;
    tab.addEventListener("click", () => {
      tabs.querySelectorAll("button").forEach((b) => b.classList.toggle("current", b === tab));
      clearDiff();
      state.closeDiff = ArbiterEditor.showDiff($("candidate-diff"), base[path] || "", candidate.files[path] || "", path);
    });
    tabs.appendChild(tab);
    if (index === 0) { tab.click(); }
  });
}

/** A release's files: a candidate's files never change, so each is fetched once (the whole pack is ~150 KB). */
async function releaseFiles(candidateId) {
  if (!state.files[candidateId]) {
    state.files[candidateId] = (await api("/v1/rule-sets/" + encodeURIComponent(candidateId))).files;
  }
  return state.files[candidateId];
}

function clearDiff() {
  if (state.closeDiff) { state.closeDiff(); state.closeDiff = null; }
  $("candidate-diff").replaceChildren();
}

function lifecycleStep(...steps) {
  return async () => {
    try {
      for (const step of steps) {
        await api("/v1/rule-sets/" + encodeURIComponent(state.candidate.id) + "/" + step, { method: "POST" });
      }
    } catch (error) {
      $("rule-sets-error").textContent = error.message;
      return;
    } finally {
      await loadCandidates();
    }
    await openCandidate(state.candidate.id);
  };
}
$("approve-activate-button").addEventListener("click", lifecycleStep("approve", "activate"));
$("approve-button").addEventListener("click", lifecycleStep("approve"));
$("activate-button").addEventListener("click", lifecycleStep("activate"));
$("rollback-button").addEventListener("click", lifecycleStep("rollback"));
$("shadow-button").addEventListener("click", lifecycleStep("shadow"));
$("shadow-stop-button").addEventListener("click", lifecycleStep("shadow/stop"));

// Models: candidates with their validation reports, the quality bar, approve / activate / retire / roll back, shadow,
// proposals of registered models.

async function loadModels() {
  try {
    const page = await api("/v1/models/candidates");
    const bar = page.qualityBar;
    $("quality-bar").textContent = "Quality bar: accuracy at least " + bar.minAccuracyLift + " above the best baseline, log-loss at most "
      + bar.maxLogLoss + ", AUC at least " + bar.minAuc + ", fold spread at most " + bar.maxFoldSpread
      + ", calibration error at most " + bar.maxCalibrationError + ", at least " + bar.minSamples + " out-of-sample predictions.";
    const body = $("model-list").querySelector("tbody");
    body.replaceChildren();
    page.candidates.slice().reverse().forEach((c) => {
      const row = document.createElement("tr");
      row.dataset.candidateId = c.id;
      [c.id, c.status, c.model, c.version, c.symbol, c.purpose, c.role, c.outOfSampleAccuracy.toFixed(4), c.auc.toFixed(4),
        c.weight.toFixed(4), c.approvedBy || "", c.activatedBy || "", c.inShadow ? "yes" : ""].forEach((text) => cell(row, text));
      row.addEventListener("click", () => openModel(c.id));
      body.appendChild(row);
    });
    $("models-error").textContent = "";
  } catch (error) {
    $("models-error").textContent = error.message;
  }
}

async function openModel(candidateId) {
  try {
    const c = await api("/v1/models/candidates/" + encodeURIComponent(candidateId));
    state.model = c;
    $("model-detail").hidden = false;
    $("model-title").textContent = c.id + ": " + c.model + " " + c.version + " for " + c.symbol + " " + c.purpose + " ("
      + c.role + "), " + c.status + " (proposed by " + c.author + ")";
    $("model-shortfalls").textContent = c.shortfalls.length ? "Below the quality bar: " + c.shortfalls.join("; ") : "";
    $("model-validation").replaceChildren(validationTables(c.validation));
    const own = c.author === state.user;
    const awaiting = c.status === "AWAITING_APPROVAL";
    $("model-approve-button").hidden = !awaiting || own;
    $("own-model").hidden = !awaiting || !own;
    $("model-activate-button").hidden = c.status !== "APPROVED";
    $("model-alongside-button").hidden = c.status !== "APPROVED" || c.role !== "PRIMARY";
    $("model-retire-button").hidden = c.status !== "ACTIVE";
    $("model-rollback-button").hidden = c.status !== "RETIRED";
    $("model-shadow-button").hidden = !(awaiting || c.status === "APPROVED") || c.inShadow;
    $("model-shadow-stop-button").hidden = !c.inShadow;
    $("models-error").textContent = "";
  } catch (error) {
    $("models-error").textContent = error.message;
  }
}

/** The learner beside the baselines, its folds and its calibration, as the validation report holds them. */
function validationTables(v) {
  const box = element("div");
  const fixed = (x) => (x == null ? "" : Number(x).toFixed(4));
  box.appendChild(element("p", v.samples + " samples " + v.dataFrom + " .. " + v.dataTo + ", " + v.folds
    + " folds, data SHA-256 " + v.dataSha256, "hint"));
  const rows = [[v.learner, v.outOfSample.samples, fixed(v.outOfSample.accuracy), fixed(v.outOfSample.logLoss), fixed(v.outOfSample.auc)]];
  v.baselines.forEach((b) => rows.push([b.id, b.outOfSample.samples, fixed(b.outOfSample.accuracy), fixed(b.outOfSample.logLoss),
    fixed(b.outOfSample.auc)]));
  box.appendChild(table(["model", "out-of-sample", "accuracy", "log-loss", "AUC"], rows));
  box.appendChild(element("p", "Lift over " + v.bestBaseline + ": " + fixed(v.accuracyLift) + "; fold accuracies "
    + v.foldAccuracies.map(fixed).join(" ") + " (spread " + fixed(v.foldAccuracySpread) + "); calibration error "
    + fixed(v.calibration.expectedCalibrationError) + ", Brier " + fixed(v.calibration.brier)));
  box.appendChild(table(["predicted", "predictions", "mean predicted", "observed up"], v.calibration.bins.map((b) =>
    [fixed(b.lower) + " to " + fixed(b.upper), b.count, fixed(b.meanPredicted), fixed(b.observedUpShare)])));
  return box;
}

function modelStep(step, body) {
  return async () => {
    try {
      await api("/v1/models/candidates/" + encodeURIComponent(state.model.id) + "/" + step,
        Object.assign({ method: "POST" }, body ? { body: JSON.stringify(body) } : {}));
    } catch (error) {
      $("models-error").textContent = error.message;
      return;
    } finally {
      await loadModels();
    }
    await openModel(state.model.id);
  };
}
$("model-approve-button").addEventListener("click", modelStep("approve"));
$("model-activate-button").addEventListener("click", modelStep("activate"));
$("model-alongside-button").addEventListener("click", modelStep("activate", { alongside: true }));
$("model-retire-button").addEventListener("click", modelStep("retire"));
$("model-rollback-button").addEventListener("click", modelStep("rollback"));
$("model-shadow-button").addEventListener("click", modelStep("shadow"));
$("model-shadow-stop-button").addEventListener("click", modelStep("shadow/stop"));

$("propose-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const optional = (id) => $(id).value.trim() || undefined;
  const proposal = { model: $("propose-model").value.trim(), version: $("propose-version").value.trim(),
    symbol: optional("propose-symbol"), purpose: optional("propose-purpose"), role: $("propose-role").value,
    note: optional("propose-note") };
  try {
    const candidate = await api("/v1/models/candidates", { method: "POST", body: JSON.stringify(proposal) });
    await loadModels();
    await openModel(candidate.id);
  } catch (error) {
    await loadModels(); // a refusal at the quality bar is stored too: list it, then say why
    $("models-error").textContent = error.message;
  }
});

const uploadEditor = ArbiterEditor.createEditor($("upload-editor"));
$("upload-path").addEventListener("input", () => uploadEditor.setPath($("upload-path").value.trim()));

$("load-active-file").addEventListener("click", async () => {
  const active = state.candidates.find((c) => c.status === "ACTIVE");
  if (!active) { return; }
  try {
    const files = await releaseFiles(active.id);
    const path = $("upload-path").value.trim() || "limits.json";
    $("upload-path").value = path;
    uploadEditor.setText(files[path] || "", path);
    $("rule-sets-error").textContent = files[path] ? "" : path + " is not in the active pack";
  } catch (error) {
    $("rule-sets-error").textContent = error.message;
  }
});

$("stage-file").addEventListener("click", () => {
  const path = $("upload-path").value.trim();
  if (!path) {
    $("rule-sets-error").textContent = "Name the file's path in the pack first, e.g. limits.json";
    return;
  }
  state.staged[path] = uploadEditor.getText();
  $("staged-files").textContent = Object.keys(state.staged).join(", ");
  $("rule-sets-error").textContent = "";
});

function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

$("upload-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const files = Object.assign({}, state.staged);
  for (const file of $("upload-files").files) {
    files[file.webkitRelativePath || file.name] = await readFile(file);
  }
  try {
    const candidate = await api("/v1/rule-sets",
      { method: "POST", body: JSON.stringify({ note: $("upload-note").value, files }) });
    state.staged = {};
    $("staged-files").textContent = "none";
    await loadCandidates();
    await openCandidate(candidate.id);
  } catch (error) {
    $("rule-sets-error").textContent = error.message;
  }
});

// Reports and the audit chain.

$("period-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const query = new URLSearchParams({ from: $("period-from").value.trim(), to: $("period-to").value.trim() });
  try {
    $("period-frame").srcdoc = await api("/v1/reports/period?" + query);
    $("reports-error").textContent = "";
  } catch (error) {
    $("reports-error").textContent = error.message;
  }
});

$("verify-button").addEventListener("click", async () => {
  try {
    $("verify-result").textContent = JSON.stringify(await api("/v1/audit/verify"), null, 2);
  } catch (error) {
    $("verify-result").textContent = error.message;
  }
});

// Risk: the live picture from the engine's own state, streamed (server-sent events read through fetch, so the
// sign-in token goes with them), with the officer's controls.

let riskStream = null;

async function streamRisk() {
  stopRisk();
  const controller = new AbortController();
  riskStream = controller;
  try {
    const response = await fetch("/v1/risk/stream", {
      headers: { Authorization: state.auth, Accept: "text/event-stream" }, signal: controller.signal });
    if (!response.ok) { throw new Error(response.status + " " + response.statusText); }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) { break; }
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split("\n").filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5)).join("\n");
        if (data) { renderRisk(JSON.parse(data)); }
      }
    }
  } catch (error) {
    if (error.name !== "AbortError") { $("risk-error").textContent = "Risk view: " + error.message; }
  }
}

function stopRisk() {
  if (riskStream) { riskStream.abort(); riskStream = null; }
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text != null) { node.textContent = String(text); }
  if (className) { node.className = className; }
  return node;
}

function amount(value) {
  return value == null ? "" : Number(value).toLocaleString("en", { maximumFractionDigits: 2 });
}

function percent(value) {
  return value == null ? "" : (100 * Number(value)).toFixed(2) + " %";
}

function officer() {
  return state.roles.includes("risk-officer") || state.roles.includes("admin");
}

function actionButton(label, path, body) {
  const button = element("button", label);
  button.type = "button";
  button.addEventListener("click", async () => {
    const reason = $("risk-reason").value.trim();
    if (!reason) { $("risk-error").textContent = "Give a reason first: it is recorded with your name."; return; }
    try {
      await api(path, { method: "POST", body: JSON.stringify(Object.assign({ reason }, body)) });
      $("risk-error").textContent = "";
      renderRisk(await api("/v1/risk"));
    } catch (error) {
      $("risk-error").textContent = error.message;
    }
  });
  return button;
}

function tradingButtons(scope, target) {
  const span = element("span", null, "actions");
  span.appendChild(actionButton("Halt", "/v1/trading-state", { scope, target, state: "HALTED" }));
  span.appendChild(actionButton("Reduce only", "/v1/trading-state", { scope, target, state: "REDUCING" }));
  span.appendChild(actionButton("Resume", "/v1/trading-state", { scope, target, state: "ACTIVE" }));
  const reach = { ACCOUNT: "this account", INSTRUMENT: target + " for every account", GLOBAL: "every account and instrument" };
  span.querySelectorAll("button").forEach((button) => { button.title = button.textContent + ": " + reach[scope]; });
  return span;
}

function killButtons(scope, target, engaged) {
  return actionButton(engaged ? "Release kill switch" : "Engage kill switch", "/v1/kill-switch",
    { scope, target, engaged: !engaged });
}

function table(headers, rows) {
  const t = element("table");
  const head = t.createTHead().insertRow();
  headers.forEach((h) => head.appendChild(element("th", h)));
  const body = t.createTBody();
  rows.forEach((cells) => {
    const row = body.insertRow();
    cells.forEach((c) => {
      const td = row.insertCell();
      if (c instanceof Node) { td.appendChild(c); } else { td.textContent = c == null ? "" : String(c); }
    });
  });
  return t;
}

function renderRisk(snapshot) {
  $("risk-at").textContent = "as of " + snapshot.at;
  const desk = $("risk-desk");
  desk.replaceChildren();
  const controls = snapshot.controls.map((c) => c.scope + " " + c.target + ": " + c.state + " by " + c.changedBy
    + " (" + c.reason + ")");
  desk.appendChild(element("p", "Desk: " + (controls.length ? controls.join("; ") : "no instrument or global control")
    + (snapshot.deskKillSwitch ? "; KILL SWITCH ENGAGED by " + snapshot.deskKillSwitch.engagedBy : ""), "desk-state"));
  if (officer()) {
    const actions = element("p");
    actions.appendChild(element("span", "Everything: "));
    actions.appendChild(tradingButtons("GLOBAL", "*"));
    actions.appendChild(killButtons("GLOBAL", "*", snapshot.deskKillSwitch != null));
    desk.appendChild(actions);
  }
  const accounts = $("risk-accounts");
  accounts.replaceChildren();
  snapshot.accounts.forEach((a) => {
    const card = element("div", null, "risk-account");
    card.dataset.account = a.accountId;
    const title = element("h3", a.accountId + " ");
    title.appendChild(element("span", a.tradingState, "state state-" + a.tradingState));
    if (a.killSwitch) { title.appendChild(element("span", "KILL SWITCH", "state state-HALTED")); }
    card.appendChild(title);
    card.appendChild(element("p", "equity " + amount(a.equity) + " · high-water mark " + amount(a.highWaterMark)
      + " · drawdown " + percent(a.drawdown) + " · day's P&L " + amount(a.dailyPnl) + " · gross exposure "
      + amount(a.grossExposure) + " · margin ratio " + percent(a.marginRatio)));
    if (a.control) {
      card.appendChild(element("p", a.control.state + " by " + a.control.changedBy + ": " + a.control.reason, "hint"));
    }
    a.limits.forEach((use) => {
      const line = element("div", null, "limit" + (use.utilisation >= 0.9 ? " near" : ""));
      line.dataset.limit = use.limit;
      line.appendChild(element("span", use.limit, "limit-name"));
      const bar = element("div", null, "bar");
      const fill = element("div", null, "fill");
      fill.style.width = Math.min(100, 100 * use.utilisation).toFixed(1) + "%";
      bar.appendChild(fill);
      line.appendChild(bar);
      line.appendChild(element("span", percent(use.utilisation) + " (" + amount(use.figure) + " of "
        + amount(use.value) + ")", "limit-use"));
      card.appendChild(line);
    });
    if (officer()) {
      const actions = element("p");
      actions.appendChild(tradingButtons("ACCOUNT", a.accountId));
      actions.appendChild(killButtons("ACCOUNT", a.accountId, a.killSwitch != null));
      card.appendChild(actions);
    }
    const held = a.exposures.filter((e) => Number(e.positionQuantity) !== 0 || Number(e.openOrderNotional) !== 0);
    if (held.length) {
      card.appendChild(table(["symbol", "position", "mark", "notional", "working orders", "unrealised P&L",
        "liquidation price", "to liquidation", ""], held.map((e) => [e.symbol, amount(e.positionQuantity),
        amount(e.markPrice), amount(e.positionNotional), amount(e.openOrderNotional), amount(e.unrealisedPnl),
        amount(e.liquidationPrice), percent(e.liquidationDistance),
        officer() ? tradingButtons("INSTRUMENT", e.symbol) : ""])));
    }
    if (a.workingOrders.length) {
      card.appendChild(table(["order", "symbol", "side", "remaining", "price", "status"], a.workingOrders.map((o) =>
        [o.orderId, o.symbol, o.side, amount(o.quantity - (o.filledQuantity || 0)), amount(o.price), o.status])));
    }
    accounts.appendChild(card);
  });
  const feeds = $("risk-feeds").tBodies[0];
  feeds.replaceChildren();
  snapshot.feeds.forEach((f) => {
    const row = feeds.insertRow();
    cell(row, f.symbol);
    cell(row, f.lastBarEnd);
    cell(row, f.ageSeconds + " s");
  });
  applyRoles();
}
