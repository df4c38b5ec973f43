// The fields of one activity in a page (the activity form, each side of an action's estimate): only those of the
// chosen type show (the others are disabled, so not sent), and the unit list follows the type. The server reads
// only the fields of the chosen type; without scripts every field shows.
window.activityFields = function (scope, type, unit) {
  function showFields() {
    scope.querySelectorAll('[data-types]').forEach(function (el) {
      var on = (' ' + el.getAttribute('data-types') + ' ').indexOf(' ' + type.value + ' ') >= 0;
      el.hidden = !on;
      el.querySelectorAll('input, select').forEach(function (input) { input.disabled = !on; });
    });
  }
  type.addEventListener('change', function () {
    var units = type.options[type.selectedIndex].getAttribute('data-units').split('|');
    unit.innerHTML = '';
    units.forEach(function (u) { unit.add(new Option(u, u)); });
    showFields();
  });
  showFields();
};
