//! Entry point of the standalone build: panic hook, then mount. Nothing else belongs here.

fn main() {
    // The release build (scripts/build.mjs) aborts on a panic without a message, so the hook
    // that prints one serves the plain development build only.
    #[cfg(not(feature = "split"))]
    console_error_panic_hook::set_once();
    support_portal::start();
}
