//! Dates, numbers and time zones through the browser's `Intl`, so every locale is formatted the
//! way its readers expect without shipping locale data in the bundle.

use js_sys::{Array, Function, Object, Reflect};
use support_contract::Locale;
use wasm_bindgen::{JsCast, JsValue};

/// Formats an RFC 3339 instant as a medium date and short time. An unparseable input is shown
/// as it came, and an unknown time zone falls back to the browser's, rather than failing.
pub fn format_date_time(iso: &str, locale: Locale, time_zone: Option<&str>) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let opts = Object::new();
    set(&opts, "dateStyle", "medium");
    set(&opts, "timeStyle", "short");
    if let Some(tz) = time_zone {
        set(&opts, "timeZone", tz);
    }
    let formatter = intl("DateTimeFormat", locale, &opts).or_else(|| {
        let _ = Reflect::delete_property(&opts, &"timeZone".into());
        intl("DateTimeFormat", locale, &opts)
    });
    formatter
        .and_then(|f| call_format(&f, &date.into()))
        .unwrap_or_else(|| iso.to_string())
}

/// Formats a `YYYY-MM` month as the locale names it (`Nov 2026`, `nov. 2026`); as it came
/// when it is no month.
pub fn format_month(month: &str, locale: Locale) -> String {
    let mut parts = month.splitn(2, '-');
    let (Some(Ok(year)), Some(Ok(m))) = (
        parts.next().map(str::parse::<f64>),
        parts.next().map(str::parse::<f64>),
    ) else {
        return month.to_string();
    };
    let opts = Object::new();
    set(&opts, "month", "short");
    set(&opts, "year", "numeric");
    set(&opts, "timeZone", "UTC");
    let date = js_sys::Date::new(&JsValue::from_f64(js_sys::Date::utc(year, m - 1.0)));
    intl("DateTimeFormat", locale, &opts)
        .and_then(|f| call_format(&f, &date.into()))
        .unwrap_or_else(|| month.to_string())
}

/// Formats a number with the locale's grouping and decimal separators.
pub fn format_number(n: f64, locale: Locale) -> String {
    intl("NumberFormat", locale, &Object::new())
        .and_then(|f| call_format(&f, &JsValue::from_f64(n)))
        .unwrap_or_else(|| js_number(n))
}

/// `n` as JavaScript writes it: Rust's own float formatting would add its code to the first load
/// for a fallback that never runs in a browser with `Intl`.
fn js_number(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// A file size in kilobytes, with the locale's unit (`12 kB`, `12 ko`).
pub fn format_kilobytes(bytes: u64, locale: Locale) -> String {
    let kb = (bytes as f64 / 1000.0).ceil();
    let opts = Object::new();
    set(&opts, "style", "unit");
    set(&opts, "unit", "kilobyte");
    set(&opts, "maximumFractionDigits", "0");
    intl("NumberFormat", locale, &opts)
        .and_then(|f| call_format(&f, &JsValue::from_f64(kb)))
        .unwrap_or_else(|| js_number(kb) + " kB")
}

/// Localised short names of ISO weekdays (1 = Monday).
pub fn weekday_names(days: &[u8], locale: Locale) -> Vec<String> {
    let opts = Object::new();
    set(&opts, "weekday", "long");
    set(&opts, "timeZone", "UTC");
    let Some(f) = intl("DateTimeFormat", locale, &opts) else {
        return days.iter().map(|d| d.to_string()).collect();
    };
    days.iter()
        .map(|&d| {
            // 2024-01-01 was a Monday.
            let ms = js_sys::Date::utc(2024.0, 0.0) + f64::from(d.saturating_sub(1)) * 86_400_000.0;
            call_format(&f, &js_sys::Date::new(&JsValue::from_f64(ms)).into()).unwrap_or_default()
        })
        .collect()
}

/// The ISO weekday (1 = Monday) and minutes past midnight that the clocks of `time_zone` show
/// at `ms` (milliseconds since the epoch); `None` for a zone the browser does not know.
pub fn zoned_clock(ms: f64, time_zone: &str) -> Option<(u8, u32)> {
    let opts = Object::new();
    set(&opts, "timeZone", time_zone);
    set(&opts, "weekday", "short");
    set(&opts, "hour", "numeric");
    set(&opts, "minute", "numeric");
    set(&opts, "hourCycle", "h23");
    let f = intl("DateTimeFormat", Locale::En, &opts)?;
    let to_parts: Function = Reflect::get(&f, &"formatToParts".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let date: JsValue = js_sys::Date::new(&JsValue::from_f64(ms)).into();
    let parts = Array::from(&to_parts.call1(&f, &date).ok()?);
    let part = |kind: &str| {
        parts.iter().find_map(|p| {
            let is = Reflect::get(&p, &"type".into()).ok()?.as_string()? == kind;
            is.then(|| Reflect::get(&p, &"value".into()).ok()?.as_string())?
        })
    };
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let weekday = DAYS
        .iter()
        .position(|d| Some(*d) == part("weekday").as_deref())? as u8
        + 1;
    let hour: u32 = part("hour")?.parse().ok()?;
    let minute: u32 = part("minute")?.parse().ok()?;
    Some((weekday, (hour % 24) * 60 + minute))
}

/// A time of day at `ms` in `time_zone` (the browser's when `None`), with the weekday's name
/// first when `weekday` is set: `14:00`, `lundi 14:00`.
pub fn format_clock(ms: f64, locale: Locale, time_zone: Option<&str>, weekday: bool) -> String {
    let opts = Object::new();
    if weekday {
        set(&opts, "weekday", "long");
    }
    set(&opts, "hour", "numeric");
    set(&opts, "minute", "2-digit");
    if let Some(tz) = time_zone {
        set(&opts, "timeZone", tz);
    }
    let date: JsValue = js_sys::Date::new(&JsValue::from_f64(ms)).into();
    intl("DateTimeFormat", locale, &opts)
        .and_then(|f| call_format(&f, &date))
        .unwrap_or_default()
}

/// The browser's own IANA time zone.
pub fn browser_time_zone() -> String {
    intl("DateTimeFormat", Locale::En, &Object::new())
        .and_then(|f| {
            let resolved: Function = Reflect::get(&f, &"resolvedOptions".into())
                .ok()?
                .dyn_into()
                .ok()?;
            let opts = resolved.call0(&f).ok()?;
            Reflect::get(&opts, &"timeZone".into()).ok()?.as_string()
        })
        .unwrap_or_else(|| "UTC".to_string())
}

/// Every IANA time zone this browser knows (`Intl.supportedValuesOf`), sorted.
pub fn supported_time_zones() -> Vec<String> {
    let intl = js_sys::global();
    let values = Reflect::get(&intl, &"Intl".into())
        .ok()
        .and_then(|i| {
            let f: Function = Reflect::get(&i, &"supportedValuesOf".into())
                .ok()?
                .dyn_into()
                .ok()?;
            f.call1(&i, &"timeZone".into()).ok()
        })
        .map(|v| Array::from(&v))
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect::<Vec<_>>())
        .unwrap_or_default();
    if values.is_empty() {
        vec!["UTC".to_string()]
    } else {
        values
    }
}

/// `new Intl[name](locale, opts)`, or `None` when the browser throws (an unknown time zone).
fn intl(name: &str, locale: Locale, opts: &Object) -> Option<JsValue> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: Function = Reflect::get(&intl, &name.into()).ok()?.dyn_into().ok()?;
    let args = Array::of2(&locale.tag().into(), opts);
    Reflect::construct(&ctor, &args).ok()
}

fn call_format(formatter: &JsValue, value: &JsValue) -> Option<String> {
    let format: Function = Reflect::get(formatter, &"format".into())
        .ok()?
        .dyn_into()
        .ok()?;
    format.call1(formatter, value).ok()?.as_string()
}

fn set(obj: &Object, key: &str, value: &str) {
    let _ = Reflect::set(obj, &key.into(), &value.into());
}
