// The query page: runs SPARQL against /sparql and shows the answer as a table.
// Every value is put on the page with textContent, so text from articles stays text.
"use strict";

const examples = JSON.parse(document.getElementById("example-queries").textContent);
const picker = document.getElementById("examples");
const box = document.getElementById("query");
const statusLine = document.getElementById("status");
const table = document.getElementById("results");

for (const name of Object.keys(examples)) {
  const option = document.createElement("option");
  option.value = name;
  option.textContent = "@" + name;
  picker.appendChild(option);
}
picker.addEventListener("change", () => {
  if (picker.value) box.value = examples[picker.value];
});

function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

async function run() {
  statusLine.textContent = "running…";
  table.replaceChildren();
  const started = performance.now();
  const response = await fetch("/sparql", {
    method: "POST",
    headers: {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    body: box.value,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    statusLine.textContent = "error " + response.status + ": " + (await response.text());
    return;
  }
  const type = response.headers.get("content-type") || "";
  if (!type.includes("json")) {  // CONSTRUCT / DESCRIBE: show the triples as text
    const pre = cell("pre", await response.text());
    const row = document.createElement("tr");
    const data = document.createElement("td");
    data.appendChild(pre);
    row.appendChild(data);
    table.appendChild(row);
    statusLine.textContent = "graph in " + seconds + " s";
    return;
  }
  const answer = await response.json();
  if ("boolean" in answer) {
    statusLine.textContent = "answer: " + answer.boolean + " (" + seconds + " s)";
    return;
  }
  const names = answer.head.vars;
  const head = document.createElement("tr");
  for (const name of names) head.appendChild(cell("th", name));
  table.appendChild(head);
  for (const binding of answer.results.bindings) {
    const row = document.createElement("tr");
    for (const name of names) row.appendChild(cell("td", binding[name] ? binding[name].value : ""));
    table.appendChild(row);
  }
  statusLine.textContent = answer.results.bindings.length + " row(s) in " + seconds + " s";
}

document.getElementById("run").addEventListener("click", () => run().catch((e) => {
  statusLine.textContent = "error: " + e;
}));
