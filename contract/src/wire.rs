//! The wire names of the contract's enums, taken from their serde attributes so that a name is
//! written once: in the enum's `#[serde(rename_all = ..)]` or `#[serde(rename = ..)]`. The app
//! puts them in URLs and requests, the backend reads queries and stores them in the database,
//! and neither needs a JSON library to do it.

use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::de::DeserializeOwned;
use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// The name of an enum's value on the wire (`Product::AudienceManager` → `audience_manager`);
/// `""` for a value that is not a plain enum variant.
pub fn wire_name<T: Serialize + ?Sized>(value: &T) -> &'static str {
    value.serialize(VariantName).unwrap_or("")
}

/// The enum value a wire name stands for. `None` for any other text, and for `unknown`: that is
/// the value newer names decode to, never one a client asks for.
pub fn from_wire<T: Serialize + DeserializeOwned>(name: &str) -> Option<T> {
    let value = T::deserialize(StrDeserializer::<ValueError>::new(name)).ok()?;
    // `#[serde(other)]` takes any name; only the value's own name stands for it.
    (name != "unknown" && wire_name(&value) == name).then_some(value)
}

/// A serializer that only answers the name of a unit variant.
struct VariantName;

#[derive(Debug)]
struct NotAVariant;

impl fmt::Display for NotAVariant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotAVariant {}

impl ser::Error for NotAVariant {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotAVariant
    }
}

/// Every method but `serialize_unit_variant` refuses: only plain enum values have a wire name.
macro_rules! refuse {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<$ok, NotAVariant> { Err(NotAVariant) })*
    };
}

impl ser::Serializer for VariantName {
    type Ok = &'static str;
    type Error = NotAVariant;
    type SerializeSeq = Impossible<&'static str, NotAVariant>;
    type SerializeTuple = Impossible<&'static str, NotAVariant>;
    type SerializeTupleStruct = Impossible<&'static str, NotAVariant>;
    type SerializeTupleVariant = Impossible<&'static str, NotAVariant>;
    type SerializeMap = Impossible<&'static str, NotAVariant>;
    type SerializeStruct = Impossible<&'static str, NotAVariant>;
    type SerializeStructVariant = Impossible<&'static str, NotAVariant>;

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<&'static str, NotAVariant> {
        Ok(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotAVariant> {
        Err(NotAVariant)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, NotAVariant> {
        Err(NotAVariant)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<&'static str, NotAVariant> {
        Err(NotAVariant)
    }

    refuse! {
        serialize_bool(bool) -> &'static str;
        serialize_i8(i8) -> &'static str;
        serialize_i16(i16) -> &'static str;
        serialize_i32(i32) -> &'static str;
        serialize_i64(i64) -> &'static str;
        serialize_u8(u8) -> &'static str;
        serialize_u16(u16) -> &'static str;
        serialize_u32(u32) -> &'static str;
        serialize_u64(u64) -> &'static str;
        serialize_f32(f32) -> &'static str;
        serialize_f64(f64) -> &'static str;
        serialize_char(char) -> &'static str;
        serialize_str(&str) -> &'static str;
        serialize_bytes(&[u8]) -> &'static str;
        serialize_none() -> &'static str;
        serialize_unit() -> &'static str;
        serialize_unit_struct(&'static str) -> &'static str;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::{CaseSort, Priority};
    use crate::{Product, Role};

    #[test]
    fn an_enum_value_and_its_wire_name_map_both_ways() {
        assert_eq!(wire_name(&Product::AudienceManager), "audience_manager");
        assert_eq!(wire_name(&CaseSort::PriorityAsc), "priority_asc");
        assert_eq!(wire_name(&Priority::P1), "p1");
        assert_eq!(
            from_wire::<Role>("customer_support_admin"),
            Some(Role::CustomerSupportAdmin)
        );
        assert_eq!(
            from_wire::<Product>("audience_manager"),
            Some(Product::AudienceManager)
        );
    }

    #[test]
    fn names_that_are_not_a_value_are_refused_even_where_newer_values_decode_to_unknown() {
        assert_eq!(from_wire::<Product>("crm"), None);
        assert_eq!(from_wire::<Product>("unknown"), None);
        assert_eq!(from_wire::<CaseSort>("sideways"), None);
        assert_eq!(wire_name(&"text"), "");
        assert_eq!(
            serde_json::to_value(Product::AudienceManager).unwrap(),
            wire_name(&Product::AudienceManager)
        );
    }
}
