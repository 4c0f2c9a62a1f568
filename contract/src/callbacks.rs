//! Callback requests: the customer asks support to phone them (PRODUCT.md's Contact view, and
//! the chat launcher's fallback when chat is not offered).

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::cases::Person;
use crate::Product;

/// `POST /callbacks` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct NewCallback {
    pub product: Product,
    /// The number to call, in international form (`+44 20 7946 0123`).
    pub phone: String,
    /// What the call is about, in a sentence.
    pub topic: String,
    /// When suits the customer, in their words ("weekdays after 14:00 CET"); optional.
    #[serde(default)]
    pub preferred_time: String,
}

/// Where a callback request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CallbackStatus {
    Requested,
    Done,
    #[serde(other)]
    Unknown,
}

/// A callback request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Callback {
    pub id: String,
    pub product: Product,
    pub phone: String,
    pub topic: String,
    pub preferred_time: String,
    pub requester: Person,
    pub status: CallbackStatus,
    /// RFC 3339.
    pub requested_at: String,
}

/// Longest topic, in characters.
pub const CALLBACK_TOPIC_MAX: usize = 500;
/// Longest preferred time, in characters.
pub const PREFERRED_TIME_MAX: usize = 200;
