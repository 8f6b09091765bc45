# Qantar's interface in English. One message per string; the ids are the `Msg` variants.
AppTitle = Qantar
Units = units
Cities = cities
Events = events
Sources = sources
Periods = state-of-emergency periods
UnderEmergency = Under a state of emergency
NoEmergency = No state of emergency
Since = since
TimeUnknown = time unknown
HourUnknown = hour unknown
Later = later
EventsOnDay = Events on
NoEventsOnDay = No events recorded on this day.
CitiesWithEventsSoFar = Cities with events so far
NationalEventsSoFar = National events so far
SituationAt = Situation at
OpenWindowHint = The atlas window opens with `qantar` and no command.
CheckOk = The dataset is valid.
CheckFailed = The dataset has problems
KindProtest = protest
KindClash = clash
KindViolence = violence
KindGovernment = government
KindEmergency = state of emergency
KindSecurity = security
KindCommunications = communications
KindInternational = international
KindCasualties = casualties
FlagTimeApproximate = approximate time
FlagDateInferred = date inferred
FlagSingleSource = single source
FlagUnconfirmed = unconfirmed
FlagFiguresDisputed = figures disputed
WholeCountry = whole country
From = from
About = about
AtLeast = at least
Nearly = nearly
MoreThan = more than
ReportedAs = reported as
LocalTime = local time
ShownAs = shown as
Night = night
Morning = morning
Afternoon = afternoon
Evening = evening
LiftedEarly = lifted early
NotLifted = not lifted
UnitsCount = units
UnknownHourBetween = at an unknown hour between
And = and
Presumed = presumed
ClockNotStated = the record does not say whose clock
Earliest = earliest
Latest = latest
FlagDateDisputed = date disputed
Sometime = sometime this day
LegendUncertain = Declared or lifted at an unknown hour
LegendSometime = Event this day, hour unknown
LegendCluster = Places close together (how many)
ClickToZoom = Click to zoom in
UncertainUnits = uncertain
UncertainHeading = Status not known at this minute
LanguageHint = The language of the atlas: its words, dates and place names
WholeCountryEvents = Across the country
NoStory = This dataset has no guided story.
SettingsReset = The saved settings could not be read; the defaults are used.
FrameFailed = Something failed while drawing the window, and that frame was dropped; the window goes on
OnlyWebLinks = Only web links (http and https) are opened; not this one
KeysTitle = Keys
InEnglish = (in English: not yet translated)
SkipQuiet = Skip quiet hours
ThemeLight = Light
ThemeDark = Dark
ThemeHighContrast = High contrast
SkipQuietHint = Playback crosses any stretch longer than an hour in which nothing changes
KeysList =
    ←/→: a day back or forward (in the story: the previous or next chapter)
    Shift+←/→: an hour back or forward
    PgUp/PgDn: the previous or next change
    Home/End: the first or last moment
    Space: play or pause
    S: open or close the story
    F11: presentation mode; Esc leaves it
    Ctrl+= / Ctrl+−: larger or smaller
    +/−: zoom the map
    Esc: clear the selection
    Ctrl+E: export
    Tab: move between the controls
    C / Shift+C: the next or previous city with events
    F: fit the whole country
    ?: this list
StoryButton = Story
StoryHint = A guided story through the events, chapter by chapter (S; ←/→ turn the chapters)
StoryPrev = ◀ Previous
StoryNext = Next ▶
StoryClose = Close the story
ChapterOf = Chapter
PresentButton = Present
PresentHint = Presentation mode: full screen, large type (F11; Esc leaves; Ctrl+= / Ctrl+− size)
HourUnknownCap = Hour unknown
WeaklySourced = weakly sourced: no original report cited
SourceOfficial = official
SourceStateMedia = state media
SourceIndependentMedia = independent media
SourceInternationalMedia = international media or agency
SourceHumanRights = human-rights organisation
SourceEncyclopedia = encyclopedia
SourceAnalysis = analysis
SourceAggregator = aggregator or mirror
SourceUnspecified = source named in an imported file
LegendTitle = Legend
LegendChanged = Declared or lifted this day
LegendViolence = Violence or deaths
LegendClash = Clashes
LegendProtest = Protests
LegendOther = Official, other
LegendIdle = No event this day
LegendSizeSoFar = Circle size: events so far
LegendSizeToday = Circle size: events this day
LegendOwnStatus = Ring: a city-unit's own status
LegendOwnStatusUncertain = Dashed ring: its status not yet certain
Kilometres = km
DataCredit = Data
FitCountry = Fit country
FitCountryHint = Show the whole country
ZoomIn = Zoom in (+)
ZoomOut = Zoom out (−)
Cumulative = Cumulative
CumulativeHint = Show every city and event up to the shown moment
DayOnly = This day only
DayOnlyHint = Show only the cities and events of the shown day
OsmTiles = OpenStreetMap tiles (online)
OsmTilesHint = Show OpenStreetMap tiles under the map (needs the internet; cached on disk)
TilesUnavailable = OpenStreetMap tiles unavailable; the built-in map is shown
TilesNoConnection = no connection to the tile server
TilesTimedOut = the tile server does not answer
TilesRefused = the tile server refuses
AboutButton = About
AboutTitle = About Qantar
NoMatch = No place has this name.
ToStart = |◀ Start
ToStartHint = The first moment (Home)
PrevChange = ◀◀ Change
PrevChangeHint = The previous change: an event, a declaration or a lifting (Page Up)
DayBack = ◀ Day
DayBackHint = One day back (←)
HourBack = ◀ Hour
HourBackHint = One hour back (Shift+←)
Play = ▶ Play
Pause = ‖ Pause
PlayHint = Play or pause (Space)
HourForward = Hour ▶
HourForwardHint = One hour forward (Shift+→)
DayForward = Day ▶
DayForwardHint = One day forward (→)
NextChange = Change ▶▶
NextChangeHint = The next change: an event, a declaration or a lifting (Page Down)
ToEnd = End ▶|
ToEndHint = The last moment (End)
Speed = Speed
Loop = Loop
HoursPerSecond = hours per second
KeysHint = Keys: ←/→ day · Shift+←/→ hour · PgUp/PgDn change · Space play · Home/End · +/− zoom · Esc clear
TrackHint =
    Drag or click to move in time. Each bar is a day's number of events; the orange strip shows how much of the country was under a state of emergency.
    Keys: ←/→ day · Shift+←/→ hour · PgUp/PgDn change · Space play · Home/End · +/− zoom · Esc clear
LoadFailed = The dataset could not be loaded
SoFar = Events so far
NoEventsHere = No events are recorded here.
Declared = Declared
Lifted = Lifted
DecreedEnd = Decreed to end
Curfew = Curfew
Decree = Decree
ShowOnMap = Show on the map
RegionEvents = Events concerning the region
NationalEventsOn = National events on
ClickHint = Click a city or a region on the map to see its events and sources.
NoNationalEvents = No national events are recorded on this day.
EarlierNational = Earlier national events
BackToCountry = ← Whole country
SourcesHeading = Sources
AboutDataHeading = Data and licences
AboutSimplificationsHeading = Simplifications to know about
AboutKeysHeading = Keyboard
AllSources = All sources
CitiesHeading = Cities in this region
ExportTitle = Export
ViewMenu = View
ExportWhat = Format:
ExportGif = Animated GIF
ExportFrames = PNG frames (folder)
ExportSize = Size:
ExportCustom = Custom size
ExportArea = Area:
ExportCurrentView = Current view
ExportWholeCountry = Whole country
ExportFrom = From
ExportTo = to
ExportStep = One frame every
ExportFile = File:
ExportChoose = Choose…
Cancel = Cancel
ExportExists = already exists. Replace it?
ExportReplace = Replace
ExportButton = Export
ExportMenu = Export…
ExportMenuHint = Save the map as PNG, SVG or an animation (Ctrl+E)
ExportSaved = Saved
PresetFullHd = 1920×1080 (Full HD)
Preset4k = 3840×2160 (4K)
PresetA4 = A4 landscape, 300 dpi (3508×2480)
ExportFramesUnit = frame(s)
ExportCrashed = The export stopped unexpectedly; nothing was written.
CopyImage = Copy image
CopyImageHint = Copy the map, with its title, date and legend, to the clipboard
CopyCitation = Copy citation
CopyCitationHint = Copy a citation of the dataset and of the map at the shown moment (APA and BibTeX) to the clipboard
CitationCopied = Citation copied
MapCopied = The map was copied to the clipboard.
MapNotCopied = The map could not be copied:

## Messages with numbers. Plural forms follow CLDR: English has one and other; Russian one,
## few, many, other; Kazakh one and other.
EventsN =
    { $count ->
        [one] { $count } event
       *[other] { $count } events
    }
ShowAllEventsN =
    { $count ->
        [one] Show the day's { $count } event
       *[other] Show all { $count } events of the day
    }
UnitsOfTotal =
    { $status }: { $count } / { $total ->
        [one] { $total } unit
       *[other] { $total } units
    }
PlacesN =
    { $count ->
        [one] { $count } place
       *[other] { $count } places
    }
UncertainN = { $count } uncertain
HoursPerSecondN =
    { $hours ->
        [one] { $hours } hour per second
       *[other] { $hours } hours per second
    }
DayEveryN =
    { $seconds ->
        [one] 1 day every { $seconds } second
       *[other] 1 day every { $seconds } seconds
    }

## The About window.
AboutData5 = Optional basemap: © OpenStreetMap contributors (ODbL), off by default.
AboutData6 = Typeface: DejaVu Sans (Bitstream Vera licence).
PresentLeave = Leave presentation mode
SearchHintAny = Search places and events…

# Opening data
MenuFile = File
OpenDataset = Open dataset folder…
OpenDatasetHint = A folder with a dataset.json
OpenRegions = Open regions…
OpenRegionsHint = Any GeoJSON or TopoJSON of polygons, shown in place of the regions; the periods, cities and events follow them
OpenEvents = Open events…
OpenEventsHint = A CSV (plain or an ACLED export) or an events JSON, shown in place of the events
OpenDefault = Back to the built-in dataset
LoadReport = Load report
Loading = Loading
OpenFailed = Could not open
LoadFailedKept = not opened; the data on screen stays. The problems:
ReportUnits = units
ReportPlaces = places
ReportEvents = events
ReportNothing = Everything was read as written: nothing guessed, repaired or skipped.

# Filters
SearchEvents = Events
Filter = Filter
FilterText = Events whose text contains:
FilterTextHint = words, e.g. airport
FilterKinds = Kinds of event shown:
FilterClear = Show all events
NoStatus = No status in force
