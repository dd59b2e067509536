// Arbiter console: a thin client of the /v1 API. The server checks every call against the user's roles; the
// console only hides what a role may not do. The password is sent once, to sign in; the page then holds a
// short-lived sign-in token in memory (never in storage) and signs in again when it has ended.
"use strict";

const state = { auth: null, roles: [], decisionId: null, candidate: null, candidates: [], staged: {} };

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
  document.querySelectorAll("#nav button").forEach((b) => b.classList.toggle("current", b.dataset.view === view));
  if (view === "decisions") { searchDecisions(); }
  if (view === "rule-sets") { loadCandidates(); }
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
  state.auth = null;
  state.roles = [];
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

// Rule sets: candidates, their checks and impact, approve / activate / roll back, upload.

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
}

async function openCandidate(candidateId) {
  try {
    const candidate = await api("/v1/rule-sets/" + encodeURIComponent(candidateId));
    state.candidate = candidate;
    $("candidate-detail").hidden = false;
    $("candidate-title").textContent = candidate.id + ": " + candidate.status + " (by " + candidate.author + ")";
    const checks = candidate.checks;
    $("candidate-diagnostics").textContent = checks.diagnostics.length
      ? checks.diagnostics.map((d) => d.file + ":" + d.line + " " + d.rule + ": " + d.message + (d.hint ? " (" + d.hint + ")" : "")).join("\n")
      : "none";
    $("candidate-analysis").textContent = checks.analysis.length ? checks.analysis.join("\n") : "no findings";
    $("candidate-tests").textContent = checks.tests || "not run";
    const impact = candidate.impact;
    $("candidate-impact").textContent = !impact ? "not measured"
      : impact.replayed + " recent decisions re-run, " + impact.changed.length + " would change\n"
        + impact.changed.map((c) => c.decisionId + ": " + c.statusBefore + " -> " + c.statusAfter
          + " (" + c.rulesResponsible.join(", ") + ")\n  " + c.differences.join("\n  ")).join("\n");
    $("approve-button").hidden = candidate.status !== "AWAITING_APPROVAL";
    $("activate-button").hidden = candidate.status !== "APPROVED";
    $("rollback-button").hidden = candidate.status !== "RETIRED";
    $("rule-sets-error").textContent = "";
  } catch (error) {
    $("rule-sets-error").textContent = error.message;
  }
}

function lifecycleStep(step) {
  return async () => {
    try {
      await api("/v1/rule-sets/" + encodeURIComponent(state.candidate.id) + "/" + step, { method: "POST" });
      await loadCandidates();
      await openCandidate(state.candidate.id);
    } catch (error) {
      $("rule-sets-error").textContent = error.message;
    }
  };
}
$("approve-button").addEventListener("click", lifecycleStep("approve"));
$("activate-button").addEventListener("click", lifecycleStep("activate"));
$("rollback-button").addEventListener("click", lifecycleStep("rollback"));

$("load-active-file").addEventListener("click", async () => {
  const active = state.candidates.find((c) => c.status === "ACTIVE");
  if (!active) { return; }
  try {
    const full = await api("/v1/rule-sets/" + encodeURIComponent(active.id));
    const path = $("upload-path").value.trim() || "limits.json";
    $("upload-path").value = path;
    $("upload-content").value = full.files[path] || "";
    $("rule-sets-error").textContent = full.files[path] ? "" : path + " is not in the active pack";
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
  state.staged[path] = $("upload-content").value;
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
