// Drives the customer's answer form in headless Chromium: the page loads the questions
// for the token in the URL fragment, the customer picks answers and submits, the page
// thanks them; reloading shows the link is used up. Exits non-zero on any failure or
// any script error on the page.
//
// node tests/browser/answer_form.mjs <gateway root URL> <token>
// (playwright-core is looked up in AFTERCARE_BROWSER_MODULES, see deploy/install-tools.sh)
import { createRequire } from "node:module";

const require = createRequire(`${process.env.AFTERCARE_BROWSER_MODULES}/`);
const { chromium } = require("playwright-core");
const [root, token] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: process.env.AFTERCARE_CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const problems = [];
try {
  const page = await browser.newPage({ locale: "en-US" });
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  // The page's own 404s (the favicon; the used-up link after the reload) are expected and
  // checked through what the page shows; any other console error is a failure.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) {
      problems.push(`console: ${m.text()}`);
    }
  });
  await page.goto(`${root}/answer.html#${token}`);
  await page.waitForSelector("#form:not([hidden]) button[type=submit]", { timeout: 15000 });
  const intro = await page.textContent("#intro");
  if (!/Work order W\d{4}-\d{6}/.test(intro)) problems.push(`intro: ${intro}`);
  await page.check("input[name=machine_working][value=true]");
  await page.check("input[name=explained][value=true]");
  for (const key of ["technician_attitude", "technician_skill", "agent_attitude", "on_site_speed"]) {
    await page.check(`input[name=${key}][value=very_satisfied]`);
  }
  await page.fill("textarea[name=comments]", "Fast and friendly");
  await page.click("button[type=submit]");
  await page.waitForSelector("#message.done", { timeout: 15000 });
  const thanks = await page.textContent("#message");
  if (!/Thank you/.test(thanks)) problems.push(`after submit: ${thanks}`);
  // The link is single use.
  await page.reload();
  await page.waitForSelector("#message.error", { timeout: 15000 });
} catch (e) {
  problems.push(String(e));
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("answer form: loaded, answered, used up");
