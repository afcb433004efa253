// crowdrecon operations dashboard. Plain JavaScript, no dependencies, no build step.
//
// Sign-in posts the ops key once to /ops/session, which answers an HttpOnly session cookie; the key
// itself is never kept (not in storage, not in a URL, not logged). Every API call then rides on the
// cookie; calls that change something add X-Recon-Dashboard. A 401 anywhere means the session is
// over: everything stops and the sign-in form comes back with a message.
'use strict';

(() => {
  const REFRESH_MS = 2000;
  const LISTS_MAX_AGE_MS = 10000;
  const STREAM_RETRY_MS = 10000;
  const CHART_WINDOW_MS = 3 * 60 * 1000;
  const FEED_LIMIT = 40;
  // Only "the page believed it was signed in" is remembered, so that a reload resumes the session;
  // the cookie itself is HttpOnly and invisible here.
  const SIGNED_IN_FLAG = 'crowdrecon.ops.signedIn';
  const EVENT_TYPES = [
    'order-status',
    'crowdrecon.unidentified-transfer.received.v1',
    'crowdrecon.payment-instruction.requested.v1',
    'crowdrecon.moneyout.created.v1',
    'crowdrecon.moneyout.status-changed.v1',
  ];

  const $ = (selector, root = document) => root.querySelector(selector);
  const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
  const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const dateAndTime = new Intl.DateTimeFormat(undefined, {
    month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });

  const state = {
    generation: 0,
    timer: null,
    inFlight: false,
    again: false,
    stream: null,
    streamOpenedAt: 0,
    previous: null,
    samples: [],
    listsLoadedAt: 0,
    lastUnidentified: null,
    lastReviewTotal: null,
    lastReasons: '',
    resolved: new Set(),
    // What the signed-in operator's role allows (GET /api/v1/ops/operators/me); write controls it lacks are disabled.
    allowed: new Set(),
    feed: [],
    feedScheduled: false,
    eventTimes: [],
  };

  class SessionExpired extends Error {}

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
      this.status = status;
      this.problem = problem;
    }
  }

  // ---------------------------------------------------------------- HTTP

  // Review items resolved with RELEASE or REVERSE of the money they hold.
  const TAKES_ACTION = new Set(['CHARGEBACK', 'NOT_ON_STATEMENT']);

  async function api(path, { method = 'GET', body } = {}) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-Recon-Dashboard'] = '1';
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    if (response.status === 401) throw new SessionExpired();
    if (!response.ok) {
      let problem = null;
      try {
        problem = await response.json();
      } catch (ignored) {
        // not a problem document
      }
      throw new ApiError(response.status, problem);
    }
    return response.status === 204 ? null : response.json();
  }

  // ---------------------------------------------------------------- sign-in, sign-out, expiry

  function showSignIn(message, tone) {
    $('#dashboard').hidden = true;
    $('#session-bar').hidden = true;
    $('#sign-in').hidden = false;
    const box = $('#sign-in-message');
    box.textContent = message || '';
    box.className = 'message' + (tone ? ' ' + tone : '');
    box.hidden = !message;
    document.title = 'crowdrecon · sign in';
    $('#ops-key').focus();
  }

  async function signIn(event) {
    event.preventDefault();
    const input = $('#ops-key');
    const button = $('#sign-in-submit');
    const key = input.value.trim();
    if (!key) {
      showSignIn('Enter your operator key.');
      return;
    }
    button.disabled = true;
    try {
      const response = await fetch('/ops/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ key }),
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (response.ok) {
        input.value = '';
        localStorage.setItem(SIGNED_IN_FLAG, '1');
        startDashboard();
      } else if (response.status === 401) {
        showSignIn('That is not an operator key, or its operator is disabled.');
        input.select();
      } else {
        showSignIn(`Sign-in failed (HTTP ${response.status}). Try again.`);
      }
    } catch (error) {
      showSignIn('The service cannot be reached. Try again in a moment.');
    } finally {
      button.disabled = false;
    }
  }

  async function signOut() {
    stop();
    localStorage.removeItem(SIGNED_IN_FLAG);
    try {
      await fetch('/ops/session', {
        method: 'DELETE',
        headers: { 'X-Recon-Dashboard': '1' },
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (error) {
      // signed out locally all the same; the cookie expires on its own
    }
    clearDashboard();
    showSignIn('You are signed out.', 'ok');
  }

  function expire() {
    stop();
    localStorage.removeItem(SIGNED_IN_FLAG);
    clearDashboard();
    showSignIn('Your session has expired. Sign in again to continue.', 'info');
  }

  function stop() {
    state.generation += 1;
    clearTimeout(state.timer);
    state.timer = null;
    state.inFlight = false;
    state.again = false;
    closeStream();
  }

  // ---------------------------------------------------------------- the refresh loop

  async function startDashboard() {
    stop();
    clearDashboard();
    const generation = state.generation;
    try {
      await loadSignedIn();
    } catch (failure) {
      if (failure instanceof SessionExpired) {
        expire();
        return;
      }
      // Unknown role: show the dashboard read-only rather than not at all.
      state.allowed = new Set(['READ']);
      $('#signed-in-as').textContent = '';
    }
    if (generation !== state.generation) return;
    $('#sign-in').hidden = true;
    $('#dashboard').hidden = false;
    $('#session-bar').hidden = false;
    document.title = 'crowdrecon · operations';
    setLive('connecting', 'Connecting…');
    tick(generation);
    openStream(generation);
  }

  /** Who the session belongs to: shown in the top bar, and what the role allows decides which writes are offered. */
  async function loadSignedIn() {
    const me = await api('/api/v1/ops/operators/me');
    state.allowed = new Set(me.allowed);
    $('#signed-in-as').textContent = `Signed in as ${me.name} (${me.role})`;
  }

  function may(action) {
    return state.allowed.has(action);
  }

  /** Refreshes now, or right after the refresh in flight. */
  function refreshNow() {
    if (state.inFlight) {
      state.again = true;
      return;
    }
    clearTimeout(state.timer);
    tick(state.generation);
  }

  async function tick(generation) {
    if (generation !== state.generation) return;
    state.timer = null;
    state.inFlight = true;
    try {
      if (!document.hidden) await refresh(generation);
    } catch (error) {
      if (generation !== state.generation) return;
      if (error instanceof SessionExpired) {
        expire();
        return;
      }
      setLive('stale', 'Reconnecting…');
    } finally {
      if (generation === state.generation) {
        state.inFlight = false;
        const delay = state.again ? 0 : REFRESH_MS;
        state.again = false;
        state.timer = setTimeout(() => tick(generation), delay);
      }
    }
  }

  async function refresh(generation) {
    const stats = await api('/api/v1/ops/stats');
    if (generation !== state.generation) return;
    renderStats(stats);
    addSample(stats);
    setLive('ok', 'Live', ' · ' + timeOfDay.format(new Date()));

    const listsStale = Date.now() - state.listsLoadedAt > LISTS_MAX_AGE_MS;
    const unidentified = stats.credits.unidentified;
    const openReview = stats.openReviewItems.total;
    const loads = [];
    if (listsStale || unidentified !== state.lastUnidentified) loads.push(loadLatest(generation));
    if (listsStale || openReview !== state.lastReviewTotal) loads.push(loadReview(generation));
    if (listsStale || openReview !== state.lastReviewTotal) loads.push(loadStatements(generation));
    loads.push(loadApprovals(generation));
    if (listsStale) state.listsLoadedAt = Date.now();
    state.lastUnidentified = unidentified;
    state.lastReviewTotal = openReview;
    await Promise.all(loads);

    if (!state.stream && Date.now() - state.streamOpenedAt > STREAM_RETRY_MS) openStream(generation);
  }

  function setLive(tone, text, time) {
    $('#live-status').className = 'live ' + tone;
    $('#live-text').textContent = text;
    $('#live-time').textContent = time || '';
  }

  // ---------------------------------------------------------------- tiles

  function renderStats(stats) {
    const c = stats.credits;
    const amounts = stats.amounts || {};
    $('#checked-at').textContent = 'as of ' + timeOfDay.format(new Date(stats.checkedAt));

    tile('decided', c.decided,
      `received ${c.received == null ? 'n/a' : integer.format(c.received)} · duplicates ${integer.format(c.duplicates)}`);

    const share = c.decided > 0 ? Math.round((c.matched / c.decided) * 1000) / 10 : null;
    tile('matched', c.matched,
      [share == null ? null : `${decimal.format(share)}% of decided`, money(amounts, 'matched')].filter(Boolean).join(' · '),
      'good');

    tile('unidentified', c.unidentified, money(amounts, 'unidentified') || 'returned to the payer');

    const dlq = stats.deadLetters;
    const dlqRecords = dlq == null ? null : sum(Object.values(dlq));
    tile('notDecided', c.notDecided,
      dlq == null ? 'DLQ size unavailable' : `${integer.format(dlqRecords)} records in the DLQs`,
      c.notDecided > 0 ? 'alert' : dlqRecords > 0 ? 'warn' : '');

    tile('returnsPending', stats.returnsPending.count, pendingText(stats.returnsPending));
    tile('refundsPending', stats.refundsPending.count, pendingText(stats.refundsPending));

    const review = stats.openReviewItems;
    const kinds = Object.entries(review.byKind || {}).sort((a, b) => b[1] - a[1]);
    tile('review', review.total,
      kinds.length ? kinds.slice(0, 3).map(([kind, n]) => `${label(kind)} ${integer.format(n)}`).join(' · ') : 'nothing to look at',
      review.total > 0 ? 'warn' : 'good');

    const outbox = stats.outbox;
    tile('outbox', outbox.backlog, `relay lag ${decimal.format(outbox.lagSeconds)} s`,
      outbox.lagSeconds > 60 ? 'alert' : outbox.lagSeconds > 5 || outbox.backlog > 1000 ? 'warn' : '');

    const lag = stats.consumerLag;
    if (lag == null) {
      tile('consumerLag', null, 'broker not answering', 'warn');
    } else {
      const total = sum(Object.values(lag));
      const behind = Object.entries(lag).filter(([, n]) => n > 0);
      tile('consumerLag', total,
        behind.length ? behind.map(([topic, n]) => `${topic.replace(/^recon\./, '')} ${integer.format(n)}`).join(' · ')
          : 'all partitions caught up',
        total > 10000 ? 'alert' : total > 1000 ? 'warn' : '');
    }

    renderReasons(stats.unidentifiedByReason || {});
  }

  function tile(name, value, sub, tone) {
    const element = $(`[data-tile="${name}"]`);
    const valueElement = $('.tile-value', element);
    const raw = value == null ? '' : String(value);
    if (valueElement.dataset.value !== raw) {
      const changed = valueElement.dataset.value !== '';
      valueElement.dataset.value = raw;
      valueElement.textContent = value == null ? '—' : integer.format(value);
      if (changed) {
        element.classList.remove('flash');
        void element.offsetWidth; // restarts the animation
        element.classList.add('flash');
      }
    }
    $('.tile-sub', element).textContent = sub || '';
    element.classList.remove('good', 'warn', 'alert');
    if (tone) element.classList.add(tone);
  }

  function pendingText(pending) {
    return money({ all: pending.amounts || {} }, null) || 'none';
  }

  /** "EUR 1,234.50 · USD 10.00" from {currency: {key: amount}} (or {all: {currency: amount}} with key null). */
  function money(amounts, key) {
    const parts = [];
    if (key == null) {
      for (const [currency, amount] of Object.entries(amounts.all)) parts.push(formatMoney(amount, currency));
    } else {
      for (const [currency, byKey] of Object.entries(amounts)) {
        if (byKey && byKey[key] != null && Number(byKey[key]) !== 0) parts.push(formatMoney(byKey[key], currency));
      }
    }
    return parts.join(' · ');
  }

  function formatMoney(amount, currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(amount));
    } catch (error) {
      return `${currency} ${decimal.format(Number(amount))}`;
    }
  }

  function sum(values) {
    return values.reduce((total, n) => total + Number(n || 0), 0);
  }

  function label(code) {
    return String(code).toLowerCase().replace(/_/g, ' ');
  }

  // ---------------------------------------------------------------- unidentified by reason

  function renderReasons(byReason) {
    const entries = Object.entries(byReason).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    const key = JSON.stringify(entries);
    if (key === state.lastReasons) return;
    state.lastReasons = key;
    const max = entries.length ? entries[0][1] : 1;
    const rows = entries.map(([reason, count]) => {
      const li = document.createElement('li');
      li.className = 'bar-row';
      li.dataset.reason = reason;
      const name = document.createElement('span');
      name.className = 'bar-name';
      name.textContent = reason;
      name.title = label(reason);
      const track = document.createElement('span');
      track.className = 'bar-track';
      track.setAttribute('aria-hidden', 'true');
      const fill = document.createElement('span');
      fill.className = 'bar-fill';
      fill.style.width = `${Math.max(2, (count / max) * 100)}%`;
      track.append(fill);
      const n = document.createElement('span');
      n.className = 'bar-count';
      n.textContent = integer.format(count);
      li.append(name, track, n);
      return li;
    });
    $('#reasons').replaceChildren(...rows);
    $('#reasons-empty').hidden = rows.length > 0;
  }

  // ---------------------------------------------------------------- latest unidentified transfers

  async function loadLatest(generation) {
    const page = await api('/api/v1/ops/unidentified-transfers?size=10');
    if (generation !== state.generation) return;
    const headings = [...document.querySelectorAll('#latest thead th')].map((th) => th.textContent);
    const rows = page.items.map((transfer) => transferRow(transfer, headings));
    $('#latest tbody').replaceChildren(...rows);
    $('#latest-empty').hidden = rows.length > 0;
    $('#latest-total').textContent = page.total ? `${integer.format(page.total)} in all` : '';
  }

  // Per collection account, its last booked bank statement: RECONCILED, BREAKS or INVALID.
  async function loadStatements(generation) {
    const accounts = await api('/api/v1/ops/bank-accounts');
    if (generation !== state.generation) return;
    const headings = [...document.querySelectorAll('#statements thead th')].map((th) => th.textContent);
    const rows = accounts.map((account) => {
      const s = account.lastStatement;
      const tr = document.createElement('tr');
      tr.dataset.statementId = s.bankStatementId;
      tr.append(
        cell(account.account, 'nowrap'),
        cell(s.statementId || s.bankStatementId, 'nowrap', s.bankStatementId),
        cell(s.closingDate || '—', 'nowrap'),
        cell(s.closingBalance == null ? '—' : formatMoney(s.closingBalance, s.currency), 'num nowrap'),
        cell(s.difference == null ? '—' : formatMoney(s.difference, s.currency), 'num nowrap'),
        badgeCell(s.status, `statement ${s.status}`),
      );
      [...tr.cells].forEach((td, i) => { td.dataset.label = headings[i] || ''; });
      return tr;
    });
    $('#statements tbody').replaceChildren(...rows);
    $('#statements-empty').hidden = rows.length > 0;
    $('#statements-total').textContent = rows.length ? `${integer.format(rows.length)} accounts` : '';
  }

  function transferRow(transfer, headings) {
    const tr = document.createElement('tr');
    tr.dataset.transferId = transfer.unidentifiedTransferId;
    tr.append(
      cell(when(transfer.receivedDatetime), 'nowrap', transfer.receivedDatetime),
      cell(formatMoney(transfer.amount, transfer.currency), 'num nowrap'),
      badgeCell(transfer.reason, 'reason'),
      cell(truncate(transfer.description || '—', 160), 'desc', transfer.description),
      cell([transfer.payerName, transfer.payerIban].filter(Boolean).join(' · ') || '—'),
      cell(label(transfer.status), 'nowrap'),
    );
    // Column names for the stacked layout of narrow screens.
    [...tr.cells].forEach((td, i) => { td.dataset.label = headings[i] || ''; });
    return tr;
  }

  function cell(text, className, title) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    if (title) td.title = title;
    return td;
  }

  function badgeCell(text, className) {
    const td = document.createElement('td');
    const badge = document.createElement('span');
    badge.className = `badge ${className}`;
    badge.textContent = text || '—';
    td.append(badge);
    return td;
  }

  function truncate(text, length) {
    return text.length > length ? text.slice(0, length - 1) + '…' : text;
  }

  function when(iso) {
    if (!iso) return '—';
    const date = new Date(iso);
    const today = new Date();
    return date.toDateString() === today.toDateString() ? timeOfDay.format(date) : dateAndTime.format(date);
  }

  // ---------------------------------------------------------------- review queue

  async function loadReview(generation) {
    const page = await api('/api/v1/ops/review-items?status=OPEN&size=20');
    if (generation !== state.generation) return;
    const tbody = $('#review tbody');
    const existing = new Map([...tbody.rows].map((row) => [row.dataset.reviewId, row]));
    const items = page.items.filter((item) => !state.resolved.has(item.reviewItemId));
    const rows = items.map((item) => existing.get(item.reviewItemId) || reviewRow(item));
    const unchanged = rows.length === tbody.rows.length && rows.every((row, i) => tbody.rows[i] === row);
    if (!unchanged) {
      // Moving a row would blur a note being typed: give the focus back.
      const focused = tbody.contains(document.activeElement) ? document.activeElement : null;
      tbody.replaceChildren(...rows);
      if (focused && focused.isConnected) focused.focus();
    }
    $('#review-empty').hidden = rows.length > 0;
    $('#review-total').textContent = page.total > page.items.length
      ? `showing the latest ${integer.format(page.items.length)} of ${integer.format(page.total)} open`
      : `${integer.format(rows.length)} open`;
  }

  function reviewRow(item) {
    const row = $('#review-row').content.firstElementChild.cloneNode(true);
    const id = item.reviewItemId;
    row.dataset.reviewId = id;
    row.dataset.kind = item.kind;
    const opened = $('.when', row);
    opened.textContent = when(item.createdDatetime);
    opened.title = item.createdDatetime || '';
    const kind = $('.kind', row);
    kind.textContent = item.kind;
    kind.classList.add(item.kind);
    $('.about', row).textContent = item.orderId || item.subjectId || '—';
    if (item.orderId && item.subjectId && item.subjectId !== item.orderId) $('.about', row).title = item.subjectId;
    $('.detail', row).textContent = item.detail || '';

    const form = $('form', row);
    const note = $('input[name="note"]', form);
    const noteLabel = $('.note-label', form);
    note.id = `note-${id}`;
    noteLabel.htmlFor = note.id;
    noteLabel.textContent = `Resolution note for ${label(item.kind)} ${id}`;
    const action = $('select[name="action"]', form);
    const actionLabel = $('.action-label', form);
    if (TAKES_ACTION.has(item.kind)) {
      action.id = `action-${id}`;
      actionLabel.htmlFor = action.id;
      action.hidden = false;
      actionLabel.hidden = false;
    } else {
      action.remove();
      actionLabel.remove();
    }
    $('button', form).setAttribute('aria-label', `Resolve ${label(item.kind)} ${id}`);
    if (!may('RESOLVE_REVIEW_ITEMS')) {
      // The service would answer 403: the role reads the queue but does not resolve it.
      for (const control of form.querySelectorAll('input, select, button')) control.disabled = true;
      note.placeholder = 'Your role may not resolve';
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      resolve(row, item);
    });
    return row;
  }

  async function resolve(row, item) {
    const form = $('form', row);
    const note = $('input[name="note"]', form);
    const error = $('.row-error', form);
    const button = $('button', form);
    const text = note.value.trim();
    if (!text) {
      error.textContent = 'Write a note saying what was done.';
      note.focus();
      return;
    }
    const body = { note: text };
    if (TAKES_ACTION.has(item.kind)) body.action = $('select[name="action"]', form).value;
    const generation = state.generation;
    error.textContent = '';
    button.disabled = true;
    row.classList.add('resolving');
    try {
      await api(`/api/v1/ops/review-items/${encodeURIComponent(item.reviewItemId)}/resolved`, { method: 'PUT', body });
      if (generation !== state.generation) return;
      state.resolved.add(item.reviewItemId);
      row.remove();
      $('#review-empty').hidden = $('#review tbody').rows.length > 0;
      reviewMessage(`Resolved ${label(item.kind)} ${item.reviewItemId}.`);
      state.lastReviewTotal = null;
      refreshNow();
    } catch (failure) {
      if (failure instanceof SessionExpired) {
        expire();
        return;
      }
      row.classList.remove('resolving');
      button.disabled = false;
      const fields = failure.problem && Array.isArray(failure.problem.errors)
        ? failure.problem.errors.map((e) => `${e.field} ${e.message}`).join('; ')
        : '';
      error.textContent = `Not resolved: ${failure.message}${fields ? ` (${fields})` : ''}`;
    }
  }

  // ---------------------------------------------------------------- approvals (four eyes)

  async function loadApprovals(generation) {
    const page = await api('/api/v1/ops/instructions?status=AWAITING_APPROVAL&size=20');
    if (generation !== state.generation) return;
    const tbody = $('#approvals tbody');
    const existing = new Map([...tbody.rows].map((row) => [row.dataset.instructionId, row]));
    const rows = page.items.map((instruction) => existing.get(instruction.instructionId) || approvalRow(instruction));
    const unchanged = rows.length === tbody.rows.length && rows.every((row, i) => tbody.rows[i] === row);
    if (!unchanged) {
      const focused = tbody.contains(document.activeElement) ? document.activeElement : null;
      tbody.replaceChildren(...rows);
      if (focused && focused.isConnected) focused.focus();
    }
    $('#approvals-empty').hidden = rows.length > 0;
    $('#approvals-total').textContent = page.total > page.items.length
      ? `showing the latest ${integer.format(page.items.length)} of ${integer.format(page.total)}`
      : `${integer.format(rows.length)} waiting`;
  }

  function approvalRow(instruction) {
    const row = $('#approval-row').content.firstElementChild.cloneNode(true);
    const id = instruction.instructionId;
    row.dataset.instructionId = id;
    const created = $('.when', row);
    created.textContent = when(instruction.createdDatetime);
    created.title = id;
    $('.kind', row).textContent = instruction.type;
    $('.amount', row).textContent = formatMoney(instruction.amount, instruction.currency);
    $('.creditor', row).textContent = instruction.creditorName || instruction.creditorIban || instruction.pspReference || '—';
    if (instruction.creditorIban) $('.creditor', row).title = instruction.creditorIban;
    $('.caused-by', row).textContent = instruction.causedBy || 'portal / service';
    const form = $('form', row);
    const note = $('input[name="note"]', form);
    const noteLabel = $('.note-label', form);
    note.id = `approval-note-${id}`;
    noteLabel.htmlFor = note.id;
    noteLabel.textContent = `Note on ${instruction.type} ${id}`;
    const [approve, reject] = form.querySelectorAll('button');
    approve.setAttribute('aria-label', `Approve ${instruction.type} ${id}`);
    reject.setAttribute('aria-label', `Reject ${instruction.type} ${id}`);
    if (!may('APPROVE_PAYMENTS')) {
      // The service would answer 403: the role sees what waits but does not decide.
      for (const control of form.querySelectorAll('input, button')) control.disabled = true;
      note.placeholder = 'Your role may not approve';
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const decision = event.submitter && event.submitter.value === 'rejected' ? 'rejected' : 'approved';
      decide(row, instruction, decision);
    });
    return row;
  }

  async function decide(row, instruction, decision) {
    const form = $('form', row);
    const note = $('input[name="note"]', form);
    const error = $('.row-error', form);
    const text = note.value.trim();
    if (decision === 'rejected' && !text) {
      error.textContent = 'Write a note saying why it is rejected.';
      note.focus();
      return;
    }
    const generation = state.generation;
    const buttons = form.querySelectorAll('button');
    error.textContent = '';
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await api(`/api/v1/ops/instructions/${encodeURIComponent(instruction.instructionId)}/${decision}`, {
        method: 'PUT',
        body: text ? { note: text } : {},
      });
      if (generation !== state.generation) return;
      row.remove();
      $('#approvals-empty').hidden = $('#approvals tbody').rows.length > 0;
      const box = $('#approvals-message');
      box.textContent = `${decision === 'approved' ? 'Approved' : 'Rejected'} ${instruction.type} ${instruction.instructionId}.`;
      box.className = 'message ok';
      box.hidden = false;
      refreshNow();
    } catch (failure) {
      if (failure instanceof SessionExpired) {
        expire();
        return;
      }
      buttons.forEach((b) => { b.disabled = false; });
      const code = failure.problem && failure.problem.code;
      error.textContent = code === 'FOUR_EYES'
        ? 'Not decided: you caused this payment, another approver must decide on it.'
        : `Not decided: ${failure.message}`;
    }
  }

  function reviewMessage(text) {
    const box = $('#review-message');
    box.textContent = text;
    box.className = 'message ok';
    box.hidden = false;
  }

  // ---------------------------------------------------------------- live chart

  function addSample(stats) {
    const at = Date.parse(stats.checkedAt);
    const current = { at, matched: stats.credits.matched, unidentified: stats.credits.unidentified };
    const previous = state.previous;
    state.previous = current;
    if (previous && at > previous.at) {
      const seconds = (at - previous.at) / 1000;
      state.samples.push({
        t: Date.now(),
        matched: Math.max(0, current.matched - previous.matched) / seconds,
        unidentified: Math.max(0, current.unidentified - previous.unidentified) / seconds,
      });
      const oldest = Date.now() - CHART_WINDOW_MS - 10000;
      while (state.samples.length && state.samples[0].t < oldest) state.samples.shift();
      const last = state.samples[state.samples.length - 1];
      $('#rate-matched').textContent = decimal.format(last.matched);
      $('#rate-unidentified').textContent = decimal.format(last.unidentified);
      const canvas = $('#rate-chart');
      canvas.dataset.samples = String(state.samples.length);
      canvas.setAttribute('aria-label',
        `Credits per second over the last three minutes; now ${decimal.format(last.matched)} matched`
        + ` and ${decimal.format(last.unidentified)} unidentified per second`);
    }
    drawChart();
  }

  function niceCeiling(value) {
    if (value <= 1) return 1;
    const step = Math.pow(10, Math.floor(Math.log10(value)));
    for (const multiple of [1, 2, 2.5, 5, 10]) {
      if (multiple * step >= value) return multiple * step;
    }
    return 10 * step;
  }

  function drawChart() {
    const canvas = $('#rate-chart');
    const box = canvas.parentElement;
    const width = box.clientWidth;
    const height = box.clientHeight;
    if (!width || !height) return;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);

    const style = getComputedStyle(document.documentElement);
    const colour = (name) => style.getPropertyValue(name).trim();
    const pad = { left: 46, right: 14, top: 12, bottom: 26 };
    const plotWidth = width - pad.left - pad.right;
    const plotHeight = height - pad.top - pad.bottom;
    const now = Date.now();
    const start = now - CHART_WINDOW_MS;
    const visible = state.samples.filter((s) => s.t >= start - 5000);
    const top = niceCeiling(Math.max(0, ...visible.map((s) => Math.max(s.matched, s.unidentified))));
    const x = (t) => pad.left + ((t - start) / CHART_WINDOW_MS) * plotWidth;
    const y = (v) => pad.top + plotHeight - (v / top) * plotHeight;

    ctx.font = '12px system-ui, sans-serif';
    ctx.lineWidth = 1;
    ctx.strokeStyle = colour('--border');
    ctx.fillStyle = colour('--muted');
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let i = 0; i <= 4; i += 1) {
      const value = (top / 4) * i;
      const py = Math.round(y(value)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(pad.left, py);
      ctx.lineTo(width - pad.right, py);
      ctx.stroke();
      ctx.fillText(decimal.format(value), pad.left - 8, py);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const [offset, text] of [[180000, '−3 min'], [120000, '−2 min'], [60000, '−1 min'], [0, 'now']]) {
      const px = x(now - offset);
      ctx.textAlign = offset === 0 ? 'right' : offset === CHART_WINDOW_MS ? 'left' : 'center';
      ctx.fillText(text, px, height - pad.bottom + 8);
    }

    if (visible.length === 0) {
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('Collecting the first samples…', pad.left + plotWidth / 2, pad.top + plotHeight / 2);
      return;
    }

    ctx.save();
    ctx.beginPath();
    ctx.rect(pad.left, pad.top - 2, plotWidth, plotHeight + 4);
    ctx.clip();
    series(ctx, visible, 'matched', colour('--matched'), x, y, true);
    series(ctx, visible, 'unidentified', colour('--unidentified'), x, y, false);
    ctx.restore();
  }

  function series(ctx, samples, key, stroke, x, y, fill) {
    ctx.beginPath();
    samples.forEach((s, i) => (i === 0 ? ctx.moveTo(x(s.t), y(s[key])) : ctx.lineTo(x(s.t), y(s[key]))));
    ctx.lineJoin = 'round';
    ctx.lineWidth = 2;
    ctx.strokeStyle = stroke;
    ctx.stroke();
    if (fill && samples.length > 1) {
      ctx.lineTo(x(samples[samples.length - 1].t), y(0));
      ctx.lineTo(x(samples[0].t), y(0));
      ctx.closePath();
      ctx.globalAlpha = 0.12;
      ctx.fillStyle = stroke;
      ctx.fill();
      ctx.globalAlpha = 1;
    }
    if (samples.length === 1) {
      ctx.fillStyle = stroke;
      ctx.beginPath();
      ctx.arc(x(samples[0].t), y(samples[0][key]), 3, 0, Math.PI * 2);
      ctx.fill();
    }
  }

  // ---------------------------------------------------------------- live events (SSE)

  function openStream(generation) {
    if (!('EventSource' in window) || generation !== state.generation) return;
    closeStream();
    state.streamOpenedAt = Date.now();
    const stream = new EventSource('/api/v1/ops/events');
    state.stream = stream;
    stream.onopen = () => {
      $('#events-empty').textContent = 'Waiting for events…';
    };
    stream.onerror = () => {
      // A refused stream (an expired session) is closed for good: the next refresh reopens it, or
      // finds the session over. A dropped one reconnects by itself.
      if (stream.readyState === EventSource.CLOSED && state.stream === stream) state.stream = null;
    };
    for (const type of EVENT_TYPES) stream.addEventListener(type, (event) => onEvent(type, event));
  }

  function closeStream() {
    if (state.stream) {
      state.stream.close();
      state.stream = null;
    }
  }

  function onEvent(type, event) {
    let data = {};
    try {
      data = JSON.parse(event.data);
    } catch (error) {
      // keep the event, without details
    }
    const now = Date.now();
    state.eventTimes.push(now);
    state.feed.push({ at: now, ...describe(type, data) });
    if (state.feed.length > FEED_LIMIT) state.feed.splice(0, state.feed.length - FEED_LIMIT);
    if (!state.feedScheduled) {
      state.feedScheduled = true;
      setTimeout(flushFeed, 250);
    }
  }

  function describe(type, data) {
    switch (type) {
      case 'order-status':
        return { kind: 'order', text: `${data.orderId || ''} ${data.previousStatus || 'new'} → ${data.status || '?'}` };
      case 'crowdrecon.unidentified-transfer.received.v1':
        return { kind: 'unidentified', text: `${data.reason || ''} ${amountText(data)}` };
      case 'crowdrecon.payment-instruction.requested.v1':
        return { kind: 'instruction', text: `${data.type || ''} ${amountText(data)}` };
      case 'crowdrecon.moneyout.created.v1':
        return { kind: 'moneyout', text: `${data.type || ''} ${data.status || ''} ${amountText(data)}` };
      case 'crowdrecon.moneyout.status-changed.v1':
        return { kind: 'moneyout', text: `${data.type || ''} → ${data.status || ''}` };
      default:
        return { kind: 'event', text: type };
    }
  }

  function amountText(data) {
    return data.amount != null && data.currency ? formatMoney(data.amount, data.currency) : '';
  }

  function flushFeed() {
    state.feedScheduled = false;
    const list = $('#events');
    const items = state.feed.slice(-FEED_LIMIT).reverse().map((entry) => {
      const li = document.createElement('li');
      const time = document.createElement('time');
      time.dateTime = new Date(entry.at).toISOString();
      time.textContent = timeOfDay.format(new Date(entry.at));
      const kind = document.createElement('span');
      kind.className = 'badge';
      kind.textContent = entry.kind;
      const what = document.createElement('span');
      what.className = 'what';
      what.textContent = entry.text;
      what.title = entry.text;
      li.append(time, kind, what);
      return li;
    });
    list.replaceChildren(...items);
    $('#events-empty').hidden = items.length > 0;
    const since = Date.now() - 10000;
    state.eventTimes = state.eventTimes.filter((t) => t >= since);
    $('#events-rate').textContent = `${decimal.format(state.eventTimes.length / 10)} events/s`;
  }

  // ---------------------------------------------------------------- reset

  function clearDashboard() {
    state.allowed = new Set();
    $('#signed-in-as').textContent = '';
    state.previous = null;
    state.samples = [];
    state.listsLoadedAt = 0;
    state.lastUnidentified = null;
    state.lastReviewTotal = null;
    state.lastReasons = '';
    state.resolved.clear();
    state.feed = [];
    state.eventTimes = [];
    for (const value of document.querySelectorAll('.tile-value')) {
      value.dataset.value = '';
      value.textContent = '—';
    }
    for (const sub of document.querySelectorAll('.tile-sub')) sub.textContent = '';
    $('#checked-at').textContent = '';
    $('#reasons').replaceChildren();
    $('#reasons-empty').hidden = false;
    $('#latest tbody').replaceChildren();
    $('#latest-empty').hidden = false;
    $('#latest-total').textContent = '';
    $('#review tbody').replaceChildren();
    $('#review-empty').hidden = false;
    $('#review-total').textContent = '';
    $('#review-message').hidden = true;
    $('#approvals tbody').replaceChildren();
    $('#approvals-empty').hidden = false;
    $('#approvals-total').textContent = '';
    $('#approvals-message').hidden = true;
    $('#events').replaceChildren();
    $('#events-empty').hidden = false;
    $('#events-rate').textContent = '';
    $('#rate-matched').textContent = '–';
    $('#rate-unidentified').textContent = '–';
    $('#rate-chart').dataset.samples = '0';
  }

  // ---------------------------------------------------------------- start

  function init() {
    $('#sign-in-form').addEventListener('submit', signIn);
    $('#sign-out').addEventListener('click', signOut);
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && !$('#dashboard').hidden) refreshNow();
    });
    if ('ResizeObserver' in window) new ResizeObserver(() => drawChart()).observe($('.chart-box'));
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', drawChart);
    if (localStorage.getItem(SIGNED_IN_FLAG) === '1') {
      startDashboard();
    } else {
      showSignIn();
    }
  }

  init();
})();
