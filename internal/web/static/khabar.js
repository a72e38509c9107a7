// Hovering a mention, or an entity in a table, outlines every mention of
// that entity on the page: the same actor across languages and scripts.
document.addEventListener("mouseover", function (ev) {
  var el = ev.target.closest ? ev.target.closest("[data-entity]") : null;
  document.querySelectorAll(".hl").forEach(function (m) { m.classList.remove("hl"); });
  if (!el) return;
  document.querySelectorAll('[data-entity="' + CSS.escape(el.dataset.entity) + '"]').forEach(function (m) { m.classList.add("hl"); });
});
