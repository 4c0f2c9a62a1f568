//! Saving a downloaded body as a file, through a temporary object URL the browser downloads.

use wasm_bindgen::{JsCast, JsValue};

/// Saves `chunks` (byte arrays) as the file `filename` of type `media`.
pub(super) fn save(chunks: &js_sys::Array, media: &str, filename: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(chunks, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    // The browser took the file when the click was handled; the URL is no longer needed.
    web_sys::Url::revoke_object_url(&url)
}
