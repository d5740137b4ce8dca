/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * notice.html, the ribbon's dialog, answers Close with messageParent: "To use the messageParent method,
 * the dialog box must first initialize the Office JavaScript API"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins).
 */
const HTML = readFileSync(resolve(__dirname, "../../src/commands/notice.html"), "utf8");
const SCRIPT = readFileSync(resolve(__dirname, "../../src/commands/notice.js"), "utf8");

test("notice.html has no inline script: it loads notice.js after its elements", () => {
  expect([...HTML.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/g)]).toEqual([]);
  expect(HTML).toMatch(/<button id="close"[\s\S]*<script src="notice\.js"><\/script>/);
});

function openNotice(query: string) {
  const sent: string[] = [];
  let onReady: (() => void) | undefined;
  const office = {
    onReady: (callback: () => void) => {
      onReady = callback;
    },
    context: {
      ui: {
        messageParent: (message: string) => {
          if (!onReady || ready.done === false) throw new Error("messageParent before Office.onReady");
          sent.push(message);
        },
      },
    },
  };
  const ready = { done: false };
  (window as unknown as { Office?: unknown }).Office = office;
  window.history.replaceState(null, "", `/notice.html?${query}`);
  document.documentElement.innerHTML = HTML.replace(/<script[^>]*src=[^>]*><\/script>/g, "");
  // The page's own script, notice.js, as the page loads it after its elements.
  new Function(SCRIPT)();
  return {
    sent,
    click: () => document.getElementById("close")!.click(),
    officeReady: () => {
      ready.done = true;
      onReady?.();
    },
  };
}

test("the message in both languages, and Close answers the add-in only after Office.onReady", () => {
  const notice = openNotice("sv=Ingen%20budget%20hittades&en=No%20budget%20found");
  expect(document.getElementById("sv")!.textContent).toBe("Ingen budget hittades");
  expect(document.getElementById("en")!.textContent).toBe("No budget found");
  notice.click();
  expect(notice.sent).toEqual([]);
  notice.officeReady();
  expect(notice.sent).toEqual(["close"]);
  notice.click();
  expect(notice.sent).toEqual(["close", "close"]);
});
