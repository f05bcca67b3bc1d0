// Starts the Python panel (crates/python-panel) in the element the page
// draws for it, #python-root: loads the panel's styles and its
// wasm-bindgen glue, then its wasm, all beside this file (the build names
// them all by its version).
// The page adds this script when the panel is first asked for
// (src/ui/components/python_opener.rs). Until the panel mounts, and in
// its place if it cannot, the element says so, in the page's language.
(() => {
  const root = document.getElementById('python-root');
  if (!root) return;
  const say = (en, ru, state) => {
    const line = document.createElement('p');
    line.className = state === 'failed' ? 'field-error' : 'note';
    line.setAttribute('role', state === 'failed' ? 'alert' : 'status');
    line.dataset.testid = 'python-module';
    line.dataset.state = state;
    line.textContent = root.lang === 'ru' ? ru : en;
    root.replaceChildren(line);
  };
  const failed = () =>
    say('The panel could not be loaded from this address.', 'Панель не удалось загрузить с этого адреса.', 'failed');
  say('Loading the panel…', 'Панель загружается…', 'loading');
  const here = document.currentScript.src;
  const styles = document.createElement('link');
  styles.rel = 'stylesheet';
  styles.href = new URL('python-panel.css', here).href;
  document.head.append(styles);
  const glue = document.createElement('script');
  glue.src = new URL('python-panel.js', here).href;
  // What the glue defines, `wasm_bindgen`, fetches the wasm named after
  // the glue and runs the panel's main, which mounts it in #python-root.
  glue.onload = () => wasm_bindgen().catch(failed);
  glue.onerror = failed;
  document.head.append(glue);
})();
