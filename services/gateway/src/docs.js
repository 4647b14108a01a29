// Renders the served OpenAPI document as a browsable page; no third-party code.
"use strict";
(async function () {
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const k of kids) e.append(k);
    return e;
  };
  const doc = await (await fetch("/api/v1/openapi.json")).json();
  const schemas = doc.components.schemas;
  const resolve = (s) => {
    if (s && s.$ref) return schemas[s.$ref.split("/").pop()] || s;
    return s;
  };
  document.getElementById("version").textContent = "version " + doc.info.version;
  document.getElementById("intro").textContent = doc.info.description;
  const byTag = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags || ["other"])[0];
      (byTag[tag] = byTag[tag] || []).push({ path, method, op });
    }
  }
  const ops = document.getElementById("ops");
  ops.textContent = "";
  const nav = document.getElementById("tags");
  for (const [tag, list] of Object.entries(byTag)) {
    nav.append(el("a", { href: "#tag-" + tag }, tag));
    const sec = el("section", { class: "tag", id: "tag-" + tag }, el("h2", {}, tag));
    for (const { path, method, op } of list) {
      const body = el("div", { class: "body" });
      body.append(el("p", {}, op.description || ""));
      if (op.parameters && op.parameters.length) {
        const t = el("table", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "required"), el("th", {}, "meaning")));
        for (const p of op.parameters) {
          t.append(el("tr", {}, el("td", {}, p.name), el("td", {}, p.in), el("td", {}, p.required ? "yes" : "no"), el("td", {}, p.description || "")));
        }
        body.append(t);
      }
      if (op.requestBody) {
        body.append(el("h4", {}, "Request body"));
        body.append(el("pre", {}, JSON.stringify(resolve(op.requestBody.content["application/json"].schema), null, 2)));
      }
      for (const [status, r] of Object.entries(op.responses)) {
        const resp = r.$ref ? doc.components.responses[r.$ref.split("/").pop()] : r;
        body.append(el("h4", {}, "Response " + status));
        body.append(el("p", {}, resp.description || ""));
        const content = resp.content && Object.values(resp.content)[0];
        if (content && content.schema && status !== "default") {
          body.append(el("pre", {}, JSON.stringify(resolve(content.schema), null, 2)));
        }
      }
      sec.append(el("details", { class: "op", id: op.operationId },
        el("summary", {}, el("span", { class: "method " + method }, method.toUpperCase()), " ",
          el("span", { class: "path" }, path), " — ", op.summary || ""),
        body));
    }
    ops.append(sec);
  }
})().catch((e) => { document.getElementById("ops").textContent = "Could not load the API document: " + e; });
