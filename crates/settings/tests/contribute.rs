//! The contribution channel's `"request"` setting: how a webhook is sent its JSON. Unset (or
//! null) is the confirmed JSON request, `"simple"` the request that needs no preflight, and any
//! other value switches contributions off with a warning, as every broken channel does.

use settings::{Channel, Request, SiteConfig};

const HOOK: &str = "https://x.example/h";

/// The settings and warnings `config.json` with `text` gives.
fn read(text: &str) -> (SiteConfig, Vec<String>) {
    SiteConfig::read(catalogue::parse_json(text))
}

/// The channel a `contribute` object gives, with no warnings.
#[track_caller]
fn channel(contribute: &str) -> Option<Channel> {
    let (config, warnings) = read(&format!(r#"{{"contribute": {contribute}}}"#));
    assert!(warnings.is_empty(), "{warnings:?}");
    config.contribute
}

#[test]
fn a_simple_request_is_read() {
    assert_eq!(
        channel(r#"{"webhook": "https://x.example/h", "request": "simple"}"#),
        Some(Channel::Webhook(HOOK.into(), Request::Simple))
    );
}

#[test]
fn without_a_request_a_webhook_is_sent_json() {
    for contribute in [
        r#"{"webhook": "https://x.example/h"}"#,
        r#"{"webhook": "https://x.example/h", "request": "json"}"#,
        r#"{"webhook": " https://x.example/h ", "request": null}"#,
    ] {
        assert_eq!(
            channel(contribute),
            Some(Channel::Webhook(HOOK.into(), Request::Json)),
            "{contribute}"
        );
    }
}

#[test]
fn an_unknown_request_switches_contributions_off_with_a_warning() {
    for request in [r#""fast""#, r#""Simple""#, "true", "[]"] {
        let (config, warnings) = read(&format!(
            r#"{{"title": "Kept", "contribute": {{"webhook": "{HOOK}", "request": {request}}}}}"#
        ));
        assert_eq!(config.contribute, None, "{request}");
        assert_eq!(config.title, "Kept", "the other settings still apply");
        assert_eq!(
            warnings,
            [
                r#""contribute" "request" must be "json" or "simple"; contributions are switched off"#
            ],
            "{request}"
        );
    }
}

#[test]
fn a_simple_request_still_needs_https() {
    let (config, warnings) =
        read(r#"{"contribute": {"webhook": "http://x.example/h", "request": "simple"}}"#);
    assert_eq!(config.contribute, None);
    assert_eq!(
        warnings,
        [r#""contribute" "http://x.example/h" must use https://; contributions are switched off"#]
    );
}
