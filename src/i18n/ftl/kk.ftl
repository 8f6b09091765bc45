# Qantar интерфейсі қазақ тілінде. Хабар идентификаторлары `Msg` нұсқаларымен бірдей.
AppTitle = Qantar
Units = бірлік
Cities = қалалар
Events = оқиғалар
Sources = дереккөздер
Periods = төтенше жағдай кезеңдері
UnderEmergency = Төтенше жағдайда
NoEmergency = Төтенше жағдай жоқ
Since = бастап
TimeUnknown = уақыты белгісіз
HourUnknown = сағаты белгісіз
Later = кейінірек
EventsOnDay = Оқиғалар:
NoEventsOnDay = Бұл күні оқиға тіркелмеген.
CitiesWithEventsSoFar = Осы сәтке дейін оқиға болған қалалар
NationalEventsSoFar = Осы сәтке дейінгі жалпыұлттық оқиғалар
SituationAt = Жағдай:
OpenWindowHint = Атлас терезесі `qantar` командасымен параметрсіз ашылады.
CheckOk = Деректер жинағы дұрыс.
CheckFailed = Деректер жинағында қателер бар
KindProtest = наразылық
KindClash = қақтығыс
KindViolence = зорлық-зомбылық
KindGovernment = билік
KindEmergency = төтенше жағдай
KindSecurity = күш құрылымдары
KindCommunications = байланыс
KindInternational = халықаралық
KindCasualties = құрбандар
FlagTimeApproximate = уақыты шамамен
FlagDateInferred = күні болжанған
FlagSingleSource = бір дереккөз
FlagUnconfirmed = расталмаған
FlagFiguresDisputed = сандар әртүрлі
WholeCountry = бүкіл ел
From = бастап
About = шамамен
AtLeast = кемінде
Nearly = жуық
MoreThan = астам
ReportedAs = хабарланғаны
LocalTime = жергілікті уақыт
ShownAs = көрсетілгені
Night = түн
Morning = таң
Afternoon = күндіз
Evening = кеш
LiftedEarly = мерзімінен бұрын алынды
NotLifted = алынбаған
UnitsCount = бірлік
UnknownHourBetween = белгісіз сағатта, мына аралықта:
And = және
Presumed = болжам бойынша
ClockNotStated = дереккөзде қай уақытпен екені айтылмаған
Earliest = ең ерте
Latest = ең кеш
FlagDateDisputed = күні даулы
Sometime = осы күннің бір уақытында
LegendUncertain = Белгісіз сағатта енгізілген не алынған
LegendSometime = Осы күнгі оқиға, сағаты белгісіз
LegendCluster = Бір-біріне жақын орындар (саны)
ClickToZoom = Жақындату үшін басыңыз
UncertainUnits = белгісіз
UncertainHeading = Осы минуттағы мәртебе белгісіз
HourUnknownCap = Сағаты белгісіз
WeaklySourced = дереккөзі әлсіз: түпнұсқа хабарға сілтеме жоқ
SourceOfficial = ресми
SourceStateMedia = мемлекеттік БАҚ
SourceIndependentMedia = тәуелсіз БАҚ
SourceInternationalMedia = шетелдік БАҚ не агенттік
SourceHumanRights = құқық қорғау ұйымы
SourceEncyclopedia = энциклопедия
SourceAnalysis = талдау
SourceAggregator = агрегатор не айна
SourceUnspecified = жүктелген файлда аталған дереккөз
LegendTitle = Шартты белгілер
LegendChanged = Осы күні енгізілген не алынған
LegendViolence = Зорлық-зомбылық не қаза
LegendClash = Қақтығыстар
LegendProtest = Наразылықтар
LegendOther = Билік, басқа
LegendIdle = Осы күні оқиға жоқ
LegendSizeSoFar = Шеңбер өлшемі: осы сәтке дейінгі оқиғалар
LegendSizeToday = Шеңбер өлшемі: осы күнгі оқиғалар
LegendOwnStatus = Сақина: қаланың өз мәртебесі
LegendOwnStatusUncertain = Үзік сақина: мәртебесі әлі анық емес
Kilometres = км
DataCredit = Деректер
FitCountry = Бүкіл ел
FitCountryHint = Бүкіл елді көрсету
ZoomIn = Жақындату (+)
ZoomOut = Алыстату (−)
Cumulative = Жинақтап
CumulativeHint = Таңдалған сәтке дейінгі барлық қалалар мен оқиғаларды көрсету
DayOnly = Тек осы күн
DayOnlyHint = Тек таңдалған күннің қалалары мен оқиғаларын көрсету
OsmTiles = OpenStreetMap негізі (онлайн)
OsmTilesHint = Картаның астына OpenStreetMap негізін көрсету (интернет керек; дискіде сақталады)
TilesUnavailable = OpenStreetMap негізі қолжетімсіз; кіріктірілген карта көрсетілген
TilesNoConnection = негіз серверімен байланыс жоқ
TilesTimedOut = негіз сервері жауап бермейді
TilesRefused = негіз сервері бас тартады
AboutButton = Бағдарлама туралы
AboutTitle = Qantar туралы
NoMatch = Мұндай атаулы жер жоқ.
ToStart = |◀ Басы
ToStartHint = Бірінші сәт (Home)
PrevChange = ◀◀ Өзгеріс
PrevChangeHint = Алдыңғы өзгеріс: оқиға, енгізу не алу (Page Up)
DayBack = ◀ Күн
DayBackHint = Бір күн артқа (←)
HourBack = ◀ Сағат
HourBackHint = Бір сағат артқа (Shift+←)
Play = ▶ Ойнату
Pause = ‖ Кідірту
PlayHint = Ойнату не кідірту (Space)
HourForward = Сағат ▶
HourForwardHint = Бір сағат алға (Shift+→)
DayForward = Күн ▶
DayForwardHint = Бір күн алға (→)
NextChange = Өзгеріс ▶▶
NextChangeHint = Келесі өзгеріс: оқиға, енгізу не алу (Page Down)
ToEnd = Соңы ▶|
ToEndHint = Соңғы сәт (End)
Speed = Жылдамдық
Loop = Қайталау
HoursPerSecond = сағат секундына
KeysHint = Пернелер: ←/→ күн · Shift+←/→ сағат · PgUp/PgDn өзгеріс · Space ойнату · Home/End · +/− масштаб · Esc таңдауды алу
TrackHint =
    Уақыт бойынша жылжу үшін сүйреңіз не басыңыз. Әр баған — күндегі оқиғалар саны; қызғылт сары жолақ елдің қанша бөлігі төтенше жағдайда болғанын көрсетеді.
    Пернелер: ←/→ күн · Shift+←/→ сағат · PgUp/PgDn өзгеріс · Space ойнату · Home/End · +/− масштаб · Esc таңдауды алу
LoadFailed = Деректер жинағы жүктелмеді
SoFar = Осы сәтке дейінгі оқиғалар
NoEventsHere = Мұнда оқиға тіркелмеген.
Declared = Енгізілді
Lifted = Алынды
DecreedEnd = Жарлық бойынша мерзімі
Curfew = Коменданттық сағат
Decree = Жарлық
ShowOnMap = Картада көрсету
RegionEvents = Облысқа қатысты оқиғалар
NationalEventsOn = Жалпыұлттық оқиғалар:
ClickHint = Оқиғалары мен дереккөздерін көру үшін картадағы қаланы не облысты басыңыз.
NoNationalEvents = Бұл күні жалпыұлттық оқиға тіркелмеген.
EarlierNational = Бұрынғы жалпыұлттық оқиғалар
BackToCountry = ← Бүкіл ел
SourcesHeading = Дереккөздер
AboutDataHeading = Деректер мен лицензиялар
AboutSimplificationsHeading = Білу керек жеңілдетулер
AboutKeysHeading = Пернетақта
AllSources = Барлық дереккөздер
CitiesHeading = Осы облыстың қалалары
ExportTitle = Экспорт
ViewMenu = Көрініс
ExportWhat = Пішім:
ExportGif = Анимациялы GIF
ExportFrames = PNG кадрлары (қалта)
ExportSize = Өлшемі:
ExportCustom = Өз өлшемі
ExportArea = Аумақ:
ExportCurrentView = Қазіргі көрініс
ExportWholeCountry = Бүкіл ел
ExportFrom = Бастап
ExportTo = дейін
ExportStep = Әр кадр аралығы
ExportFile = Файл:
ExportChoose = Таңдау…
Cancel = Бас тарту
ExportExists = бұрыннан бар. Ауыстыру керек пе?
ExportReplace = Ауыстыру
ExportButton = Экспорттау
ExportMenu = Экспорт…
ExportMenuHint = Картаны PNG, SVG не анимация ретінде сақтау (Ctrl+E)
ExportSaved = Сақталды
PresetFullHd = 1920×1080 (Full HD)
Preset4k = 3840×2160 (4K)
PresetA4 = A4 көлденең, 300 dpi (3508×2480)
ExportFramesUnit = кадр
ExportCrashed = Экспорт күтпеген жерден тоқтады; ештеңе жазылмады.
CopyImage = Суретті көшіру
CopyImageHint = Картаны тақырыбымен, күнімен және шартты белгілерімен алмасу буферіне көшіру
CopyCitation = Библиографиялық сілтемені көшіру
CopyCitationHint = Деректер жиынына және көрсетілген сәттегі картаға сілтемені алмасу буферіне көшіру (APA және BibTeX)
CitationCopied = Библиографиялық сілтеме көшірілді
MapCopied = Карта алмасу буферіне көшірілді.
MapNotCopied = Картаны көшіру мүмкін болмады:

## Сандары бар хабарлар: қазақ тілінде саннан кейінгі зат есім жекеше тұрады.
EventsN = { $count } оқиға
ShowAllEventsN = Күннің барлық оқиғасын көрсету: { $count }
UnitsOfTotal = { $status }: { $count } / { $total } бірлік
PlacesN = { $count } орын
UncertainN = белгісіз: { $count }
HoursPerSecondN = секундына { $hours } сағат
DayEveryN = { $seconds } секундта 1 күн

## Added with the story and presentation mode.
LanguageHint = Атластың тілі: сөздері, күндері және жер атаулары
WholeCountryEvents = Бүкіл ел бойынша
NoStory = Бұл деректер жинағында әңгіме жоқ.
SettingsReset = Сақталған баптаулар оқылмады; әдепкі баптаулар қолданылады.
FrameFailed = Терезені салу кезінде ақау болды, бұл кадр өткізілді; терезе жұмысын жалғастырады
OnlyWebLinks = Тек веб-сілтемелер (http және https) ашылады; бұл сілтеме ашылмайды
KeysTitle = Пернелер
KeysList =
    ←/→: бір күн артқа не алға (әңгімеде: алдыңғы не келесі тарау)
    Shift+←/→: бір сағат артқа не алға
    PgUp/PgDn: алдыңғы не келесі өзгеріс
    Home/End: бірінші не соңғы сәт
    Space: ойнату не кідірту
    S: әңгімені ашу не жабу
    F11: көрсету режимі; Esc одан шығарады
    Ctrl+= / Ctrl+−: үлкейту не кішірейту
    +/−: картаны үлкейту не кішірейту
    Esc: таңдауды алып тастау
    Ctrl+E: экспорт
    Tab: басқару элементтері арасында жылжу
    C / Shift+C: оқиғасы бар келесі не алдыңғы қала
    F: бүкіл елді көрсету
    ?: осы тізім
InEnglish = (ағылшынша: әлі аударылмаған)
SkipQuiet = Тыныш сағаттарды өткізу
ThemeLight = Ашық
ThemeDark = Қараңғы
ThemeHighContrast = Жоғары контраст
SkipQuietHint = Ойнату ештеңе өзгермейтін бір сағаттан ұзақ аралықтарды бірден өтеді
StoryButton = Әңгіме
StoryHint = Оқиғалар туралы тарау-тарау әңгіме (S; ←/→ тарауларды ауыстырады)
StoryPrev = ◀ Алдыңғы
StoryNext = Келесі ▶
StoryClose = Әңгімені жабу
ChapterOf = Тарау
PresentButton = Көрсету
PresentHint = Көрсету режимі: толық экран, ірі қаріп (F11; Esc шығарады; Ctrl+= / Ctrl+− өлшем)

## The About window.
AboutData5 = Қосымша негіз: © OpenStreetMap қатысушылары (ODbL), әдепкі бойынша өшірулі.
AboutData6 = Қаріп: DejaVu Sans (Bitstream Vera лицензиясы).
PresentLeave = Көрсету режимінен шығу
SearchHintAny = Орындар мен оқиғаларды іздеу…

# Opening data
MenuFile = Файл
OpenDataset = Деректер жинағы бар буманы ашу…
OpenDatasetHint = dataset.json файлы бар бума
OpenRegions = Өңір шекараларын ашу…
OpenRegionsHint = Қазіргі өңірлердің орнына кез келген полигонды GeoJSON не TopoJSON; кезеңдер, қалалар мен оқиғалар соларға көшеді
OpenEvents = Оқиғаларды ашу…
OpenEventsHint = Қазіргі оқиғалардың орнына CSV (қарапайым не ACLED экспорты) немесе оқиғалар JSON файлы
OpenDefault = Кіріктірілген деректер жинағына оралу
LoadReport = Жүктеу есебі
Loading = Жүктелуде:
OpenFailed = Ашу мүмкін болмады
LoadFailedKept = ашылмады; экранда бұрынғы деректер қалады. Қателер:
ReportUnits = бірлік
ReportPlaces = орын
ReportEvents = оқиға
ReportNothing = Бәрі жазылғандай оқылды: ештеңе болжанбады, түзетілмеді, өткізілмеді.

# Filters
SearchEvents = Оқиғалар
Filter = Сүзгі
FilterText = Мәтінінде мына сөз бар оқиғалар:
FilterTextHint = сөздер, мысалы: әуежай
FilterKinds = Көрсетілетін оқиға түрлері:
FilterClear = Барлық оқиғаны көрсету
NoStatus = Ешбір режим қолданылмайды
