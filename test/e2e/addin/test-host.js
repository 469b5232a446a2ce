/* global window, setTimeout */
/*
 * TEST HOST: a stand-in for Outlook, injected into the page with page.addInitScript before any of
 * the app's scripts run. It defines a fake `Office` global whose mailbox item records every
 * Office.js call in `window.__testHost.calls` and keeps the item's state in `window.__testHost.state`,
 * so the e2e test can check what the task pane asked of "Outlook". It is not part of the app and is
 * never built into dist/. Configure it with `window.__AU_REVOIR_TEST_HOST__` (an earlier init script):
 *   { kind: 'appointmentCompose' | 'appointmentRead' | 'messageRead', subject, bodyHtml, required,
 *     itemId, from, start, end, user, displayLanguage, unsupported: ['1.8'], masterCategories }
 */
(function () {
  var cfg = window.__AU_REVOIR_TEST_HOST__ || {};
  var calls = [];
  var state = {
    subject: cfg.subject || '',
    bodyHtml: cfg.bodyHtml || '<html><head></head><body><div><br></div></body></html>',
    required: (cfg.required || []).slice(),
    categories: [],
    master: (cfg.masterCategories || []).slice(),
  };
  var ok = function (value) { return { status: 'succeeded', value: value }; };
  // Outlook answers asynchronously; so does the test host.
  var later = function (cb, result) { setTimeout(function () { cb(result); }, 0); };
  var record = function (name, args) { calls.push([name].concat(args ? JSON.parse(JSON.stringify(args)) : [])); };
  var compose = cfg.kind === 'appointmentCompose';
  var start = new Date(cfg.start || Date.now() + 7 * 86400000);
  var end = new Date(cfg.end || start.getTime() + 45 * 60000);

  var item = {
    itemType: cfg.kind === 'messageRead' ? 'message' : 'appointment',
    body: {
      getAsync: function (coercion, cb) { record('body.getAsync', [coercion]); later(cb, ok(state.bodyHtml)); },
      setAsync: function (html, options, cb) { record('body.setAsync', [html, options]); state.bodyHtml = html; later(cb, ok()); },
    },
  };
  if (cfg.itemId) item.itemId = cfg.itemId;
  if (compose) {
    item.subject = {
      getAsync: function (cb) { record('subject.getAsync'); later(cb, ok(state.subject)); },
      setAsync: function (v, cb) { record('subject.setAsync', [v]); state.subject = v; later(cb, ok()); },
    };
    item.requiredAttendees = {
      getAsync: function (cb) { record('requiredAttendees.getAsync'); later(cb, ok(state.required.slice())); },
      addAsync: function (people, cb) { record('requiredAttendees.addAsync', [people]); state.required = state.required.concat(people); later(cb, ok()); },
    };
    item.start = { getAsync: function (cb) { later(cb, ok(start)); } };
    item.end = { getAsync: function (cb) { later(cb, ok(end)); } };
    item.categories = {
      addAsync: function (names, cb) {
        record('categories.addAsync', [names]);
        var unknown = names.filter(function (n) { return state.master.indexOf(n) < 0; });
        if (unknown.length) { later(cb, { status: 'failed', value: undefined, error: { name: 'InvalidCategory', message: 'Invalid category', code: 9044 } }); return; }
        state.categories = state.categories.concat(names);
        later(cb, ok());
      },
    };
  } else {
    item.subject = state.subject;
    item.requiredAttendees = state.required;
    item.start = start;
    item.end = end;
    if (cfg.from) item.from = cfg.from;
  }
  var unsupported = cfg.unsupported || [];
  var user = cfg.user || { emailAddress: 'claire.martin@contoso.example', displayName: 'Claire Martin' };

  window.__testHost = { calls: calls, state: state };
  window.Office = {
    onReady: function () { return Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }); },
    context: {
      displayLanguage: cfg.displayLanguage || 'en-US',
      requirements: { isSetSupported: function (name, v) { return name === 'Mailbox' && unsupported.indexOf(v) < 0; } },
      mailbox: {
        item: item,
        userProfile: user,
        masterCategories: {
          addAsync: function (cats, cb) {
            record('masterCategories.addAsync', [cats]);
            state.master = state.master.concat(cats.map(function (c) { return c.displayName; }));
            later(cb, ok());
          },
        },
        // The sandbox's event ids are already REST ids.
        convertToRestId: function (id) { return id; },
      },
    },
    CoercionType: { Html: 'html', Text: 'text' },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      RestVersion: { v2_0: 'v2.0' },
      CategoryColor: { Preset4: 'Preset4', Preset5: 'Preset5' },
    },
  };
})();
