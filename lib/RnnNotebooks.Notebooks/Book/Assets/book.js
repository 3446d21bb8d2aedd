// The RnnNotebooks book's script: runs from file:// with no network.
// 1. Plotly.NET's chart HTML asks require.js for plotly.js on a CDN. This stand-in for requirejs hands the
//    charts the Plotly object from the local assets/plotly.min.js instead, so they draw offline.
// 2. Equations (Markdig writes $...$ and $$...$$ as .math elements) are drawn by KaTeX as MathML,
//    which the browser renders natively.
(function () {
  "use strict";
  if (typeof window.requirejs !== "function") {
    var localRequire = function (modules, callback) {
      callback.apply(null, modules.map(function (name) { return name === "plotly" ? window.Plotly : undefined; }));
    };
    localRequire.config = function () { return localRequire; };
    window.requirejs = localRequire;
    window.require = window.require || localRequire;
  }

  function texOf(element) {
    var tex = element.textContent.trim();
    var delimiters = [["\\(", "\\)"], ["\\[", "\\]"], ["$$", "$$"], ["$", "$"]];
    for (var i = 0; i < delimiters.length; i++) {
      var open = delimiters[i][0], close = delimiters[i][1];
      if (tex.startsWith(open) && tex.endsWith(close) && tex.length >= open.length + close.length) {
        return tex.slice(open.length, tex.length - close.length);
      }
    }
    return tex;
  }

  function drawEquations() {
    document.querySelectorAll(".math").forEach(function (element) {
      katex.render(texOf(element), element, {
        displayMode: element.tagName === "DIV" || element.classList.contains("display"),
        output: "mathml",
        throwOnError: false,
      });
    });
  }

  document.addEventListener("DOMContentLoaded", drawEquations);
})();
