// The places map: a bundled world outline (no tiles, no requests beyond this server) and
// one circle per place from /api/places. Names go into the page as text, never as HTML.
(function () {
  "use strict";
  var box = document.getElementById("map");
  var map = L.map(box, {worldCopyJump: true, minZoom: 1, maxZoom: 10, attributionControl: true});
  map.attributionControl.setPrefix(false).addAttribution("Outline: Natural Earth");
  map.setView([20, 0], 2);

  function popup(props) {
    var div = document.createElement("div");
    var link = document.createElement("a");
    link.href = "/search?place=" + encodeURIComponent(props.name);
    link.textContent = props.name;
    var meta = document.createElement("div");
    meta.textContent = (props.country || "") + " · " + props.stories + (props.stories === 1 ? " story" : " stories");
    div.appendChild(link);
    div.appendChild(meta);
    return div;
  }

  Promise.all([fetch(box.dataset.world).then(function (r) { return r.json(); }),
               fetch(box.dataset.places).then(function (r) { return r.json(); })])
    .then(function (both) {
      L.geoJSON(both[0], {style: {color: "#8a8f98", weight: 0.6, fillColor: "#eceae4", fillOpacity: 1},
                          interactive: false}).addTo(map);
      // big circles first, so the small ones stay on top and clickable
      both[1].features.sort(function (a, b) { return b.properties.stories - a.properties.stories; });
      var layer = L.geoJSON(both[1], {
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, {radius: Math.min(22, 3 + 2.5 * Math.log2(1 + f.properties.stories)), color: "#b3261e",
                                         weight: 1, fillOpacity: 0.6, className: "place-marker"});
        },
        onEachFeature: function (f, l) { l.bindPopup(popup(f.properties)); }
      }).addTo(map);
      if (both[1].features.length) {
        var bounds = layer.getBounds().pad(0.2);
        map.setView(bounds.getCenter(), Math.max(2, Math.min(5, map.getBoundsZoom(bounds))), {animate: false});
      }
      box.dataset.loaded = String(both[1].features.length);
    });
})();
