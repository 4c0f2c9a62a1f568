//! Entry point of the standalone build: panic hook, then mount. Nothing else belongs here.

fn main() {
    console_error_panic_hook::set_once();
    support_portal::start();
}
