// The page objects of the end-to-end tests: one per panel of the page.
// Each knows its panel's test ids (the page's `data-testid` hooks, listed
// in README.md) and what a learner does there; the tests speak of panels
// and steps, never of test ids.

/** A locator of the page's element `testid`, narrowed by `attributes`. */
function hook(page, testid, attributes = {}) {
  const narrowed = Object.entries(attributes)
    .map(([name, value]) => `[${name}="${value}"]`)
    .join('');
  return narrowed ? page.locator(`[data-testid="${testid}"]${narrowed}`) : page.getByTestId(testid);
}

/** The header: the language and the theme. */
class Header {
  constructor(page) {
    this.page = page;
  }

  /** The switch to language `tag` (`ru`, `en`). */
  lang(tag) {
    return this.page.getByTestId(`lang-${tag}`);
  }

  /** The theme button `name` (`light`, `dark`, `system`). */
  theme(name) {
    return this.page.getByTestId(`theme-${name}`);
  }
}

/** The presets and the explanation of the one loaded. */
class Presets {
  constructor(page) {
    this.page = page;
    this.about = page.getByTestId('preset-about');
    this.explanation = page.getByTestId('preset-explanation');
  }

  /** The button of preset `id` (`course`, `party`, `cpu-heavy`…). */
  preset(id) {
    return this.page.getByTestId(`preset-${id}`);
  }
}

/** The tasks as typed, the knobs and the "add many" form. */
class Editor {
  constructor(page) {
    this.page = page;
    this.rows = page.getByTestId('task-row');
    this.names = page.getByTestId('task-name');
    this.steps = page.getByTestId('task-steps');
    this.stepsError = page.getByTestId('steps-error');
    this.count = page.getByTestId('task-count');
    this.scenarioLine = page.getByTestId('scenario-line');
    this.limit = page.getByTestId('limit');
    this.limitHelp = page.getByTestId('limit-help');
    this.timeout = page.getByTestId('timeout');
    this.timeoutHelp = page.getByTestId('timeout-help');
    this.bulkCount = page.getByTestId('bulk-count');
    this.bulkCountError = page.getByTestId('bulk-count-error');
    this.bulkAdd = page.getByTestId('bulk-add');
    this.removeAll = page.getByTestId('remove-all');
    this.notRunnable = page.getByTestId('not-runnable');
  }

  /** What is wrong with the steps of the task in `row`. */
  stepsErrorOf(row) {
    return row.getByTestId('steps-error');
  }

  /** Waits until the editor shows `count` tasks. */
  async waitForRows(count) {
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="task-row"]').length === n,
      count,
    );
  }
}

/** The run buttons, the speed, and where the page is in a run. */
class RunControls {
  constructor(page) {
    this.page = page;
    this.stop = page.getByTestId('stop');
    this.state = page.getByTestId('run-state');
    this.scale = page.getByTestId('scale');
    this.scaleNote = page.getByTestId('scale-note');
    this.holdNote = page.getByTestId('hold-note');
    this.failure = page.getByTestId('run-failure');
    this.outcome = page.getByTestId('run-outcome');
  }

  /** The button that runs `choice` (`sequential`, `concurrent`, `compare`). */
  button(choice) {
    return this.page.getByTestId(`run-${choice}`);
  }

  /** The button of the run the page suggests. */
  get suggested() {
    return this.page.locator('button.run.suggested');
  }

  /** Presses the button that runs `choice`. */
  async start(choice) {
    await this.button(choice).click();
  }

  /** Waits until the page is `state` (idle, running, done, stopped). */
  async waitFor(state, timeout = 60_000) {
    await hook(this.page, 'run-state', { 'data-state': state }).waitFor({ timeout });
  }

  /** Runs `choice` and waits until it is done. */
  async runToEnd(choice, timeout) {
    await this.start(choice);
    await this.waitFor('done', timeout);
  }
}

/** The totals table, the guesses and the summary. */
class Totals {
  constructor(page) {
    this.page = page;
    this.summary = page.getByTestId('summary');
    this.guessFirst = page.getByTestId('guess-first');
    this.guessHelp = page.getByTestId('guess-help');
    /** Every measured total that is marked distorted. */
    this.distorted = page.locator('[data-testid$="-measured"][data-distorted]');
  }

  /** The predicted total of `mode` (`sequential`, `concurrent`). */
  predicted(mode) {
    return this.total(mode, 'predicted');
  }

  /** The measured total of `mode`. */
  measured(mode) {
    return this.total(mode, 'measured');
  }

  /** The cell of `mode`'s total that is `kind` (`predicted`, `measured`). */
  total(mode, kind) {
    return this.page.getByTestId(`total-${mode}-${kind}`);
  }

  /** The seconds that cell carries, or null before it is known. */
  async seconds(mode, kind) {
    const value = await this.total(mode, kind).getAttribute('data-seconds');
    return value === null ? null : Number(value);
  }

  /** The speedup that is `kind` (`predicted`, `measured`, `guess`). */
  speedup(kind) {
    return this.page.getByTestId(`speedup-${kind}`);
  }

  /** The field of the guess of `mode`'s total. */
  guess(mode) {
    return this.page.getByTestId(`guess-${mode}`);
  }
}

/** The timeline: a lane per task, or the aggregate chart, with stalls. */
class Timeline {
  constructor(page) {
    this.page = page;
    this.lanes = page.getByTestId('lane');
    this.stalls = page.getByTestId('stall');
    this.cancel = page.getByTestId('cancel-task');
    this.cancelHint = page.getByTestId('cancel-hint');
    this.note = page.getByTestId('timeline-note');
    this.aggregate = page.getByTestId('aggregate');
    this.memory = page.getByTestId('memory');
  }

  /** The lanes whose task is `state` (waiting, running, done, cancelled…). */
  lanesIn(state) {
    return hook(this.page, 'lane', { 'data-state': state });
  }

  /** The lanes of the run of `mode`. */
  lanesOf(mode) {
    return this.page.locator(`[data-mode="${mode}"] [data-testid="lane"]`);
  }

  /** Waits until some lane's task is in one of `states`. */
  async waitForLane(...states) {
    const selector = states.map((state) => `[data-testid="lane"][data-state="${state}"]`).join(', ');
    await this.page.locator(selector).first().waitFor();
  }
}

/** The event loop's panel. */
class LoopPanel {
  constructor(page) {
    this.page = page;
    this.panel = page.getByTestId('loop-panel');
    this.running = page.getByTestId('loop-running');
    this.timers = page.getByTestId('loop-timers');
  }

  /** Waits until the loop's timers name `text`. */
  async waitForTimer(text) {
    await this.page.waitForFunction(
      (t) => document.querySelector('[data-testid="loop-timers"]')?.textContent.includes(t),
      text,
    );
  }
}

/** What the program prints: a log per run. */
class Log {
  constructor(page) {
    this.page = page;
    this.log = page.getByTestId('log');
    this.lines = page.getByTestId('log-lines');
    this.title = page.getByTestId('log-title');
  }

  /** Waits until the first log box holds more lines than it shows. */
  async waitForOverflow() {
    await this.page.waitForFunction(() => {
      const element = document.querySelector('[data-testid="log-lines"]');
      return element && element.scrollHeight > element.clientHeight + 40;
    });
  }
}

/** A finished run's task table and its saved files. */
class RunData {
  constructor(page) {
    this.page = page;
    this.panel = page.getByTestId('run-data');
    this.showTable = page.getByTestId('show-table');
    this.table = page.getByTestId('task-table');
    /** What the page says when a file could not be saved. */
    this.errors = page.locator('[data-testid="run-data"] .field-error');
  }

  /** The button that saves the run as `format` (`svg`, `png`, `json`, `csv`). */
  save(format) {
    return this.page.getByTestId(`save-${format}`);
  }
}

/** Sharing: the link, and the snippet that embeds the page. */
class Share {
  constructor(page) {
    this.page = page;
    this.copyLink = page.getByTestId('copy-link');
    this.showEmbed = page.getByTestId('show-embed');
    this.embedCode = page.getByTestId('embed-code');
    this.embedScenario = page.getByTestId('embed-scenario');
    this.openFull = page.getByTestId('open-full');
  }

  /** Waits until the link's copy status says `text`. */
  async waitForCopied(text) {
    await this.page.locator(`[data-testid="copy-status"]:has-text("${text}")`).waitFor();
  }
}

/** The Code panel: the scenario as a program. */
class Code {
  constructor(page) {
    this.page = page;
    this.show = page.getByTestId('show-code');
    this.program = page.getByTestId('program');
    this.help = page.getByTestId('program-help');
    this.copy = page.getByTestId('copy-program');
    this.failed = page.getByTestId('code-failed');
  }

  /** The tab of `language` (`python`, `rust`). */
  tab(language) {
    return this.page.getByTestId(`code-tab-${language}`);
  }

  /** The button that writes the program of `mode`. */
  mode(mode) {
    return this.page.getByTestId(`code-mode-${mode}`);
  }

  /** Waits until the program the worker wrote is shown. */
  async waitForProgram(timeout) {
    await hook(this.page, 'program', { 'data-ready': 'true' }).waitFor({ timeout });
  }

  /** Opens the panel and waits for its program. */
  async open() {
    await this.show.click();
    await this.waitForProgram();
  }

  /** Waits until the program's copy status says `text`. */
  async waitForCopied(text) {
    await this.page.locator(`[data-testid="program-copy-status"]:has-text("${text}")`).waitFor();
  }
}

/** The Python panel: a program run by CPython in the page. */
class Python {
  constructor(page) {
    this.page = page;
    this.open = page.getByTestId('python-panel');
    this.source = page.getByTestId('python-source');
    this.run = page.getByTestId('python-run');
    this.stop = page.getByTestId('python-stop');
    this.output = page.getByTestId('python-output');
    this.state = page.getByTestId('python-state');
    this.total = page.getByTestId('python-total');
    this.progress = page.getByTestId('python-progress');
    this.cancel = page.getByTestId('python-cancel');
    this.notices = page.getByTestId('python-notices');
    this.lanes = page.getByTestId('python-timeline');
    this.computed = page.getByTestId('python-computed');
    this.module = page.getByTestId('python-module');
    this.predicted = page.getByTestId('total-python-predicted');
    this.measured = page.getByTestId('total-python-measured');
  }

  /**
   * Puts `text` in the program as one paste does: one input event. (Typing
   * it, as Playwright's fill does, takes the browser seconds per 10 KB.)
   */
  async paste(text) {
    await this.source.evaluate((area, text) => {
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
  }

  /** The button that seeds the scenario's program of `mode`. */
  mode(mode) {
    return this.page.getByTestId(`python-mode-${mode}`);
  }

  /** Waits until the panel's state is `state` (loading, ready, running, done, stopped, failed). */
  async waitFor(state, timeout) {
    await hook(this.page, 'python-state', { 'data-state': state }).waitFor({ timeout });
  }

  /** Runs the program in the panel (once CPython is ready) until it ends, however it ends. */
  async runToEnd(timeout = 60_000) {
    const runs = Number(await this.state.getAttribute('data-runs'));
    await this.run.click();
    await this.page
      .locator(`[data-testid="python-state"][data-runs="${runs + 1}"]:not([data-state="running"])`)
      .waitFor({ timeout });
  }

  /** The last run's total, in the program's seconds. */
  async seconds() {
    return Number(await this.total.getAttribute('data-seconds'));
  }
}

/** Replaying a finished run. */
class Replay {
  constructor(page) {
    this.page = page;
    this.slider = page.getByTestId('replay-slider');
    this.play = page.getByTestId('replay-play');
    this.speed = page.getByTestId('replay-speed');
    this.at = page.getByTestId('replay-at');
  }

  /** The moment the replay shows, in seconds of the run. */
  async seconds() {
    return Number(await this.at.getAttribute('data-seconds'));
  }

  /** Waits until the replay has stopped playing. */
  async waitUntilPaused() {
    await hook(this.page, 'replay-play', { 'aria-pressed': 'false' }).waitFor();
  }
}

/** What a link carried that the page could not use. */
class LinkNotice {
  constructor(page) {
    this.page = page;
    this.notice = page.getByTestId('link-notice');
    this.dismiss = page.getByTestId('dismiss-notice');
  }
}

/**
 * The page, panel by panel: of a Playwright page, or of a frame locator for
 * a playground embedded in a lesson (there, locators only).
 */
export class Playground {
  constructor(page) {
    this.page = page;
    /** What shows until the page has started, and in its place if it cannot. */
    this.boot = page.getByTestId('boot');
    this.header = new Header(page);
    this.presets = new Presets(page);
    this.editor = new Editor(page);
    this.runs = new RunControls(page);
    this.totals = new Totals(page);
    this.timeline = new Timeline(page);
    this.loop = new LoopPanel(page);
    this.log = new Log(page);
    this.data = new RunData(page);
    this.share = new Share(page);
    this.code = new Code(page);
    this.python = new Python(page);
    this.replay = new Replay(page);
    this.notice = new LinkNotice(page);
  }

  /** Waits until the page says why it could not start. */
  async waitForBootFailure() {
    await hook(this.page, 'boot', { 'data-state': 'failed' }).waitFor();
  }
}

/** The course's example lesson page, which embeds the playground. */
export class LessonPage {
  constructor(page) {
    this.page = page;
    this.frames = page.getByTestId('lesson-frame');
  }

  /** The playground in the lesson's `index`-th frame. */
  frame(index) {
    return new Playground(this.page.frameLocator('[data-testid="lesson-frame"]').nth(index));
  }
}
