//! `catalogue links [SEEDS] [--concurrency N] [--timeout SECS]`: checks every resource's link
//! and reports the broken, unreachable, moved and redirected ones.
//!
//! Each link is asked for with `HEAD` (or `GET` when a server refuses `HEAD`, never reading the
//! body), and redirects are followed here, up to [`MAX_REDIRECTS`] hops, so that a permanent
//! move (301/308) can be told from a temporary redirect (302/303/307). A few worker threads take
//! links from a shared queue; [`check_links`] and [`render_report`] do no console I/O, so they
//! can be tested against a local server. Native only: this never goes into the wasm app.

use std::io::{ErrorKind, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use ureq::Agent;
use ureq::http::StatusCode;

/// Sent with every request, so site owners can tell who is asking.
pub const USER_AGENT: &str = "resilience-toolkit-link-checker/0.1";
/// The most redirects followed for one link.
pub const MAX_REDIRECTS: usize = 5;

const USAGE: &str = "usage: catalogue links [SEEDS_DIR] [--concurrency N] [--timeout SECS]";

/// How to check links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// How many links are checked at once (at least 1).
    pub concurrency: usize,
    /// The longest one request may take, from connecting to the response's headers.
    pub timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            concurrency: 4,
            timeout: Duration::from_secs(15),
        }
    }
}

/// What became of one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx answer straight away.
    Ok,
    /// Permanently redirected (301/308) to `to`, which answers: the seed should say `to`.
    Moved { to: String },
    /// Temporarily redirected (302/303/307) to `to`, which answers: fine, noted.
    Redirected { to: String },
    /// A 4xx/5xx answer (or another status that is not a success), perhaps after redirects.
    Broken { status: u16 },
    /// No HTTP answer at all: DNS, connection, TLS or protocol failure.
    Unreachable { reason: String },
    /// A request got no answer within the timeout.
    Timeout { after: Duration },
    /// More than [`MAX_REDIRECTS`] redirects, or a loop.
    TooManyRedirects,
}

impl Outcome {
    /// Whether the link does not work for a reader: the check fails.
    pub fn is_failure(&self) -> bool {
        !matches!(
            self,
            Outcome::Ok | Outcome::Moved { .. } | Outcome::Redirected { .. }
        )
    }
}

/// The check of one resource's link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkReport {
    pub id: String,
    pub url: String,
    /// Where the redirects ended (the link itself when there were none).
    pub final_url: String,
    pub outcome: Outcome,
}

/// Checks every `(id, url)` link, `options.concurrency` at a time; reports in the given order.
pub fn check_links(links: &[(String, String)], options: &Options) -> Vec<LinkReport> {
    check_links_with_progress(links, options, |_, _, _| {})
}

/// [`check_links`], calling `progress(done, total, report)` as each link is checked.
pub fn check_links_with_progress(
    links: &[(String, String)],
    options: &Options,
    mut progress: impl FnMut(usize, usize, &LinkReport),
) -> Vec<LinkReport> {
    let agent = agent(options);
    let next = AtomicUsize::new(0);
    let workers = options.concurrency.clamp(1, links.len().max(1));
    let (sender, receiver) = mpsc::channel();
    let mut reports: Vec<Option<LinkReport>> = vec![None; links.len()];
    thread::scope(|scope| {
        for _ in 0..workers {
            let (agent, next, sender) = (&agent, &next, sender.clone());
            scope.spawn(move || {
                // The queue: each worker takes the next unchecked link until none are left.
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some((id, url)) = links.get(index) else {
                        break;
                    };
                    let report = check_one(agent, id, url, options);
                    if sender.send((index, report)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for (done, (index, report)) in receiver.iter().enumerate() {
            progress(done + 1, links.len(), &report);
            reports[index] = Some(report);
        }
    });
    reports.into_iter().flatten().collect()
}

/// One HTTP agent for every worker. Redirects are followed by [`check_one`], not by the agent,
/// and 4xx/5xx answers are results to report, not errors.
fn agent(options: &Options) -> Agent {
    Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_global(Some(options.timeout))
        .user_agent(USER_AGENT)
        .build()
        .into()
}

/// Follows one link's redirects to an answer, and says what became of it.
fn check_one(agent: &Agent, id: &str, url: &str, options: &Options) -> LinkReport {
    // A fragment is never sent to the server; it is kept on a moved link's new address.
    let (start, fragment) = match url.split_once('#') {
        Some((start, fragment)) => (start, format!("#{fragment}")),
        None => (url, String::new()),
    };
    let mut current = start.to_owned();
    // Where the redirects lead, for as long as every one of them is permanent.
    let mut moved_to: Option<String> = None;
    let mut temporary = false;
    let mut hops = 0;
    let outcome = loop {
        let (status, location) = match fetch(agent, &current) {
            Ok(answer) => answer,
            Err(error) => break error_outcome(&error, &current, options),
        };
        let redirect = matches!(status, 301 | 302 | 303 | 307 | 308);
        let Some(location) = location.filter(|_| redirect) else {
            break match (status, moved_to) {
                (200..=299, Some(to)) if to != start => Outcome::Moved { to: to + &fragment },
                (200..=299, _) if hops > 0 => Outcome::Redirected {
                    to: current.clone(),
                },
                (200..=299, _) => Outcome::Ok,
                _ => Outcome::Broken { status },
            };
        };
        if hops == MAX_REDIRECTS {
            break Outcome::TooManyRedirects;
        }
        hops += 1;
        let next = resolve(&current, &location);
        current = next.split('#').next().unwrap_or(&next).to_owned();
        if matches!(status, 301 | 308) && !temporary {
            moved_to = Some(current.clone());
        } else {
            temporary = true;
        }
    };
    LinkReport {
        id: id.to_owned(),
        url: url.to_owned(),
        final_url: current,
        outcome,
    }
}

/// Asks for `url` with `HEAD`, or with `GET` when the server refuses `HEAD` (its body is never
/// read); gives the status and the `Location`, if any.
fn fetch(agent: &Agent, url: &str) -> Result<(u16, Option<String>), ureq::Error> {
    let mut response = agent.head(url).call()?;
    if matches!(response.status().as_u16(), 403 | 405 | 501) {
        response = agent.get(url).call()?;
    }
    let location = (response.headers().get("location"))
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    Ok((response.status().as_u16(), location))
}

/// The address a `Location` header points to, read against the address that sent it:
/// `https://…`, `//host/…`, `/path`, `?query` or a path relative to the current folder.
fn resolve(base: &str, location: &str) -> String {
    let location = location.trim();
    let scheme = location.split_once(':').map_or("", |(scheme, _)| scheme);
    let is_scheme = |c: char| c.is_ascii_alphanumeric() || "+-.".contains(c);
    if scheme.starts_with(|c: char| c.is_ascii_alphabetic()) && scheme.chars().all(is_scheme) {
        return location.to_owned();
    }
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let origin_end =
        (base[after_scheme..].find(['/', '?'])).map_or(base.len(), |i| after_scheme + i);
    let path_end = base[origin_end..]
        .find('?')
        .map_or(base.len(), |i| origin_end + i);
    if location.starts_with("//") {
        format!("{}{location}", &base[..after_scheme.saturating_sub(2)])
    } else if location.starts_with('/') {
        format!("{}{location}", &base[..origin_end])
    } else if location.is_empty() || location.starts_with('?') {
        format!("{}{location}", &base[..path_end])
    } else {
        match base[origin_end..path_end].rfind('/') {
            Some(slash) => format!("{}{location}", &base[..origin_end + slash + 1]),
            None => format!("{}/{location}", &base[..origin_end]),
        }
    }
}

/// A request to `url` that got no HTTP answer: a timeout, or unreachable with a short reason.
fn error_outcome(error: &ureq::Error, url: &str, options: &Options) -> Outcome {
    use ureq::Error as E;
    let secure = url
        .get(..6)
        .is_some_and(|s| s.eq_ignore_ascii_case("https:"));
    let mut reason = match error {
        E::Timeout(_) => {
            return Outcome::Timeout {
                after: options.timeout,
            };
        }
        E::Io(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) => {
            return Outcome::Timeout {
                after: options.timeout,
            };
        }
        E::HostNotFound => "host not found".to_owned(),
        // The system resolver's failures come as plain I/O errors.
        E::Io(e) if e.to_string().contains("lookup address") => "host not found".to_owned(),
        E::Io(e) if e.kind() == ErrorKind::ConnectionRefused => "connection refused".to_owned(),
        E::Io(e) if e.kind() == ErrorKind::ConnectionReset => "connection reset".to_owned(),
        // rustls reports a failed handshake or a bad certificate as invalid data.
        E::Io(e) if e.kind() == ErrorKind::InvalidData && secure => format!("TLS: {e}"),
        E::Io(e) => e.to_string(),
        E::Tls(message) => format!("TLS: {message}"),
        E::Rustls(e) => format!("TLS: {e}"),
        E::BadUri(_) | E::Http(_) => format!("invalid address: {error}"),
        _ => error.to_string(),
    };
    if let Some((end, _)) = reason.char_indices().nth(100) {
        reason.truncate(end);
        reason.push('…');
    }
    Outcome::Unreachable { reason }
}

/// The report for people: what is broken first, then what to update, then the counts.
/// `without_link` is how many resources have no link to check.
pub fn render_report(reports: &[LinkReport], without_link: usize) -> String {
    let mut out = format!("Checked {} link(s).\n", reports.len());
    let line = |r: &LinkReport, what: &str| format!("{}: {} — {what}", r.id, r.url);
    section(&mut out, "Broken", reports, |r| match &r.outcome {
        Outcome::Broken { status } => Some(line(r, &(status_text(*status) + &ended_at(r)))),
        Outcome::TooManyRedirects => Some(line(
            r,
            &format!("too many redirects (more than {MAX_REDIRECTS})"),
        )),
        _ => None,
    });
    section(
        &mut out,
        "Unreachable or timed out",
        reports,
        |r| match &r.outcome {
            Outcome::Unreachable { reason } => Some(line(r, &(reason.clone() + &ended_at(r)))),
            Outcome::Timeout { after } => Some(line(
                r,
                &format!("no answer within {} s{}", after.as_secs_f64(), ended_at(r)),
            )),
            _ => None,
        },
    );
    section(
        &mut out,
        "Moved permanently (update the seed)",
        reports,
        |r| match &r.outcome {
            Outcome::Moved { to } => Some(format!("{}: {} → {to}", r.id, r.url)),
            _ => None,
        },
    );
    section(
        &mut out,
        "Redirected temporarily (fine)",
        reports,
        |r| match &r.outcome {
            Outcome::Redirected { to } => Some(format!("{}: {} → {to}", r.id, r.url)),
            _ => None,
        },
    );
    let ok = reports.iter().filter(|r| r.outcome == Outcome::Ok).count();
    out.push_str(&format!(
        "\nOK: {ok} link(s)\nNo link: {without_link} resource(s)\n"
    ));
    out
}

/// Adds a titled list of the reports `line` gives a line for, unless there are none.
fn section(
    out: &mut String,
    title: &str,
    reports: &[LinkReport],
    line: impl Fn(&LinkReport) -> Option<String>,
) {
    let lines: Vec<String> = reports.iter().filter_map(line).collect();
    if !lines.is_empty() {
        out.push_str(&format!("\n{title} ({}):\n", lines.len()));
        for line in lines {
            out.push_str(&format!("  {line}\n"));
        }
    }
}

/// `404 Not Found`.
fn status_text(status: u16) -> String {
    match StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}

/// ` (at …)` when redirects led somewhere else before things went wrong.
fn ended_at(report: &LinkReport) -> String {
    match report.url.split('#').next() == Some(report.final_url.as_str()) {
        true => String::new(),
        false => format!(" (at {})", report.final_url),
    }
}

/// `catalogue links …`, given the arguments after `links`. Exits 0 when every link works, 1
/// when any is broken, unreachable or timed out, and 2 when the check cannot run (a usage
/// error, or seed files that are not valid).
pub fn run(args: &[String]) -> ExitCode {
    let (seeds, options) = match parse_args(args) {
        Ok(Some(parsed)) => parsed,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(problem) => {
            eprintln!("{problem}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let catalogue = match crate::load_seeds(&seeds) {
        Ok(catalogue) => catalogue,
        Err(errors) => {
            eprintln!("The seed catalogue in {} has problems:", seeds.display());
            for e in &errors {
                eprintln!("  {e}");
            }
            return ExitCode::from(2);
        }
    };
    let links: Vec<(String, String)> = (catalogue.resources.iter())
        .filter_map(|r| Some((r.id.clone(), r.url.clone()?)))
        .collect();
    let without_link = catalogue.resources.len() - links.len();
    eprintln!(
        "checking {} link(s), {} at a time…",
        links.len(),
        options.concurrency
    );
    let terminal = std::io::stderr().is_terminal();
    let reports = check_links_with_progress(&links, &options, |done, total, _| match terminal {
        true if done < total => eprint!("\rchecked {done}/{total}"),
        true => eprintln!("\rchecked {done}/{total}"),
        false => eprintln!("checked {done}/{total}"),
    });
    print!("{}", render_report(&reports, without_link));
    let _ = std::io::stdout().flush();
    ExitCode::from(u8::from(reports.iter().any(|r| r.outcome.is_failure())))
}

/// The seeds folder and options, or `None` for `--help`.
fn parse_args(args: &[String]) -> Result<Option<(PathBuf, Options)>, String> {
    let mut seeds = None;
    let mut options = Options::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = |rest: &mut std::slice::Iter<String>| {
            let value = rest.next().ok_or(format!("{arg} needs a number"))?;
            value
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v > 0.0)
                .ok_or(format!("{arg} needs a number above 0, not \"{value}\""))
        };
        match arg.as_str() {
            "--concurrency" => match value(&mut rest)? {
                n if n.fract() == 0.0 && n <= 64.0 => options.concurrency = n as usize,
                _ => return Err("--concurrency needs a whole number from 1 to 64".into()),
            },
            "--timeout" => options.timeout = Duration::from_secs_f64(value(&mut rest)?.min(3600.0)),
            "-h" | "--help" => return Ok(None),
            other if !other.starts_with('-') && seeds.is_none() => {
                seeds = Some(PathBuf::from(other))
            }
            other if !other.starts_with('-') => return Err(format!("unexpected {other}")),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(Some((seeds.unwrap_or_else(|| "seeds".into()), options)))
}
