// Serves the built page (dist/) on loopback and drives it in headless
// Chromium with Playwright. Every test stops what it starts.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Playground } from './pages.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/**
 * The folder the built site is served from: a sub-folder, as a course's
 * static host serves it (GitHub Pages: /repo/), so that a file named from
 * the site's root is not found.
 */
export const FOLDER = '/course/playground/';

/**
 * The Content-Security-Policy every test page is served with: the strict
 * policy README.md (Deploy) says the page works under. A violation is a
 * console error, and every test fails on console errors.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Serves `root` on 127.0.0.1 at a free port, under `folder`, with the
 * header `csp` (none if it is null). `rewriteHtml`, if given, changes every HTML file on its way
 * out. `files`, if given, returns pages held in memory by name, served
 * from the same folder in place of any file of that name.
 */
export async function serve(root = DIST, { rewriteHtml, folder = FOLDER, csp = CSP, files } = {}) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    if (!path.startsWith(folder)) {
      response.writeHead(404).end();
      return;
    }
    const inside = path.slice(folder.length);
    const file = normalize(join(root, inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const held = files?.()[inside];
      let body = held === undefined ? await readFile(file) : Buffer.from(held);
      if (rewriteHtml && extname(file) === '.html') body = rewriteHtml(body.toString());
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...(csp ? { 'content-security-policy': csp } : {}),
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${folder}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Starts the machine's Chromium, never a downloaded one. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens the page in a fresh context and records every error it logs or
 * throws, so a test can assert there were none; `app` is the page, panel by
 * panel (pages.mjs). `device` holds Playwright's context options for a
 * screen: viewport, touch, mobile.
 */
export async function openPage(browser, url, { locale = 'en-US', permissions = [], serviceWorkers = 'allow', device = {} } = {}) {
  const context = await browser.newContext({ locale, permissions, serviceWorkers, ...device });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  const app = new Playground(page);
  await app.runs.state.waitFor();
  return { page, app, errors, close: () => context.close() };
}

/**
 * How far a measured total may lie after its prediction at `scale`, in
 * scenario seconds: 60 ms of real time for the run (a garbage collection,
 * a slow frame), and 6 ms more for each step. The page draws after every
 * event; with this machine's software rendering a frame keeps the main
 * thread for ~8 ms, longer when the machine is busy, and a deadline that
 * falls in it is met late; each wait counts from when its step began (as
 * in asyncio), so the lateness carries over to the steps after it. A wrong
 * prediction misses by whole steps: seconds, at ×10. (The steps tests at
 * ×1 hold a run to 25 ms in all.) At ×1 the same real lateness weighs ten
 * times less. The scenario's steps are read from the editor (`app`).
 */
export async function late(app, scale) {
  const steps = await app.editor.steps.evaluateAll((fields) =>
    fields.reduce((sum, field) => sum + field.value.split('+').length, 0),
  );
  return (60 + 6 * steps) / (10 * scale);
}

/**
 * How many runs a timing check may take. A virtual machine may share its
 * cores: at times the hypervisor takes a third of them (steal time), every
 * timer in the browser is late by tens of milliseconds, and the page's
 * heartbeat rightly sees the loop stall. A wrong prediction is wrong
 * in every run; a run slowed by a neighbour is not, so a timing check
 * passes if one of its runs lands within the tolerance.
 */
const ATTEMPTS = 3;

/** Runs `run` until `check` of its result holds, at most ATTEMPTS times. */
export async function withinAttempts(run, check) {
  let last;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    last = await run();
    if (check(last)) return last;
  }
  return last;
}

/**
 * The built page on a loopback server and a browser, for the tests of one
 * file: started before them, stopped after. `withPage` opens a link of the
 * page in a fresh context, runs `body` with the page and its page object,
 * and checks the page logged no error.
 */
export function usePlayground() {
  let server;
  let browser;
  before(async () => {
    server = await serve();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server.url;
    },
    get browser() {
      return browser;
    },
    async withPage(link, body, options = {}) {
      const opened = await openPage(browser, server.url + link, options);
      try {
        await body(opened.page, opened.app);
        assert.deepEqual(opened.errors, [], 'the page logged no error');
      } finally {
        await opened.close();
      }
    },
  };
}
