
(function () {
  "use strict";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function row(table, label, value) {
    if (value === undefined || value === null || value === "") { return; }
    var tr = el("tr");
    tr.appendChild(el("th", null, label));
    var td = el("td");
    if (value instanceof Node) { td.appendChild(value); } else { td.textContent = value; }
    tr.appendChild(td);
    table.appendChild(tr);
  }

  function sharedLine(names) {
    return el("div", "sm-shared", "shared with " + names.join(", ") +
      ": the same claim, not additional casualties");
  }

  function claimItem(c) {
    var li = el("li");
    var parts = [];
    if (c.k) { parts.push("killed " + c.k); }
    if (c.i) { parts.push("injured " + c.i); }
    if (!parts.length) { parts.push("no figure"); }
    var head = el("div", null, parts.join("; "));
    if (c.vi) { head.appendChild(document.createTextNode(" \u2014 " + c.vi)); }
    li.appendChild(head);
    var meta = [];
    meta.push("claimed by " + (c.by || "unattributed"));
    if (c.ar) { meta.push("in " + c.ar); }
    li.appendChild(el("div", "sm-meta", meta.join(" \u00b7 ")));
    if (c.sh && c.sh.length) { li.appendChild(sharedLine(c.sh)); }
    if (c.q) { li.appendChild(el("blockquote", null, c.q)); }
    return li;
  }

  function evidenceQuote(e) {
    var q = el("blockquote", null, e.q);
    if (e.s !== null && e.s !== undefined) {
      q.title = "characters " + e.s + "\u2013" + e.e + " of " + e.ar;
    }
    return q;
  }

  function sourceItem(src) {
    var li = el("li");
    var head = el("div");
    if (src.ou) {
      head.appendChild(el("b", null, src.ou));
      head.appendChild(document.createTextNode(": "));
    }
    var label = src.ti || src.ar;
    if (src.href) {
      var a = el("a", null, label);
      a.setAttribute("href", src.href);
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener");
      head.appendChild(a);
    } else {
      head.appendChild(document.createTextNode(label));
    }
    if (src.da) { head.appendChild(document.createTextNode(" (" + src.da + ")")); }
    li.appendChild(head);
    if (src.ti && src.ar) { li.appendChild(el("div", "sm-meta", src.ar)); }
    (src.ev || []).forEach(function (e) { li.appendChild(evidenceQuote(e)); });
    return li;
  }

  function buildPopup(s) {
    var root = el("div", "sm-popup");
    root.appendChild(el("h3", null, s.n));
    if (s.v && s.v.length) {
      root.appendChild(el("div", "sm-variants", "also written: " + s.v.join(", ")));
    }
    if (s.fx && s.fx.length) {
      var fx = el("div", "sm-fix");
      fx.appendChild(el("b", null, "Analyst's correction" + (s.fx.length > 1 ? "s" : "")));
      s.fx.forEach(function (f) {
        var line = el("div", null, (f.d ? f.d + ": " : "") + f.t);
        if (f.no) { line.appendChild(el("span", "sm-meta", " \u2014 " + f.no)); }
        fx.appendChild(line);
      });
      root.appendChild(fx);
    }
    var t = el("table");
    if (!s.m) {
      row(t, "Killed", s.k || "not reported");
      row(t, "Injured", s.i || "not reported");
      if (s.sh && s.sh.length) {
        row(t, "Shared claim", el("span", "sm-shared", "with " + s.sh.join(", ") +
          ": the same claim, not additional casualties"));
      }
    } else {
      row(t, "Role", "mentioned, not reported struck");
    }
    row(t, "Place", s.pl);
    row(t, "Coordinates", s.co);
    row(t, "Precision", s.pr);
    row(t, "Resolved by", s.rb);
    row(t, "Event date", s.d);
    root.appendChild(t);
    if (s.cl && s.cl.length) {
      root.appendChild(el("h4", null, "Claims (" + s.cl.length + ")"));
      var ul = el("ul");
      s.cl.forEach(function (c) { ul.appendChild(claimItem(c)); });
      root.appendChild(ul);
    }
    if (s.so && s.so.length) {
      root.appendChild(el("h4", null, "Sources (" + s.so.length + ")"));
      var su = el("ul");
      s.so.forEach(function (src) { su.appendChild(sourceItem(src)); });
      root.appendChild(su);
    }
    return root;
  }

  function clusterIcon(kind) {
    return function (cluster) {
      var n = cluster.getChildCount();
      var size = n < 10 ? "small" : (n < 100 ? "medium" : "large");
      return L.divIcon({
        html: "<div><span>" + Number(n) + "</span></div>",
        className: "marker-cluster marker-cluster-" + size + " sm-cluster sm-cluster-" + kind,
        iconSize: new L.Point(40, 40)
      });
    };
  }

  function unpackBorders(polys) {
    var scale = 100;
    return polys.map(function (poly) {
      return poly.map(function (ring) {
        var out = [], x = 0, y = 0;
        for (var i = 0; i + 1 < ring.length; i += 2) {
          x += ring[i]; y += ring[i + 1];
          out.push([y / scale, x / scale]);
        }
        return out;
      });
    });
  }

  window.strikeMapBorders = function (dataId, attribution) {
    var polys = readJson(dataId) || [];
    return L.polygon(unpackBorders(polys), {
      color: "#8d8d8d", weight: 0.8, fillColor: "#f6f3ea", fillOpacity: 1,
      interactive: false, attribution: attribution
    });
  };

  function searchControl(map, sites, go) {
    var Search = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var box = el("div", "leaflet-bar sm-panel sm-search");
        var input = el("input");
        input.type = "search";
        input.placeholder = "Find a place\u2026";
        input.setAttribute("aria-label", "Find a place by name");
        var list = el("ul");
        list.setAttribute("role", "listbox");
        box.appendChild(input);
        box.appendChild(list);
        var index = null, hits = [];
        function build() {
          index = sites.map(function (s) { return fold([s.n].concat(s.v || []).join("\n")); });
        }
        function show() {
          if (!index) { build(); }
          var q = fold(input.value.trim());
          list.textContent = "";
          hits = [];
          if (!q) { return; }
          var starts = [], contains = [];
          for (var i = 0; i < index.length && starts.length < 12; i++) {
            var at = index[i].indexOf(q);
            if (at === 0 || index[i].indexOf("\n" + q) >= 0) { starts.push(i); }
            else if (at > 0) { contains.push(i); }
          }
          hits = starts.concat(contains).slice(0, 12);
          hits.forEach(function (i, k) {
            var s = sites[i];
            var li = el("li", k === 0 ? "sm-active" : null, s.n);
            li.setAttribute("role", "option");
            li.appendChild(el("small", null, " " + (s.m ? "mentioned" : (s.d || "undated"))));
            L.DomEvent.on(li, "click", function () { go(i); });
            list.appendChild(li);
          });
          if (!hits.length) { list.appendChild(el("li", null, "no match")); }
        }
        L.DomEvent.on(input, "input", show);
        L.DomEvent.on(input, "keydown", function (e) {
          if (e.key === "Enter" && hits.length) { go(hits[0]); }
          if (e.key === "Escape") { input.value = ""; show(); }
        });
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    return new Search();
  }

  var FULLSCREEN_SVG = '<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" ' +
    'style="vertical-align:middle" fill="none" stroke="#333" stroke-width="2">' +
    '<path d="M2 7V2h5M11 2h5v5M16 11v5h-5M7 16H2v-5"/></svg>';

  function fullscreenControl() {
    var root = document.documentElement;
    if (!root.requestFullscreen || !document.exitFullscreen) { return null; }
    var Full = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var bar = el("div", "leaflet-bar sm-fullscreen");
        var a = el("a");
        a.innerHTML = FULLSCREEN_SVG;
        a.href = "#";
        a.title = "Full screen";
        a.setAttribute("role", "button");
        a.setAttribute("aria-label", "Toggle full screen");
        L.DomEvent.on(a, "click", function (e) {
          L.DomEvent.preventDefault(e);
          if (document.fullscreenElement) { document.exitFullscreen(); }
          else { root.requestFullscreen(); }
        });
        L.DomEvent.disableClickPropagation(bar);
        bar.appendChild(a);
        return bar;
      }
    });
    return new Full();
  }

  function panelControl(id, position) {
    var node = document.getElementById(id);
    if (!node) { return null; }
    var Panel = L.Control.extend({
      options: { position: position },
      onAdd: function () {
        node.hidden = false;
        L.DomEvent.disableClickPropagation(node);
        L.DomEvent.disableScrollPropagation(node);
        return node;
      }
    });
    return new Panel();
  }

  function offlineFallback(map, osm, borders) {
    if (!osm || !borders) { return; }
    var container = map.getContainer();
    borders.on("add", function () { container.classList.add("sm-offline"); });
    borders.on("remove", function () { container.classList.remove("sm-offline"); });
    var loaded = false;
    function useBorders() {
      if (map.hasLayer(osm)) { map.removeLayer(osm); }
      if (!map.hasLayer(borders)) { map.addLayer(borders); }
    }
    osm.on("tileload", function () { loaded = true; });
    osm.on("tileerror", function () { if (!loaded && map.hasLayer(osm)) { useBorders(); } });
    if (navigator.onLine === false) { useBorders(); }
  }

  function fitView(map, bounds, panel) {
    if (!bounds) { return; }
    var size = map.getSize();
    var left = 40;
    if (panel && panel.offsetWidth && size.x > 2.5 * panel.offsetWidth) {
      left = panel.offsetWidth + 30;  // keep sites out from under the title block
    }
    map.fitBounds(bounds, { paddingTopLeft: [left, 40], paddingBottomRight: [60, 40], maxZoom: 8 });
  }

  window.strikeMap = function (cfg) {
    var map = cfg.map;
    var data = readJson(cfg.dataId);
    var sites = data.sites;
    var icons = data.buckets.map(function (b, i) {
      return L.divIcon({ className: "sm-site sm-struck sm-b" + i, iconSize: [b, b], html: "" });
    });
    var mentionedIcon = L.divIcon({
      className: "sm-site sm-mentioned", iconSize: [10, 10], html: ""
    });
    cfg.struck.options.iconCreateFunction = clusterIcon("struck");
    cfg.struck.options.chunkedLoading = true;
    if (cfg.mentioned) {
      cfg.mentioned.options.iconCreateFunction = clusterIcon("mentioned");
      cfg.mentioned.options.chunkedLoading = true;
    }
    var byGroup = cfg.groups.map(function () { return []; });
    var mentioned = [];
    var markers = sites.map(function (s) {
      var m = L.marker([s.la, s.lo], {
        icon: s.m ? mentionedIcon : icons[s.b],
        keyboard: true,
        riseOnHover: true
      });
      m.bindTooltip(function () { return el("span", null, s.n); }, { direction: "top" });
      m.bindPopup(function () { return buildPopup(s); },
                  { maxWidth: 380, minWidth: 220, maxHeight: 420 });
      m.on("add", function () {
        var node = m.getElement();
        if (node) {
          node.setAttribute("data-site-id", s.id);
          node.setAttribute("aria-label", s.n);
        }
      });
      if (s.m) { mentioned.push(m); } else { byGroup[s.g].push(m); }
      return m;
    });
    if (cfg.mentioned) { cfg.mentioned.addLayers(mentioned); }
    cfg.groups.forEach(function (group, gi) {
      group.on("add", function () { cfg.struck.addLayers(byGroup[gi]); });
      group.on("remove", function () { cfg.struck.removeLayers(byGroup[gi]); });
      if (map.hasLayer(group)) { cfg.struck.addLayers(byGroup[gi]); }
    });

    function go(i) {
      var s = sites[i], m = markers[i];
      var layer = s.m ? cfg.mentioned : cfg.groups[s.g];
      if (layer && !map.hasLayer(layer)) { map.addLayer(layer); }
      var holder = s.m ? cfg.mentioned : cfg.struck;
      var tries = 0;
      (function show() {
        // markercluster loses the request while it is still clustering the markers (they
        // are added in chunks) or animating a zoom, as it does just after the page opens
        // (its own flags; it has no public ones): wait for it, 5 s at most
        if ((!m.__parent || holder._inZoomAnimation || map._animatingZoom) && tries++ < 50) {
          setTimeout(show, 100);
          return;
        }
        holder.zoomToShowLayer(m, function () { m.openPopup(); });
      })();
    }

    if (cfg.credit) { map.attributionControl.addAttribution(cfg.credit); }
    [panelControl("sm-info", "topleft"), searchControl(map, sites, go), fullscreenControl(),
     panelControl("sm-legend", "bottomleft")].forEach(function (c) { if (c) { c.addTo(map); } });
    offlineFallback(map, cfg.osm, cfg.borders);
    fitView(map, cfg.bounds, document.getElementById("sm-info"));

    window.strikeMapState = { map: map, markers: markers, sites: sites, go: go };
    document.documentElement.setAttribute("data-strike-map", "ready");
  };
})();
