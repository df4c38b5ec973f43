// The activity form: its fields follow the chosen type (activity-fields.js); it suggests airports as a code
// or city is typed, and shows a flight's great-circle distance. The server checks everything again.
(function () {
  window.activityFields(document, document.getElementById('type'), document.getElementById('unit'));

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
    if (from.length < 3 || to.length < 3) { distance.textContent = ''; return; }
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
