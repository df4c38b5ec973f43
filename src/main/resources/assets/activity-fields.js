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
    var option = type.options[type.selectedIndex];
    var units = option.getAttribute('data-units').split('|');
    // Each unit shows as people write it (m³, nuitée(s)) and is sent as its symbol.
    var labels = (option.getAttribute('data-unit-labels') || option.getAttribute('data-units')).split('|');
    unit.innerHTML = '';
    units.forEach(function (u, i) { unit.add(new Option(labels[i] || u, u)); });
    showFields();
  });
  showFields();
};
