// Shows the fields of the chosen type (the others are disabled, so not sent), offers its units,
// suggests airports as a code or city is typed, and shows a flight's great-circle distance.
// The server checks everything again; without scripts every field shows.
(function () {
  var type = document.getElementById('type');
  var unit = document.getElementById('unit');
  function fits(el) { return (' ' + el.getAttribute('data-types') + ' ').indexOf(' ' + type.value + ' ') >= 0; }
  function showFields() {
    document.querySelectorAll('[data-types]').forEach(function (el) {
      var on = fits(el);
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

  var distance = document.getElementById('flight-distance');
  function suggest(input) {
    var list = document.getElementById(input.getAttribute('list'));
    var query = input.value.trim();
    if (query.length < 2) { return; }
    fetch('/api/airports?q=' + encodeURIComponent(query)).then(function (r) { return r.json(); })
      .then(function (airports) {
        // Answers can come back out of order as a name is typed: only the one for what the field holds now counts.
        if (input.value.trim() !== query) { return; }
        list.innerHTML = '';
        airports.forEach(function (a) { list.appendChild(new Option(a.iata + ' — ' + a.city + ' (' + a.name + ')', a.iata)); });
      });
  }
  function measure() {
    var from = document.getElementById('from').value.trim(), to = document.getElementById('to').value.trim();
    if (from.length !== 3 || to.length !== 3) { distance.textContent = ''; return; }
    fetch('/api/airports/distance?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to))
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        distance.textContent = d ? distance.getAttribute('data-label') + ' ' + Math.round(d.distanceKm).toLocaleString(document.documentElement.lang) + ' km' : '';
      });
  }
  ['from', 'to'].forEach(function (id) {
    var input = document.getElementById(id);
    input.addEventListener('input', function () { suggest(input); measure(); });
  });
  measure();
})();
