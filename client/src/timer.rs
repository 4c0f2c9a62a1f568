//! Browser timers that stop when dropped, so that a callback never runs after its owner let it
//! go (wasm-bindgen throws when a dropped closure is called): replacing a pending timer with a
//! new one, or dropping the state that holds it, is all it takes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A pending timeout or a running interval.
pub struct Timer {
    id: i32,
    repeats: bool,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    /// Runs `f` once, after `ms` milliseconds.
    pub fn once(ms: u32, f: impl FnMut() + 'static) -> Timer {
        Timer::start(ms, false, f)
    }

    /// Runs `f` every `ms` milliseconds.
    pub fn every(ms: u32, f: impl FnMut() + 'static) -> Timer {
        Timer::start(ms, true, f)
    }

    fn start(ms: u32, repeats: bool, f: impl FnMut() + 'static) -> Timer {
        let callback = Closure::<dyn FnMut()>::new(f);
        let window = web_sys::window().expect("a browser window");
        let function = callback.as_ref().unchecked_ref();
        let ms = ms.min(i32::MAX as u32) as i32;
        let id = match repeats {
            true => window.set_interval_with_callback_and_timeout_and_arguments_0(function, ms),
            false => window.set_timeout_with_callback_and_timeout_and_arguments_0(function, ms),
        };
        Timer {
            id: id.unwrap_or(0),
            repeats,
            _callback: callback,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            match self.repeats {
                true => window.clear_interval_with_handle(self.id),
                false => window.clear_timeout_with_handle(self.id),
            }
        }
    }
}
