//! File uploads with progress: `fetch` cannot report upload progress, `XMLHttpRequest` can.

use super::ApiError;
use leptos::prelude::*;

/// Sends a file with `XMLHttpRequest`, the one browser API that reports upload progress.
/// Returns the status and body, or `Network` when no answer came.
pub(super) async fn xhr_upload(
    url: &str,
    file: &web_sys::File,
    headers: &[(&str, String)],
    progress: Callback<f64>,
) -> Result<(u16, String), ApiError> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let network = |_| ApiError::Network;
    let xhr = web_sys::XmlHttpRequest::new().map_err(network)?;
    xhr.open("POST", url).map_err(network)?;
    xhr.set_with_credentials(true);
    xhr.set_request_header("Accept", "application/json, application/problem+json")
        .map_err(network)?;
    for (name, value) in headers {
        xhr.set_request_header(name, value).map_err(network)?;
    }
    let on_progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                // The form that asked may be gone (the panel closed): then nobody listens.
                progress.try_run(e.loaded() / e.total());
            }
        });
    xhr.upload()
        .map_err(network)?
        .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    let finished = js_sys::Promise::new(&mut |resolve, _| {
        let (done, failed) = (resolve.clone(), resolve);
        let on_load = Closure::once_into_js(move || {
            let _ = done.call1(&wasm_bindgen::JsValue::NULL, &true.into());
        });
        let on_error = Closure::once_into_js(move || {
            let _ = failed.call1(&wasm_bindgen::JsValue::NULL, &false.into());
        });
        xhr.set_onload(Some(on_load.unchecked_ref()));
        xhr.set_onerror(Some(on_error.unchecked_ref()));
        xhr.set_onabort(Some(on_error.unchecked_ref()));
    });
    xhr.send_with_opt_blob(Some(file)).map_err(network)?;
    let answered = wasm_bindgen_futures::JsFuture::from(finished)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    drop(on_progress);
    if !answered {
        return Err(ApiError::Network);
    }
    Ok((
        xhr.status().unwrap_or(0),
        xhr.response_text().ok().flatten().unwrap_or_default(),
    ))
}
