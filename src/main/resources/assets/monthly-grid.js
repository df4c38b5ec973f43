// The monthly grid: the unit list follows the chosen type, as on the activity form (activity-fields.js). Without
// scripts a unit that does not fit the type is refused beside its field.
(function () {
  window.activityFields(document, document.getElementById('type'), document.getElementById('unit'));
})();
