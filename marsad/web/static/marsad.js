// Marsad document page: selecting a marked piece of text shows every item over it with its
// stage, rule and score. Plain script, no build step; the item list is JSON the server escaped.
(function () {
  "use strict";
  var data = document.getElementById("items");
  var panel = document.getElementById("panel");
  var text = document.getElementById("text");
  if (!data || !panel || !text) return;
  var items = JSON.parse(data.textContent);
  var names = {actor: "فاعل", entity: "كيان", time: "زمن", statement: "تصريح", event: "حدث",
               stance: "موقف", boilerplate: "حشو"};
  function row(dl, key, value, ltr) {
    if (value === null || value === undefined || value === "") return;
    var dt = document.createElement("dt"); dt.textContent = key;
    var dd = document.createElement("dd"); dd.textContent = String(value);
    if (ltr) dd.className = "ltr";
    dl.appendChild(dt); dl.appendChild(dd);
  }
  function show(el) {
    var prev = text.querySelectorAll(".sel");
    for (var i = 0; i < prev.length; i++) prev[i].classList.remove("sel");
    el.classList.add("sel");
    panel.textContent = "";
    el.getAttribute("data-i").split(" ").forEach(function (n) {
      var it = items[+n]; if (!it) return;
      var box = document.createElement("div"); box.className = "item";
      var dl = document.createElement("dl");
      row(dl, names[it.layer] || it.layer, it.label);
      row(dl, "stage", it.stage, true); row(dl, "rule", it.rule, true); row(dl, "score", it.score, true);
      row(dl, "offsets", "[" + it.start + ", " + it.end + ")", true);
      box.appendChild(dl);
      if (it.link && (it.layer === "actor" || it.layer === "statement")) {
        var a = document.createElement("a");
        a.href = (it.layer === "actor" ? "/actors/" : "/statements/") + encodeURIComponent(it.link);
        a.textContent = it.layer === "actor" ? "صفحة الفاعل" : "صفحة التصريح";
        box.appendChild(a);
      }
      panel.appendChild(box);
    });
  }
  text.addEventListener("click", function (e) {
    var el = e.target.closest("[data-i]"); if (el) show(el);
  });
  text.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.hasAttribute("data-i")) show(e.target);
  });
})();
