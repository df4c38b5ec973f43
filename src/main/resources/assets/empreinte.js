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
