# Интерфейс Qantar на русском. Идентификаторы сообщений совпадают с вариантами `Msg`.
AppTitle = Qantar
Units = единицы
Cities = города
Events = события
Sources = источники
Periods = периоды чрезвычайного положения
UnderEmergency = Под чрезвычайным положением
NoEmergency = Нет чрезвычайного положения
Since = с
TimeUnknown = время неизвестно
HourUnknown = час неизвестен
Later = позже
EventsOnDay = События за
NoEventsOnDay = В этот день событий не зафиксировано.
CitiesWithEventsSoFar = Города с событиями на этот момент
NationalEventsSoFar = Общенациональные события на этот момент
SituationAt = Положение на
OpenWindowHint = Окно атласа открывается командой `qantar` без параметров.
CheckOk = Набор данных корректен.
CheckFailed = В наборе данных есть ошибки
KindProtest = протест
KindClash = столкновения
KindViolence = насилие
KindGovernment = власти
KindEmergency = чрезвычайное положение
KindSecurity = силовые структуры
KindCommunications = связь
KindInternational = международное
KindCasualties = жертвы
FlagTimeApproximate = время приблизительное
FlagDateInferred = дата выведена
FlagSingleSource = один источник
FlagUnconfirmed = не подтверждено
FlagFiguresDisputed = цифры расходятся
WholeCountry = вся страна
From = с
About = около
AtLeast = не менее
Nearly = почти
MoreThan = более
ReportedAs = сообщено как
LocalTime = местное время
ShownAs = показано как
Night = ночь
Morning = утро
Afternoon = день
Evening = вечер
LiftedEarly = отменено досрочно
NotLifted = не отменено
UnitsCount = единиц
UnknownHourBetween = в неизвестный час между
And = и
Presumed = предположительно
ClockNotStated = в источнике не сказано, по какому времени
Earliest = не раньше
Latest = не позже
FlagDateDisputed = дата оспаривается
Sometime = в какое-то время этого дня
LegendUncertain = Введено или отменено в неизвестный час
LegendSometime = Событие этого дня, час неизвестен
LegendCluster = Места рядом друг с другом (сколько их)
ClickToZoom = Щёлкните, чтобы приблизить
UncertainUnits = неясно
UncertainHeading = Статус на эту минуту неизвестен
HourUnknownCap = Час неизвестен
WeaklySourced = слабые источники: нет ссылки на первоисточник
SourceOfficial = официальный
SourceStateMedia = государственные СМИ
SourceIndependentMedia = независимые СМИ
SourceInternationalMedia = зарубежные СМИ или агентство
SourceHumanRights = правозащитная организация
SourceEncyclopedia = энциклопедия
SourceAnalysis = аналитика
SourceAggregator = агрегатор или зеркало
SourceUnspecified = источник, указанный в загруженном файле
LegendTitle = Легенда
LegendChanged = Введено или отменено в этот день
LegendViolence = Насилие или гибель людей
LegendClash = Столкновения
LegendProtest = Протесты
LegendOther = Власти, прочее
LegendIdle = В этот день событий нет
LegendSizeSoFar = Размер круга: события на этот момент
LegendSizeToday = Размер круга: события этого дня
LegendOwnStatus = Кольцо: собственный статус города
LegendOwnStatusUncertain = Пунктирное кольцо: статус ещё не ясен
Kilometres = км
DataCredit = Данные
FitCountry = Вся страна
FitCountryHint = Показать всю страну
ZoomIn = Приблизить (+)
ZoomOut = Отдалить (−)
Cumulative = Накопительно
CumulativeHint = Показать все города и события до выбранного момента
DayOnly = Только этот день
DayOnlyHint = Показать только города и события выбранного дня
OsmTiles = Подложка OpenStreetMap (онлайн)
OsmTilesHint = Показать под картой подложку OpenStreetMap (нужен интернет; кэшируется на диске)
TilesUnavailable = Подложка OpenStreetMap недоступна; показана встроенная карта
TilesNoConnection = нет связи с сервером подложки
TilesTimedOut = сервер подложки не отвечает
TilesRefused = сервер подложки отказывает
AboutButton = О программе
AboutTitle = О Qantar
NoMatch = Места с таким названием нет.
ToStart = |◀ Начало
ToStartHint = Первый момент (Home)
PrevChange = ◀◀ Изменение
PrevChangeHint = Предыдущее изменение: событие, введение или отмена (Page Up)
DayBack = ◀ День
DayBackHint = На день назад (←)
HourBack = ◀ Час
HourBackHint = На час назад (Shift+←)
Play = ▶ Пуск
Pause = ‖ Пауза
PlayHint = Пуск или пауза (Space)
HourForward = Час ▶
HourForwardHint = На час вперёд (Shift+→)
DayForward = День ▶
DayForwardHint = На день вперёд (→)
NextChange = Изменение ▶▶
NextChangeHint = Следующее изменение: событие, введение или отмена (Page Down)
ToEnd = Конец ▶|
ToEndHint = Последний момент (End)
Speed = Скорость
Loop = По кругу
HoursPerSecond = часов в секунду
KeysHint = Клавиши: ←/→ день · Shift+←/→ час · PgUp/PgDn изменение · Space пуск · Home/End · +/− масштаб · Esc снять выбор
TrackHint =
    Перетащите или щёлкните, чтобы перейти во времени. Каждый столбик — число событий за день; оранжевая полоса показывает, какая часть страны была под чрезвычайным положением.
    Клавиши: ←/→ день · Shift+←/→ час · PgUp/PgDn изменение · Space пуск · Home/End · +/− масштаб · Esc снять выбор
LoadFailed = Не удалось загрузить набор данных
SoFar = События на этот момент
NoEventsHere = Здесь событий не зафиксировано.
Declared = Введено
Lifted = Отменено
DecreedEnd = Срок по указу
Curfew = Комендантский час
Decree = Указ
ShowOnMap = Показать на карте
RegionEvents = События, касающиеся области
NationalEventsOn = Общенациональные события за
ClickHint = Щёлкните город или область на карте, чтобы увидеть события и источники.
NoNationalEvents = В этот день общенациональных событий не зафиксировано.
EarlierNational = Прежние общенациональные события
BackToCountry = ← Вся страна
SourcesHeading = Источники
AboutDataHeading = Данные и лицензии
AboutSimplificationsHeading = Упрощения, о которых стоит знать
AboutKeysHeading = Клавиатура
AllSources = Все источники
CitiesHeading = Города этой области
ExportTitle = Экспорт
ViewMenu = Вид
ExportWhat = Формат:
ExportGif = Анимированный GIF
ExportFrames = Кадры PNG (папка)
ExportSize = Размер:
ExportCustom = Свой размер
ExportArea = Область:
ExportCurrentView = Текущий вид
ExportWholeCountry = Вся страна
ExportFrom = С
ExportTo = по
ExportStep = Кадр каждые
ExportFile = Файл:
ExportChoose = Выбрать…
Cancel = Отмена
ExportExists = уже существует. Заменить?
ExportReplace = Заменить
ExportButton = Экспорт
ExportMenu = Экспорт…
ExportMenuHint = Сохранить карту как PNG, SVG или анимацию (Ctrl+E)
ExportSaved = Сохранено
PresetFullHd = 1920×1080 (Full HD)
Preset4k = 3840×2160 (4K)
PresetA4 = A4 альбомный, 300 dpi (3508×2480)
ExportFramesUnit = кадр(ов)
ExportCrashed = Экспорт неожиданно прервался; ничего не записано.
CopyImage = Копировать изображение
CopyImageHint = Скопировать карту с заголовком, датой и легендой в буфер обмена
CopyCitation = Копировать библиографическую ссылку
CopyCitationHint = Скопировать в буфер обмена ссылку на набор данных и на карту в показанный момент (APA и BibTeX)
CitationCopied = Библиографическая ссылка скопирована
MapCopied = Карта скопирована в буфер обмена.
MapNotCopied = Не удалось скопировать карту:

## Сообщения с числами: формы по правилам CLDR (one, few, many, other).
EventsN =
    { $count ->
        [one] { $count } событие
        [few] { $count } события
        [many] { $count } событий
       *[other] { $count } события
    }
ShowAllEventsN = Показать все события дня: { $count }
UnitsOfTotal =
    { $status }: { $count } / { $total ->
        [one] { $total } единица
        [few] { $total } единицы
        [many] { $total } единиц
       *[other] { $total } единицы
    }
PlacesN =
    { $count ->
        [one] { $count } место
        [few] { $count } места
        [many] { $count } мест
       *[other] { $count } места
    }
UncertainN = неясно: { $count }
HoursPerSecondN =
    { $hours ->
        [one] { $hours } час в секунду
        [few] { $hours } часа в секунду
        [many] { $hours } часов в секунду
       *[other] { $hours } часа в секунду
    }
DayEveryN =
    { $seconds ->
        [one] 1 день за { $seconds } секунду
        [few] 1 день за { $seconds } секунды
        [many] 1 день за { $seconds } секунд
       *[other] 1 день за { $seconds } секунды
    }

## Added with the story and presentation mode.
LanguageHint = Язык атласа: его слова, даты и названия мест
WholeCountryEvents = По всей стране
NoStory = В этом наборе данных нет рассказа.
SettingsReset = Сохранённые настройки не удалось прочитать; используются настройки по умолчанию.
FrameFailed = При отрисовке окна произошёл сбой, этот кадр пропущен; окно продолжает работать
OnlyWebLinks = Открываются только веб-ссылки (http и https); эта — нет
KeysTitle = Клавиши
KeysList =
    ←/→: на день назад или вперёд (в рассказе: предыдущая или следующая глава)
    Shift+←/→: на час назад или вперёд
    PgUp/PgDn: предыдущее или следующее изменение
    Home/End: первый или последний момент
    Space: пуск или пауза
    S: открыть или закрыть рассказ
    F11: режим презентации; Esc — выход из него
    Ctrl+= / Ctrl+−: крупнее или мельче
    +/−: масштаб карты
    Esc: снять выделение
    Ctrl+E: экспорт
    Tab: переход между элементами управления
    C / Shift+C: следующий или предыдущий город с событиями
    F: показать всю страну
    ?: этот список
InEnglish = (на английском: ещё не переведено)
SkipQuiet = Пропускать тихие часы
ThemeLight = Светлая
ThemeDark = Тёмная
ThemeHighContrast = Высокий контраст
SkipQuietHint = Воспроизведение проскакивает отрезки длиннее часа, в которые ничего не меняется
StoryButton = История
StoryHint = Рассказ о событиях, глава за главой (S; ←/→ листают главы)
StoryPrev = ◀ Назад
StoryNext = Далее ▶
StoryClose = Закрыть рассказ
ChapterOf = Глава
PresentButton = Показ
PresentHint = Режим презентации: весь экран, крупный шрифт (F11; Esc — выход; Ctrl+= / Ctrl+− — размер)

## The About window.
AboutData5 = Необязательная подложка: © участники OpenStreetMap (ODbL), по умолчанию выключена.
AboutData6 = Шрифт: DejaVu Sans (лицензия Bitstream Vera).
PresentLeave = Выйти из режима презентации
SearchHintAny = Поиск мест и событий…

# Opening data
MenuFile = Файл
OpenDataset = Открыть папку с набором данных…
OpenDatasetHint = Папка с файлом dataset.json
OpenRegions = Открыть границы регионов…
OpenRegionsHint = Любой GeoJSON или TopoJSON с полигонами вместо нынешних регионов; периоды, города и события переходят на них
OpenEvents = Открыть события…
OpenEventsHint = CSV (обычный или выгрузка ACLED) или JSON событий вместо нынешних событий
OpenDefault = Вернуться к встроенному набору данных
LoadReport = Отчёт о загрузке
Loading = Загрузка:
OpenFailed = Не удалось открыть
LoadFailedKept = не открыт; на экране остаются прежние данные. Ошибки:
ReportUnits = единиц
ReportPlaces = мест
ReportEvents = событий
ReportNothing = Всё прочитано как записано: ничего не угадано, не исправлено и не пропущено.

# Filters
SearchEvents = События
Filter = Фильтр
FilterText = События, в тексте которых есть:
FilterTextHint = слова, например: аэропорт
FilterKinds = Показываемые виды событий:
FilterClear = Показать все события
NoStatus = Ни один режим не действует
