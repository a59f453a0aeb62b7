//! The editor's two languages, English and Simplified Chinese: which one is in use, and
//! the words for each message id, from the Fluent files under `assets/i18n/`.
//!
//! The files are built into the binary. The views look words up with [`t!`](crate::t),
//! in the language the shell set for the current thread ([`set_current`]); the editor
//! names its language explicitly ([`tr`]). The command line stays English.

mod date;

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use serde::{Deserialize, Serialize};

pub use date::{long_date, today};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./assets/i18n",
        fallback_language: "en-US",
        // No Unicode isolation marks around arguments: both languages run left to right,
        // and the marks would end up in exported text and in test queries.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the editor speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English (en-US).
    #[default]
    English,
    /// Simplified Chinese (zh-CN).
    Chinese,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::English, Lang::Chinese];

    /// The BCP 47 tag of the language's Fluent files.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::English => "en-US",
            Lang::Chinese => "zh-CN",
        }
    }

    /// The language's own name for itself, as View ▸ Language lists it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::Chinese => "简体中文",
        }
    }

    /// The language a locale tag such as `zh-CN`, `zh_TW.UTF-8` or `en-GB` asks for:
    /// Chinese for any `zh`, English otherwise.
    pub fn of_locale(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if primary == "zh" {
            Lang::Chinese
        } else {
            Lang::English
        }
    }

    /// The language a text is written in, roughly: Chinese when it has any CJK
    /// character. Used only where no one chose a language (the command line's exports
    /// speak the chart's language).
    pub fn of_text(text: &str) -> Lang {
        if text.chars().any(crate::fonts::is_wide) {
            Lang::Chinese
        } else {
            Lang::English
        }
    }

    fn identifier(self) -> &'static LanguageIdentifier {
        static IDS: OnceLock<[LanguageIdentifier; 2]> = OnceLock::new();
        let ids = IDS.get_or_init(|| {
            [
                fluent_templates::langid!("en-US"),
                fluent_templates::langid!("zh-CN"),
            ]
        });
        match self {
            Lang::English => &ids[0],
            Lang::Chinese => &ids[1],
        }
    }
}

/// The language the user chose in View ▸ Language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LanguageChoice {
    /// The system's language ([`system_language`]).
    #[default]
    System,
    /// This language, whatever the system says.
    Fixed(Lang),
}

impl LanguageChoice {
    /// The language this choice means on this machine.
    pub fn resolve(self) -> Lang {
        match self {
            LanguageChoice::System => system_language(),
            LanguageChoice::Fixed(lang) => lang,
        }
    }
}

/// The system's language (`sys-locale`: `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` then `LANG` on
/// Linux), read once: Chinese when the first locale is any `zh`, English otherwise
/// (including `C` and `POSIX`).
pub fn system_language() -> Lang {
    static SYSTEM: OnceLock<Lang> = OnceLock::new();
    *SYSTEM
        .get_or_init(|| sys_locale::get_locale().map_or(Lang::English, |tag| Lang::of_locale(&tag)))
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::English) };
}

/// Sets the language [`t!`](crate::t) speaks on this thread (the shell does it each
/// frame, from the editor's settings).
pub fn set_current(lang: Lang) {
    CURRENT.with(|current| current.set(lang));
}

/// The language [`t!`](crate::t) speaks on this thread.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// An argument of a message: a number (which chooses the plural form) or a text.
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    /// A count or other number.
    Number(f64),
    /// Any text.
    Text(Cow<'a, str>),
}

macro_rules! number_args {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Arg<'_> {
            fn from(value: $ty) -> Self {
                Arg::Number(value as f64)
            }
        }
    )*};
}
number_args!(usize, u32, u64, i32, i64, f32, f64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(value))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(value: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(value.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(value: String) -> Self {
        Arg::Text(Cow::Owned(value))
    }
}

/// The words for `id` in `lang`. A missing id (a bug the tests look for) shows as the
/// id itself, so the editor still works.
pub fn tr(lang: Lang, id: &str) -> String {
    LOCALES
        .try_lookup(lang.identifier(), id)
        .unwrap_or_else(|| id.to_owned())
}

/// The words for `id` in `lang`, with its arguments filled in.
pub fn tr_args(lang: Lang, id: &str, args: &[(&'static str, Arg<'_>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(text) => FluentValue::from(text.to_string()),
            };
            (Cow::Borrowed(*name), value)
        })
        .collect();
    LOCALES
        .try_lookup_with_args(lang.identifier(), id, &args)
        .unwrap_or_else(|| id.to_owned())
}

/// The words for a message id in the current thread's language ([`current`]), with
/// optional arguments: `t!("menu-file")`, `t!("posts-count", count = n)`.
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::tr($crate::i18n::current(), $id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $crate::i18n::current(),
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// The words for a message id in a given language, with optional arguments:
/// `tr!(lang, "new-position")`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr) => {
        $crate::i18n::tr($lang, $id)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_choose_the_language() {
        assert_eq!(Lang::of_locale("zh-CN"), Lang::Chinese);
        assert_eq!(Lang::of_locale("zh_TW.UTF-8"), Lang::Chinese);
        assert_eq!(Lang::of_locale("en-GB"), Lang::English);
        assert_eq!(Lang::of_locale("C"), Lang::English);
        assert_eq!(Lang::of_locale("POSIX"), Lang::English);
    }

    #[test]
    fn plurals_and_arguments_follow_the_language() {
        assert_eq!(
            tr_args(Lang::English, "count-posts", &[("count", 1usize.into())]),
            "1 post"
        );
        assert_eq!(
            tr_args(Lang::English, "count-posts", &[("count", 2usize.into())]),
            "2 posts"
        );
        assert_eq!(
            tr_args(Lang::Chinese, "count-posts", &[("count", 2usize.into())]),
            "2 个岗位"
        );
        assert_eq!(tr(Lang::Chinese, "no-such-id"), "no-such-id");
    }
}
