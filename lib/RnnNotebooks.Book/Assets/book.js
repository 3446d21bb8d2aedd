// The RnnNotebooks book's script: runs from file:// with no network.
// Plotly.NET's chart HTML asks require.js for plotly.js on a CDN. This stand-in for requirejs hands the charts
// the Plotly object from the local assets/plotly.min.js instead, so they draw offline.
// (Equations need no script: rnnbook writes them as MathML, which the browser draws itself.)
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
})();
