//! Writes the static pages of a built site: see `resilience_toolkit::prerender`.

fn main() -> std::process::ExitCode {
    resilience_toolkit::prerender::main()
}
