//! When a submission was made and the key it keeps through every retry: the leaf that the
//! payloads and the subscriptions both build on.

/// A moment in UTC, as JavaScript's `toISOString` writes it: `2026-11-23T10:15:30.123Z`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp(String);

impl Timestamp {
    pub fn parse(iso: &str) -> Option<Timestamp> {
        let b = iso.as_bytes();
        let digits =
            |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
        (b.len() >= 20
            && digits(0..4)
            && b[4] == b'-'
            && digits(5..7)
            && b[7] == b'-'
            && digits(8..10)
            && b[10] == b'T'
            && iso.ends_with('Z'))
        .then(|| Timestamp(iso.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `YYYY-MM-DD`, the catalogue's date form.
    pub fn date(&self) -> &str {
        &self.0[..10]
    }

    pub fn year(&self) -> u16 {
        self.0[..4].parse().unwrap_or(0)
    }
}

/// An idempotency key (a random UUID, version 4) from 16 random bytes. The same submission keeps
/// its key through every retry, so a receiver can store it once however often it arrives.
pub fn new_key(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}
