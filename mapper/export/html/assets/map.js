
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
    if (!e.why) { return q; }
    var box = el("div");
    box.appendChild(q);
    var why = e.why.length > 1 ? e.why[0] + " \u2014 \u201c" + e.why[1] + "\u201d" : e.why[0];
    box.appendChild(el("div", "sm-meta sm-why", "reported as: " + why));
    return box;
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

  // a cluster takes the colour of the worst site in it (the legend's buckets), worked out
  // once per cluster object and kept on it (markercluster makes new ones as they change)
  function worstBucket(cluster) {
    if (cluster._smWorst !== undefined && cluster._smCount === cluster.getChildCount()) {
      return cluster._smWorst;
    }
    var worst = 0;
    (cluster._markers || []).forEach(function (m) { worst = Math.max(worst, m.options.smBucket || 0); });
    (cluster._childClusters || []).forEach(function (c) { worst = Math.max(worst, worstBucket(c)); });
    cluster._smWorst = worst;
    cluster._smCount = cluster.getChildCount();
    return worst;
  }

  function clusterIcon(kind) {
    return function (cluster) {
      var n = cluster.getChildCount();
      var size = n < 10 ? "small" : (n < 100 ? "medium" : "large");
      var colour = kind === "struck" ? " sm-cluster-b" + worstBucket(cluster) : "";
      return L.divIcon({
        html: "<div><span>" + Number(n) + "</span></div>",
        className: "marker-cluster marker-cluster-" + size + " sm-cluster sm-cluster-" + kind + colour,
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

  // the names of the larger towns, drawn over the offline borders: [name, lat, lon, least zoom],
  // largest first; those in view at this zoom, MAX_LABELS at most
  var MAX_LABELS = 120;

  function labelLayer(map, labels) {
    if (!labels || !labels.length) { return null; }
    var pane = map.createPane("sm-labels");
    pane.style.zIndex = 450;  // over the borders, under the sites
    pane.style.pointerEvents = "none";
    var layer = L.layerGroup();
    function draw() {
      if (!map.hasLayer(layer)) { return; }
      layer.clearLayers();
      var zoom = map.getZoom(), view = map.getBounds().pad(0.05), n = 0;
      for (var i = 0; i < labels.length && n < MAX_LABELS; i++) {
        var l = labels[i];
        if (l[3] > zoom || !view.contains([l[1], l[2]])) { continue; }
        layer.addLayer(L.marker([l[1], l[2]], {
          pane: "sm-labels", interactive: false, keyboard: false,
          icon: L.divIcon({ className: "sm-label", html: el("span", null, l[0]), iconSize: null })
        }));
        n++;
      }
    }
    map.on("moveend", draw);
    layer.on("add", function () { setTimeout(draw, 0); });
    return layer;
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

  function offlineFallback(map, osm, borders, labels) {
    if (!osm || !borders) { return; }
    var container = map.getContainer();
    borders.on("add", function () {
      container.classList.add("sm-offline");
      if (labels) { map.addLayer(labels); }
    });
    borders.on("remove", function () {
      container.classList.remove("sm-offline");
      if (labels) { map.removeLayer(labels); }
    });
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

  // ---- the filter panel: a time slider over the event dates, and the event types
  function filterPanel(dates, types, struckCount, undatedCount, onChange) {
    var box = el("div", "sm-panel sm-filter");
    box.id = "sm-filter";
    var head = el("div", "sm-filter-head");
    head.appendChild(el("b", null, "Strikes shown "));
    var count = el("span", "sm-count");
    head.appendChild(count);
    box.appendChild(head);
    var state = { lo: 0, hi: dates.length - 1, undated: true, types: null };
    var ui = { count: count };
    if (dates.length >= 2) {
      var span = el("div", "sm-dates");
      ui.from = el("span", "sm-from-date", dates[0]);
      ui.to = el("span", "sm-to-date", dates[dates.length - 1]);
      span.appendChild(ui.from);
      span.appendChild(document.createTextNode(" \u2013 "));
      span.appendChild(ui.to);
      box.appendChild(span);
      ["lo", "hi"].forEach(function (end) {
        var r = el("input", "sm-range sm-" + end);
        r.type = "range"; r.min = "0"; r.max = String(dates.length - 1); r.step = "1";
        r.value = String(end === "lo" ? 0 : dates.length - 1);
        r.setAttribute("aria-label", end === "lo" ? "first event date shown" : "last event date shown");
        L.DomEvent.on(r, "input", function () {
          var v = Number(r.value);
          if (end === "lo") { state.lo = v; if (state.hi < v) { state.hi = v; } }
          else { state.hi = v; if (state.lo > v) { state.lo = v; } }
          stop();
          sync();
        });
        ui[end] = r;
        box.appendChild(r);
      });
      var row2 = el("div", "sm-filter-row");
      ui.play = el("button", "sm-play", "\u25b6 play");
      ui.play.type = "button";
      ui.play.title = "Show the dates one after another";
      row2.appendChild(ui.play);
      if (undatedCount) {
        var lab = el("label", "sm-undated");
        var cb = el("input");
        cb.type = "checkbox"; cb.checked = true;
        L.DomEvent.on(cb, "change", function () { state.undated = cb.checked; sync(); });
        lab.appendChild(cb);
        lab.appendChild(document.createTextNode(" undated (" + undatedCount + ")"));
        row2.appendChild(lab);
        ui.undated = cb;
      }
      box.appendChild(row2);
    }
    if (types.length) {
      var tbox = el("div", "sm-types");
      ui.types = [];
      types.forEach(function (t) {
        var lab = el("label");
        var cb = el("input");
        cb.type = "checkbox"; cb.checked = true; cb.value = t[0];
        L.DomEvent.on(cb, "change", function () {
          var on = ui.types.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
          state.types = on.length === ui.types.length ? null : new Set(on);
          sync();
        });
        lab.appendChild(cb);
        lab.appendChild(document.createTextNode(" " + t[1] + " (" + t[2] + ")"));
        tbox.appendChild(lab);
        ui.types.push(cb);
      });
      box.appendChild(tbox);
    }
    var timer = null;
    function stop() {
      if (timer) { clearInterval(timer); timer = null; if (ui.play) { ui.play.textContent = "\u25b6 play"; } }
    }
    if (ui.play) {
      L.DomEvent.on(ui.play, "click", function () {
        if (timer) { stop(); return; }
        var at = state.lo === state.hi && state.hi < dates.length - 1 ? state.lo + 1 : state.lo;
        state.lo = state.hi = at;
        sync();
        ui.play.textContent = "\u25a0 stop";
        timer = setInterval(function () {
          if (state.hi >= dates.length - 1) { stop(); return; }
          state.lo = state.hi = state.hi + 1;
          sync();
        }, 1200);
      });
    }
    function sync() {
      if (ui.lo) {
        ui.lo.value = String(state.lo); ui.hi.value = String(state.hi);
        ui.from.textContent = dates[state.lo]; ui.to.textContent = dates[state.hi];
      }
      onChange(state);
    }
    function reset() {
      stop();
      state.lo = 0; state.hi = dates.length - 1; state.undated = true; state.types = null;
      if (ui.undated) { ui.undated.checked = true; }
      (ui.types || []).forEach(function (c) { c.checked = true; });
      sync();
    }
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return { node: box, state: state, sync: sync, reset: reset,
             show: function (n) { count.textContent = n + " of " + struckCount; } };
  }

  function control(node, position) {
    var C = L.Control.extend({ options: { position: position }, onAdd: function () { return node; } });
    return new C();
  }

  // ---- a popup is never left under a panel: after it opens, pan the map the least that
  // brings it inside the map and clear of every control
  function keepClear(map, popup) {
    var node = popup.getElement();
    if (!node) { return; }
    var frame = map.getContainer().getBoundingClientRect();
    var panels = Array.prototype.filter.call(
      map.getContainer().querySelectorAll(".leaflet-control-container .leaflet-control"),
      function (p) { return p.offsetWidth > 0 && p.offsetHeight > 0; }
    ).map(function (p) { return p.getBoundingClientRect(); });
    var r = node.getBoundingClientRect();
    var pad = 8, dx = 0, dy = 0;
    // inside the map first
    if (r.left < frame.left + pad) { dx = frame.left + pad - r.left; }
    else if (r.right > frame.right - pad) { dx = frame.right - pad - r.right; }
    if (r.top < frame.top + pad) { dy = frame.top + pad - r.top; }
    else if (r.bottom > frame.bottom - pad) { dy = frame.bottom - pad - r.bottom; }
    function hits(b, p) {
      return !(b.right <= p.left || b.left >= p.right || b.bottom <= p.top || b.top >= p.bottom);
    }
    function fits(b) {
      return b.left >= frame.left && b.right <= frame.right && b.top >= frame.top && b.bottom <= frame.bottom;
    }
    function moved(ddx, ddy) {
      return { left: r.left + ddx, right: r.right + ddx, top: r.top + ddy, bottom: r.bottom + ddy };
    }
    for (var round = 0; round < 4; round++) {
      var b = moved(dx, dy);
      var p = panels.filter(function (q) { return hits(b, q); })[0];
      if (!p) { break; }
      var options = [[p.right + pad - b.left, 0], [p.left - pad - b.right, 0],
                     [0, p.bottom + pad - b.top], [0, p.top - pad - b.bottom]]
        .filter(function (d) {
          var c = moved(dx + d[0], dy + d[1]);
          return fits(c) && !panels.some(function (q) { return hits(c, q); });
        })
        .sort(function (x, y) { return Math.abs(x[0]) + Math.abs(x[1]) - Math.abs(y[0]) - Math.abs(y[1]); });
      if (!options.length) {  // no clear place from this panel alone: step past it and look again
        options = [[p.right + pad - b.left, 0], [0, p.bottom + pad - b.top]].filter(function (d) {
          return fits(moved(dx + d[0], dy + d[1]));
        });
        if (!options.length) { break; }
      }
      dx += options[0][0]; dy += options[0][1];
    }
    if (dx || dy) { map.panBy([-dx, -dy], { animate: false }); }
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
    var popupHeight = Math.max(160, Math.min(420, map.getSize().y - 140));
    var mentioned = [];
    var markers = sites.map(function (s) {
      var m = L.marker([s.la, s.lo], {
        icon: s.m ? mentionedIcon : icons[s.b],
        keyboard: true,
        riseOnHover: true,
        smBucket: s.m ? 0 : s.b
      });
      m.bindTooltip(function () { return el("span", null, s.n); }, { direction: "top" });
      m.bindPopup(function () { return buildPopup(s); },
                  { maxWidth: 380, minWidth: 220, maxHeight: popupHeight, autoPan: false });
      m.on("add", function () {
        var node = m.getElement();
        if (node) {
          node.setAttribute("data-site-id", s.id);
          node.setAttribute("aria-label", s.n);
        }
      });
      if (s.m) { mentioned.push(m); }
      return m;
    });
    if (cfg.mentioned) { cfg.mentioned.addLayers(mentioned); }

    // which struck sites are on the map: their layer is on and they pass the filters
    var dates = data.dates || [], types = data.types || [];
    var groupOn = cfg.groups.map(function (g) { return map.hasLayer(g); });
    var onMap = sites.map(function () { return false; });
    var struckCount = sites.filter(function (s) { return !s.m; }).length;
    var undatedCount = sites.filter(function (s) { return !s.m && (s.di === null || s.di === undefined); }).length;
    var filters = null;

    function passes(s) {
      if (!groupOn[s.g]) { return false; }
      var st = filters ? filters.state : null;
      if (!st) { return true; }
      if (s.di === null || s.di === undefined) {
        if (!st.undated) { return false; }
      } else if (dates.length >= 2 && (s.di < st.lo || s.di > st.hi)) {
        return false;
      }
      if (st.types) {
        var ts = s.t && s.t.length ? s.t : [""];
        if (!ts.some(function (t) { return st.types.has(t); })) { return false; }
      }
      return true;
    }

    function update() {
      var add = [], drop = [], shown = 0;
      sites.forEach(function (s, i) {
        if (s.m) { return; }
        var want = passes(s);
        if (want) { shown++; }
        if (want !== onMap[i]) { (want ? add : drop).push(markers[i]); onMap[i] = want; }
      });
      if (drop.length) { cfg.struck.removeLayers(drop); }
      if (add.length) { cfg.struck.addLayers(add); }
      if (filters) { filters.show(shown); }
    }

    cfg.groups.forEach(function (group, gi) {
      group.on("add", function () { groupOn[gi] = true; update(); });
      group.on("remove", function () { groupOn[gi] = false; update(); });
    });
    if (struckCount && (dates.length >= 2 || types.length)) {
      filters = filterPanel(dates, types, struckCount, undatedCount, update);
    }
    update();

    function go(i) {
      var s = sites[i], m = markers[i];
      var layer = s.m ? cfg.mentioned : cfg.groups[s.g];
      if (layer && !map.hasLayer(layer)) { map.addLayer(layer); }
      if (!s.m && !passes(s) && filters) { filters.reset(); }  // a site searched for is shown
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
     panelControl("sm-legend", "bottomleft"), filters ? control(filters.node, "topright") : null
    ].forEach(function (c) { if (c) { c.addTo(map); } });
    var labels = labelLayer(map, readJson("sm-labels"));
    if (labels && cfg.borders && map.hasLayer(cfg.borders)) { map.addLayer(labels); }
    offlineFallback(map, cfg.osm, cfg.borders, labels);
    map.on("popupopen", function (e) { keepClear(map, e.popup); });
    fitView(map, cfg.bounds, document.getElementById("sm-info"));

    window.strikeMapState = { map: map, markers: markers, sites: sites, go: go, filters: filters,
                              struck: cfg.struck, borders: cfg.borders, labels: labels };
    document.documentElement.setAttribute("data-strike-map", "ready");
  };
})();
