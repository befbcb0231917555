// Body map enhancement: clicking a place on the drawing ticks the matching checkbox in the list.
// The checkboxes are the real form (and the keyboard path); the drawing mirrors their state.
(function () {
  "use strict";
  var form = document.getElementById("body-map-form");
  if (!form) { return; }
  var chooser = document.getElementById("mark-kind");
  if (chooser) { chooser.hidden = false; }
  var kinds = ["pain", "numbness", "tingling"];

  function currentKind() {
    var picked = form.querySelector("input[name=kind_ui]:checked");
    return picked ? picked.value : "pain";
  }

  function box(kind, side, region) {
    return document.getElementById("m-" + kind + "-" + side + "-" + region);
  }

  function paint() {
    form.querySelectorAll("svg.interactive [data-region]").forEach(function (shape) {
      kinds.forEach(function (kind) {
        var b = box(kind, shape.dataset.side, shape.dataset.region);
        shape.classList.toggle("has-" + kind, Boolean(b && b.checked));
      });
    });
  }

  form.querySelectorAll("svg.interactive [data-region]").forEach(function (shape) {
    shape.addEventListener("click", function () {
      var b = box(currentKind(), shape.dataset.side, shape.dataset.region);
      if (!b) { return; }
      b.checked = !b.checked;
      paint();
    });
  });
  form.addEventListener("change", paint);
  paint();
})();
