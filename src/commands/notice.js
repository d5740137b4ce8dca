// notice.html's message from its address, and Close: a file, so the host's Content-Security-Policy needs
// no 'unsafe-inline' for scripts. ES5, as the page may open in an old webview.
(function () {
  var query = new URLSearchParams(window.location.search);
  document.getElementById("sv").textContent = query.get("sv") || "";
  document.getElementById("en").textContent = query.get("en") || "";
  // messageParent only once Office.js is initialised (Office.onReady); a click before then waits for it.
  var ready = false;
  var asked = false;
  function close() {
    if (!window.Office) window.close();
    else if (ready && Office.context && Office.context.ui) Office.context.ui.messageParent("close");
    else asked = true;
  }
  if (window.Office) {
    Office.onReady(function () {
      ready = true;
      if (asked) close();
    });
  }
  document.getElementById("close").onclick = close;
})();
