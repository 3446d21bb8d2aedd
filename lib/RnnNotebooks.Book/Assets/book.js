// The RnnNotebooks book's script: runs from file:// with no network.
// Plotly.NET's chart HTML asks require.js for plotly.js on a CDN. This stand-in for requirejs hands the charts
// the Plotly object from the local assets/plotly.min.js instead, so they draw offline.
// (Equations need no script: rnnbook writes them as MathML, which the browser draws itself.)
// Also: the light/dark toggle (remembered in localStorage) and the search over search-index.js (loaded with the page).
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

  // Theme: the stored choice, else the system's (prefers-color-scheme, in book.css). Set before the body draws.
  var themeKey = "rnnbook-theme";
  function stored() { try { return window.localStorage.getItem(themeKey); } catch (e) { return null; } }
  function store(theme) { try { window.localStorage.setItem(themeKey, theme); } catch (e) { /* private mode: not remembered */ } }
  var root = document.documentElement;
  var chosen = stored();
  if (chosen === "light" || chosen === "dark") { root.setAttribute("data-theme", chosen); }
  function currentTheme() {
    var set = root.getAttribute("data-theme");
    if (set) { return set; }
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  // Search: every query word must occur in a section's heading or text (case-insensitive).
  var prepared = null;
  function sections() {
    if (!prepared) {
      prepared = (window.rnnbookSearchIndex || []).map(function (s) {
        return { section: s, words: (s.heading + " " + s.text).toLowerCase() };
      });
    }
    return prepared;
  }
  function search(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) { return []; }
    return sections().filter(function (p) {
      return terms.every(function (t) { return p.words.indexOf(t) >= 0; });
    }).map(function (p) { return p.section; });
  }
  function snippet(text, term) {
    var at = text.toLowerCase().indexOf(term);
    if (at < 0) { return text.slice(0, 100); }
    var start = Math.max(0, at - 40);
    return (start > 0 ? "…" : "") + text.slice(start, at + term.length + 60) + "…";
  }
  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function showResults(list, query) {
    list.textContent = "";
    if (query.trim().length === 0) { list.hidden = true; return; }
    var found = search(query);
    if (found.length === 0) {
      list.appendChild(element("li", "empty", "No section contains “" + query.trim() + "”."));
    }
    var first = query.trim().toLowerCase().split(/\s+/)[0];
    found.slice(0, 50).forEach(function (s) {
      var item = element("li", "result");
      var link = element("a");
      link.href = s.page + (s.anchor ? "#" + s.anchor : "");
      link.appendChild(element("span", "result-chapter", s.chapter));
      link.appendChild(element("span", "result-section", s.heading));
      link.appendChild(element("span", "result-text", snippet(s.text, first)));
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("theme-toggle");
    if (toggle) {
      toggle.addEventListener("click", function () {
        var next = currentTheme() === "dark" ? "light" : "dark";
        root.setAttribute("data-theme", next);
        store(next);
      });
    }
    var box = document.getElementById("search"), list = document.getElementById("search-results");
    if (box && list) {
      box.addEventListener("input", function () { showResults(list, box.value); });
      box.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { box.value = ""; showResults(list, ""); }
      });
      document.addEventListener("click", function (event) {
        if (!event.target.closest || !event.target.closest(".search")) { list.hidden = true; }
      });
    }
  });
})();
