// The customer's answer form: the single-use token comes in the URL fragment (never sent
// to a server in a URL), the questions come from the questionnaire version in force.
(function () {
  "use strict";
  var zh = !/^en/i.test(navigator.language || "zh");
  var t = function (cn, en) { return zh ? cn : en; };
  var levels = [
    ["very_satisfied", "很满意", "Very satisfied"],
    ["satisfied", "满意", "Satisfied"],
    ["neutral", "一般", "Neutral"],
    ["dissatisfied", "不满意", "Dissatisfied"],
    ["very_dissatisfied", "很不满意", "Very dissatisfied"]
  ];
  var token = decodeURIComponent((location.hash || "").replace(/^#/, ""));
  var form = document.getElementById("form");
  var message = document.getElementById("message");
  function say(text, cls) { message.textContent = text; message.className = cls || ""; }
  function post(path, body) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    });
  }
  function problem(r) {
    return r.json().then(function (p) {
      var fields = (p.errors || []).map(function (e) { return e.field + ": " + e.message; });
      return (p.detail || p.title || r.status) + (fields.length ? " (" + fields.join("; ") + ")" : "");
    }, function () { return String(r.status); });
  }
  if (!token) { say(t("链接不完整。", "The link is incomplete."), "error"); return; }
  post("/api/v1/answer-form", { token: token }).then(function (r) {
    if (!r.ok) {
      say(t("链接无效、已使用或已过期。", "This link is not valid, was used or has expired."), "error");
      return null;
    }
    return r.json();
  }).then(function (f) {
    if (!f) return;
    document.getElementById("intro").textContent = t(
      "服务单 " + f.work_order_number + "，技术员 " + f.technician_name + "，上门日期 " + f.visit_date,
      "Work order " + f.work_order_number + ", technician " + f.technician_name + ", visit on " + f.visit_date);
    f.questions.forEach(function (q) {
      var set = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.textContent = (zh ? q.text_zh : q.text_en) + (q.required ? " *" : "");
      set.appendChild(legend);
      var choices = q.kind === "yes_no" ? [["true", "是", "Yes"], ["false", "否", "No"]]
        : q.kind === "rating" ? levels : null;
      if (choices) {
        choices.forEach(function (c) {
          var label = document.createElement("label");
          var input = document.createElement("input");
          input.type = "radio"; input.name = q.key; input.value = c[0]; input.required = !!q.required;
          label.appendChild(input);
          label.appendChild(document.createTextNode(" " + t(c[1], c[2])));
          set.appendChild(label);
        });
      } else {
        var area = document.createElement("textarea");
        area.name = q.key; area.maxLength = 2000;
        set.appendChild(area);
      }
      form.appendChild(set);
    });
    var button = document.createElement("button");
    button.type = "submit";
    button.textContent = t("提交", "Submit");
    form.appendChild(button);
    form.hidden = false;
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var answers = [];
      f.questions.forEach(function (q) {
        if (q.kind === "text") {
          var v = form.elements[q.key].value;
          if (v.trim()) answers.push({ key: q.key, text: v });
          return;
        }
        var chosen = form.querySelector("input[name='" + q.key + "']:checked");
        if (!chosen) return;
        answers.push(q.kind === "yes_no"
          ? { key: q.key, yes: chosen.value === "true" }
          : { key: q.key, level: chosen.value });
      });
      button.disabled = true;
      post("/api/v1/answer-form/answers", { token: token, answers: answers }).then(function (r) {
        if (r.status === 204) {
          form.hidden = true;
          say(t("感谢您的评价！", "Thank you for your feedback!"), "done");
        } else {
          button.disabled = false;
          problem(r).then(function (text) { say(text, "error"); });
        }
      });
    });
  });
}());
