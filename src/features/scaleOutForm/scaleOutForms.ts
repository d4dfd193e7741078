// The scale-out form in a webview: the page posts the fields as typed, the core checks them (checkForm) and
// the page shows each field's problems and the line it will write. Submit is checked again here: what the
// page sends is never trusted as checked.

import * as vscode from 'vscode';
import { TIFLASH_PORT_NAMES, type TiFlashPortName } from '../../core/inventory/tiflash';
import { checkForm, initialValues, runsTiflash, type FormCheck, type FormValues } from '../../core/plan/scaleOutForm';
import type { ScaleOutSpec } from '../../core/plan/scaleOutSpec';
import { isIp } from '../../core/validation/helpers';
import type { Cluster } from '../../inventories';
import { show } from '../text';
import { formHtml } from './formHtml';

type FromPage = { type: 'input'; seq: number; changed: string; values: FormValues } | { type: 'submit'; values: FormValues } | { type: 'cancel' };

const MAX_FIELD = 4096;
const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, MAX_FIELD) : '');
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** The page's message, reduced to what the form knows (anything else becomes empty fields or is ignored). */
function parseMessage(raw: unknown): FromPage | undefined {
  const m = record(raw);
  const v = record(m.values);
  const ports = record(v.ports);
  const values: FormValues = {
    address: str(v.address),
    alias: str(v.alias),
    deployDir: str(v.deployDir),
    dataDirs: str(v.dataDirs),
    ports: Object.fromEntries(TIFLASH_PORT_NAMES.map((n) => [n, str(ports[n])])) as Record<TiFlashPortName, string>,
  };
  if (m.type === 'input') return { type: 'input', seq: typeof m.seq === 'number' ? m.seq : 0, changed: str(m.changed), values };
  if (m.type === 'submit') return { type: 'submit', values };
  if (m.type === 'cancel') return { type: 'cancel' };
  return undefined;
}

/** One open form: its panel, its cluster, and the answer the runner waits for. */
export class FormSession {
  /** The last check sent to the page (tests read what the operator sees). */
  lastCheck: FormCheck | undefined;
  private settled = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly cluster: Cluster,
    private readonly resolve: (spec: ScaleOutSpec | undefined) => void,
  ) {
    panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m));
    panel.onDidDispose(() => this.settle(undefined));
  }

  /** A message from the page. */
  receive(raw: unknown): void {
    const m = parseMessage(raw);
    if (!m) return;
    if (m.type === 'cancel') return this.close(undefined);
    const check = this.check(m.values);
    if (m.type === 'submit') {
      if (check.ok) return this.close(check.spec);
      void this.post(check, -1);
      return;
    }
    void this.post(check, m.seq);
    const address = m.values.address.trim();
    if (m.changed === 'address' && isIp(address)) {
      void this.panel.webview.postMessage({
        type: 'suggest',
        values: initialValues(this.cluster.inventory, runsTiflash(this.cluster.inventory, address) ? address : ''),
      });
    }
  }

  private check(values: FormValues): FormCheck {
    this.lastCheck = checkForm(values, { inventory: this.cluster.inventory, hosts: this.cluster.hosts });
    return this.lastCheck;
  }

  private post(c: FormCheck, seq: number): Thenable<boolean> {
    const e = c.effective;
    const effective =
      e &&
      vscode.l10n.t(
        '{0} on {1}: deploy_dir {2}; data_dir {3}; ports {4}',
        e.name,
        e.address,
        e.deployDir,
        e.dataDirs.join(', '),
        TIFLASH_PORT_NAMES.map((n) => `${n}=${e.ports[n]}`).join(' '),
      );
    return this.panel.webview.postMessage({
      type: 'check',
      seq,
      ok: c.ok,
      line: c.line,
      effective,
      problems: c.problems.map((p) => ({ field: p.field, blocking: p.blocking, text: show(p.message) })),
    });
  }

  private close(spec: ScaleOutSpec | undefined): void {
    this.settle(spec);
    this.panel.dispose();
  }

  private settle(spec: ScaleOutSpec | undefined): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve(spec);
  }
}

export class ScaleOutForms implements vscode.Disposable {
  private static registered: ScaleOutForms | undefined;
  /** The form on screen, if any (one at a time). */
  session: FormSession | undefined;

  private constructor(private readonly media: vscode.Uri) {}

  static register(extensionUri: vscode.Uri): ScaleOutForms {
    ScaleOutForms.registered = new ScaleOutForms(vscode.Uri.joinPath(extensionUri, 'media'));
    return ScaleOutForms.registered;
  }

  static get current(): ScaleOutForms {
    if (!ScaleOutForms.registered) throw new Error('the scale-out form is not registered');
    return ScaleOutForms.registered;
  }

  open(cluster: Cluster, address?: string): Promise<ScaleOutSpec | undefined> {
    this.session?.panel.dispose();
    const panel = vscode.window.createWebviewPanel('tiflash.scaleOutForm', vscode.l10n.t('TiFlash: Scale Out'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [this.media],
      retainContextWhenHidden: true,
    });
    panel.webview.html = formHtml(panel.webview, this.media, initialValues(cluster.inventory, address ?? ''));
    return new Promise((resolve) => {
      const session: FormSession = new FormSession(panel, cluster, (spec) => {
        if (this.session === session) this.session = undefined;
        resolve(spec);
      });
      this.session = session;
    });
  }

  dispose(): void {
    this.session?.panel.dispose();
    if (ScaleOutForms.registered === this) ScaleOutForms.registered = undefined;
  }
}
