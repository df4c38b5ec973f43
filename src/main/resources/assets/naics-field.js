// A NAICS (SCIAN) code field: words or digits typed fill its <datalist> with classes found by /api/naics, in the
// page's language; the browser shows them and the keyboard picks one (arrows, Enter). Under the field, the chosen
// class's title, and for a purchase the code whose spend-based factor applies. Without scripts the field takes a
// code as before, and the server checks everything again.
(function () {
  var lang = document.documentElement.lang === 'en' ? 'en' : 'fr';
  // The activity form's texts ride on this script's tag: its fields are drawn by a template shared by every kind.
  var texts = document.currentScript ? document.currentScript.dataset : {};
  document.querySelectorAll('input[list$="naics-list"]').forEach(function (input) {
    input.setAttribute('data-naics', 'purchase');
  });
  document.querySelectorAll('input[data-naics]').forEach(function (input) {
    var purchase = input.getAttribute('data-naics') === 'purchase';
    var list = document.getElementById(input.getAttribute('list'));
    var note = document.createElement('p');
    note.className = 'help naics-note';
    note.id = input.id + '-naics-note';
    note.setAttribute('aria-live', 'polite');
    input.insertAdjacentElement('afterend', note);
    var described = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', (described ? described + ' ' : '') + note.id);
    var found = {};
    var timer = null;

    function label(c) {
      var words = c.words && c.words.length ? c.words.slice(0, 3).join(', ') + ' · ' : '';
      return c.code + ' — ' + words + c.title + ' (' + c.levelName + ')';
    }
    function describe() {
      var c = found[input.value.trim()];
      if (!c) { note.textContent = purchase && texts.help ? texts.help : ''; return; }
      var text = c.levelName + ' ' + c.code + (lang === 'fr' ? ' : ' : ': ') + c.title;
      if (purchase) {
        text += ' — ' + (c.purchaseCode ? (texts.pricedAs || '{0}').replace('{0}', c.purchaseCode) : texts.noFactor || '');
      }
      note.textContent = text;
    }
    function suggest() {
      var query = input.value.trim();
      if (query.length < 2) { list.innerHTML = ''; describe(); return; }
      fetch('/api/naics?limit=12&lang=' + lang + '&q=' + encodeURIComponent(query), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (classes) {
          // Answers can come back out of order as words are typed: only the one for what the field holds counts.
          if (input.value.trim() !== query) { return; }
          classes.forEach(function (c) { found[c.code] = c; });
          // A code picked from the list is searched again: keep the list as it was, so that it stays readable.
          if (!(classes.length === 1 && classes[0].code === query && list.options.length > 1)) {
            list.innerHTML = '';
            classes.forEach(function (c) { list.appendChild(new Option(label(c), c.code)); });
          }
          describe();
        });
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
    if (input.value.trim()) { suggest(); } else { describe(); }
  });
})();
