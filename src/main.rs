//! The page's entry point; everything else is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    async_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Async Playground is a web page: serve it with scripts/serve (see README.md).");
    std::process::exit(2);
}
