// Story page: pointing at a fact in the side panel lights up its spans in the text.
(function () {
  "use strict";
  var body = document.querySelector(".story .body");
  if (!body) { return; }
  var keys = ["data-quote", "data-entity", "data-timex"];
  document.querySelectorAll(".panel li").forEach(function (item) {
    var key = keys.find(function (k) { return item.hasAttribute(k); });
    if (!key) { return; }
    var spans = body.querySelectorAll("[" + key + "=\"" + CSS.escape(item.getAttribute(key)) + "\"]");
    item.addEventListener("mouseenter", function () { spans.forEach(function (s) { s.classList.add("lit"); }); });
    item.addEventListener("mouseleave", function () { spans.forEach(function (s) { s.classList.remove("lit"); }); });
    item.addEventListener("click", function (e) {
      if (e.target.classList.contains("copy")) {
        if (navigator.clipboard) { navigator.clipboard.writeText(e.target.getAttribute("data-copy")); }
        e.target.textContent = "Copied";
        return;
      }
      if (spans.length && e.target.tagName !== "A") { spans[0].scrollIntoView({block: "center", behavior: "smooth"}); }
    });
  });
})();
