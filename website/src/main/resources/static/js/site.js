// Enhancements only: every page and form works without this file.
(function () {
  'use strict';

  // A run's times in the visitor's own zone, beside the run's zone the server already wrote.
  function showLocalTimes() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) {
      return;
    }
    var day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
    var time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    document.querySelectorAll('.local-time[data-start][data-end]').forEach(function (element) {
      var start = new Date(element.getAttribute('data-start'));
      var end = new Date(element.getAttribute('data-end'));
      if (isNaN(start) || isNaN(end)) {
        return;
      }
      var days = day.format(start) === day.format(end) ? day.format(start) : day.format(start) + ' to ' + day.format(end);
      element.textContent = 'In your time zone (' + zone + '): ' + days + ', ' + time.format(start) + ' to ' +
        time.format(end);
      element.hidden = false;
    });
  }

  // A second click while a form is on its way does nothing (the Idempotency-Key makes a resend harmless anyway).
  function sendFormsOnce() {
    document.querySelectorAll('form[data-once]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (form.getAttribute('data-sending') === 'true') {
          event.preventDefault();
          return;
        }
        form.setAttribute('data-sending', 'true');
        form.querySelectorAll('button[type="submit"]').forEach(function (button) {
          button.setAttribute('aria-disabled', 'true');
        });
      });
    });
  }

  // After a refused form, move the keyboard focus to the list of what to fix.
  function focusErrors() {
    var summary = document.querySelector('.error-summary');
    if (summary) {
      summary.focus();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    showLocalTimes();
    sendFormsOnce();
    focusErrors();
  });
}());
