// The fields of one activity in a page (the activity form, each side of an action's estimate): only those of the
// chosen type show (the others are disabled, so not sent), and the unit list follows the type. A field that applies
// with another field's choice only (a plug-in hybrid's kWh charged: data-when-field, data-when-value) shows with that
// choice. The server reads only the fields of the chosen type; without scripts every field shows.
window.activityFields = function (scope, type, unit) {
  function showFields() {
    scope.querySelectorAll('[data-types]').forEach(function (el) {
      var on = (' ' + el.getAttribute('data-types') + ' ').indexOf(' ' + type.value + ' ') >= 0;
      var whenField = el.getAttribute('data-when-field');
      if (on && whenField) {
        var other = scope.querySelector('[name="' + whenField + '"]');
        on = !other || other.value === el.getAttribute('data-when-value');
      }
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
  scope.querySelectorAll('[data-when-field]').forEach(function (el) {
    var other = scope.querySelector('[name="' + el.getAttribute('data-when-field') + '"]');
    if (other) {
      other.addEventListener('change', showFields);
    }
  });
  showFields();
};
