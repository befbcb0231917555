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
  });
})();
