//! Samples: a value of any plain serde type (structs, unit-variant or struct-variant enums,
//! options, sequences), made by deserializing it from a source that fills every field: every
//! option set, two elements in every list, the first named value of every enum.

use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use serde::Serialize;
use serde_json::Value;

/// A valid value of `T`, as JSON.
pub(super) fn sample<T: DeserializeOwned + Serialize>() -> Value {
    let value = T::deserialize(Sampler)
        .unwrap_or_else(|e| panic!("no sample of {}: {e}", std::any::type_name::<T>()));
    serde_json::to_value(value).unwrap()
}

struct Sampler;

type SampleError = de::value::Error;

impl<'de> de::Deserializer<'de> for Sampler {
    type Error = SampleError;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, SampleError> {
        Err(de::Error::custom(
            "a flattened field or a tagged enum: write its sample out",
        ))
    }
    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_bool(true)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_i64(3)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_i64(3)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_u64(3)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_u64(3)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_u64(3)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_u64(3)
    }
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_string("Sample text".into())
    }
    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_f64(1.5)
    }
    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_string("Sample text".into())
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_some(self)
    }
    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_unit()
    }
    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_seq(de::value::SeqDeserializer::new(
            [Sampler, Sampler].into_iter(),
        ))
    }
    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_map(de::value::MapDeserializer::new(
            [("key", Sampler)].into_iter(),
        ))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, SampleError> {
        v.visit_map(de::value::MapDeserializer::new(
            fields.iter().map(|f| (*f, Sampler)),
        ))
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, SampleError> {
        let name = variants
            .iter()
            .find(|n| **n != "unknown")
            .unwrap_or(&variants[0]);
        v.visit_enum(SampleVariant(name))
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, SampleError> {
        v.visit_newtype_struct(self)
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, SampleError> {
        v.visit_unit()
    }
    serde::forward_to_deserialize_any! {
        i8 i16 i128 u128 f32 char bytes byte_buf unit_struct tuple
        tuple_struct identifier
    }
}

impl<'de> IntoDeserializer<'de, SampleError> for Sampler {
    type Deserializer = Sampler;
    fn into_deserializer(self) -> Sampler {
        self
    }
}

struct SampleVariant(&'static str);

impl<'de> de::EnumAccess<'de> for SampleVariant {
    type Error = SampleError;
    type Variant = Sampler;
    fn variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Sampler), SampleError> {
        let name = seed.deserialize(self.0.into_deserializer())?;
        Ok((name, Sampler))
    }
}

impl<'de> de::VariantAccess<'de> for Sampler {
    type Error = SampleError;
    fn unit_variant(self) -> Result<(), SampleError> {
        Ok(())
    }
    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, SampleError> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, SampleError> {
        de::Deserializer::deserialize_seq(self, v)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, SampleError> {
        de::Deserializer::deserialize_struct(self, "", fields, v)
    }
}
