// Excel's old webviews, Trident (Internet Explorer 11) and EdgeHTML (Edge Legacy, "Edge/"; the
// Chromium Edge of WebView2 says "Edg/"), cannot run the pane (React 19, ES2022): a message instead
// of a blank pane, and a mark that keeps the pane's bundle (deferred, so it runs after this) from
// rendering. See "Support older Microsoft webviews and Office versions" (learn.microsoft.com,
// office/dev/add-ins/develop/support-ie-11). ES5 only, no arrow functions, no let/const: Trident runs it
// (test/project/oldWebview.test.ts checks both).
(function () {
  var agent = navigator.userAgent || "";
  if (agent.indexOf("Trident") === -1 && agent.indexOf("Edge/") === -1) return;
  var container = document.getElementById("container");
  if (!container) return;
  container.setAttribute("data-unsupported-webview", "true");
  container.innerHTML =
    '<div role="alert" style="font-family: Segoe UI, sans-serif; font-size: 14px; padding: 16px;">' +
    '<p lang="sv"><strong>Finsam-budget behöver en nyare version av Excel (Microsoft 365 eller Office 2021 och senare).</strong> ' +
    "Den här Excel visar tillägg med en äldre webbläsare (Internet Explorer eller Edge Legacy) som inte kan köra Finsam-budget. " +
    "Be IT-avdelningen uppdatera Office eller installera Microsoft Edge WebView2, eller använd Excel på webben.</p>" +
    '<p lang="en"><strong>Finsam budget needs a newer version of Excel (Microsoft 365, or Office 2021 and later).</strong> ' +
    "This Excel shows add-ins in an older browser (Internet Explorer or Edge Legacy) that cannot run Finsam budget. " +
    "Ask your IT department to update Office or install Microsoft Edge WebView2, or use Excel on the web.</p>" +
    "</div>";
})();
