/**
 * The console's script, plain JavaScript served as `/_sandbox/console.js` (kept as text so that it needs no
 * build step and no bundler loader). It builds the page with DOM calls only (no innerHTML: every value shown
 * is a partner's data), reads `/_sandbox/overview` with the chosen credential, and reads again on each
 * `change` event of `/_sandbox/events`. Status names come from the overview (the spec's, via the status
 * machine), never from here. No template literals inside: this file is one.
 */
export const CONSOLE_JS = String.raw`'use strict';
(function () {
  var auth = null; // { header: 'Basic …' | 'Bearer …' } or { tenant: 'client:…' } (loopback)
  var loading = false, again = false, data = null;
  var $ = function (id) { return document.getElementById(id); };

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) for (var key in attrs) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') el.textContent = value;
      else if (key === 'onclick') el.addEventListener('click', value);
      else el.setAttribute(key, value === true ? '' : value);
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }
  function append(el, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  function time(value) {
    if (!value) return '';
    var date = new Date(value);
    return isNaN(date.getTime()) ? String(value) : date.toISOString().replace('T', ' ').replace('Z', ' UTC');
  }
  function say(text, isError) {
    var el = $('message');
    el.textContent = text;
    el.className = isError ? 'error' : '';
  }
  function withTenant(path) {
    return auth && auth.tenant ? path + (path.indexOf('?') === -1 ? '?' : '&') + 'tenant=' + encodeURIComponent(auth.tenant) : path;
  }
  function call(method, path, body) {
    var headers = { accept: 'application/json' };
    if (auth && auth.header) headers.authorization = auth.header;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(withTenant('/_sandbox' + path), { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) }).then(function (res) {
      return res.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        if (!res.ok) throw new Error((json && (json.detail || json.title)) || ('HTTP ' + res.status));
        return json;
      });
    });
  }

  function refresh() {
    if (!auth) return;
    if (loading) { again = true; return; }
    loading = true;
    call('GET', '/overview').then(function (overview) {
      data = overview;
      render();
    }, function (error) {
      say(error.message, true);
    }).then(function () {
      loading = false;
      if (again) { again = false; refresh(); }
    });
  }
  function act(label, method, path, body) {
    say(label + '…');
    return call(method, path, body).then(function () { say(label + ': done.'); refresh(); }, function (error) { say(label + ': ' + error.message, true); });
  }

  function statusName(code) {
    var found = (data.statuses || []).filter(function (s) { return s.code === code; })[0];
    return found ? found.display : String(code);
  }
  function attemptText(a) {
    return time(a.startedAt) + ' · ' + (a.error ? a.error : 'HTTP ' + a.status) + ' · ' + a.durationMs + ' ms';
  }
  function deliveriesTable(list) {
    if (list.length === 0) return h('p', { class: 'muted', text: 'No notification.' });
    return h('table', null,
      h('thead', null, h('tr', null, ['Delivery', 'URL', 'State', 'Attempts', 'Next due', ''].map(function (t) { return h('th', { scope: 'col', text: t }); }))),
      h('tbody', null, list.map(function (d) {
        return h('tr', { 'data-delivery': d.id },
          h('td', { class: 'mono' }, d.id + (d.redeliveryOf ? ' (again ' + d.redeliveryOf + ')' : ''), h('br'), h('span', { class: 'muted', text: d.webhook })),
          h('td', { class: 'mono', text: d.url }),
          h('td', null, h('span', { class: 'state-' + d.state, text: d.state })),
          h('td', null, d.attempts.length === 0 ? h('span', { class: 'muted', text: 'none yet' }) : h('ul', { class: 'attempts' }, d.attempts.map(function (a) { return h('li', { text: '#' + a.number + ' ' + attemptText(a) }); }))),
          h('td', { text: d.nextAttemptAt ? time(d.nextAttemptAt) : (d.state === 'held' ? 'when resumed' : '—') }),
          h('td', null, h('button', { type: 'button', id: 'redeliver-' + d.id, 'aria-label': 'Redeliver ' + d.id, onclick: function () { act('Redeliver ' + d.id, 'POST', '/deliveries/' + encodeURIComponent(d.id) + '/redeliver'); } }, 'Redeliver')));
      })));
  }
  function noteCard(note) {
    var steps = note.next.filter(function (s) { return s.trigger === 'control'; });
    return h('article', { class: 'note', 'data-note': note.id, 'aria-labelledby': 'note-' + note.id },
      h('h3', { id: 'note-' + note.id }, 'Credit note ', h('code', { text: note.id })),
      h('p', null, 'Status: ', h('span', { class: 'status', 'data-status': String(note.status), text: statusName(note.status) }), ' ', h('span', { class: 'muted', text: '(' + note.status + ' ' + note.statusName + ')' })),
      h('div', { role: 'group', 'aria-label': 'Next steps of ' + note.id },
        steps.length === 0 ? h('span', { class: 'muted', text: note.next.length ? 'Next: ' + note.next.map(function (s) { return s.display + ' (' + s.trigger + ')'; }).join(', ') : 'Final status.' }) : null,
        steps.map(function (s) {
          return h('button', { type: 'button', class: 'primary', id: 'advance-' + note.id + '-' + s.to, onclick: function () { act('Advance to ' + s.display, 'POST', '/eccor-fgts/credit-notes/' + encodeURIComponent(note.id) + '/advance', { to: s.to }); } }, 'Advance to ' + s.display);
        })),
      h('ol', { class: 'timeline', 'aria-label': 'Status changes of ' + note.id }, note.timeline.map(function (change) {
        return h('li', { 'data-change': change.from + '-' + change.to },
          h('strong', { text: change.fromDisplay === null ? change.toDisplay : change.fromDisplay + ' → ' + change.toDisplay }),
          ' ', h('span', { class: 'muted', text: time(change.at) + ' · ' + change.trigger + (change.webhook ? ' · ' + change.webhook : '') }),
          change.webhook ? deliveriesTable(change.deliveries) : null);
      })));
  }
  function urlsSection() {
    var own = data.urls.filter(function (u) { return u.source === 'tenant'; }).map(function (u) { return u.url; });
    var rows = data.urls.map(function (u) {
      var health = u.health;
      var state = u.held ? 'held (paused here)' : health && health.paused ? 'paused after ' + health.failures + ' failures' : 'active';
      return h('tr', null,
        h('td', { class: 'mono', text: u.url }),
        h('td', { text: u.source === 'sandbox' ? 'every tenant (--webhook-url)' : 'this tenant' }),
        h('td', { text: state + (health && health.undelivered ? ' · ' + health.undelivered + ' undelivered' : '') }),
        h('td', null,
          h('button', { type: 'button', id: 'hold-' + u.url, 'aria-label': (u.held ? 'Resume delivery to ' : 'Pause delivery to ') + u.url, onclick: function () { act(u.held ? 'Resume' : 'Pause', 'POST', '/webhooks/' + (u.held ? 'resume' : 'pause'), { url: u.url }); } }, u.held ? 'Resume delivery' : 'Pause delivery'),
          u.source === 'tenant' ? h('button', { type: 'button', id: 'remove-' + u.url, 'aria-label': 'Remove ' + u.url, onclick: function () { act('Remove URL', 'PUT', '/webhooks', { urls: own.filter(function (x) { return x !== u.url; }) }); } }, 'Remove') : null));
    });
    var input = h('input', { id: 'new-url', type: 'url', required: true, placeholder: 'http://127.0.0.1:8080/hooks' });
    var form = h('form', { id: 'add-url' }, h('label', { for: 'new-url', text: 'New webhook URL' }), ' ', input, ' ', h('button', { type: 'submit', class: 'primary' }, 'Add URL'));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      act('Add URL', 'PUT', '/webhooks', { urls: own.concat([input.value]) });
    });
    return [h('h2', { id: 'urls-title', text: 'Webhook URLs' }),
      rows.length ? h('table', { 'aria-labelledby': 'urls-title' }, h('thead', null, h('tr', null, ['URL', 'Whose', 'Delivery', ''].map(function (t) { return h('th', { scope: 'col', text: t }); }))), h('tbody', null, rows)) : h('p', { class: 'muted', text: 'No URL: notifications are recorded, not sent.' }),
      form];
  }
  function inssSection() {
    return [h('h2', { text: 'INSS operations' }), data.inssOperations.length === 0 ? h('p', { class: 'muted', text: 'None yet.' }) : data.inssOperations.map(function (entry) {
      var op = entry.operation || {};
      return h('article', { class: 'note' }, h('h3', null, 'Operation ', h('code', { text: String(op.debt_key) })),
        h('p', { class: 'muted', text: [op.nom_cliente, op.cod_cpf_cliente, op.num_contrato && 'contrato ' + op.num_contrato, op.dsc_produto, op.dsc_situacao_emprestimo].filter(Boolean).join(' · ') }),
        h('ol', { class: 'timeline', 'aria-label': 'History of ' + op.debt_key }, (entry.histories || []).map(function (hist) {
          return h('li', null, h('strong', { text: String(hist.status) }), ' ', h('span', { text: hist.description || '' }), ' ', h('span', { class: 'muted', text: String(hist.event_datetime || '') }));
        })));
    })];
  }
  function render() {
    var focused = document.activeElement && document.activeElement.id;
    var view = $('view');
    view.replaceChildren();
    append(view, [
      h('h2', null, 'Tenant ', h('code', { text: data.tenant })),
      urlsSection(),
      h('h2', { text: 'ECCOR FGTS persons' }),
      data.persons.length === 0 ? h('p', { class: 'muted', text: 'None yet.' }) : h('table', null, h('thead', null, h('tr', null, ['Id', 'Name', 'CPF'].map(function (t) { return h('th', { scope: 'col', text: t }); }))),
        h('tbody', null, data.persons.map(function (p) { return h('tr', null, h('td', { class: 'mono', text: p.id }), h('td', { text: p.name || '' }), h('td', { text: p.registrationNumber || '' })); }))),
      h('h2', { text: 'ECCOR FGTS credit notes' }),
      data.creditNotes.length === 0 ? h('p', { class: 'muted', text: 'None yet.' }) : data.creditNotes.slice().reverse().map(noteCard),
      inssSection(),
      data.otherDeliveries.length ? [h('h2', { text: 'Other notifications' }), deliveriesTable(data.otherDeliveries)] : null]);
    if (focused && $(focused)) $(focused).focus();
  }

  function use(next, label) {
    auth = next;
    data = null;
    $('view').replaceChildren();
    say('Showing ' + label + '.');
    refresh();
  }
  // The tenants seen so far: listed on a loopback bind only (an empty list beyond: nothing to pick then).
  function loadTenants() {
    fetch('/_sandbox/tenants', { headers: { accept: 'application/json' } }).then(function (res) {
      return res.ok ? res.json() : null;
    }).then(function (body) {
      if (!body || !body.listed) return;
      var select = $('tenant-select');
      var chosen = select.value;
      select.replaceChildren.apply(select, body.tenants.map(function (t) { return h('option', { value: t, text: t, selected: t === chosen }); }));
      $('pick-seen').hidden = body.tenants.length === 0;
    }, function () {});
  }
  function listen() {
    if (typeof EventSource === 'undefined') return;
    var source = new EventSource('/_sandbox/events');
    source.addEventListener('ready', function () { $('live').textContent = 'live'; refresh(); });
    source.addEventListener('change', function () { refresh(); if (!auth || auth.tenant) loadTenants(); });
    source.onerror = function () { $('live').textContent = 'reconnecting…'; };
  }
  document.addEventListener('DOMContentLoaded', function () {
    $('pick-client').addEventListener('submit', function (event) {
      event.preventDefault();
      var id = $('client-id').value;
      use({ header: 'Basic ' + btoa(unescape(encodeURIComponent(id + ':' + $('client-secret').value))) }, 'client ' + id);
    });
    $('pick-token').addEventListener('submit', function (event) {
      event.preventDefault();
      use({ header: 'Bearer ' + $('token').value.trim() }, 'the token\'s tenant');
    });
    $('pick-seen').addEventListener('submit', function (event) {
      event.preventDefault();
      var tenant = $('tenant-select').value;
      if (tenant) use({ tenant: tenant }, tenant);
    });
    loadTenants();
    listen();
  });
})();
`;
