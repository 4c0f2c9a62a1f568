//! A serde `Deserializer` over a value the browser's `JSON.parse` made: how the app reads
//! every JSON (see `json.rs`).
//!
//! In place of `serde-wasm-bindgen`, for size: its errors carry messages (which field, what was
//! expected, the value found, formatted, floats included) that never reach a user (a bad answer
//! is `ApiError::Decode`), and every type's decoder kept that formatting in the first load. Here
//! a mismatch is one `Mismatch`, without a message, so the compiler drops all of it.
//!
//! The shapes: `null` and absent are "none" and unit; numbers are integers when they are safe
//! integers (else floats); objects are maps and structs (a struct reads only its own fields,
//! by name); an enum is a string (a unit variant) or an object with one key (a variant with
//! data); internally tagged enums and flattened fields go through `deserialize_any`.

use js_sys::{Array, Number, Object, Reflect};
use serde::de::{self, DeserializeSeed, Expected, IntoDeserializer, Unexpected, Visitor};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// The value does not have the shape of the type asked for.
#[derive(Debug)]
pub struct Mismatch;

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value does not have the expected shape")
    }
}

impl std::error::Error for Mismatch {}

// Every constructor drops what it is told, so that no message is ever formatted.
impl de::Error for Mismatch {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Mismatch
    }
    fn invalid_type(_: Unexpected, _: &dyn Expected) -> Self {
        Mismatch
    }
    fn invalid_value(_: Unexpected, _: &dyn Expected) -> Self {
        Mismatch
    }
    fn invalid_length(_: usize, _: &dyn Expected) -> Self {
        Mismatch
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        Mismatch
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        Mismatch
    }
    fn missing_field(_: &'static str) -> Self {
        Mismatch
    }
    fn duplicate_field(_: &'static str) -> Self {
        Mismatch
    }
}

type Result<T> = std::result::Result<T, Mismatch>;

/// A parsed JSON value, to deserialize from.
pub struct Value(pub JsValue);

impl Value {
    fn is_none(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    /// The value as an integer (a number with no fraction, within ±2^53).
    fn integer(&self) -> Result<f64> {
        match self.0.as_f64() {
            Some(n) if Number::is_safe_integer(&self.0) => Ok(n),
            _ => Err(Mismatch),
        }
    }

    fn string(&self) -> Result<String> {
        self.0.as_string().ok_or(Mismatch)
    }

    fn array(self) -> Result<Array> {
        match Array::is_array(&self.0) {
            true => Ok(self.0.unchecked_into()),
            false => Err(Mismatch),
        }
    }

    fn object(self) -> Result<Object> {
        match self.0.is_object() && !Array::is_array(&self.0) {
            true => Ok(self.0.unchecked_into()),
            false => Err(Mismatch),
        }
    }
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = Mismatch;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.is_none() {
            visitor.visit_unit()
        } else if let Some(b) = self.0.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = self.0.as_f64() {
            match self.integer() {
                Ok(i) if i >= 0.0 => visitor.visit_u64(i as u64),
                Ok(i) => visitor.visit_i64(i as i64),
                Err(_) => visitor.visit_f64(n),
            }
        } else if let Some(s) = self.0.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(&self.0) {
            self.deserialize_seq(visitor)
        } else {
            self.deserialize_map(visitor)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_bool(self.0.as_bool().ok_or(Mismatch)?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.integer()? as i64)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.integer()? {
            n if n >= 0.0 => visitor.visit_u64(n as u64),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.0.as_f64().ok_or(Mismatch)?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_string(self.string()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.is_none() {
            true => visitor.visit_none(),
            false => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.is_none() {
            true => visitor.visit_unit(),
            false => Err(Mismatch),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let array = self.array()?;
        visitor.visit_seq(Elements {
            len: array.length(),
            array,
            next: 0,
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let object = self.object()?;
        let keys = Object::keys(&object);
        visitor.visit_map(Entries {
            len: keys.length(),
            keys,
            object,
            next: 0,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let object = self.object()?;
        visitor.visit_map(Fields {
            object,
            fields: fields.iter(),
            value: JsValue::UNDEFINED,
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if let Some(variant) = self.0.as_string() {
            return visitor.visit_enum(variant.into_deserializer());
        }
        let object = self.object()?;
        let keys = Object::keys(&object);
        let variant = match keys.length() {
            1 => keys.get(0).as_string().ok_or(Mismatch)?,
            _ => return Err(Mismatch),
        };
        let value = Reflect::get(&object, &JsValue::from_str(&variant)).map_err(|_| Mismatch)?;
        visitor.visit_enum(Variant {
            name: variant,
            value: Value(value),
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u32 u128 f32 char str bytes byte_buf identifier
    }
}

/// An array's elements, in order.
struct Elements {
    array: Array,
    len: u32,
    next: u32,
}

impl<'de> de::SeqAccess<'de> for Elements {
    type Error = Mismatch;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.next >= self.len {
            return Ok(None);
        }
        let value = self.array.get(self.next);
        self.next += 1;
        seed.deserialize(Value(value)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.len - self.next) as usize)
    }
}

/// An object's own keys and their values, as a map.
struct Entries {
    object: Object,
    keys: Array,
    len: u32,
    next: u32,
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = Mismatch;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.next >= self.len {
            return Ok(None);
        }
        let key = self.keys.get(self.next).as_string().ok_or(Mismatch)?;
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        let key = self.keys.get(self.next);
        self.next += 1;
        let value = Reflect::get(&self.object, &key).map_err(|_| Mismatch)?;
        seed.deserialize(Value(value))
    }
}

/// A struct's fields that the object has (present and not `undefined`), by name: keys of the
/// object that are no field are never read.
struct Fields {
    object: Object,
    fields: std::slice::Iter<'static, &'static str>,
    value: JsValue,
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = Mismatch;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        for field in self.fields.by_ref() {
            let value =
                Reflect::get(&self.object, &JsValue::from_str(field)).map_err(|_| Mismatch)?;
            if !value.is_undefined() {
                self.value = value;
                return seed.deserialize((*field).into_deserializer()).map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        seed.deserialize(Value(std::mem::take(&mut self.value)))
    }
}

/// A variant with data: `{"name": value}`.
struct Variant {
    name: String,
    value: Value,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = Mismatch;
    type Variant = Value;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Value)> {
        let name = seed.deserialize(self.name.into_deserializer())?;
        Ok((name, self.value))
    }
}

impl<'de> de::VariantAccess<'de> for Value {
    type Error = Mismatch;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}
