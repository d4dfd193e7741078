// Screenshot steps for the plan preview, the scale-out form and the operation history, for the e2e run
// (test/e2e/run.ts): each function drives the real workbench like a person and returns once what it shows is
// on screen, so the caller's screenshot shows it. Command titles are matched in English.

import type { FrameLocator, Page } from 'playwright-core';

/** Runs a command from the command palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${title}")`, { timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** Hides the panel (Problems, terminals) when it is open: the command is offered only then. */
export async function hidePanel(page: Page): Promise<void> {
  if (await page.locator('.part.panel').isVisible()) await runCommand(page, 'View: Hide Panel');
}

/**
 * The plan preview of the scale-in of 192.168.0.11 (store 53), from its CodeLens in inventory.ini (open it
 * first): the steps with the diff, the commands and the PD request, Start / Cancel above, VS Code's diffs in
 * tabs beside. `scaleIn` is the CodeLens's word (the only text matched: the rest works in any language).
 */
export async function previewScaleIn(page: Page, scaleIn = 'Scale in'): Promise<void> {
  await page.click(`.codelens-decoration:has-text("store 53") a:has-text("${scaleIn}")`);
  await page.waitForSelector('.tab.active:has-text("192.168.0.11")', { timeout: 15_000 });
  await page.waitForSelector('.monaco-editor .view-line:has-text("DELETE /pd/api/v1/store/53")', { timeout: 10_000 });
  await page.waitForSelector('.codelens-decoration a:has(.codicon-play)', { timeout: 10_000 });
  await page.waitForSelector('.tab:has-text("inventory.ini"):has-text("↔")', { timeout: 10_000 });
}

/** Start, in the preview on screen (what replaces the old modal's Start button). */
export async function startFromPreview(page: Page): Promise<void> {
  await page.click('.codelens-decoration a:has(.codicon-play)');
}

/** The form's page: the webview's outer frame, then the frame VS Code puts the page in. */
export const formFrame = (page: Page): FrameLocator => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

/**
 * The scale-out form for a second instance on 192.168.0.12: the suggested alias, next free ports and
 * directories, a port typed that TiFlash12-2 already uses (refused), then put right: the line it will write.
 * Returns with the conflict on screen; call `formFixed` for the second picture, `formCancel` to close it.
 */
export async function scaleOutForm(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await hidePanel(page);
  await runCommand(page, 'TiFlash: Scale Out');
  const form = formFrame(page);
  await form.locator('#address').waitFor({ timeout: 15_000 });
  await form.locator('#address').fill('192.168.0.12');
  await form.locator('.line:has-text("TiFlash-192.168.0.12-3")').waitFor({ timeout: 10_000 });
  await form.locator('#tcp_port').fill('9001');
  await form.locator('.problems[data-for="tcp_port"] .problem').waitFor({ timeout: 10_000 });
  await form.locator('#line').scrollIntoViewIfNeeded();
}

export async function formFixed(page: Page): Promise<void> {
  const form = formFrame(page);
  await form.locator('#tcp_port').fill('9002');
  await form.locator('#submit:not([disabled])').waitFor({ timeout: 10_000 });
}

export async function formCancel(page: Page): Promise<void> {
  await formFrame(page).locator('#cancel').click();
  await page.waitForSelector('.tab:has-text("TiFlash: Scale Out")', { state: 'detached', timeout: 10_000 });
}

/**
 * "TiFlash: Show Operation History": the runs of the folder, then the newest one opened as a document (its
 * playbook steps carry an Output CodeLens, possibly below the first screen).
 */
export async function operationHistory(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await hidePanel(page);
  await runCommand(page, 'TiFlash: Show Operation History');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-line:has-text("Operation: ")', { timeout: 10_000 });
  await page.waitForSelector('.codelens-decoration a:has(.codicon-output)', { state: 'attached', timeout: 10_000 });
}
