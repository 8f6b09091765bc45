//! The interface's strings: one [`Msg`] per string, and [`tr`] for its words in a language.
//! The words live in Project Fluent files (`ftl/en.ftl`, `ftl/ru.ftl`, `ftl/kk.ftl`), whose
//! message ids are the variants' names; messages with numbers ([`events_n`], …) follow each
//! language's CLDR plural rules through `fluent-bundle`.

use super::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

macro_rules! messages {
    ($($name:ident,)*) => {
        /// A UI string. Add a variant here and its words in each `ftl/*.ftl` file.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $($name,)*
        }

        impl Msg {
            /// Every message, in declaration order.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The message's id in the Fluent files.
            pub fn id(self) -> &'static str {
                match self {
                    $(Msg::$name => stringify!($name),)*
                }
            }
        }
    };
}

messages! {
    AppTitle,
    Units,
    Cities,
    Events,
    Sources,
    Periods,
    UnderEmergency,
    NoEmergency,
    Since,
    TimeUnknown,
    HourUnknown,
    Later,
    EventsOnDay,
    NoEventsOnDay,
    CitiesWithEventsSoFar,
    NationalEventsSoFar,
    SituationAt,
    OpenWindowHint,
    CheckOk,
    CheckFailed,
    KindProtest,
    KindClash,
    KindViolence,
    KindGovernment,
    KindEmergency,
    KindSecurity,
    KindCommunications,
    KindInternational,
    KindCasualties,
    FlagTimeApproximate,
    FlagDateInferred,
    FlagSingleSource,
    FlagUnconfirmed,
    FlagFiguresDisputed,
    WholeCountry,
    From,
    About,
    AtLeast,
    Nearly,
    MoreThan,
    ReportedAs,
    LocalTime,
    ShownAs,
    Night,
    Morning,
    Afternoon,
    Evening,
    LiftedEarly,
    NotLifted,
    UnitsCount,
    UnknownHourBetween,
    And,
    Presumed,
    ClockNotStated,
    Earliest,
    Latest,
    FlagDateDisputed,
    Sometime,
    LegendUncertain,
    LegendSometime,
    LegendCluster,
    ClickToZoom,
    UncertainUnits,
    UncertainHeading,
    LanguageHint,
    WholeCountryEvents,
    NoStory,
    SettingsReset,
    FrameFailed,
    OnlyWebLinks,
    KeysTitle,
    AboutData5,
    AboutData6,
    InEnglish,
    SkipQuiet,
    ThemeLight,
    ThemeDark,
    ThemeHighContrast,
    SkipQuietHint,
    KeysList,
    StoryButton,
    StoryHint,
    StoryPrev,
    StoryNext,
    StoryClose,
    ChapterOf,
    PresentButton,
    PresentHint,
    PresentLeave,
    HourUnknownCap,
    WeaklySourced,
    SourceOfficial,
    SourceStateMedia,
    SourceIndependentMedia,
    SourceInternationalMedia,
    SourceHumanRights,
    SourceEncyclopedia,
    SourceAnalysis,
    SourceAggregator,
    SourceUnspecified,
    NoStatus,
    SearchEvents,
    Filter,
    FilterText,
    FilterTextHint,
    FilterKinds,
    FilterClear,
    MenuFile,
    OpenDataset,
    OpenDatasetHint,
    OpenRegions,
    OpenRegionsHint,
    OpenEvents,
    OpenEventsHint,
    OpenDefault,
    LoadReport,
    Loading,
    OpenFailed,
    LoadFailedKept,
    ReportUnits,
    ReportPlaces,
    ReportEvents,
    ReportNothing,
    LegendTitle,
    LegendChanged,
    LegendViolence,
    LegendClash,
    LegendProtest,
    LegendOther,
    LegendIdle,
    LegendSizeSoFar,
    LegendSizeToday,
    LegendOwnStatus,
    LegendOwnStatusUncertain,
    Kilometres,
    DataCredit,
    FitCountry,
    FitCountryHint,
    ZoomIn,
    ZoomOut,
    Cumulative,
    CumulativeHint,
    DayOnly,
    DayOnlyHint,
    OsmTiles,
    OsmTilesHint,
    TilesUnavailable,
    TilesNoConnection,
    TilesTimedOut,
    TilesRefused,
    AboutButton,
    AboutTitle,
    SearchHintAny,
    NoMatch,
    ToStart,
    ToStartHint,
    PrevChange,
    PrevChangeHint,
    DayBack,
    DayBackHint,
    HourBack,
    HourBackHint,
    Play,
    Pause,
    PlayHint,
    HourForward,
    HourForwardHint,
    DayForward,
    DayForwardHint,
    NextChange,
    NextChangeHint,
    ToEnd,
    ToEndHint,
    Speed,
    Loop,
    HoursPerSecond,
    KeysHint,
    TrackHint,
    LoadFailed,
    SoFar,
    NoEventsHere,
    Declared,
    Lifted,
    DecreedEnd,
    Curfew,
    Decree,
    ShowOnMap,
    RegionEvents,
    NationalEventsOn,
    ClickHint,
    NoNationalEvents,
    EarlierNational,
    BackToCountry,
    SourcesHeading,
    AboutDataHeading,
    AboutSimplificationsHeading,
    AboutKeysHeading,
    AllSources,
    CitiesHeading,
    ExportTitle,
    ViewMenu,
    ExportWhat,
    ExportGif,
    ExportFrames,
    ExportSize,
    ExportCustom,
    ExportArea,
    ExportCurrentView,
    ExportWholeCountry,
    ExportFrom,
    ExportTo,
    ExportStep,
    ExportFile,
    ExportChoose,
    Cancel,
    ExportExists,
    ExportReplace,
    ExportButton,
    ExportMenu,
    ExportMenuHint,
    ExportSaved,
    PresetFullHd,
    Preset4k,
    PresetA4,
    ExportFramesUnit,
    ExportCrashed,
    CopyImage,
    CopyImageHint,
    CopyCitation,
    CopyCitationHint,
    CitationCopied,
    MapCopied,
    MapNotCopied,
}

/// The Fluent source of each language, embedded.
fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("ftl/en.ftl"),
        Lang::Ru => include_str!("ftl/ru.ftl"),
        Lang::Kk => include_str!("ftl/kk.ftl"),
    }
}

fn locale(lang: Lang) -> unic_langid::LanguageIdentifier {
    let tag = match lang {
        Lang::En => "en",
        Lang::Ru => "ru",
        Lang::Kk => "kk",
    };
    tag.parse().unwrap_or_default()
}

/// A language's bundle; syntax errors in a file leave out the broken messages (a test checks
/// that there are none).
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 3]> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| {
        Lang::ALL_IN_ORDER.map(|l| {
            let resource = FluentResource::try_new(source(l).to_owned()).unwrap_or_else(|(r, _)| r);
            let mut b = FluentBundle::new_concurrent(vec![locale(l)]);
            b.set_use_isolating(false);
            let _ = b.add_resource(resource);
            b
        })
    });
    &all[lang as usize]
}

/// Formats message `id` in `lang` with `args`; `None` when the language lacks it.
fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let b = bundle(lang);
    let pattern = b.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = b.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// Formats `id` in `lang`, else in English, else returns the id itself.
fn format_or_english(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    format(lang, id, args)
        .or_else(|| format(Lang::En, id, args))
        .unwrap_or_else(|| id.to_owned())
}

/// The words of `msg` in `lang` (English where a translation is missing).
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    static TABLE: OnceLock<[Vec<&'static str>; 3]> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        Lang::ALL_IN_ORDER.map(|l| {
            Msg::ALL
                .iter()
                .map(|m| &*Box::leak(format_or_english(l, m.id(), None).into_boxed_str()))
                .collect()
        })
    });
    table[lang as usize][msg as usize]
}

/// True when `lang`'s file has its own words for `msg` (for tests and `check`).
pub fn translated(lang: Lang, msg: Msg) -> bool {
    bundle(lang).has_message(msg.id())
}

pub(super) fn with_args(lang: Lang, id: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        a.set(*k, v.clone());
    }
    format_or_english(lang, id, Some(&a))
}

#[cfg(test)]
mod tests {
    use super::super::counts::{events_n, hours_per_second};
    use super::*;

    #[test]
    fn every_message_has_its_words_in_every_language() {
        for lang in Lang::ALL_IN_ORDER {
            let missing: Vec<&str> = Msg::ALL
                .iter()
                .filter(|m| !translated(lang, **m))
                .map(|m| m.id())
                .collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            let res = FluentResource::try_new(source(lang).to_owned());
            assert!(res.is_ok(), "{lang:?}: the Fluent file has syntax errors");
        }
    }

    #[test]
    fn russian_plurals_follow_cldr() {
        assert_eq!(events_n(Lang::Ru, 1), "1 событие");
        assert_eq!(events_n(Lang::Ru, 2), "2 события");
        assert_eq!(events_n(Lang::Ru, 5), "5 событий");
        assert_eq!(events_n(Lang::Ru, 21), "21 событие");
        assert_eq!(events_n(Lang::En, 1), "1 event");
        assert_eq!(events_n(Lang::En, 5), "5 events");
    }

    #[test]
    fn the_speed_reads_right() {
        assert_eq!(hours_per_second(Lang::En, 1.0), "1 hour per second");
        assert_eq!(hours_per_second(Lang::En, 6.0), "6 hours per second");
    }
}
