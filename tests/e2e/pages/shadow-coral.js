/* global document */
// A Coral-style embed: the stream renders into an open shadow root under #coral_thread, with
// Coral's stable class names.
(function () {
  var POOL = [
    'I agree with this plan, the council finally listened to the residents.',
    'This is a terrible idea and it will cost far more than they admit.',
    'Does anyone know when the new timetable starts?',
    'The article explains the budget numbers well.',
    'Great decision, the buses were overcrowded for years.',
    'I strongly oppose this, the consultation was a sham.',
  ];
  var root = document.querySelector('#coral_thread').attachShadow({ mode: 'open' });
  var stream = document.createElement('div');
  stream.className = 'coral-stream';
  for (var i = 0; i < 6; i++) {
    var c = document.createElement('div');
    c.className = 'coral-comment';
    c.id = 'comment-' + (i + 1);
    var user = document.createElement('span');
    user.className = 'coral-comment-username';
    user.textContent = 'Coral user ' + (i % 4);
    var content = document.createElement('div');
    content.className = 'coral-comment-content';
    content.textContent = POOL[i] + ' (coral ' + i + ')';
    var top = document.createElement('div');
    top.className = 'coral-comment-topBar';
    top.append(user);
    c.append(top, content);
    stream.append(c);
  }
  root.append(stream);
})();
