//! Saving a file the page made, in the browser: nothing leaves the page.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

/// Pixels per SVG unit in a saved PNG: sharp on slides and high-density
/// screens.
const PNG_SCALE: f64 = 2.0;

fn blob(text: &str, mime: &str) -> Result<Blob, JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&JsValue::from_str(text)), &options)
}

/// Offers `blob` to the person as a file called `name`.
fn save_blob(name: &str, blob: &Blob) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has its own reference to the file by now.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Offers `text` as a file called `name`, of type `mime`.
pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    save_blob(name, &blob(text, mime)?)
}

/// Draws the SVG picture `svg` on a canvas and offers it as a PNG file
/// called `name`. Resolves once the file is offered, or with the reason it
/// could not be: the picture did not load, or the canvas gave no image.
pub async fn save_png(name: &str, svg: &str) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(&blob(svg, "image/svg+xml")?)?;
    let image = HtmlImageElement::new()?;
    let (sender, receiver) = oneshot::channel::<bool>();
    let sender = Rc::new(RefCell::new(Some(sender)));
    let settle = |loaded: bool| {
        let sender = sender.clone();
        move |_: &web_sys::Event| {
            if let Some(sender) = sender.borrow_mut().take() {
                let _ = sender.send(loaded);
            }
        }
    };
    // Both listeners live until the picture has loaded or failed.
    let _load = EventListener::once(&image, "load", settle(true));
    let _error = EventListener::once(&image, "error", settle(false));
    image.set_src(&url);
    let loaded = receiver.await.unwrap_or(false);
    let _ = Url::revoke_object_url(&url);
    if !loaded {
        return Err("the picture could not be loaded".into());
    }
    let png = draw(&image).await?;
    save_blob(name, &png)
}

/// The loaded `image` drawn at [`PNG_SCALE`], as PNG.
async fn draw(image: &HtmlImageElement) -> Result<Blob, JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let (width, height) = (
        f64::from(image.natural_width()),
        f64::from(image.natural_height()),
    );
    canvas.set_width((width * PNG_SCALE) as u32);
    canvas.set_height((height * PNG_SCALE) as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("no 2d context")?
        .dyn_into()?;
    context.scale(PNG_SCALE, PNG_SCALE)?;
    context.draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height)?;
    let mut to_blob_error = None;
    let made = js_sys::Promise::new(&mut |resolve, _reject| {
        to_blob_error = canvas.to_blob(&resolve).err();
    });
    if let Some(error) = to_blob_error {
        return Err(error);
    }
    // The canvas hands `null` to the callback when it cannot encode.
    JsFuture::from(made)
        .await?
        .dyn_into::<Blob>()
        .map_err(|_| JsValue::from_str("the canvas gave no image"))
}
