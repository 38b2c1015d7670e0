// Progressive enhancement: shows how the date field will be read while it is typed.
// Without JavaScript the same reading appears after submitting.
(function () {
  'use strict';
  var date = document.getElementById('date');
  var reference = document.getElementById('dateReference');
  var documentField = document.getElementById('document');
  // The date is read as the form reads it: in the quote (or the statement), with the actors' fiscal calendar.
  var quote = document.getElementById('quote');
  var statement = document.getElementById('statement');
  var source = document.getElementById('source');
  var actors = document.getElementById('actors');
  var output = document.getElementById('date-preview');
  if (!date || !output || !window.fetch) return;
  var timer;
  var latest = 0;

  function show(text, isError) {
    output.textContent = text;
    output.hidden = !text;
    output.classList.toggle('date-preview--error', Boolean(isError));
  }

  function check() {
    var text = date.value.trim();
    if (!text) return show('');
    var params = new URLSearchParams({ text: text });
    if (reference && reference.value.trim()) params.set('reference', reference.value.trim());
    if (documentField && documentField.value) params.set('document', documentField.value);
    var sentence = (quote && quote.value.trim()) || (statement && statement.value.trim());
    if (sentence) params.set('sentence', sentence.slice(0, 2000));
    if (source && source.value.trim()) params.set('source', source.value.trim());
    if (actors && actors.value.trim()) params.set('actors', actors.value.trim());
    var request = ++latest;
    fetch('/api/dates/parse?' + params.toString(), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      })
      .then(function (result) {
        if (request !== latest) return;
        if (result.ok) show('Read as: ' + result.body.description);
        else show('Not understood: ' + result.body.message, true);
      })
      .catch(function () {
        show('');
      });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  }

  [date, reference, documentField, quote, statement, source, actors].forEach(function (field) {
    if (field) {
      field.addEventListener('input', schedule);
      field.addEventListener('change', schedule);
    }
  });
  if (date.value) check();
})();
