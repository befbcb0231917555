// Body map enhancement: clicking a place on the drawing ticks the matching checkbox of the form.
// The checkboxes are the real form (and the keyboard path); the drawing mirrors their state.
// A map says which checkbox a place stands for with data-pattern, e.g. "m-{kind}-{side}-{region}";
// {kind} is the symptom chosen in #mark-kind; data-side-only limits a one-leg question to that leg.
(function () {
  "use strict";
  var kinds = ["pain", "numbness", "tingling"];
  var chooser = document.getElementById("mark-kind");
  if (chooser) { chooser.hidden = false; }

  function currentKind() {
    var picked = document.querySelector("input[name=kind_ui]:checked");
    return picked ? picked.value : "pain";
  }

  function box(pattern, kind, side, region) {
    var id = pattern.replace("{kind}", kind).replace("{side}", side).replace("{region}", region);
    return document.getElementById(id);
  }

  document.querySelectorAll("[data-pattern]").forEach(function (map) {
    var pattern = map.dataset.pattern;
    var only = map.dataset.sideOnly;
    var shapes = map.querySelectorAll("svg.interactive [data-region]");
    var perKind = pattern.indexOf("{kind}") >= 0;

    function paint() {
      shapes.forEach(function (shape) {
        var side = shape.dataset.side, region = shape.dataset.region;
        if (perKind) {
          kinds.forEach(function (kind) {
            var b = box(pattern, kind, side, region);
            shape.classList.toggle("has-" + kind, Boolean(b && b.checked));
          });
        } else {
          var b = (!only || only === side) ? box(pattern, "", side, region) : null;
          shape.classList.toggle("has-mark", Boolean(b && b.checked));
          shape.classList.toggle("unavailable", !b);
        }
      });
    }

    shapes.forEach(function (shape) {
      shape.addEventListener("click", function () {
        if (only && shape.dataset.side !== only) { return; }
        var b = box(pattern, currentKind(), shape.dataset.side, shape.dataset.region);
        if (!b) { return; }
        b.checked = !b.checked;
        paint();
      });
    });
    var form = map.closest("form");
    if (form) { form.addEventListener("change", paint); }
    paint();
    addZoom(map);
  });

  // On a narrow screen a whole drawing is too small to tap: offer one leg at a time, drawn across the full
  // width, so every place is at least 44 px wide (the narrowest region is 9 of the leg's 72 units).
  // Each drawing is 240 units wide; a leg runs 72 units out from the midline at 120.
  var LEG = { front: { right: 48, left: 120 }, back: { left: 48, right: 120 } };

  function addZoom(map) {
    var svgs = map.querySelectorAll("svg.interactive");
    if (!svgs.length || !window.matchMedia("(max-width: 48rem)").matches) { return; }
    var bar = document.createElement("div");
    bar.className = "zoom-bar";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Show on the drawing");
    [["whole", "Whole body"], ["left", "Left leg"], ["right", "Right leg"]].forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button zoom-" + choice[0];
      button.textContent = choice[1];
      button.setAttribute("aria-pressed", choice[0] === "whole" ? "true" : "false");
      button.addEventListener("click", function () {
        bar.querySelectorAll("button").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
        button.setAttribute("aria-pressed", "true");
        zoom(map, svgs, choice[0]);
      });
      bar.appendChild(button);
    });
    map.parentNode.insertBefore(bar, map);
  }

  function zoom(map, svgs, leg) {
    map.classList.toggle("zoomed", leg !== "whole");
    svgs.forEach(function (svg) {
      var x = leg === "whole" ? 0 : LEG[svg.dataset.view][leg];
      svg.setAttribute("viewBox", leg === "whole" ? "0 0 240 660" : x + " 20 72 640");
    });
  }
})();
