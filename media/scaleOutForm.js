// The scale-out form's page script: posts the fields as typed and shows what the extension answers. It decides
// nothing itself: Submit is enabled only for the answer to the values on screen, and the extension checks again.
// @ts-check
/* global acquireVsCodeApi, document, window, setTimeout, clearTimeout */
(function () {
  const vscode = acquireVsCodeApi();
  const form = /** @type {HTMLFormElement} */ (document.getElementById('form'));
  const submit = /** @type {HTMLButtonElement} */ (document.getElementById('submit'));
  const fields = /** @type {(HTMLInputElement | HTMLTextAreaElement)[]} */ ([...document.querySelectorAll('[data-field]')]);
  const touched = new Set();
  let seq = 0;
  let timer;

  function values() {
    const v = { address: '', alias: '', deployDir: '', dataDirs: '', ports: {} };
    for (const el of fields) {
      if (el.dataset.port) v.ports[el.dataset.field] = el.value;
      else v[el.dataset.field] = el.value;
    }
    return v;
  }

  function send(changed) {
    seq++;
    submit.disabled = true;
    vscode.postMessage({ type: 'input', seq, changed, values: values() });
  }

  function show(m) {
    for (const box of document.querySelectorAll('.problems')) box.replaceChildren();
    for (const el of fields) el.removeAttribute('aria-invalid');
    for (const p of m.problems) {
      const box = document.querySelector(`.problems[data-for="${p.field}"]`) || document.querySelector('.problems[data-for="line"]');
      const div = document.createElement('div');
      div.className = p.blocking ? 'problem' : 'warning';
      div.textContent = p.text;
      box.appendChild(div);
      const input = fields.find((el) => el.dataset.field === p.field);
      if (input && p.blocking) input.setAttribute('aria-invalid', 'true');
    }
    const line = document.getElementById('line');
    line.textContent = m.line ?? '…';
    line.classList.toggle('blocked', !m.ok);
    document.getElementById('effective').textContent = m.effective ?? '';
    submit.disabled = !(m.ok && m.seq === seq);
  }

  /** Values the extension suggests for the machine go into the fields the operator has not typed in. */
  function suggest(v) {
    for (const el of fields) {
      const f = el.dataset.field;
      if (touched.has(f) || f === 'address') continue;
      el.value = el.dataset.port ? v.ports[f] : v[f];
    }
    send('suggestion');
  }

  for (const el of fields) {
    el.addEventListener('input', () => {
      touched.add(el.dataset.field);
      submit.disabled = true;
      clearTimeout(timer);
      timer = setTimeout(() => send(el.dataset.field), 120);
    });
  }
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m.type === 'check') show(m);
    else if (m.type === 'suggest') suggest(m.values);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!submit.disabled) vscode.postMessage({ type: 'submit', values: values() });
  });
  document.getElementById('cancel').addEventListener('click', () => vscode.postMessage({ type: 'cancel' }));
  send('open');
  fields[0].focus();
})();
