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

// Each activity of an estimate shows only the fields of its type and offers its units (activity-fields.js).
document.querySelectorAll('fieldset.change-side').forEach(function (side) {
  window.activityFields(side, side.querySelector('select.side-type'), side.querySelector('select.side-unit'));
});
