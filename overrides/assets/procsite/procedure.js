/*
 * On a procedure page: "print the checklist", and "when will it be ready?" — the due date
 * counted in working days, without Vietnamese public holidays and with make-up working days,
 * from the facts written into the page at build time (procsite/workdays.py).
 */
(function () {
  "use strict";

  function iso(day) {
    return day.getFullYear() + "-" + String(day.getMonth() + 1).padStart(2, "0") + "-" +
      String(day.getDate()).padStart(2, "0");
  }

  function addDays(day, count) {
    var next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + count);
    return next;
  }

  function Calendar(facts) {
    this.off = {};
    this.work = {};
    var self = this;
    facts.off.forEach(function (d) { self.off[d] = true; });
    facts.work.forEach(function (d) { self.work[d] = true; });
  }

  Calendar.prototype.isWorking = function (day) {
    var key = iso(day), weekday = day.getDay();
    if (this.work[key]) { return true; }
    return weekday !== 0 && weekday !== 6 && !this.off[key];
  };

  Calendar.prototype.nextWorking = function (day) {
    var next = addDays(day, 1);
    while (!this.isWorking(next)) { next = addDays(next, 1); }
    return next;
  };

  /* The day the result is due for a dossier received on `day` (after the cut-off hour when `late`). */
  Calendar.prototype.due = function (rule, day, late) {
    var start = day;
    if (!this.isWorking(start)) { start = this.nextWorking(start); late = false; }
    if (rule.unit === "same_day" || (rule.unit === "working_hours" && rule.amount <= 8)) {
      return late && rule.cutoff ? this.nextWorking(start) : start;
    }
    if (rule.unit === "days") {
      var end = addDays(day, Math.ceil(rule.amount));
      return this.isWorking(end) ? end : this.nextWorking(end);
    }
    var count = rule.unit === "working_hours" ? Math.ceil(rule.amount / 8) : Math.ceil(rule.amount);
    var due = start;
    for (var i = 0; i < count; i++) { due = this.nextWorking(due); }
    return due;
  };

  function format(day, lang) {
    return new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB",
      { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(day);
  }

  function setupDue(box) {
    var data = JSON.parse(box.querySelector(".ps-due__data").textContent);
    var calendar = new Calendar(data.calendar);
    var rule = data.due.rule, lang = data.due.lang;
    var result = box.querySelector(".ps-due__result");
    var verification = box.querySelector(".ps-due__verification");
    var form = box.querySelector(".ps-due__form");
    var picker = box.querySelector(".ps-due__date");
    var late = box.querySelector(".ps-due__late");
    var now = new Date();
    var today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    picker.value = iso(today);
    if (late && rule.cutoff) {
      var parts = rule.cutoff.split(":");
      late.checked = now.getHours() * 60 + now.getMinutes() >= parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10);
    }
    form.hidden = false;

    function show() {
      var picked = picker.value ? new Date(picker.value + "T00:00:00") : today;
      var isLate = Boolean(late && late.checked);
      var text = iso(picked) === iso(today) ? data.text.today : data.text.other;
      result.textContent = text.replace("{submitted}", format(picked, lang))
        .replace("{due}", format(calendar.due(rule, picked, isLate), lang));
      result.setAttribute("data-due", iso(calendar.due(rule, picked, isLate)));
      verification.textContent = rule.verification ? data.text.verification.replace("{due}",
        format(calendar.due(rule.verification, picked, isLate), lang)) : "";
    }

    picker.addEventListener("change", show);
    picker.addEventListener("input", show);
    if (late) { late.addEventListener("change", show); }
    show();
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-due]"), setupDue);
    Array.prototype.forEach.call(document.querySelectorAll("[data-ps-print]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  window.ProcsiteCalendar = Calendar;
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
})();
