//! `catalogue links`: each kind of answer is classified, redirects are followed by hand, and no
//! more links are checked at once than asked — all against a local server started here, never
//! the network.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use common::catalogue;

use catalogue_cli::links::{
    LinkReport, MAX_REDIRECTS, Options, Outcome, USER_AGENT, check_links, render_report,
};

/// What the server saw: requests as `METHOD /path user-agent`, and the most connections it was
/// serving at once.
#[derive(Default)]
struct Seen {
    requests: Mutex<Vec<String>>,
    active: AtomicUsize,
    most_active: AtomicUsize,
}

/// A raw HTTP/1.1 server on 127.0.0.1 answering by path; one connection per request.
struct Server {
    port: u16,
    seen: Arc<Seen>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Seen::default());
        let shared = Arc::clone(&seen);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let seen = Arc::clone(&shared);
                thread::spawn(move || serve(stream, &seen));
            }
        });
        Server { port, seen }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn requests(&self) -> Vec<String> {
        self.seen.requests.lock().unwrap().clone()
    }
}

fn serve(mut stream: TcpStream, seen: &Seen) {
    let now = seen.active.fetch_add(1, Ordering::SeqCst) + 1;
    seen.most_active.fetch_max(now, Ordering::SeqCst);
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut head = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        head.push(line.trim_end().to_owned());
    }
    let first = head.first().cloned().unwrap_or_default();
    let mut words = first.split(' ');
    let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let agent = (head.iter())
        .find_map(|h| {
            h.to_ascii_lowercase()
                .strip_prefix("user-agent: ")
                .map(str::to_owned)
        })
        .unwrap_or_default();
    seen.requests
        .lock()
        .unwrap()
        .push(format!("{method} {path} {agent}"));
    let (status, extra) = answer(method, path);
    // Counted as served before answering, so the client's next request cannot overlap it.
    seen.active.fetch_sub(1, Ordering::SeqCst);
    let body = if method == "GET" { "hello" } else { "" };
    let response =
        format!("HTTP/1.1 {status}\r\n{extra}Content-Length: 5\r\nConnection: close\r\n\r\n{body}");
    let _ = stream.write_all(response.as_bytes());
}

/// The status line's rest and any extra headers for a request.
fn answer(method: &str, path: &str) -> (&'static str, String) {
    let to = |target: &str| format!("Location: {target}\r\n");
    match path {
        "/ok" | "/ok#part" => ("200 OK", String::new()),
        "/moved" => ("301 Moved Permanently", to("/moved-2")),
        "/moved-2" => ("308 Permanent Redirect", to("new/home")),
        "/new/home" => ("200 OK", String::new()),
        "/temporary" => ("302 Found", to("/ok")),
        "/query" => ("303 See Other", to("?page=2")),
        "/query?page=2" => ("200 OK", String::new()),
        "/moved-then-temporary" => ("301 Moved Permanently", to("/temporary")),
        "/moved-to-missing" => ("301 Moved Permanently", to("/missing")),
        "/missing" => ("404 Not Found", String::new()),
        "/error" => ("500 Internal Server Error", String::new()),
        "/no-head" if method == "HEAD" => ("405 Method Not Allowed", String::new()),
        "/no-head" => ("200 OK", String::new()),
        "/loop-a" => ("301 Moved Permanently", to("/loop-b")),
        "/loop-b" => ("307 Temporary Redirect", to("/loop-a")),
        "/hang" => {
            thread::sleep(Duration::from_secs(4));
            ("200 OK", String::new())
        }
        slow if slow.starts_with("/slow/") => {
            thread::sleep(Duration::from_millis(150));
            ("200 OK", String::new())
        }
        _ => ("404 Not Found", String::new()),
    }
}

fn options(concurrency: usize, timeout_secs: u64) -> Options {
    Options {
        concurrency,
        timeout: Duration::from_secs(timeout_secs),
    }
}

/// Checks the paths, each as its own link named by its path.
fn check(server: &Server, paths: &[&str], options: &Options) -> Vec<LinkReport> {
    let links: Vec<(String, String)> = (paths.iter())
        .map(|p| (p.to_string(), server.url(p)))
        .collect();
    check_links(&links, options)
}

fn outcomes(reports: &[LinkReport]) -> Vec<Outcome> {
    reports.iter().map(|r| r.outcome.clone()).collect()
}

#[test]
fn answers_are_classified() {
    let server = Server::start();
    let paths = ["/ok", "/missing", "/error", "/temporary", "/moved"];
    let reports = check(&server, &paths, &options(4, 5));
    assert_eq!(
        outcomes(&reports),
        [
            Outcome::Ok,
            Outcome::Broken { status: 404 },
            Outcome::Broken { status: 500 },
            Outcome::Redirected {
                to: server.url("/ok")
            },
            // 301 then 308, the second to a relative path: the final address is reported.
            Outcome::Moved {
                to: server.url("/new/home")
            },
        ]
    );
    let ids: Vec<&str> = reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, paths, "reports come in the order of the links");
    assert_eq!(reports[4].final_url, server.url("/new/home"));
    let requests = server.requests();
    assert!(
        (requests.iter()).all(|r| r.starts_with("HEAD ") && r.ends_with(USER_AGENT)),
        "{requests:?}"
    );
}

#[test]
fn a_server_refusing_head_is_asked_with_get() {
    let server = Server::start();
    let reports = check(&server, &["/no-head"], &options(1, 5));
    assert_eq!(reports[0].outcome, Outcome::Ok);
    let requests = server.requests();
    let methods: Vec<&str> = requests
        .iter()
        .map(|r| &r[..r.find(' ').unwrap()])
        .collect();
    assert_eq!(methods, ["HEAD", "GET"]);
}

#[test]
fn mixed_and_failing_redirect_chains() {
    let server = Server::start();
    let paths = [
        "/moved-then-temporary",
        "/moved-to-missing",
        "/loop-a",
        "/ok#part",
        "/query",
    ];
    let reports = check(&server, &paths, &options(4, 5));
    assert_eq!(
        outcomes(&reports),
        [
            // The seed should say where the permanent move leads, not the temporary target.
            Outcome::Moved {
                to: server.url("/temporary")
            },
            Outcome::Broken { status: 404 },
            Outcome::TooManyRedirects,
            Outcome::Ok,
            Outcome::Redirected {
                to: server.url("/query?page=2")
            },
        ]
    );
    assert_eq!(reports[1].final_url, server.url("/missing"));
    let loop_requests = (server.requests().iter())
        .filter(|r| r.contains("/loop-"))
        .count();
    assert_eq!(loop_requests, MAX_REDIRECTS + 1);
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = Server::start();
    let started = std::time::Instant::now();
    let reports = check(&server, &["/hang"], &options(1, 1));
    assert_eq!(
        reports[0].outcome,
        Outcome::Timeout {
            after: Duration::from_secs(1)
        }
    );
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn a_closed_port_is_unreachable() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port(); // The listener is dropped: nothing listens there any more.
    let links = [("closed".to_owned(), format!("http://127.0.0.1:{port}/"))];
    let reports = check_links(&links, &options(1, 5));
    match &reports[0].outcome {
        Outcome::Unreachable { reason } => assert_eq!(reason, "connection refused"),
        other => panic!("{other:?}"),
    }
    assert!(reports[0].outcome.is_failure());
}

#[test]
fn no_more_links_are_checked_at_once_than_asked() {
    let server = Server::start();
    let paths: Vec<String> = (0..8).map(|i| format!("/slow/{i}")).collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let reports = check(&server, &paths, &options(2, 5));
    assert!(reports.iter().all(|r| r.outcome == Outcome::Ok));
    assert_eq!(server.requests().len(), 8);
    assert_eq!(server.seen.most_active.load(Ordering::SeqCst), 2);
}

#[test]
fn the_report_groups_what_needs_doing() {
    let report = |id: &str, outcome| LinkReport {
        id: id.to_owned(),
        url: format!("https://example.org/{id}"),
        final_url: format!("https://example.org/{id}"),
        outcome,
    };
    let reports = [
        report("fine", Outcome::Ok),
        report("gone", Outcome::Broken { status: 404 }),
        report(
            "away",
            Outcome::Unreachable {
                reason: "host not found".into(),
            },
        ),
        report(
            "slow",
            Outcome::Timeout {
                after: Duration::from_secs(15),
            },
        ),
        report(
            "new-home",
            Outcome::Moved {
                to: "https://example.com/home".into(),
            },
        ),
        report(
            "detour",
            Outcome::Redirected {
                to: "https://example.org/login".into(),
            },
        ),
    ];
    let text = render_report(&reports, 3);
    let expected = "Checked 6 link(s).

Broken (1):
  gone: https://example.org/gone — 404 Not Found

Unreachable or timed out (2):
  away: https://example.org/away — host not found
  slow: https://example.org/slow — no answer within 15 s

Moved permanently (update the seed) (1):
  new-home: https://example.org/new-home → https://example.com/home

Redirected temporarily (fine) (1):
  detour: https://example.org/detour → https://example.org/login

OK: 1 link(s)
No link: 3 resource(s)
";
    assert_eq!(text, expected);
}

/// A seeds folder holding the real taxonomy and one resource per link.
fn seeds_with(name: &str, links: &[String]) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("links-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("resources")).unwrap();
    std::fs::copy(
        root.join("../../seeds/taxonomy.json"),
        dir.join("taxonomy.json"),
    )
    .unwrap();
    let model = root.join("../../seeds/resources/anu-keys-to-resilience.json");
    let model: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(model).unwrap()).unwrap();
    for (i, link) in links.iter().enumerate() {
        let mut resource = model.clone();
        resource["id"] = format!("link-{i}").into();
        resource["url"] = link.as_str().into();
        let file = dir.join(format!("resources/link-{i}.json"));
        std::fs::write(file, resource.to_string()).unwrap();
    }
    dir
}

#[test]
fn the_command_exits_by_what_it_found() {
    let server = Server::start();
    let working = seeds_with("working", &[server.url("/ok"), server.url("/moved")]);
    let (code, stdout, _) = catalogue(&["links", working.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("link-1: http://127.0.0.1"), "{stdout}");

    let broken = seeds_with("broken", &[server.url("/ok"), server.url("/error")]);
    let (code, stdout, _) = catalogue(&["links", broken.to_str().unwrap(), "--concurrency", "2"]);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("500 Internal Server Error"), "{stdout}");

    for bad in [
        &["--concurrency", "0"][..],
        &["--timeout", "soon"],
        &["--timeout"],
    ] {
        let args: Vec<&str> = ["links"].iter().chain(bad).copied().collect();
        assert_eq!(catalogue(&args).0, Some(2), "{bad:?}");
    }
    let _ = std::fs::remove_dir_all(working);
    let _ = std::fs::remove_dir_all(broken);
}
