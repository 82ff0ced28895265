//! Lenient serde building blocks for webhook bodies.
//!
//! Meta's payloads vary: ids arrive as strings or numbers, timestamps as numbers or numeric
//! strings (milliseconds, sometimes seconds), sub-objects may be `null` or of an unexpected
//! type. Every helper here accepts *any* JSON value and yields `None` (or an empty list) when
//! the value is not what was expected, so one odd field never costs the rest of the event.
//! [`Lenient`] and [`LenientSeq`] buffer their value as a raw JSON slice and therefore only
//! work with `serde_json` deserializers.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

/// Timestamps below this are read as seconds, above as milliseconds.
const SECONDS_CUTOFF: i64 = 1_000_000_000_000;

/// Implements every scalar `visit_*` method of a visitor as "return this value".
macro_rules! forward_scalars_to_empty {
    ($empty:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($empty)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($empty)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($empty)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($empty)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($empty)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($empty)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($empty)
        }
    };
}

/// A value that is `Some` only when it parsed as `T`; anything else becomes `None`.
/// JSON arrays always become `None`: serde would otherwise read a struct from a
/// positional array (`["m_1", "hi"]` as a message), which Meta never means.
#[derive(Debug, Clone, PartialEq)]
pub struct Lenient<T>(pub Option<T>);

impl<T> Default for Lenient<T> {
    fn default() -> Self {
        Lenient(None)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = <&'de RawValue>::deserialize(d)?;
        if raw.get().starts_with('[') {
            return Ok(Lenient(None));
        }
        Ok(Lenient(serde_json::from_str(raw.get()).ok()))
    }
}

/// A list whose elements that do not parse as `T` are dropped; a non-list is empty.
#[derive(Debug, Clone, PartialEq)]
pub struct LenientSeq<T>(pub Vec<T>);

impl<T> Default for LenientSeq<T> {
    fn default() -> Self {
        LenientSeq(Vec::new())
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for LenientSeq<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SeqVisitor<T>(PhantomData<T>);
        impl<'de, T: DeserializeOwned> Visitor<'de> for SeqVisitor<T> {
            type Value = LenientSeq<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(item) = seq.next_element::<Lenient<T>>()? {
                    out.extend(item.0);
                }
                Ok(LenientSeq(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(LenientSeq(Vec::new()))
            }
            forward_scalars_to_empty!(LenientSeq(Vec::new()));
        }
        d.deserialize_any(SeqVisitor(PhantomData))
    }
}

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
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(Scalar::Other)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(Scalar::Other)
        }
    }
    d.deserialize_any(ScalarVisitor)
}

/// An id sent as a string or an integer, normalised to a non-empty string.
pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match scalar(d)? {
        Scalar::Text(s) if !s.is_empty() => Some(s),
        Scalar::Int(n) => Some(n.to_string()),
        _ => None,
    })
}

/// A string; numbers and booleans are kept as their JSON text, other values are `None`.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match scalar(d)? {
        Scalar::Text(s) => Some(s),
        Scalar::Int(n) => Some(n.to_string()),
        Scalar::Float(f) => Some(f.to_string()),
        Scalar::Bool(b) => Some(b.to_string()),
        Scalar::Other => None,
    })
}

/// A boolean; `"true"`/`"false"` strings are accepted, anything else is `false`.
pub fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match scalar(d)? {
        Scalar::Bool(b) => b,
        Scalar::Text(s) => s.eq_ignore_ascii_case("true"),
        _ => false,
    })
}

/// A finite number, also from a numeric string (coordinates).
pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let v = match scalar(d)? {
        Scalar::Float(f) => Some(f),
        // Coordinates are small; an i128 beyond f64's exact range is garbage anyway.
        Scalar::Int(n) => i64::try_from(n).ok().map(|n| n as f64),
        Scalar::Text(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    Ok(v.filter(|f| f.is_finite()))
}

/// An epoch timestamp in milliseconds, from a number or numeric string; values below
/// 10^12 are read as seconds. Negative or out-of-range values are `None`.
pub fn millis<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let raw: Option<i128> = match scalar(d)? {
        Scalar::Int(n) => Some(n),
        Scalar::Float(f) if (0.0..1e17).contains(&f) => Some(f.trunc() as i128),
        Scalar::Text(s) => s.trim().parse::<i128>().ok(),
        _ => None,
    };
    Ok(raw.and_then(normalise_millis))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct T {
        #[serde(default, deserialize_with = "id")]
        id: Option<String>,
        #[serde(default, deserialize_with = "millis")]
        ts: Option<i64>,
        #[serde(default)]
        list: LenientSeq<u8>,
        #[serde(default)]
        obj: Lenient<Obj>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Obj {
        a: u8,
    }

    fn t(s: &str) -> T {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn ids_and_timestamps_are_lenient() {
        assert_eq!(
            t(r#"{"id":510512709009335}"#).id.as_deref(),
            Some("510512709009335")
        );
        assert_eq!(t(r#"{"id":"abc"}"#).id.as_deref(), Some("abc"));
        assert_eq!(t(r#"{"id":{"x":1}}"#).id, None);
        assert_eq!(t(r#"{"ts":"1527459824"}"#).ts, Some(1_527_459_824_000));
        assert_eq!(t(r#"{"ts":1458692752478}"#).ts, Some(1_458_692_752_478));
        assert_eq!(t(r#"{"ts":-5}"#).ts, None);
        assert_eq!(t(r#"{"ts":"soon"}"#).ts, None);
    }

    #[test]
    fn sequences_and_objects_are_lenient() {
        assert_eq!(t(r#"{"list":[1,"x",3,300]}"#).list.0, vec![1, 3]);
        assert_eq!(t(r#"{"list":{"a":[1]}}"#).list.0, Vec::<u8>::new());
        assert_eq!(t(r#"{"obj":"nope"}"#).obj.0, None);
        assert_eq!(t(r#"{"obj":[1]}"#).obj.0, None, "no positional structs");
        assert_eq!(t(r#"{"obj":{"a":1}}"#).obj.0, Some(Obj { a: 1 }));
    }
}
