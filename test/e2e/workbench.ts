// What the e2e reads from and does in the workbench page: locators and the keyboard only, never
// screen coordinates, and waits on conditions (selectors or polled DOM state), never fixed sleeps.

import type { Locator, Page } from 'playwright-core';
import type { Texts } from './texts';

const STATUS_ITEM = '[id="tiflash-ops.tiflash-ansible.tiflash.status"]';
const TIMEOUT = 20_000;

/**
 * How the TiFlash Operation view draws each step look (src/features/operationView/operationView.ts): its icon and
 * the words its description starts with (`lookWords`, through vscode.l10n.t). Pending and "not run" share the icon.
 */
export const STEP_LOOKS = {
  done: { icon: 'codicon-pass', words: 'done' },
  skipped: { icon: 'codicon-debug-step-over', words: 'skipped' },
  failed: { icon: 'codicon-error', words: 'failed' },
  deciding: { icon: 'codicon-question', words: 'failed: waiting for your choice' },
  cancelled: { icon: 'codicon-circle-slash', words: 'cancelled' },
  shown: { icon: 'codicon-info', words: 'for you to read or do' },
  running: { icon: 'codicon-loading', words: 'running' },
  interrupted: { icon: 'codicon-debug-pause', words: 'interrupted by a reload' },
  pending: { icon: 'codicon-circle-large-outline', words: 'pending' },
  notRun: { icon: 'codicon-circle-large-outline', words: 'not run' },
} as const;
export type StepLook = keyof typeof STEP_LOOKS;

export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // the extension has contributed its activity bar entry and set its status bar item
  await page.locator('.activitybar [aria-label*="TiFlash"]').first().waitFor({ timeout: 60_000 });
  await page.locator(STATUS_ITEM).waitFor({ timeout: 60_000 });
}

export const statusItem = (page: Page): Locator => page.locator(STATUS_ITEM);

/** Polls `read` until `ok` holds for its value; the error names `what` and the last value seen. */
export async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function statusText(page: Page): Promise<string> {
  return ((await statusItem(page).locator('.statusbar-item-label').textContent()) ?? '').trim();
}

export const pane = (page: Page, title: string): Locator => page.locator('.pane').filter({ has: page.locator(`.pane-header[aria-label^="${title}"]`) });

/** Expands or collapses a view of the side bar by its header. */
export async function setPane(page: Page, title: string, expanded: boolean): Promise<Locator> {
  const p = pane(page, title);
  const header = p.locator('.pane-header');
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await p.locator(`.pane-header[aria-expanded="${expanded}"]`).waitFor({ timeout: TIMEOUT });
  return p;
}

/** A tree row whose accessible label (name and description) holds every one of `parts`. */
export const row = (scope: Page | Locator, ...parts: string[]): Locator =>
  scope.locator(`.monaco-list-row${parts.map((p) => `[aria-label*=${JSON.stringify(p)}]`).join('')}`);

export interface StepRow {
  title: string;
  /** The look whose icon and words the row shows (both must agree), else what it shows instead. */
  look: StepLook | `unknown: ${string}`;
  /** The description after the look's words (what a running step waits for, an exit code). */
  more: string;
}

/** The step rows of the TiFlash Operation view (expand it first; not the wipe notice's rows) with the look their icon and description show. */
export async function operationSteps(page: Page, title: string, tx: Texts): Promise<StepRow[]> {
  const rows = await pane(page, title).locator('.monaco-list-row[aria-level="1"]').all();
  return Promise.all(
    rows.map(async (r) => {
      const icon = ((await r.locator('.custom-view-tree-node-item-icon').getAttribute('class')) ?? '').split(' ');
      const [words, ...more] = ((await r.locator('.label-description').textContent()) ?? '').split(' · ');
      const look = (Object.keys(STEP_LOOKS) as StepLook[]).find((k) => icon.includes(STEP_LOOKS[k].icon) && words === tx.t(STEP_LOOKS[k].words));
      const shown = icon.find((c) => c.startsWith('codicon-') && !c.startsWith('codicon-modifier')) ?? 'no icon';
      return { title: (await r.locator('.label-name').textContent()) ?? '', look: look ?? `unknown: ${shown} / ${words}`, more: more.join(' · ') };
    }),
  );
}

/** The lines the active editor shows, top to bottom (Monaco keeps its line elements in any order), spaces as spaces. */
export async function editorLines(page: Page): Promise<string[]> {
  const rows = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().locator('.view-line').all();
  const lines = await Promise.all(
    rows.map(async (l) => ({
      top: Number(/top:\s*([\d.]+)px/.exec((await l.getAttribute('style')) ?? '')?.[1] ?? 0),
      text: ((await l.textContent()) ?? '').replace(/\s/g, ' '),
    })),
  );
  return lines.sort((a, b) => a.top - b.top).map((l) => l.text);
}

/** The CodeLens links on the line of `anchor` (a text of its first lens, e.g. `store 53`). */
export const lensLink = (page: Page, anchor: string, title: string): Locator =>
  page
    .locator('.codelens-decoration')
    .filter({ hasText: anchor })
    .locator('a')
    .filter({ hasText: new RegExp(`^${title}$`) });

/** Puts the cursor at the start of a line with Go to Line (Ctrl+G), as with the keyboard. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
  const position = page.locator('.statusbar-item[id="status.editor.selection"]');
  await until(
    `the cursor on line ${line}`,
    () => position.textContent(),
    (t) => (t ?? '').includes(`Ln ${line},`),
  );
}

/** The open modal dialog's text (message and detail). */
export async function dialogText(page: Page): Promise<string> {
  const box = page.locator('.monaco-dialog-box');
  await box.waitFor({ timeout: TIMEOUT });
  return (await box.innerText()).trim();
}
