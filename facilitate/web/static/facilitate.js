/* facilitate: the room's pages. Every text is set with textContent (never parsed as HTML). */
(function () {
  "use strict";
  var words = (document.getElementById("words") || { dataset: {} }).dataset;
  var clock = { offset: 0, deadline: null, paused: null };

  function byId(id) { return document.getElementById(id); }
  function setText(id, text) { var node = byId(id); if (node) { node.textContent = text || ""; } }
  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function clear(node) { while (node && node.firstChild) { node.removeChild(node.firstChild); } }

  function minutes(seconds) {
    var over = seconds < 0, whole = Math.abs(Math.round(seconds));
    var m = Math.floor(whole / 60), s = whole % 60;
    return (over ? "+" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }
  function tick() {
    var node = byId("timer");
    if (!node) { return; }
    if (clock.deadline !== null) {
      node.textContent = minutes(clock.deadline - (Date.now() / 1000 + clock.offset));
    } else if (clock.paused !== null) {
      node.textContent = minutes(clock.paused) + " (" + words.paused + ")";
    } else {
      node.textContent = "";
    }
  }
  function takeClock(message) {
    var timer = message.view.timer || {};
    clock.offset = message.now - Date.now() / 1000;
    clock.deadline = typeof timer.deadline === "number" ? timer.deadline : null;
    clock.paused = timer.paused && typeof timer.left === "number" ? timer.left : null;
    tick();
  }

  function showStep(view) {
    var step = view.step;
    setText("title", view.title);
    setText("step-title", step ? step.title : "");
    setText("question", step ? step.round_text : "");
    var room = byId("room");
    if (!room) { return; }
    clear(room);
    (step ? step.room : []).forEach(function (item) {
      var section = make("section", "room-item"), list = make("ul");
      section.appendChild(make("h3", "", item.label));
      item.shown.forEach(function (value) {
        var li = make("li", "", value.text);
        if (value.prompt) { li.appendChild(document.createTextNode(" ")); li.appendChild(make("em", "", value.prompt)); }
        list.appendChild(li);
      });
      section.appendChild(list);
      room.appendChild(section);
    });
  }

  function rows(title, list, text) {
    var section = make("section"), ol = make("ol");
    section.appendChild(make("h3", "", title));
    list.forEach(function (row) {
      var li = make("li");
      li.appendChild(make("span", "total", row.total));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(make("span", "text", text(row)));
      ol.appendChild(li);
    });
    section.appendChild(ol);
    return section;
  }
  function showResults(view) {
    var node = byId("results");
    if (!node) { return; }
    clear(node);
    if (view.results_hidden) { node.appendChild(make("p", "hidden-results", words.hidden)); return; }
    var results = view.results;
    if (!results) { return; }
    results.rankings.forEach(function (r) {
      node.appendChild(rows(words.ranking + ": " + r.title, r.rows, function (row) { return row.card + " " + row.text; }));
    });
    results.tallies.forEach(function (t) {
      node.appendChild(rows(words.tally + ": " + t.title, t.rows, function (row) { return row.text; }));
    });
    if (results.themes.length) {
      node.appendChild(rows(words.themes, results.themes.map(function (t) {
        return { total: t.count, name: t.name };
      }), function (row) { return row.name; }));
    }
  }
  function showEntries(view) {
    var list = byId("entries");
    if (!list) { return; }
    clear(list);
    view.entries.forEach(function (entry) {
      var li = make("li");
      li.appendChild(make("span", "text", entry.text));
      entry.dims.forEach(function (dim) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(make("span", "dim", dim[0] + ": " + dim[1]));
      });
      list.appendChild(li);
    });
  }

  function listen(url, handle) {
    var source = new EventSource(url);
    source.onmessage = function (event) {
      var message = JSON.parse(event.data);
      takeClock(message);
      handle(message.view);
    };
  }

  function screen(main) {
    listen("/events?view=screen", function (view) {
      if (view.place !== main.dataset.place) { window.location.replace(window.location.pathname); return; }
      showStep(view);
      setText("count", (words.count || "{count}").replace("{count}", view.count));
      showEntries(view);
      showResults(view);
    });
  }

  function newId() {
    var bytes = new Uint8Array(12), id = "";
    window.crypto.getRandomValues(bytes);
    bytes.forEach(function (b) { id += (b < 16 ? "0" : "") + b.toString(16); });
    return id;
  }
  function status(text, className) {
    var node = byId("status");
    if (node) { node.textContent = text; node.className = "status " + (className || ""); }
  }
  function problems(list) {
    var node = byId("problems");
    clear(node);
    status(words.refused, "bad");
    (list || []).forEach(function (text) { node.appendChild(make("p", "problem", text)); });
  }
  var RETRIED = { 0: true, 429: true, 503: true };
  function lock(form, locked) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.type !== "hidden") { field.disabled = locked; }
    });
  }
  function settle(form) { delete form.dataset.pending; delete form.dataset.body; lock(form, false); }
  function answerOf(response) {
    return response.json().then(function (data) { return { code: response.status, data: data }; },
      function () { return { code: response.status, data: null }; });
  }
  function send(form, attempt) {
    if (!form.dataset.pending) {  // the entry as sent now is the one every retry sends
      form.elements.entry_id.value = newId();
      form.dataset.body = new URLSearchParams(new FormData(form)).toString();
      form.dataset.pending = "1";
      lock(form, true);
    }
    status(words.sending);
    clear(byId("problems"));
    fetch("/p/entry", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: form.dataset.body
    }).then(answerOf, function () { return { code: 0, data: null }; }).then(function (answer) {
      if (answer.data && answer.data.ok) {
        settle(form);
        Array.prototype.forEach.call(form.querySelectorAll("textarea, input[type=text], input[type=number]"), function (field) { field.value = ""; });
        status(words.sent, "ok");
      } else if (RETRIED[answer.code]) {  // no connection, too many at once, busy: again
        retry(form, attempt);
      } else if (answer.data) {
        settle(form);
        problems(answer.data.problems);
      } else {
        settle(form);
        status((words.failed || "{code}").replace("{code}", answer.code), "bad");
      }
    });
  }
  function retry(form, attempt) {
    status(words.retrying, "bad");
    window.setTimeout(function () { send(form, attempt + 1); }, Math.min(8000, 500 * Math.pow(2, attempt)));
  }
  function typing(main) {
    return Array.prototype.some.call(main.querySelectorAll("textarea, input[type=text]"), function (f) { return f.value.trim() !== ""; });
  }

  function phone(main) {
    Array.prototype.forEach.call(main.querySelectorAll("form.entry-form"), function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!form.dataset.pending) { send(form, 0); }
      });
    });
    listen("/events", function (view) {
      var open = view.open ? "1" : "0";
      if (view.place !== main.dataset.place || open !== main.dataset.open) {
        if (!typing(main)) { window.location.replace("/p"); return; }
        status(words.changed, "bad");
      }
      showStep(view);
      setText("count", (words.count || "{count}").replace("{count}", view.count));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    window.setInterval(tick, 250);
    if (byId("screen")) { screen(byId("screen")); }
    var main = byId("phone");
    if (main) { phone(main); }
  });
}());
