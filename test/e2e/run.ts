// End to end in the real workbench: the packaged VSIX and the zh-cn language pack stand-in installed
// into the VS Code server; an English pass and a zh-cn pass (`--locale zh-cn`, browser locale zh-CN),
// each on a fresh demo workspace with its own PD simulator. It checks what a person sees, what a
// scale-in did (PD, playbooks, inventories), saves a screenshot of each stage and lists them at the end.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { MessageId } from '../../src/core/l10n/catalog';
import { msg } from '../../src/core/l10n/message';
import type { Step } from '../../src/core/plan/types';
import { readJournal } from '../../src/core/run/journal';
import { startPdSim, type PdSim } from '../../tools/pd-sim/server';
import { startTidbSim } from '../../tools/pd-sim/tidb';
import { Cleanup } from '../harness/cleanup';
import { codeServerPkg, launchBrowser, newPage, startServer } from '../harness/codeServer';
import { languagePacks, packageLangpack } from '../harness/langpack';
import { copyWorkspace, playbookCalls } from '../harness/workspace';
import { demoCluster } from '../support/pdFixtures';
import { repoRoot } from '../support/paths';
import { Report } from './report';
import { assertChinese, escape, Texts, type Locale } from './texts';
import { formCancel, formFixed, formFrame, hidePanel, operationHistory, previewScaleIn, scaleOutForm, startFromPreview } from './ui.shots';
import {
  dialogText,
  editorLines,
  goToLine,
  lensLink,
  openWorkbench,
  operationSteps,
  pane,
  row,
  setPane,
  statusItem,
  statusText,
  until,
  type StepRow,
} from './workbench';

const shots = path.join(repoRoot, 'test-results', 'screenshots');

function assert(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

/** Chinese screenshots need a CJK font, or they show boxes. */
function requireChineseFont(): void {
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch {
    // no fontconfig: no font either
  }
  if (!fonts.trim()) throw new Error('no Chinese font for the zh-cn screenshots: apt-get install fonts-wqy-microhei (scripts/setup.sh does)');
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(cleanup: Cleanup): Promise<number> {
  const started = Date.now();
  requireChineseFont();
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  const build = cleanup.tempDir('tiflash-e2e-');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: 'pipe' });
  const extensionsDir = path.join(build, 'extensions');
  execFileSync(
    process.execPath,
    [
      path.join(codeServerPkg, 'out', 'node', 'entry.js'),
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      path.join(repoRoot, 'out', 'tiflash-ansible.vsix'),
      '--install-extension',
      packageLangpack(build),
    ],
    { stdio: 'pipe' },
  );
  const browser = await launchBrowser(cleanup);
  process.stdout.write(`packaged and installed the extension and the language pack in ${seconds(started)}\n`);
  const report = new Report(shots);
  for (const locale of ['en', 'zh-cn'] as const) {
    const pass = new Cleanup();
    cleanup.add(`end the ${locale} pass`, () => pass.run());
    try {
      await runPass(pass, browser, extensionsDir, locale, report);
    } finally {
      await pass.run();
    }
  }
  return report.finish();
}

async function runPass(cleanup: Cleanup, browser: Browser, extensionsDir: string, locale: Locale, report: Report): Promise<void> {
  const zh = locale !== 'en';
  const tx = new Texts(locale);
  const started = Date.now();
  report.startPass(locale, zh ? 'zh-cn: --locale zh-cn, browser locale zh-CN, the language pack stand-in' : 'en');
  // 1204 regions at 40/s: the drain lasts long enough for the draining checks, the English pass then speeds it up
  const sim = await startPdSim({ cluster: { ...demoCluster(), regionsPerTick: 20 }, tickMs: 500 });
  cleanup.add('stop the PD simulator', () => sim.close());
  // the demo's tidb_servers are not real hosts: table names come from the stand-in
  const tidb = await startTidbSim({ tables: demoCluster().tables ?? [] });
  cleanup.add('stop the TiDB stand-in', () => tidb.close());
  const settings = { 'tiflash.pdEndpoints': [sim.url], 'tiflash.tidbStatusEndpoints': [tidb.url], 'tiflash.pollIntervalActiveMs': 500 };
  const workspace = copyWorkspace(cleanup, { '.vscode/settings.json': JSON.stringify(settings, null, 2) });
  const inventories = () => ['inventory.ini', 'hosts.ini'].map((f) => read(workspace, f)).join('\n');
  const demoInventories = inventories();
  const server = await startServer(cleanup, { extensionsDir, testDriver: false, ...(zh ? { locale, languagePacks: languagePacks(extensionsDir) } : {}) });
  const page = await newPage(browser, zh ? 'zh-CN' : 'en-US');
  cleanup.add('close the page', () => page.context().close());
  await openWorkbench(page, `${server.url}/?folder=${encodeURIComponent(workspace)}`);
  process.stdout.write(`  (the workbench with the extension up in ${seconds(started)})\n`);
  const hostsTitle = tx.nls('view.hosts');
  const opTitle = tx.nls('view.operation');
  const up = tx.core(msg('state.Up'));
  const notInPd = tx.core(msg('state.NotInPd'));
  const summary = (n: number) => tx.core(msg('view.status.summary', { counts: [msg('view.status.count', { n, state: msg('state.Up') })] }));

  await report.check(page, 'views list the hosts with their PD states', async () => {
    await page.locator('.activitybar [aria-label*="TiFlash"]').first().click();
    const hosts = pane(page, hostsTitle);
    await row(hosts, 'TiFlash12-1', `· ${up}`).waitFor();
    await row(hosts, '192.168.0.13', notInPd).waitFor();
    await row(hosts, 'store 61', 'Tombstone').waitFor();
    await pane(page, opTitle).waitFor();
    if (zh) {
      for (const p of [hostsTitle, opTitle]) assertChinese('a view title', (await pane(page, p).locator('.pane-header .title').first().textContent()) ?? '');
      assertChinese('a host without store', (await row(hosts, '192.168.0.13').getAttribute('aria-label')) ?? '');
    }
  });

  await report.check(page, 'status bar shows the TiFlash summary', async () => {
    await until(
      'the summary',
      () => statusText(page),
      (t) => t === summary(3),
    );
    const label = (await statusItem(page).getAttribute('aria-label')) ?? '';
    const tooltip = tx.core(msg('view.status.title'));
    assert(label.includes(tooltip), `the status item's label ${JSON.stringify(label)} lacks its tooltip ${JSON.stringify(tooltip)}`);
    if (zh) assertChinese('the status bar tooltip', tooltip);
  });

  await report.check(page, 'CodeLens on the host lines of inventory.ini', async () => {
    // a host row opens inventory.ini at its line
    await row(pane(page, hostsTitle), '192.168.0.11').click();
    await lensLink(page, 'store 53', tx.t('Scale in')).waitFor();
    await lensLink(page, notInPd, tx.t('Scale out')).waitFor();
    const lens = (await page.locator('.codelens-decoration').filter({ hasText: 'store 53' }).textContent()) ?? '';
    assert(
      tx.corePattern('view.lens.store', { state: up, id: '53', regions: '\\d+' }).test(lens),
      `the lens of store 53 shows no region count: ${JSON.stringify(lens)}`,
    );
    if (zh) assertChinese('the CodeLens of store 53', lens);
  });

  if (!zh) {
    await report.check(page, 'hover shows resolved variables and the live store', async () => {
      await goToLine(page, lineOf(workspace, 'inventory.ini', 'TiFlash12-2 '));
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.locator('.monaco-hover').filter({ hasText: 'tcp_port' }).filter({ hasText: 'PD store 55' }).waitFor();
    });
    await page.keyboard.press('Escape');
  }

  await report.check(page, zh ? 'Problems panel lists the inventory findings in Chinese' : 'Problems panel lists the inventory findings', async () => {
    await page.keyboard.press('Control+Shift+M');
    const markers = page.locator('.markers-panel .monaco-list-row');
    await markers.filter({ hasText: 'missing-in-hosts-ini' }).filter({ hasText: '192.168.0.13' }).waitFor();
    await markers.filter({ hasText: 'not-monitored' }).filter({ hasText: '192.168.0.13' }).waitFor();
    if (zh) for (const m of await page.locator('.markers-panel .marker-message').allTextContents()) assertChinese('a finding', m);
  });
  await page.keyboard.press('Control+J');

  await report.check(page, 'a blocked scale-in is refused with its reasons and deletes nothing', async () => {
    const rules = sim.cluster.rules;
    sim.cluster.rules = rules.map((r) => (r.group_id === 'tiflash' ? { ...r, count: 3 } : r));
    try {
      await lensLink(page, 'store 54', tx.t('Scale in')).click();
      // the product refuses a blocked plan with a modal before any preview (src/features/scaling/scaling.ts `start`)
      const lines = (await dialogText(page)).split('\n');
      const heading = lines.indexOf(tx.t('Refused before anything ran:'));
      assert(heading >= 0, `not the refusal: ${JSON.stringify(lines)}`);
      const reason = lines.slice(heading + 1).join('\n');
      const fix = tx.core(msg('plan.fix.replicaStatements', { statements: REPLICA_FIX }));
      const why = tx.corePattern('plan.blocked.placementRules', { remaining: '2', rules: '1', most: '3', examples: 'table-45-r: 3', fix: escape(fix) });
      assert(new RegExp(`^${why.source}$`).test(reason), `not the placement rules' reason with the statement to run: ${JSON.stringify(reason)}`);
      if (zh) assertChinese('the blocked reason', reason, [new RegExp(escape(REPLICA_FIX), 'g')]);
      assert(!sim.requests.some((r) => r.method === 'DELETE'), 'a store was deleted');
    } finally {
      sim.cluster.rules = rules;
    }
  });
  // after the check's screenshot of the refusal
  await page.keyboard.press('Escape');
  await page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });

  if (!zh) {
    const inventoryBefore = read(workspace, 'inventory.ini');
    await report.check(page, 'scale-out form refuses a port TiFlash12-2 uses', async () => {
      await scaleOutForm(page);
      const problem = (await formFrame(page).locator('.problems[data-for="tcp_port"] .problem').first().textContent()) ?? '';
      assert(problem.includes('9001'), `the tcp_port problem does not name the port: ${JSON.stringify(problem)}`);
      assert(await formFrame(page).locator('#submit[disabled]').count(), 'the form can be submitted with the conflict');
    });
    await report.check(page, 'scale-out form with the port put right shows the line it will write', async () => {
      await formFixed(page);
      const line = (await formFrame(page).locator('#line').textContent()) ?? '';
      assert(
        /^TiFlash-192\.168\.0\.12-3 /.test(line) && line.includes('ansible_host=192.168.0.12') && line.includes('tcp_port=9002'),
        `the line to write: ${JSON.stringify(line)}`,
      );
      assert(!(await formFrame(page).locator('.problems[data-for="tcp_port"] .problem').count()), 'the fixed port is still refused');
    });
    await report.check(page, 'cancelling the form changes and runs nothing', async () => {
      await formCancel(page);
      assert(read(workspace, 'inventory.ini') === inventoryBefore, 'inventory.ini changed');
      assert(!playbookCalls(workspace).length, `playbooks ran: ${JSON.stringify(playbookCalls(workspace))}`);
    });
  }

  await report.check(page, 'plan preview of the scale-in of 192.168.0.11', async () => {
    // its host row brings its line (and the CodeLens) into view
    await row(pane(page, hostsTitle), '192.168.0.11').click();
    await previewScaleIn(page, tx.t('Scale in'));
    const lines = await editorLines(page);
    const title = tx.corePattern('preview.title', { operation: escape(tx.core(msg('operation.scale-in'))), target: '192\\.168\\.0\\.11' });
    assert(new RegExp(`^${title.source}$`).test(lines[0]), `the preview's first line: ${JSON.stringify(lines[0])}`);
    const step = (n: number, id: MessageId, args: Record<string, string>) => new RegExp(`^ *${n}\\. ${tx.corePattern(id, args).source}$`);
    const del = lines.findIndex((l) => step(1, 'plan.step.deleteStore', { id: '53', address: '192\\.168\\.0\\.11:\\d+' }).test(l));
    assert(del > 0 && lines[del + 1].trim() === 'DELETE /pd/api/v1/store/53', `no step 1 with its PD request: ${JSON.stringify(lines)}`);
    assert(
      lines.some((l) => step(2, 'plan.step.waitTombstone', { id: '53', regions: '\\d+' }).test(l)),
      `no step 2 waiting for Tombstone: ${JSON.stringify(lines)}`,
    );
    await page
      .locator('.codelens-decoration a:has(.codicon-play)')
      .filter({ hasText: tx.t('Start') })
      .waitFor();
    await page
      .locator('.codelens-decoration a:has(.codicon-close)')
      .filter({ hasText: tx.t('Cancel') })
      .waitFor();
    for (const f of ['inventory.ini', 'hosts.ini']) await page.locator('.tab').filter({ hasText: f }).filter({ hasText: '↔' }).first().waitFor();
    assert(!sim.requests.some((r) => r.method === 'DELETE'), 'the preview deleted a store');
    if (zh) [lines[0], ...lines.filter((l) => /^ *\d+\. /.test(l))].forEach((l) => assertChinese('the preview', l));
  });

  let steps: Step[] = [];
  await report.check(page, "draining: status bar text and the operation's step states", async () => {
    await startFromPreview(page);
    const parts = [
      tx.corePattern('view.status.draining', { id: '53', regions: '\\d+' }),
      tx.corePattern('view.status.rate', { rate: '[\\d.]+' }),
      tx.corePattern('view.status.eta', { eta: '.+' }),
    ];
    const draining = new RegExp(`^${parts.map((p) => p.source).join(' · ')}$`);
    const text = await until(
      'the draining text with rate and ETA',
      () => statusText(page),
      (t) => draining.test(t),
    );
    if (zh) assertChinese('the draining status', text);
    steps = await until(
      'the run in the journal',
      () => startedSteps(workspace),
      (s) => s.length > 0,
    );
    // the operation view alone in the side bar: every step row is drawn
    await setPane(page, opTitle, true);
    await setPane(page, hostsTitle, false);
    const waits = tx.t('waits for PD to report store {0} Tombstone', '53');
    const rows = await until(
      'step 1 done, step 2 (the wait) running and saying what it waits for, the rest pending',
      () => operationSteps(page, opTitle, tx),
      (s) =>
        s.length === steps.length && s[0].look === 'done' && s[1].look === 'running' && s[1].more === waits && s.slice(2).every((x) => x.look === 'pending'),
    );
    assertTitles(rows, steps, tx);
    if (zh) rows.forEach((r) => assertChinese('a step of the operation view', r.title));
  });

  // what the scale-in then does is the same in both languages: the English pass checks it; the zh-cn pass cancels the wait
  if (zh) {
    await report.check(page, 'cancelling the wait: step 2 cancelled, the rest not run, nothing else ran', async () => {
      const wait = page.locator('.notifications-toasts .notification-toast').filter({ hasText: tx.core(steps[1].title) });
      await wait.locator('.monaco-button').filter({ hasText: 'Cancel' }).click(); // VS Code's own button
      await until(
        'step 2 cancelled and the rest not run',
        () => operationSteps(page, opTitle, tx),
        (s) => s.length === steps.length && s[0].look === 'done' && s[1].look === 'cancelled' && s.slice(2).every((x) => x.look === 'notRun'),
      );
      const description = `${tx.core(msg('operation.scale-in'))} 192.168.0.11 · ${tx.core(msg('journal.status.cancelled'))}`;
      await pane(page, opTitle).locator('.pane-header').filter({ hasText: description }).waitFor();
      const ended = await until(
        'the end in the journal',
        () => readJournal(workspace),
        (j) => j.some((e) => e.kind === 'run-ended'),
      );
      assert(
        ended.some((e) => e.kind === 'run-ended' && e.status === 'cancelled'),
        'the journal does not say cancelled',
      );
      assert(!playbookCalls(workspace).length, `playbooks ran: ${JSON.stringify(playbookCalls(workspace))}`);
      assert(inventories() === demoInventories, 'inventory.ini or hosts.ini changed');
    });
    return;
  }
  await report.check(page, 'after Tombstone: stop.yml ran, the host left both inventories, every step done', async () => {
    sim.cluster.regionsPerTick = 5000;
    const finished = (s: StepRow[]) => s.length === steps.length && s.every((x, i) => x.look === (steps[i].kind === 'info' ? 'shown' : 'done'));
    const rows = await until('every step done (the notices shown)', () => operationSteps(page, opTitle, tx), finished, 60_000);
    assertTitles(rows, steps, tx);
    assertScaledIn(workspace, sim);
    await assertJournal(workspace);
    await until(
      'the summary without store 53',
      () => statusText(page),
      (t) => t === summary(2),
    );
    // the playbooks' terminal would cover inventory.ini in the screenshot
    await hidePanel(page);
  });

  await report.check(page, 'operation history shows the finished scale-in', async () => {
    await operationHistory(page);
    const lines = await editorLines(page);
    const title = tx.corePattern('journal.title', { operation: escape(tx.core(msg('operation.scale-in'))), target: '192\\.168\\.0\\.11' });
    const ended = tx.corePattern('journal.ended', { at: '.+', status: escape(tx.core(msg('journal.status.done'))) });
    assert(title.test(lines[0]) && lines.some((l) => ended.test(l)), `the history shows no finished scale-in of 192.168.0.11: ${JSON.stringify(lines)}`);
  });
}

/** The statement the blocked scale-in names for the demo's table with TiFlash replicas. */
const REPLICA_FIX = 'ALTER TABLE `sales`.`orders` SET TIFLASH REPLICA 2;';

const read = (workspace: string, file: string) => fs.readFileSync(path.join(workspace, file), 'utf8');

/** The steps of the run the journal recorded as started (the plan the preview showed). */
async function startedSteps(workspace: string): Promise<Step[]> {
  const started = (await readJournal(workspace)).find((e) => e.kind === 'run-started');
  return started?.kind === 'run-started' ? started.steps : [];
}

/** The view's rows are the journal's steps, numbered, in the display language. */
function assertTitles(rows: readonly StepRow[], steps: readonly Step[], tx: Texts): void {
  const want = steps.map((s, i) => `${i + 1}. ${tx.core(s.title)}`);
  const got = rows.map((r) => r.title);
  assert(JSON.stringify(got) === JSON.stringify(want), `the view's steps ${JSON.stringify(got)} are not the run's ${JSON.stringify(want)}`);
}

/** The journal of the scale-in: ended done, each playbook with exit code 0. */
async function assertJournal(workspace: string): Promise<void> {
  const entries = await readJournal(workspace);
  const ended = entries.find((e) => e.kind === 'run-ended');
  assert(ended?.kind === 'run-ended' && ended.status === 'done', `the journal's end: ${JSON.stringify(ended)}`);
  const playbooks = entries.flatMap((e) => (e.kind === 'playbook' && e.exitCode !== undefined ? [e] : []));
  assert(
    playbooks.length >= 2 && playbooks.every((e) => e.exitCode === 0),
    `the journal's playbooks: ${JSON.stringify(playbooks.map((e) => [e.argv, e.exitCode]))}`,
  );
}

/** The effects of scaling in 192.168.0.11 (store 53) on the simulator, the playbooks and the inventories. */
function assertScaledIn(workspace: string, sim: PdSim): void {
  const tombstoneAt = sim.cluster.find(53)?.tombstoneAt;
  assert(tombstoneAt, 'store 53 never became Tombstone');
  const calls = playbookCalls(workspace);
  const stops = calls.filter((c) => c.playbook === 'stop');
  assert(stops.length === 1 && stops[0].host === '192.168.0.11' && stops[0].limit === '192.168.0.11', `stop.yml: ${JSON.stringify(stops)}`);
  assert(stops[0].at >= tombstoneAt, `stop.yml ran at ${stops[0].at}, before store 53 was Tombstone at ${tombstoneAt}`);
  const monitor = calls.filter((c) => c.playbook === 'rolling_update_monitor');
  assert(monitor.length && monitor.every((c) => c.at >= stops[0].at && c.tags === 'prometheus'), `rolling_update_monitor.yml: ${JSON.stringify(monitor)}`);
  assert(!/^192\.168\.0\.11\b/m.test(read(workspace, 'inventory.ini')), '192.168.0.11 is still in inventory.ini');
  assert(!/^192\.168\.0\.11$/m.test(read(workspace, 'hosts.ini')), '192.168.0.11 is still in hosts.ini');
}

/** 1-based number of the first line of `file` that starts with `prefix`. */
function lineOf(workspace: string, file: string, prefix: string): number {
  const i = fs
    .readFileSync(path.join(workspace, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starting with ${prefix} in ${file}`);
  return i + 1;
}

const cleanup = new Cleanup();
cleanup.exitAfter(() => main(cleanup));
