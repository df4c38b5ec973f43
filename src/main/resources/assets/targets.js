// A preset fills the reduction from the years (a fixed share of the base year each year, capped at 100 %).
document.querySelectorAll('button.preset').forEach(function (button) {
  button.addEventListener('click', function () {
    var base = parseInt(document.getElementById('baseYear').value, 10);
    var target = parseInt(document.getElementById('targetYear').value, 10);
    if (!base) { base = 2019; document.getElementById('baseYear').value = base; }
    if (!target || target <= base) { target = 2030; document.getElementById('targetYear').value = target; }
    var rate = parseFloat(button.dataset.rate);
    var percent = Math.min(100, Math.round(rate * (target - base) * 10) / 10);
    document.getElementById('reductionPercent').value = percent.toLocaleString(document.documentElement.lang);
    document.getElementById('preset').value = button.dataset.preset;
  });
});

// Each activity shows only the fields of its type (the others are disabled, so not sent) and offers its units,
// as the activity form does. The server reads only the fields of the chosen type; without scripts all show.
document.querySelectorAll('fieldset.change-side').forEach(function (side) {
  var type = side.querySelector('select.side-type');
  var unit = side.querySelector('select.side-unit');
  function showFields() {
    side.querySelectorAll('[data-types]').forEach(function (el) {
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
});
