// The scale-out form's page: local script and style only (a strict CSP with a nonce, nothing remote), every
// word from the extension's translations, every value escaped. The script posts the fields as typed; the
// extension answers with the problems of each field and the line Submit writes.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { TIFLASH_PORT_NAMES } from '../../core/inventory/tiflash';
import type { FormValues } from '../../core/plan/scaleOutForm';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function formHtml(webview: vscode.Webview, media: vscode.Uri, values: FormValues): string {
  const nonce = randomBytes(16).toString('base64');
  const src = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(media, f)).toString();
  const field = (name: keyof Omit<FormValues, 'ports'>, label: string, hint: string, input: string) => `
    <div class="field">
      <label for="${name}">${esc(label)}</label>
      ${input}
      <div class="hint" id="hint-${name}">${esc(hint)}</div>
      <div class="problems" data-for="${name}" aria-live="polite"></div>
    </div>`;
  const text = (name: keyof Omit<FormValues, 'ports' | 'dataDirs'>, placeholder = '') =>
    `<input type="text" id="${name}" data-field="${name}" value="${esc(values[name])}" placeholder="${esc(placeholder)}"` +
    ' spellcheck="false" autocomplete="off">';
  const ports = TIFLASH_PORT_NAMES.map(
    (p) => `
      <div class="field port">
        <label for="${p}">${p}</label>
        <input type="text" inputmode="numeric" id="${p}" data-field="${p}" data-port="1" value="${esc(values.ports[p])}" spellcheck="false" autocomplete="off">
        <div class="problems" data-for="${p}" aria-live="polite"></div>
      </div>`,
  ).join('');
  const intro = [
    vscode.l10n.t('Describe the new TiFlash instance. Every field is checked as you type with the rules of the inventory diagnostics.'),
    vscode.l10n.t('Nothing changes until you start the plan you review next.'),
  ]
    .map(esc)
    .join('<br>');
  const aliasHint = vscode.l10n.t('The inventory name, with ansible_host set to the IP. Each of several instances on one machine needs one.');
  const dataDirHint = vscode.l10n.t('One directory a line (several disks). Empty: <deploy_dir>/tiflash/data/db.');
  return `<!DOCTYPE html>
<html lang="${esc(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${src('scaleOutForm.css')}">
<title>${esc(vscode.l10n.t('TiFlash: Scale Out'))}</title>
</head>
<body>
<h1>${esc(vscode.l10n.t('Scale out a TiFlash node'))}</h1>
<p class="intro">${intro}</p>
<form id="form" novalidate>
  <div class="pair">
  ${field('address', vscode.l10n.t('IP address'), vscode.l10n.t('TiFlash hosts must be IP addresses.'), text('address', '192.168.0.20'))}
  ${field('alias', vscode.l10n.t('Alias (optional)'), aliasHint, text('alias'))}
  </div>
  <div class="pair">
  ${field('deployDir', 'deploy_dir', vscode.l10n.t('Empty: inherited from the inventory.'), text('deployDir'))}
  ${field('dataDirs', 'data_dir', dataDirHint, `<textarea id="dataDirs" data-field="dataDirs" rows="2" spellcheck="false">${esc(values.dataDirs)}</textarea>`)}
  </div>
  <fieldset>
    <legend>${esc(vscode.l10n.t('Ports (tidb-ansible defaults unless the machine already runs TiFlash)'))}</legend>
    <div class="ports">${ports}</div>
  </fieldset>
  <section class="result">
    <h2>${esc(vscode.l10n.t('The line written into [tiflash_servers] of inventory.ini'))}</h2>
    <pre id="line" class="line">…</pre>
    <div id="effective" class="hint"></div>
    <div class="hint">${esc(vscode.l10n.t('The plan also adds the IP to [monitored_servers] and to hosts.ini [servers] where it is missing.'))}</div>
    <div class="problems" data-for="line" aria-live="polite"></div>
  </section>
  <div class="buttons">
    <button type="submit" id="submit" disabled>${esc(vscode.l10n.t('Review the plan…'))}</button>
    <button type="button" id="cancel" class="secondary">${esc(vscode.l10n.t('Cancel'))}</button>
  </div>
</form>
<script nonce="${nonce}" src="${src('scaleOutForm.js')}"></script>
</body>
</html>`;
}
