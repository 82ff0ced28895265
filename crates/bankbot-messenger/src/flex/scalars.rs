//! Scalar readers: ids, strings, booleans, numbers and timestamps from any JSON value.

use serde::Deserializer;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use std::fmt;

use super::{Field, drain_map, drain_seq};

/// Timestamps below this are read as seconds, above as milliseconds.
const SECONDS_CUTOFF: i64 = 1_000_000_000_000;

/// What a scalar field looked like on the wire.
enum Scalar {
    Text(String),
    Int(i128),
    Float(f64),
    Bool(bool),
    Other,
}

fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
    struct ScalarVisitor;
    impl<'de> Visitor<'de> for ScalarVisitor {
        type Value = Scalar;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
            Ok(Scalar::Bool(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
            Ok(Scalar::Int(i128::from(v)))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
            Ok(Scalar::Int(i128::from(v)))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
            Ok(Scalar::Float(v))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
            Ok(Scalar::Text(v.to_owned()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
            Ok(Scalar::Text(v))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
            Ok(Scalar::Other)
        }
        fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
            Ok(Scalar::Other)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Scalar, A::Error> {
            drain_seq(seq).map(|()| Scalar::Other)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar, A::Error> {
            drain_map(map).map(|()| Scalar::Other)
        }
    }
    d.deserialize_any(ScalarVisitor)
}

/// An id sent as a string or an integer, normalised to a non-empty string.
#[derive(Debug)]
pub struct Id;

impl Field for Id {
    type Out = Option<String>;
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(match scalar(d)? {
            Scalar::Text(s) if !s.is_empty() => Some(s),
            Scalar::Int(n) => Some(n.to_string()),
            _ => None,
        })
    }
}

/// A string; numbers and booleans are kept as their JSON text, other values are `None`.
#[derive(Debug)]
pub struct Str;

impl Field for Str {
    type Out = Option<String>;
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(match scalar(d)? {
            Scalar::Text(s) => Some(s),
            Scalar::Int(n) => Some(n.to_string()),
            Scalar::Float(f) => Some(f.to_string()),
            Scalar::Bool(b) => Some(b.to_string()),
            Scalar::Other => None,
        })
    }
}

/// A boolean; `"true"` strings count, anything else is `false`.
#[derive(Debug)]
pub struct Bool;

impl Field for Bool {
    type Out = bool;
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        Ok(match scalar(d)? {
            Scalar::Bool(b) => b,
            Scalar::Text(s) => s.eq_ignore_ascii_case("true"),
            _ => false,
        })
    }
}

/// A finite number, also from a numeric string (coordinates).
#[derive(Debug)]
pub struct Num;

impl Field for Num {
    type Out = Option<f64>;
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        let v = match scalar(d)? {
            Scalar::Float(f) => Some(f),
            // Coordinates are small; an integer beyond i64 is garbage anyway.
            Scalar::Int(n) => i64::try_from(n).ok().map(|n| n as f64),
            Scalar::Text(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        };
        Ok(v.filter(|f| f.is_finite()))
    }
}

/// An epoch timestamp in milliseconds, from a number or numeric string; values below
/// 10^12 are read as seconds. Negative or out-of-range values are `None`.
#[derive(Debug)]
pub struct Millis;

impl Field for Millis {
    type Out = Option<i64>;
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        let raw: Option<i128> = match scalar(d)? {
            Scalar::Int(n) => Some(n),
            Scalar::Float(f) if (0.0..1e17).contains(&f) => Some(f.trunc() as i128),
            Scalar::Text(s) => s.trim().parse::<i128>().ok(),
            _ => None,
        };
        Ok(raw.and_then(normalise_millis))
    }
}

fn normalise_millis(n: i128) -> Option<i64> {
    let n = i64::try_from(n).ok()?;
    if n < 0 {
        return None;
    }
    let ms = if n < SECONDS_CUTOFF {
        n.checked_mul(1000)?
    } else {
        n
    };
    // Beyond year ~5138 chrono refuses the value; treat as garbage.
    (ms < 100_000_000_000_000).then_some(ms)
}
