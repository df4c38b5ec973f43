// What every page may need, in a file because the Content-Security-Policy refuses inline scripts and
// event-handler attributes: a form marked data-confirm asks its question before it is sent, and a
// button marked data-print prints the page.
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
// A table or sample wider than the screen scrolls sideways (on a phone, every table does): a keyboard must be
// able to reach it to scroll it (WCAG 2.1.1), so whatever scrolls becomes focusable, and stops being so when the
// window grows wide enough.
function focusScrollables() {
  document.querySelectorAll('main table, main pre').forEach(function (el) {
    if (el.scrollWidth > el.clientWidth + 1) {
      el.setAttribute('tabindex', '0');
    } else if (el.getAttribute('tabindex') === '0') {
      el.removeAttribute('tabindex');
    }
  });
}
document.addEventListener('DOMContentLoaded', focusScrollables);
window.addEventListener('resize', focusScrollables);
// The header's menu folds on a phone: the button shows it and says whether it is open (aria-expanded).
document.addEventListener('DOMContentLoaded', function () {
  var header = document.querySelector('.site-header');
  var toggle = document.getElementById('nav-toggle');
  var nav = document.getElementById('site-nav');
  if (!header || !toggle || !nav) {
    return;
  }
  header.classList.add('js-nav');
  toggle.addEventListener('click', function () {
    var open = nav.classList.toggle('open');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
});
// A printed report names every factor's source: the "Source" disclosures open for printing and close again after.
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details.factor-source:not([open])').forEach(function (el) {
    el.setAttribute('open', '');
    el.setAttribute('data-print-opened', '');
  });
});
window.addEventListener('afterprint', function () {
  document.querySelectorAll('details[data-print-opened]').forEach(function (el) {
    el.removeAttribute('open');
    el.removeAttribute('data-print-opened');
  });
});
