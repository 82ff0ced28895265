//! Total (never failing) serde building blocks for webhook bodies, in one pass.
//!
//! Meta's payloads vary: ids arrive as strings or numbers, timestamps as numbers or numeric
//! strings (milliseconds, sometimes seconds), sub-objects may be `null` or of an unexpected
//! type. Every reader here accepts *any* JSON value and yields `None` (or an empty list)
//! when the value is not what was expected, so on syntactically valid JSON the only
//! possible error is serde_json's nesting limit. Structs declared with `total_struct!`
//! read only JSON objects (never positional arrays), ignore unknown keys and let the last
//! of duplicate keys win.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

mod scalars;

pub use scalars::{Bool, Id, Millis, Num, Str};

/// Implements every scalar `visit_*` method of a visitor as "return this value".
macro_rules! scalars_to {
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

/// How one field is read: from any JSON value, into `Out`, without failing.
pub trait Field {
    /// What the field becomes.
    type Out: Default;
    /// Reads the value.
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self::Out, D::Error>;
}

/// A struct readable from a JSON object's entries.
pub trait FromMap: Sized + Default {
    /// Reads the entries.
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// A [`DeserializeSeed`] that reads with `F`.
pub struct Seed<F>(PhantomData<F>);

impl<F> Seed<F> {
    /// The seed.
    pub fn new() -> Self {
        Seed(PhantomData)
    }
}

impl<F> Default for Seed<F> {
    fn default() -> Self {
        Self::new()
    }
}

impl<F> fmt::Debug for Seed<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Seed")
    }
}

impl<'de, F: Field> DeserializeSeed<'de> for Seed<F> {
    type Value = F::Out;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<F::Out, D::Error> {
        F::read(d)
    }
}

/// An object key, borrowed from the input when it has no escapes.
#[derive(Debug)]
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// Declares a struct of [`Field`]-read fields with a total `Deserialize` impl.
/// Syntax: `"json_key" => pub name: Type as FieldReader,` per field.
macro_rules! total_struct {
    ($(#[$m:meta])* pub struct $name:ident {
        $( $(#[$fm:meta])* $json:literal => pub $field:ident : $ty:ty as $reader:ty ),* $(,)?
    }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name { $( $(#[$fm])* pub $field: $ty, )* }

        impl $crate::flex::FromMap for $name {
            fn from_map<'de, A: ::serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
                let mut out = Self::default();
                while let Some(key) = map.next_key::<$crate::flex::Key<'de>>()? {
                    match key.0.as_ref() {
                        $( $json => out.$field = map.next_value_seed($crate::flex::Seed::<$reader>::new())?, )*
                        _ => { map.next_value::<::serde::de::IgnoredAny>()?; }
                    }
                }
                Ok(out)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            /// Total: anything but an object yields the default value.
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(<$crate::flex::Obj<$name> as $crate::flex::Field>::read(d)?.unwrap_or_default())
            }
        }
    };
}
pub(crate) use total_struct;

/// Reads a [`FromMap`] struct from an object; anything else is `None`.
#[derive(Debug)]
pub struct Obj<T>(PhantomData<T>);

impl<T: FromMap> Field for Obj<T> {
    type Out = Option<T>;
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Option<T>, D::Error> {
        struct ObjVisitor<T>(PhantomData<T>);
        impl<'de, T: FromMap> Visitor<'de> for ObjVisitor<T> {
            type Value = Option<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
                T::from_map(map).map(Some)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<T>, A::Error> {
                drain_seq(seq).map(|()| None)
            }
            scalars_to!(None);
        }
        d.deserialize_any(ObjVisitor(PhantomData))
    }
}

/// Reads a list, keeping the elements that `F` reads as `Some`; a non-list is empty.
#[derive(Debug)]
pub struct SeqOf<F>(PhantomData<F>);

impl<X, F: Field<Out = Option<X>>> Field for SeqOf<F> {
    type Out = Vec<X>;
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<X>, D::Error> {
        struct SeqVisitor<F>(PhantomData<F>);
        impl<'de, X, F: Field<Out = Option<X>>> Visitor<'de> for SeqVisitor<F> {
            type Value = Vec<X>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<X>, A::Error> {
                let mut out = Vec::new();
                while let Some(item) = seq.next_element_seed(Seed::<F>::new())? {
                    out.extend(item);
                }
                Ok(out)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Vec<X>, A::Error> {
                drain_map(map).map(|()| Vec::new())
            }
            scalars_to!(Vec::new());
        }
        d.deserialize_any(SeqVisitor::<F>(PhantomData))
    }
}

/// Reads an object of lists of strings (`app_roles`); anything else is `None`.
#[derive(Debug)]
pub struct StrListMap;

impl Field for StrListMap {
    type Out = Option<std::collections::BTreeMap<String, Vec<String>>>;
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Self::Out, D::Error> {
        struct MapVisitor;
        impl<'de> Visitor<'de> for MapVisitor {
            type Value = <StrListMap as Field>::Out;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = std::collections::BTreeMap::new();
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    let roles = map.next_value_seed(Seed::<SeqOf<Str>>::new())?;
                    out.insert(key.0.into_owned(), roles);
                }
                Ok(Some(out))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                drain_seq(seq).map(|()| None)
            }
            scalars_to!(None);
        }
        d.deserialize_any(MapVisitor)
    }
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    total_struct! {
        /// Test struct.
        pub struct Inner {
            "a" => pub a: Option<String> as Str,
        }
    }

    total_struct! {
        /// Test struct.
        pub struct T {
            "id" => pub id: Option<String> as Id,
            "ts" => pub ts: Option<i64> as Millis,
            "list" => pub list: Vec<String> as SeqOf<Id>,
            "obj" => pub obj: Option<Inner> as Obj<Inner>,
        }
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
        assert_eq!(t(r#"{"list":[1,{"x":1},"b",null]}"#).list, vec!["1", "b"]);
        assert_eq!(t(r#"{"list":{"a":[1]}}"#).list, Vec::<String>::new());
        assert_eq!(t(r#"{"obj":"nope"}"#).obj, None);
        assert_eq!(t(r#"{"obj":["x"]}"#).obj, None, "no positional structs");
        let obj = t(r#"{"obj":{"a":1,"a":"two","b":[]}}"#).obj;
        assert_eq!(
            obj.unwrap().a.as_deref(),
            Some("two"),
            "last duplicate wins"
        );
        assert_eq!(t(r#"[1,2]"#), T::default());
    }
}
