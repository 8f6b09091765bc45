//! The one place for user-facing words: the interface language, the UI strings, and the words
//! used to write dates and times.
//!
//! Every string a user reads (window, CLI summaries, exports) comes from [`tr`] or from the
//! dataset's own translated names ([`LocalText`]). English is complete; Russian and Kazakh fall
//! back to English where a translation is still missing, so adding a language never breaks the
//! interface.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An interface language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "ru")]
    Ru,
    #[serde(rename = "kk")]
    Kk,
}

impl Lang {
    /// All languages, in menu order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Kk, Lang::Ru];

    /// The BCP 47 code: `en`, `ru`, `kk`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// The language's name in itself, for a language menu.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Kk => "Қазақша",
        }
    }

    /// Parses `en`, `ru` or `kk`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// Text given in one or more languages, as the dataset stores names and titles.
///
/// In JSON it is either a plain string (English) or an object `{"en": …, "ru": …, "kk": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "LocalTextRepr", into = "LocalTextRepr")]
pub struct LocalText {
    texts: BTreeMap<Lang, String>,
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum LocalTextRepr {
    Plain(String),
    ByLang(BTreeMap<Lang, String>),
}

impl From<LocalTextRepr> for LocalText {
    fn from(repr: LocalTextRepr) -> Self {
        match repr {
            LocalTextRepr::Plain(s) => LocalText::en(s),
            LocalTextRepr::ByLang(texts) => LocalText { texts },
        }
    }
}

impl From<LocalText> for LocalTextRepr {
    fn from(text: LocalText) -> Self {
        LocalTextRepr::ByLang(text.texts)
    }
}

impl LocalText {
    /// English-only text.
    pub fn en(text: impl Into<String>) -> Self {
        LocalText {
            texts: BTreeMap::from([(Lang::En, text.into())]),
        }
    }

    /// The text in `lang`, else in English, else in any language, else "".
    pub fn get(&self, lang: Lang) -> &str {
        self.texts
            .get(&lang)
            .or_else(|| self.texts.get(&Lang::En))
            .or_else(|| self.texts.values().next())
            .map_or("", String::as_str)
    }

    /// Every translation, for search.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.texts.values().map(String::as_str)
    }

    /// True when no language has any text.
    pub fn is_empty(&self) -> bool {
        self.texts.values().all(|t| t.trim().is_empty())
    }
}

/// A UI string. Add a variant here and its words in [`tr`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppTitle,
    Units,
    Cities,
    Events,
    Sources,
    Periods,
    UnderEmergency,
    NoEmergency,
    NoneUnderEmergency,
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
    ShownFrom,
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
    AboutButton,
    AboutTitle,
    SearchHint,
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
    AboutIntro,
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
}

/// The words for `msg` in `lang`.
pub fn tr(lang: Lang, msg: Msg) -> &'static str {
    // TODO(i18n): Russian and Kazakh strings arrive with the languages issue; until then every
    // language reads the English below.
    let _ = lang;
    use Msg::*;
    match msg {
        AppTitle => "Qantar",
        Units => "units",
        Cities => "cities",
        Events => "events",
        Sources => "sources",
        Periods => "state-of-emergency periods",
        UnderEmergency => "Under a state of emergency",
        NoEmergency => "No state of emergency",
        NoneUnderEmergency => "No unit is under a state of emergency.",
        Since => "since",
        TimeUnknown => "time unknown",
        HourUnknown => "hour unknown",
        Later => "later",
        EventsOnDay => "Events on",
        NoEventsOnDay => "No events recorded on this day.",
        CitiesWithEventsSoFar => "Cities with events so far",
        NationalEventsSoFar => "National events so far",
        SituationAt => "Situation at",
        OpenWindowHint => "The atlas window opens with `qantar` and no command.",
        CheckOk => "The dataset is valid.",
        CheckFailed => "The dataset has problems",
        KindProtest => "protest",
        KindClash => "clash",
        KindViolence => "violence",
        KindGovernment => "government",
        KindEmergency => "state of emergency",
        KindSecurity => "security",
        KindCommunications => "communications",
        KindInternational => "international",
        KindCasualties => "casualties",
        FlagTimeApproximate => "approximate time",
        FlagDateInferred => "date inferred",
        FlagSingleSource => "single source",
        FlagUnconfirmed => "unconfirmed",
        FlagFiguresDisputed => "figures disputed",
        WholeCountry => "whole country",
        From => "from",
        About => "about",
        AtLeast => "at least",
        Nearly => "nearly",
        MoreThan => "more than",
        ReportedAs => "reported as",
        LocalTime => "local time",
        ShownAs => "shown as",
        Night => "night",
        Morning => "morning",
        Afternoon => "afternoon",
        Evening => "evening",
        LiftedEarly => "lifted early",
        NotLifted => "not lifted",
        UnitsCount => "units",
        ShownFrom => "shown from",
        LegendTitle => "Legend",
        LegendChanged => "Declared or lifted this day",
        LegendViolence => "Violence or deaths",
        LegendClash => "Clashes",
        LegendProtest => "Protests",
        LegendOther => "Official, other",
        LegendIdle => "No event this day",
        LegendSizeSoFar => "Circle size: events so far",
        LegendSizeToday => "Circle size: events this day",
        LegendOwnStatus => "Ring: city's own status",
        Kilometres => "km",
        DataCredit => "Data",
        FitCountry => "Fit country",
        FitCountryHint => "Show the whole country",
        ZoomIn => "Zoom in (+)",
        ZoomOut => "Zoom out (−)",
        Cumulative => "Cumulative",
        CumulativeHint => "Show every city and event up to the shown moment",
        DayOnly => "This day only",
        DayOnlyHint => "Show only the cities and events of the shown day",
        OsmTiles => "OpenStreetMap tiles (online)",
        OsmTilesHint => {
            "Show OpenStreetMap tiles under the map (needs the internet; cached on disk)"
        }
        AboutButton => "About",
        AboutTitle => "About Qantar",
        SearchHint => "Oral, Уральск, Astana…",
        NoMatch => "No place has this name.",
        ToStart => "|◀ Start",
        ToStartHint => "The first moment (Home)",
        PrevChange => "◀◀ Change",
        PrevChangeHint => "The previous change: an event, a declaration or a lifting (Page Up)",
        DayBack => "◀ Day",
        DayBackHint => "One day back (←)",
        HourBack => "◀ Hour",
        HourBackHint => "One hour back (Shift+←)",
        Play => "▶ Play",
        Pause => "‖ Pause",
        PlayHint => "Play or pause (Space)",
        HourForward => "Hour ▶",
        HourForwardHint => "One hour forward (Shift+→)",
        DayForward => "Day ▶",
        DayForwardHint => "One day forward (→)",
        NextChange => "Change ▶▶",
        NextChangeHint => "The next change: an event, a declaration or a lifting (Page Down)",
        ToEnd => "End ▶|",
        ToEndHint => "The last moment (End)",
        Speed => "Speed",
        Loop => "Loop",
        HoursPerSecond => "hours per second",
        KeysHint => {
            "Keys: ←/→ day · Shift+←/→ hour · PgUp/PgDn change · Space play · Home/End · +/− zoom · Esc clear"
        }
        TrackHint => {
            "Drag or click to move in time. Each bar is a day's number of events; the orange strip shows how much of the country was under a state of emergency.\nKeys: ←/→ day · Shift+←/→ hour · PgUp/PgDn change · Space play · Home/End · +/− zoom · Esc clear"
        }
        LoadFailed => "The dataset could not be loaded",
        SoFar => "Events so far",
        NoEventsHere => "No events are recorded here.",
        Declared => "Declared",
        Lifted => "Lifted",
        DecreedEnd => "Decreed to end",
        Curfew => "Curfew",
        Decree => "Decree",
        ShowOnMap => "Show on the map",
        RegionEvents => "Events concerning the region",
        NationalEventsOn => "National events on",
        ClickHint => "Click a city or a region on the map to see its events and sources.",
        NoNationalEvents => "No national events are recorded on this day.",
        EarlierNational => "Earlier national events",
        BackToCountry => "← Whole country",
        SourcesHeading => "Sources",
        AboutIntro => {
            "Qantar shows, minute by minute, what happened in Kazakhstan from 1 to 25 January 2022: which regions were under a state of emergency, where protests, clashes and violence were reported, and what the government did, each event with its sources and an honest account of how precise it is."
        }
        AboutDataHeading => "Data and licences",
        AboutSimplificationsHeading => "Simplifications to know about",
        AboutKeysHeading => "Keyboard",
        AllSources => "All sources",
        CitiesHeading => "Cities in this region",
        ExportTitle => "Export",
        ViewMenu => "View",
        ExportWhat => "Format:",
        ExportGif => "Animated GIF",
        ExportFrames => "PNG frames (folder)",
        ExportSize => "Size:",
        ExportCustom => "Custom size",
        ExportArea => "Area:",
        ExportCurrentView => "Current view",
        ExportWholeCountry => "Whole country",
        ExportFrom => "From",
        ExportTo => "to",
        ExportStep => "One frame every",
        ExportFile => "File:",
        ExportChoose => "Choose…",
        Cancel => "Cancel",
        ExportExists => "already exists. Replace it?",
        ExportReplace => "Replace",
        ExportButton => "Export",
        ExportMenu => "Export…",
        ExportMenuHint => "Save the map as PNG, SVG or an animation (Ctrl+E)",
        ExportSaved => "Saved",
        PresetFullHd => "1920×1080 (Full HD)",
        Preset4k => "3840×2160 (4K)",
        PresetA4 => "A4 landscape, 300 dpi (3508×2480)",
        ExportFramesUnit => "frame(s)",
        ExportCrashed => "The export stopped unexpectedly; nothing was written.",
        CopyImage => "Copy image",
        CopyImageHint => "Copy the map, with its title, date and legend, to the clipboard",
    }
}

/// The weekday's name; `weekday` counts from Monday = 0.
pub fn weekday_name(lang: Lang, weekday: u32) -> &'static str {
    let _ = lang;
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    EN[(weekday % 7) as usize]
}

/// The month's name in a date ("5 January"); `month` counts from January = 1.
pub fn month_name(lang: Lang, month: u32) -> &'static str {
    let _ = lang;
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    EN[((month + 11) % 12) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_text_falls_back_to_english() {
        let t: LocalText = serde_json::from_str(r#"{"en": "Oral", "ru": "Уральск"}"#).unwrap();
        assert_eq!(t.get(Lang::Ru), "Уральск");
        assert_eq!(t.get(Lang::Kk), "Oral");
    }

    #[test]
    fn plain_string_is_english() {
        let t: LocalText = serde_json::from_str(r#""Aktau""#).unwrap();
        assert_eq!(t.get(Lang::En), "Aktau");
        assert_eq!(t.get(Lang::Kk), "Aktau");
    }

    #[test]
    fn month_and_weekday_names_count_from_one_and_monday() {
        assert_eq!(month_name(Lang::En, 1), "January");
        assert_eq!(weekday_name(Lang::En, 2), "Wednesday");
    }
}
