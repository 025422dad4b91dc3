//! Entry point of the WebAssembly app: install the panic hook and mount the app.

fn main() {
    console_error_panic_hook::set_once();
    resilience_toolkit::start();
}
