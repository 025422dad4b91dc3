//! JSON text (RFC 8259) to a `serde_json::Value`: the one JSON parser of the tools, the static
//! pages and the app.
//!
//! Why not serde_json's own parser: in the app's wasm it cost 3.3 KB gzipped, more than the
//! room left under the app shell's ceiling. So the app used to parse with the browser's
//! `JSON.parse` and copy the result into Rust value by value; for a catalogue of 10,000
//! resources (9 MB) that copy took about 170 ms, three times as long as `JSON.parse` itself.
//! This parser reads the text straight into the value type the rest of the domain reads (about
//! 60 ms for the same catalogue in the browser), and costs less wasm than the copy did. It
//! accepts and refuses exactly what serde_json does, with serde_json's messages and positions
//! (a property test compares the two on any text), and limits nesting to [`MAX_DEPTH`] levels
//! so that no text can exhaust the stack.

use serde_json::{Map, Number, Value};

/// The deepest nesting of arrays and objects read, as serde_json's parser allows (its recursion
/// limit of 128 stops at the 128th level).
pub const MAX_DEPTH: usize = 127;

/// Why text is not JSON, and the byte offset of the character at fault (the text's length when
/// it ends too soon).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub offset: usize,
}

impl SyntaxError {
    /// The (line, column) of the character at fault in `text`, both from 1, columns counted in
    /// characters: where the character ends, as serde_json gives it (a newline at fault ends
    /// its line, so it is column 0 of the next; text that ends too soon, at its last character).
    pub fn line_and_column(&self, text: &str) -> (usize, usize) {
        let upto = &text.as_bytes()[..(self.offset + 1).min(text.len())];
        let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + upto.iter().filter(|&&b| b == b'\n').count();
        // Characters are counted by their first bytes (UTF-8 continuation bytes are 10xxxxxx).
        let column = upto[line_start..]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        (line, column)
    }
}

/// The message for nesting deeper than [`MAX_DEPTH`] (serde_json says "recursion limit
/// exceeded", which means nothing to the person who wrote the file).
pub const TOO_DEEP: &str = "nested more than 127 arrays or objects deep";

/// Parses a whole JSON document: one value, with only whitespace around it.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    parse_with(text, |number| number.parse().unwrap_or(f64::INFINITY))
}

/// [`parse`], reading numbers that are not whole with `float`, which is given the number's
/// JSON text and returns the nearest `f64` (infinite when out of range). The app passes the
/// browser's `parseFloat`: Rust's own float parsing costs 15 KB of gzipped wasm (its tables).
pub fn parse_with(text: &str, float: fn(&str) -> f64) -> Result<Value, SyntaxError> {
    let mut parser = Parser { text, at: 0, float };
    let value = parser.value(MAX_DEPTH)?;
    match parser.skip_space() {
        None => Ok(value),
        Some(_) => Err(parser.fail("trailing characters")),
    }
}

struct Parser<'t> {
    text: &'t str,
    /// The byte offset of the next character to read.
    at: usize,
    float: fn(&str) -> f64,
}

impl Parser<'_> {
    fn bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    fn fail(&self, message: &'static str) -> SyntaxError {
        SyntaxError {
            message,
            offset: self.at,
        }
    }

    /// Skips whitespace; the next byte, if any.
    fn skip_space(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes().get(self.at) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// One value, nested at most `depth` more levels.
    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        let Some(b) = self.skip_space() else {
            return Err(self.fail("EOF while parsing a value"));
        };
        match b {
            b'"' => self.string().map(Value::String),
            b'{' | b'[' if depth == 0 => Err(self.fail(TOO_DEEP)),
            b'{' => self.object(depth - 1),
            b'[' => self.array(depth - 1),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'n' => self.word("null", Value::Null),
            _ => Err(self.fail("expected value")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        for &expected in word.as_bytes() {
            match self.bytes().get(self.at) {
                None => return Err(self.fail("EOF while parsing a value")),
                Some(&b) if b != expected => return Err(self.fail("expected ident")),
                Some(_) => self.at += 1,
            }
        }
        Ok(value)
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        match self.skip_space() {
            Some(b']') => {
                self.at += 1;
                return Ok(Value::Array(items));
            }
            None => return Err(self.fail("EOF while parsing a list")),
            Some(_) => {}
        }
        loop {
            items.push(self.value(depth)?);
            match self.skip_space() {
                Some(b',') => {
                    self.at += 1;
                    if self.skip_space() == Some(b']') {
                        return Err(self.fail("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                Some(_) => return Err(self.fail("expected `,` or `]`")),
                None => return Err(self.fail("EOF while parsing a list")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut map = Map::new();
        let mut next = self.skip_space();
        if next == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(map));
        }
        loop {
            let key = match next {
                Some(b'"') => self.string()?,
                Some(_) => return Err(self.fail("key must be a string")),
                None if map.is_empty() => return Err(self.fail("EOF while parsing an object")),
                None => return Err(self.fail("EOF while parsing a value")),
            };
            match self.skip_space() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.fail("expected `:`")),
                None => return Err(self.fail("EOF while parsing an object")),
            }
            // A repeated key keeps its last value, as in serde_json and JSON.parse.
            map.insert(key, self.value(depth)?);
            match self.skip_space() {
                Some(b',') => {
                    self.at += 1;
                    next = self.skip_space();
                    if next == Some(b'}') {
                        return Err(self.fail("trailing comma"));
                    }
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(map));
                }
                Some(_) => return Err(self.fail("expected `,` or `}`")),
                None => return Err(self.fail("EOF while parsing an object")),
            }
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        let mut start = self.at;
        loop {
            let Some(&b) = self.bytes().get(self.at) else {
                return Err(self.fail("EOF while parsing a string"));
            };
            match b {
                b'"' => {
                    out.push_str(&self.text[start..self.at]);
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[start..self.at]);
                    self.at += 1;
                    self.escape(&mut out)?;
                    start = self.at;
                }
                0..=0x1F => {
                    return Err(self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string"));
                }
                _ => self.at += 1,
            }
        }
    }

    /// The character an escape stands for, after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let Some(&b) = self.bytes().get(self.at) else {
            return Err(self.fail("EOF while parsing a string"));
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => {
                self.at -= 1;
                return Err(self.fail("invalid escape"));
            }
        };
        out.push(c);
        Ok(())
    }

    /// `\uXXXX`, after its `u`, and the low surrogate's `\uXXXX` after a high surrogate.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let lone = |parser: &Self| SyntaxError {
            message: "lone leading surrogate in hex escape",
            offset: parser.at - 1,
        };
        let first = self.hex4()?;
        let code = match first {
            0xDC00..=0xDFFF => return Err(lone(self)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.bytes().get(self.at) {
                        None => return Err(self.fail("EOF while parsing a string")),
                        Some(&b) if b != expected => {
                            return Err(self.fail("unexpected end of hex escape"));
                        }
                        Some(_) => self.at += 1,
                    }
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(lone(self));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.fail("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let text = self.text;
        let Some(hex) = text.as_bytes().get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.fail("EOF while parsing a string"));
        };
        let mut code = 0;
        for &b in hex {
            let Some(digit) = (b as char).to_digit(16) else {
                // Reported at the escape's last character, as serde_json does.
                self.at += 3;
                return Err(self.fail("invalid escape"));
            };
            code = code * 16 + digit;
        }
        self.at += 4;
        Ok(code)
    }

    /// A number: whole numbers that fit as integers (u64, or i64 when negative), others as
    /// floats, as serde_json reads them.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        let negative = self.bytes()[start] == b'-';
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        match self.bytes().get(self.at) {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.bytes().get(self.at), Some(b'0'..=b'9')) {
                    return Err(self.fail("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.fail("invalid number")),
            None => return Err(self.fail("EOF while parsing a value")),
        }
        let int_end = self.at;
        let mut whole = true;
        if self.bytes().get(self.at) == Some(&b'.') {
            whole = false;
            self.at += 1;
            self.required_digits()?;
        }
        if matches!(self.bytes().get(self.at), Some(b'e' | b'E')) {
            whole = false;
            self.at += 1;
            if matches!(self.bytes().get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digits()?;
        }
        if whole {
            let digits = &self.text[int_start..int_end];
            if let Ok(n) = digits.parse::<u64>() {
                if !negative {
                    return Ok(Value::from(n));
                }
                if let Some(n) = 0i64.checked_sub_unsigned(n).filter(|&n| n != 0) {
                    return Ok(Value::from(n));
                }
            }
        }
        let n = (self.float)(&self.text[start..self.at]);
        Number::from_f64(n)
            .map(Value::Number)
            .ok_or_else(|| SyntaxError {
                message: "number out of range",
                offset: self.at - 1,
            })
    }

    fn digits(&mut self) {
        while matches!(self.bytes().get(self.at), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), SyntaxError> {
        match self.bytes().get(self.at) {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            Some(_) => Err(self.fail("invalid number")),
            None => Err(self.fail("EOF while parsing a value")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_depth_message_names_the_limit() {
        assert!(TOO_DEEP.contains(&format!(" {MAX_DEPTH} ")));
    }

    /// The reader of decimals is called for numbers that are not whole, with their text, and
    /// only for them; an infinite answer is "number out of range", as serde_json says.
    #[test]
    fn decimals_are_read_by_the_function_given() {
        let read = |text: &str| -> f64 {
            match text {
                "2.5" => 7.0,
                "-1e3" => -9.0,
                _ => f64::INFINITY,
            }
        };
        let value = parse_with(r#"[2.5, -1e3, 12, -4, 0]"#, read).unwrap();
        assert_eq!(value, serde_json::json!([7.0, -9.0, 12, -4, 0]));
        let error = parse_with("[1, 0.5]", read).unwrap_err();
        assert_eq!(error.message, "number out of range");
        assert_eq!(error.line_and_column("[1, 0.5]"), (1, 7));
    }
}
