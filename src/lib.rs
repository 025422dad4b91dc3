//! The Resilience Toolkit web app: thin Leptos views over the `catalogue` domain crate.
//!
//! Everything that touches the browser (fetch, document, clipboard) is in [`platform`];
//! everything that decides what to show is in the `catalogue` crate.

mod app;
mod components;
mod data;
mod pages;
mod platform;
mod routes;

/// Replaces the static loading message in `index.html` with the running app.
pub fn start() {
    platform::remove_boot_message();
    leptos::mount::mount_to_body(app::App);
}
